package kiln.runtime.interp;

import kiln.runtime.interp.value.ScriptException;

/**
 * A block compiled for execution: its steps in order and the slots of its outputs (the operands of its
 * {@code prim::Return}). An error leaving a step is converted to a {@link ScriptException} that names the op.
 */
record Body(Step[] steps, int[] outputs) {

    void run(Frame frame) {
        Step[] s = steps;
        int i = 0;
        try {
            for (; i < s.length; i++) {
                s[i].run(frame);
            }
        } catch (RuntimeException e) {
            throw ScriptException.from(e).at(s[i].op());
        } catch (StackOverflowError e) {
            throw ScriptException.runtimeError("maximum recursion depth exceeded").at(s[i].op());
        }
    }

    /** The output values after {@link #run}. */
    Object[] outputValues(Frame frame) {
        Object[] out = new Object[outputs.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = frame.slots[outputs[i]];
        }
        return out;
    }
}
