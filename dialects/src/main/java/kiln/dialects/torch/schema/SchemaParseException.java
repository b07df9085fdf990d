package kiln.dialects.torch.schema;

/** A schema that does not read, with the offset of the problem in its text. */
public final class SchemaParseException extends IllegalArgumentException {
    private final int offset;

    public SchemaParseException(String text, int offset, String message) {
        super(message + " (column " + (offset + 1) + " of: " + text + ")");
        this.offset = offset;
    }

    /** Where in the schema text the problem is (0-based). */
    public int offset() {
        return offset;
    }
}
