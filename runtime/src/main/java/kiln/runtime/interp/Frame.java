package kiln.runtime.interp;

/** The values of one execution of a {@link Plan}: one slot per SSA value of its graph, nested blocks included. */
final class Frame {
    final Object[] slots;
    final Interpreter interpreter;

    Frame(int size, Interpreter interpreter) {
        this.slots = new Object[size];
        this.interpreter = interpreter;
    }
}
