package kiln.runtime.interp;

import java.util.ArrayDeque;
import java.util.Deque;
import kiln.runtime.interp.value.ScriptObject;

/**
 * The values of one execution of a {@link Plan}: one slot per SSA value of its graph, nested blocks included; and
 * the objects its {@code with} statements entered and have not exited yet.
 */
final class Frame {
    final Object[] slots;
    final Interpreter interpreter;
    Deque<ScriptObject> entered;
    /** Per slot: whether it holds a tensor its producing kernel made fresh ({@link KernelStep}); made on demand. */
    private boolean[] fresh;

    Frame(int size, Interpreter interpreter) {
        this.slots = new Object[size];
        this.interpreter = interpreter;
    }

    boolean[] fresh() {
        if (fresh == null) {
            fresh = new boolean[slots.length];
        }
        return fresh;
    }

    Deque<ScriptObject> entered() {
        if (entered == null) {
            entered = new ArrayDeque<>();
        }
        return entered;
    }
}
