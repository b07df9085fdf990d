package kiln.runtime.interp.kernels;

import kiln.dialects.ir.Operation;

/**
 * Makes the kernel for one op node, for kernels that need the node (its result type, per-node state such as
 * "warn once") or the interpreter's services. Called once per node, when its graph's plan is built.
 */
@FunctionalInterface
public interface KernelFactory {
    Kernel bind(Operation op, KernelContext context);
}
