package kiln.lowering.torch;

import java.util.Optional;
import java.util.function.Supplier;
import kiln.dialects.ir.IRMapping;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.torch.types.ClassType;

/**
 * Where {@link CallInliner} finds the code a call runs: the TorchScript compiler gives its script functions and
 * methods, a module its functions by symbol ({@link ModuleCallees}). A callee's body is a graph region: its entry
 * block's arguments are the inputs (a method's {@code self} first), its terminator's operands the outputs.
 */
public interface Callees {
    /**
     * A function or method to inline.
     *
     * @param key  what names it uniquely: one copy of its body is made and has its own calls inlined, whatever the
     *             number of calls
     * @param body the callee's body (not changed by the inliner)
     */
    record Callee(String key, Supplier<Region> body) {
    }

    /** The function that a {@code Function} constant ({@code prim::Constant[name="f"]}) names, if known here. */
    Optional<Callee> function(Operation constant);

    /** Method {@code name} of class {@code type}, if known here. */
    Optional<Callee> method(ClassType type, String name);

    /**
     * Called after the inliner copied the ops of {@code original} ({@code mapping} takes its values to their copies),
     * for callees that tell functions apart by which constant op names them.
     */
    default void copied(Region original, IRMapping mapping) {
    }
}
