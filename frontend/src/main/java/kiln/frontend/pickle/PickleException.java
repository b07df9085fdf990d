package kiln.frontend.pickle;

/** A pickle that is malformed, exceeds a limit or asks for something not allowed; the message names the source. */
public class PickleException extends RuntimeException {
    public PickleException(String message) {
        super(message);
    }

    public PickleException(String message, Throwable cause) {
        super(message, cause);
    }
}
