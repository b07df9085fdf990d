package kiln.runtime.interp;

import kiln.dialects.ir.Operation;
import kiln.runtime.interp.kernels.Kernel;
import kiln.runtime.interp.value.ScriptException;

/** An operator op bound to its kernel: reads the operand slots, calls the kernel, writes the result slots. */
record KernelStep(Operation op, int[] in, int[] out, Kernel kernel) implements Step {

    @Override
    public void run(Frame frame) {
        Object[] s = frame.slots;
        Object[] args = new Object[in.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = s[in[i]];
        }
        Object result = kernel.call(args);
        if (out.length == 1) {
            s[out[0]] = result;
        } else if (out.length > 1) {
            Object[] results = (Object[]) result;
            for (int i = 0; i < out.length; i++) {
                s[out[i]] = results[i];
            }
        }
    }

    /** A step for an op without a kernel: running it is an error that says why. */
    record Unsupported(Operation op, String reason) implements Step {
        @Override
        public void run(Frame frame) {
            throw new ScriptException("builtins.NotImplementedError", reason);
        }
    }
}
