package kiln.dialects.torch.types;

/** A type's text could not be read; {@link #offset()} is where in the text the problem was found. */
public final class TypeParseException extends IllegalArgumentException {
    private final int offset;
    private final String reason;

    public TypeParseException(int offset, String reason) {
        super("at offset " + offset + ": " + reason);
        this.offset = offset;
        this.reason = reason;
    }

    /** Index into the parsed text. */
    public int offset() {
        return offset;
    }

    /** The message without the offset. */
    public String reason() {
        return reason;
    }
}
