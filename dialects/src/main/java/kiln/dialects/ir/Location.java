package kiln.dialects.ir;

/** Where an operation came from: a source position, or nothing known. */
public sealed interface Location {

    Location UNKNOWN = Unknown.INSTANCE;

    /** {@code file:line:col}, as TorchScript prints it after {@code #} on a node line. */
    record FileLineCol(String file, int line, int col) implements Location {
        @Override
        public String toString() {
            return file + ":" + line + ":" + col;
        }
    }

    enum Unknown implements Location {
        INSTANCE;

        @Override
        public String toString() {
            return "<unknown>";
        }
    }

    static Location of(String file, int line, int col) {
        return new FileLineCol(file, line, col);
    }
}
