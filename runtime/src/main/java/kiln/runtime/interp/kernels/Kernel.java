package kiln.runtime.interp.kernels;

/**
 * One operator overload's implementation: a function of the op's operand values (see the value mapping in
 * {@code kiln.runtime.interp}). It returns the op's result ({@code null} for None or for an op without results),
 * or, for an op with several results ({@code aten::max.dim}), an {@code Object[]} holding one value per result.
 */
@FunctionalInterface
public interface Kernel {
    Object call(Object[] args);
}
