package kiln.runtime.interp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import kiln.dialects.ir.BlockArgument;
import kiln.dialects.torch.types.TorchType;
import kiln.runtime.backend.Outputs;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.TypeCheck;
import kiln.runtime.interp.value.Values;
import kiln.runtime.tensor.Storage;

/**
 * A graph compiled for execution: each SSA value has a slot in a frame array, each op a {@link Step} with its
 * kernel already bound. An interpreter builds one plan per graph and reuses it for every call, from any thread
 * (a call's state lives in its own frame).
 */
public final class Plan {
    private final String name;
    private final int frameSize;
    private final int[] inputSlots;
    private final List<BlockArgument> inputs;
    private final Body body;
    private final List<String> unsupported;
    /** Whether the graph keeps no value it makes anywhere but in its outputs (see {@link #invoke}). */
    private final boolean outputsOnly;

    Plan(String name, int frameSize, int[] inputSlots, List<BlockArgument> inputs, Body body,
            List<String> unsupported, boolean outputsOnly) {
        this.name = name;
        this.frameSize = frameSize;
        this.inputSlots = inputSlots;
        this.inputs = List.copyOf(inputs);
        this.body = body;
        this.unsupported = List.copyOf(unsupported);
        this.outputsOnly = outputsOnly;
    }

    /** What the plan was built for: a method or function name, or {@code graph}. */
    public String name() {
        return name;
    }

    /**
     * The ops of the graph (nested blocks included, called code not) that have no kernel, each with the reason,
     * e.g. {@code aten::conv2d at model.py:3:4: no kernel for aten::conv2d(Tensor input, …)}. Running the graph
     * fails when it reaches one of them.
     */
    public List<String> unsupportedOps() {
        return unsupported;
    }

    /**
     * The temporaries of the graph's own block that go back to the buffer pool at their last use, in order, each
     * as {@code %name after op} (names as printed in the graph; for tests and debugging).
     */
    List<String> releases() {
        List<String> out = new ArrayList<>();
        for (Step s : body.steps()) {
            if (s instanceof KernelStep.Release r) {
                r.values().forEach(v -> out.add("%" + v.name() + " after " + r.op().name()));
            }
        }
        return out;
    }

    /** Runs the graph on {@code args}, checking their number and types first; returns the graph's outputs. */
    public List<Object> run(Interpreter interpreter, List<?> args) {
        if (args.size() != inputs.size()) {
            // a method's self is given by the caller, not the user: count only the arguments after it
            int skip = !inputs.isEmpty() && "self".equals(inputs.getFirst().name()) ? 1 : 0;
            throw ScriptException.typeError(name + "() takes " + (inputs.size() - skip) + " argument(s) "
                    + describeInputs(skip) + " but " + Math.max(0, args.size() - skip) + " were given");
        }
        for (int i = 0; i < args.size(); i++) {
            BlockArgument in = inputs.get(i);
            Object v = args.get(i);
            if (in.type() instanceof TorchType t && !TypeCheck.matches(v, t)) {
                throw ScriptException.typeError(name + "() expected a value of type '" + t.annotationString()
                        + "' for argument " + i + " '" + argName(in) + "' but got " + Values.typeName(v));
            }
        }
        return Arrays.asList(execute(interpreter, args.toArray()));
    }

    /**
     * {@link #run}, with the storages of the output tensors that this call made and that nothing else can reach:
     * when the graph stores no value anywhere (no attribute store, call, fork or container write), a storage
     * made during the call that an output holds is held by the outputs alone.
     */
    public Outputs invoke(Interpreter interpreter, List<?> args) {
        long mark = Storage.nextSerial();
        List<Object> values = run(interpreter, args);
        if (!outputsOnly) {
            return Outputs.unowned(values);
        }
        List<Storage> owned = new ArrayList<>();
        values.forEach(v -> Values.forEachTensor(v, t -> {
            if (t.storage().serial() >= mark && t.storage().isPooled()) {
                owned.add(t.storage());
            }
        }));
        return new Outputs(values, owned);
    }

    /** Runs the graph without checking its inputs (calls from other graphs, whose types were checked statically). */
    Object[] execute(Interpreter interpreter, Object[] args) {
        Frame frame = new Frame(frameSize, interpreter);
        for (int i = 0; i < inputSlots.length; i++) {
            frame.slots[inputSlots[i]] = args[i];
        }
        try {
            body.run(frame);
        } catch (RuntimeException e) {
            ContextSteps.unwind(frame);
            throw e;
        }
        return body.outputValues(frame);
    }

    private String describeInputs(int skip) {
        List<String> parts = new ArrayList<>();
        for (BlockArgument a : inputs.subList(skip, inputs.size())) {
            parts.add(argName(a) + ": " + (a.type() instanceof TorchType t ? t.annotationString() : a.type()));
        }
        return "(" + String.join(", ", parts) + ")";
    }

    private static String argName(BlockArgument a) {
        return a.name() == null ? "%" + a.index() : a.name();
    }
}
