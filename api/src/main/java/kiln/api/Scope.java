package kiln.api;

/** What a {@link Result}'s values hang on: once closed, its tensors refuse every access. */
final class Scope {
    private volatile boolean closed;

    boolean isClosed() {
        return closed;
    }

    void close() {
        closed = true;
    }
}
