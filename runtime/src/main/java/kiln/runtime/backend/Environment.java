package kiln.runtime.backend;

import java.util.Objects;
import kiln.runtime.interp.Callables;

/**
 * What a backend needs from the program around a graph.
 *
 * @param callables where {@code prim::CallMethod}/{@code prim::CallFunction} find the graphs they call
 * @param output    where TorchScript's {@code print} writes
 * @param warnings  where warnings go
 */
public record Environment(Callables callables, Appendable output, Appendable warnings) {
    public Environment {
        Objects.requireNonNull(callables);
        Objects.requireNonNull(output);
        Objects.requireNonNull(warnings);
    }

    /** No callable code; printing to {@code System.out}, warnings to {@code System.err}. */
    public static Environment standard() {
        return new Environment(Callables.NONE, System.out, System.err);
    }

    public Environment withCallables(Callables value) {
        return new Environment(value, output, warnings);
    }

    public Environment withOutput(Appendable value) {
        return new Environment(callables, value, warnings);
    }

    public Environment withWarnings(Appendable value) {
        return new Environment(callables, output, value);
    }
}
