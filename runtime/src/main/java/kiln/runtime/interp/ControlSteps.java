package kiln.runtime.interp;

import java.util.concurrent.CompletableFuture;
import kiln.dialects.ir.Operation;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptFunction;
import kiln.runtime.interp.value.ScriptFuture;
import kiln.runtime.interp.value.ScriptObject;
import kiln.runtime.interp.value.ScriptTuple;
import kiln.runtime.interp.value.ValuePrinter;
import kiln.runtime.interp.value.Values;

/** The steps that transfer control: branches, loops, calls, {@code fork} and {@code raise}. */
final class ControlSteps {
    private ControlSteps() {
    }

    static Object[] read(Object[] slots, int[] in, int from) {
        Object[] out = new Object[in.length - from];
        for (int i = from; i < in.length; i++) {
            out[i - from] = slots[in[i]];
        }
        return out;
    }

    static void write(Object[] slots, int[] out, Object[] values) {
        for (int i = 0; i < out.length; i++) {
            slots[out[i]] = values[i];
        }
    }

    /** {@code prim::If}: runs one block; its outputs become the op's results. */
    record If(Operation op, int condition, Body then, Body otherwise, int[] results) implements Step {
        @Override
        public void run(Frame frame) {
            Object[] s = frame.slots;
            Body taken = (Boolean) s[condition] ? then : otherwise;
            taken.run(frame);
            int[] outs = taken.outputs();
            for (int i = 0; i < results.length; i++) {
                s[results[i]] = s[outs[i]];
            }
        }
    }

    /**
     * {@code prim::Loop(max_trip_count, initial_condition, carried...)}: runs the body while the condition holds
     * and fewer than {@code max_trip_count} iterations ran; the body gets the iteration number and the carried
     * values, and returns the next condition and carried values.
     */
    record Loop(Operation op, int maxTrips, int initialCondition, int[] initial, int iteration, int[] carried,
            Body body, int[] results) implements Step {
        @Override
        public void run(Frame frame) {
            Object[] s = frame.slots;
            long max = (Long) s[maxTrips];
            boolean condition = (Boolean) s[initialCondition];
            int n = initial.length;
            Object[] values = new Object[n];
            for (int i = 0; i < n; i++) {
                values[i] = s[initial[i]];
            }
            int[] outs = body.outputs();
            for (long trip = 0; condition && trip < max; trip++) {
                s[iteration] = trip;
                for (int i = 0; i < n; i++) {
                    s[carried[i]] = values[i];
                }
                body.run(frame);
                condition = (Boolean) s[outs[0]];
                for (int i = 0; i < n; i++) {
                    values[i] = s[outs[i + 1]];
                }
            }
            for (int i = 0; i < n; i++) {
                s[results[i]] = values[i];
            }
        }
    }

    /** {@code prim::CallMethod[name=m](self, args...)}: runs the method's graph for self's class. */
    record CallMethod(Operation op, String method, int[] in, int[] out) implements Step {
        @Override
        public void run(Frame frame) {
            Object self = frame.slots[in[0]];
            if (!(self instanceof ScriptObject obj)) {
                throw ScriptException.typeError("cannot call method '" + method + "' on "
                        + Values.typeName(self));
            }
            Plan plan = frame.interpreter.methodPlan(obj.className(), method);
            write(frame.slots, out, plan.execute(frame.interpreter, read(frame.slots, in, 0)));
        }
    }

    /** {@code prim::CallFunction(fn, args...)}: runs the graph of the script function {@code fn} names. */
    record CallFunction(Operation op, int[] in, int[] out) implements Step {
        @Override
        public void run(Frame frame) {
            Object fn = frame.slots[in[0]];
            if (!(fn instanceof ScriptFunction f)) {
                throw ScriptException.typeError("cannot call " + Values.typeName(fn));
            }
            Plan plan = frame.interpreter.functionPlan(f.name());
            write(frame.slots, out, plan.execute(frame.interpreter, read(frame.slots, in, 1)));
        }
    }

    /**
     * {@code prim::fork}: runs its subgraph on the interpreter's fork executor and yields a {@link ScriptFuture}
     * of the subgraph's output; {@code aten::wait} reads it.
     */
    record Fork(Operation op, Plan subgraph, int[] in, int out) implements Step {
        @Override
        public void run(Frame frame) {
            Object[] args = read(frame.slots, in, 0);
            Interpreter interpreter = frame.interpreter;
            CompletableFuture<Object> result = CompletableFuture.supplyAsync(
                    () -> {
                        Object[] outputs = subgraph.execute(interpreter, args);
                        return outputs.length == 1 ? outputs[0] : ScriptTuple.of(outputs);
                    }, interpreter.forkExecutor());
            frame.slots[out] = new ScriptFuture(result);
        }
    }

    /** {@code prim::RaiseException(message, class?)}: raises the program's exception. */
    record Raise(Operation op, int message, int pythonClass) implements Step {
        @Override
        public void run(Frame frame) {
            Object msg = frame.slots[message];
            Object cls = pythonClass < 0 ? null : frame.slots[pythonClass];
            throw new ScriptException(cls instanceof String c ? c : "builtins.Exception",
                    msg instanceof String m ? m : ValuePrinter.print(msg));
        }
    }
}
