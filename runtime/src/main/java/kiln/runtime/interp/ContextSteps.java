package kiln.runtime.interp;

import kiln.dialects.ir.Operation;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptObject;
import kiln.runtime.interp.value.Values;

/**
 * The steps of {@code with} statements, as TorchScript's interpreter runs them: {@code prim::Enter} calls the
 * object's {@code __enter__} and remembers the object in the frame; {@code prim::Exit} calls {@code __exit__} of the
 * object entered last with three Nones (TorchScript passes no exception to it). When an exception leaves a frame,
 * the objects it entered and did not exit are exited, innermost first, before the exception goes on.
 */
final class ContextSteps {
    private ContextSteps() {
    }

    /** {@code prim::Enter(obj)}: the result of {@code obj.__enter__()}. */
    record Enter(Operation op, int in, int out) implements Step {
        @Override
        public void run(Frame frame) {
            Object v = frame.slots[in];
            if (!(v instanceof ScriptObject obj)) {
                throw ScriptException.typeError("with item is not an object but " + Values.typeName(v));
            }
            frame.slots[out] = frame.interpreter.callMethod(obj, "__enter__");
            frame.entered().push(obj);
        }
    }

    /** {@code prim::Exit(obj)}: {@code __exit__(None, None, None)} of the object entered last. */
    record Exit(Operation op, int[] out) implements Step {
        @Override
        public void run(Frame frame) {
            ScriptObject obj = frame.entered().pop();
            Object result = exit(frame.interpreter, obj);
            for (int slot : out) {
                frame.slots[slot] = result;
            }
        }
    }

    /** Exits what {@code frame} entered and has not exited, innermost first; errors from {@code __exit__} are dropped. */
    static void unwind(Frame frame) {
        if (frame.entered == null) {
            return;
        }
        while (!frame.entered.isEmpty()) {
            try {
                exit(frame.interpreter, frame.entered.pop());
            } catch (RuntimeException ignored) {
                // as TorchScript's interpreter: the exception in flight is the one reported
            }
        }
    }

    private static Object exit(Interpreter interpreter, ScriptObject obj) {
        return interpreter.callMethod(obj, "__exit__", null, null, null);
    }
}
