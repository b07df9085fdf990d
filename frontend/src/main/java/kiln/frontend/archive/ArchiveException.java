package kiln.frontend.archive;

/** An archive that is malformed, hostile or not what PyTorch writes; the message names the entry or offset. */
public class ArchiveException extends RuntimeException {
    public ArchiveException(String message) {
        super(message);
    }

    public ArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
