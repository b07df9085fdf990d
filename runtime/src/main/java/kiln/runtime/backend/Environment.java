package kiln.runtime.backend;

import java.util.Objects;
import kiln.runtime.interp.Callables;
import kiln.runtime.interp.ConstantTable;

/**
 * What a backend needs from the program around a graph.
 *
 * @param callables where {@code prim::CallMethod}/{@code prim::CallFunction} find the graphs they call
 * @param constants where tensor constants of an archive's code ({@code CONSTANTS.c0}) get their data
 * @param output    where TorchScript's {@code print} writes
 * @param warnings  where warnings go
 */
public record Environment(Callables callables, ConstantTable constants, Appendable output, Appendable warnings) {
    public Environment {
        Objects.requireNonNull(callables);
        Objects.requireNonNull(constants);
        Objects.requireNonNull(output);
        Objects.requireNonNull(warnings);
    }

    /** No callable code or constants; printing to {@code System.out}, warnings to {@code System.err}. */
    public static Environment standard() {
        return new Environment(Callables.NONE, ConstantTable.NONE, System.out, System.err);
    }

    public Environment withCallables(Callables value) {
        return new Environment(value, constants, output, warnings);
    }

    public Environment withConstants(ConstantTable value) {
        return new Environment(callables, value, output, warnings);
    }

    public Environment withOutput(Appendable value) {
        return new Environment(callables, constants, value, warnings);
    }

    public Environment withWarnings(Appendable value) {
        return new Environment(callables, constants, output, value);
    }
}
