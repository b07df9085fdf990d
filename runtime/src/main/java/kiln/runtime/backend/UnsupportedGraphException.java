package kiln.runtime.backend;

import java.util.List;

/** A backend was given a graph holding ops it cannot run; {@link #unsupported()} says which, and where. */
public final class UnsupportedGraphException extends RuntimeException {
    private final List<String> unsupported;

    public UnsupportedGraphException(String target, String graph, List<String> unsupported) {
        super("target '" + target + "' cannot run " + graph + ": " + String.join("; ", unsupported));
        this.unsupported = List.copyOf(unsupported);
    }

    public List<String> unsupported() {
        return unsupported;
    }
}
