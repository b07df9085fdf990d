package kiln.runtime.interp;

import java.util.Arrays;
import java.util.List;
import kiln.dialects.ir.Operation;
import kiln.dialects.torch.types.ClassType;
import kiln.dialects.torch.types.TorchType;
import kiln.runtime.interp.value.ScriptDict;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptList;
import kiln.runtime.interp.value.ScriptObject;
import kiln.runtime.interp.value.ScriptTuple;
import kiln.runtime.interp.value.TypeCheck;
import kiln.runtime.interp.value.ValuePrinter;
import kiln.runtime.interp.value.Values;
import kiln.runtime.tensor.Tensor;

/** The steps of the structural ops that make, take apart and move values. */
final class ValueSteps {
    private ValueSteps() {
    }

    /** {@code prim::Constant}; a list constant is copied on each run, since lists are mutable. */
    record Constant(Operation op, Object value, int out) implements Step {
        @Override
        public void run(Frame frame) {
            frame.slots[out] = value instanceof ScriptList l ? l.copy() : value;
        }
    }

    /** {@code prim::unchecked_cast}, {@code prim::Uninitialized} (from slot -1: None): a value passed on. */
    record Move(Operation op, int in, int out) implements Step {
        @Override
        public void run(Frame frame) {
            frame.slots[out] = in < 0 ? null : frame.slots[in];
        }
    }

    record TupleConstruct(Operation op, int[] in, int out) implements Step {
        @Override
        public void run(Frame frame) {
            frame.slots[out] = new ScriptTuple(Arrays.asList(ControlSteps.read(frame.slots, in, 0)));
        }
    }

    record TupleUnpack(Operation op, int in, int[] out) implements Step {
        @Override
        public void run(Frame frame) {
            List<Object> elements = ((ScriptTuple) frame.slots[in]).elements();
            if (elements.size() != out.length) {
                throw ScriptException.valueError("expected a tuple of " + out.length + " elements but got "
                        + elements.size());
            }
            for (int i = 0; i < out.length; i++) {
                frame.slots[out[i]] = elements.get(i);
            }
        }
    }

    record TupleIndex(Operation op, int tuple, int index, int out) implements Step {
        @Override
        public void run(Frame frame) {
            ScriptTuple t = (ScriptTuple) frame.slots[tuple];
            long i = (Long) frame.slots[index];
            long wrapped = i < 0 ? i + t.size() : i;
            if (wrapped < 0 || wrapped >= t.size()) {
                throw ScriptException.indexError("tuple index out of range");
            }
            frame.slots[out] = t.get((int) wrapped);
        }
    }

    record ListConstruct(Operation op, TorchType elementType, int[] in, int out) implements Step {
        @Override
        public void run(Frame frame) {
            frame.slots[out] = ScriptList.of(elementType, Arrays.asList(ControlSteps.read(frame.slots, in, 0)));
        }
    }

    record ListUnpack(Operation op, int in, int[] out) implements Step {
        @Override
        public void run(Frame frame) {
            ScriptList list = (ScriptList) frame.slots[in];
            if (list.size() != out.length) {
                throw ScriptException.valueError("Expected " + out.length + " elements in a list but found "
                        + list.size());
            }
            for (int i = 0; i < out.length; i++) {
                frame.slots[out[i]] = list.get(i);
            }
        }
    }

    record DictConstruct(Operation op, TorchType keyType, TorchType valueType, int[] in, int out) implements Step {
        @Override
        public void run(Frame frame) {
            ScriptDict d = new ScriptDict(keyType, valueType);
            for (int i = 0; i < in.length; i += 2) {
                d.put(frame.slots[in[i]], frame.slots[in[i + 1]]);
            }
            frame.slots[out] = d;
        }
    }

    /** {@code prim::ConstantChunk[chunks=n, dim=d]}: {@code tensor.chunk(n, d)} into the op's results. */
    record ConstantChunk(Operation op, long chunks, long dim, int in, int[] out) implements Step {
        @Override
        public void run(Frame frame) {
            List<Tensor> parts = ((Tensor) frame.slots[in]).chunk(chunks, dim);
            if (parts.size() != out.length) {
                throw ScriptException.runtimeError("chunk gave " + parts.size() + " pieces, expected " + out.length);
            }
            for (int i = 0; i < out.length; i++) {
                frame.slots[out[i]] = parts.get(i);
            }
        }
    }

    record GetAttr(Operation op, String name, int in, int out) implements Step {
        @Override
        public void run(Frame frame) {
            frame.slots[out] = object(frame.slots[in], name).get(name);
        }
    }

    record SetAttr(Operation op, String name, int target, int value) implements Step {
        @Override
        public void run(Frame frame) {
            object(frame.slots[target], name).set(name, frame.slots[value]);
        }
    }

    private static ScriptObject object(Object v, String attribute) {
        if (v instanceof ScriptObject o) {
            return o;
        }
        throw ScriptException.typeError("'" + Values.typeName(v) + "' object has no attribute '" + attribute + "'");
    }

    record CreateObject(Operation op, ClassType type, int out) implements Step {
        @Override
        public void run(Frame frame) {
            frame.slots[out] = new ScriptObject(type);
        }
    }

    record IsInstance(Operation op, List<TorchType> types, int in, int out) implements Step {
        @Override
        public void run(Frame frame) {
            Object v = frame.slots[in];
            boolean result = false;
            for (TorchType t : types) {
                if (TypeCheck.matches(v, t)) {
                    result = true;
                    break;
                }
            }
            frame.slots[out] = result;
        }
    }

    /** {@code prim::Print}: the values separated by spaces and a newline, to the interpreter's output. */
    record Print(Operation op, int[] in) implements Step {
        @Override
        public void run(Frame frame) {
            frame.interpreter.print(ValuePrinter.printLine(Arrays.asList(ControlSteps.read(frame.slots, in, 0))));
        }
    }
}
