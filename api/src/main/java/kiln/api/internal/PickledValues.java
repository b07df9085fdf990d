package kiln.api.internal;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import kiln.dialects.torch.types.DictType;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.ListType;
import kiln.dialects.torch.types.OptionalType;
import kiln.dialects.torch.types.ScalarType;
import kiln.dialects.torch.types.TorchType;
import kiln.dialects.torch.types.TupleType;
import kiln.frontend.pickle.DType;
import kiln.frontend.pickle.PyBool;
import kiln.frontend.pickle.PyDict;
import kiln.frontend.pickle.PyFloat;
import kiln.frontend.pickle.PyInt;
import kiln.frontend.pickle.PyList;
import kiln.frontend.pickle.PyNone;
import kiln.frontend.pickle.PyStr;
import kiln.frontend.pickle.PyTuple;
import kiln.frontend.pickle.PyValue;
import kiln.frontend.pickle.TensorRef;
import kiln.runtime.interp.value.ScriptDict;
import kiln.runtime.interp.value.ScriptList;
import kiln.runtime.interp.value.ScriptTuple;
import kiln.runtime.tensor.Storage;
import kiln.runtime.tensor.Tensor;

/**
 * Converts unpickled values (module attributes, the inputs and outputs of {@code .io.pt} cases) to interpreter
 * values. Tensors are copied into fresh, writable runtime storage; tensors that shared a storage in the pickle
 * share one afterwards, so views stay views. A static type, when known, gives lists and dicts their element
 * types and turns ints into floats where a float is declared.
 */
public final class PickledValues {
    private final Map<kiln.frontend.pickle.Storage, Storage> storages = new IdentityHashMap<>();

    public Object convert(PyValue v) {
        return convert(v, null);
    }

    /** {@code v} as a value of {@code type} (null when unknown). */
    public Object convert(PyValue v, TorchType type) {
        TorchType t = type instanceof OptionalType o ? o.elementType() : type;
        return switch (v) {
            case PyNone n -> null;
            case PyBool b -> b.value();
            case PyInt i when t == LeafType.FLOAT -> (double) i.value();
            case PyInt i -> i.value();
            case PyFloat f -> f.value();
            case PyStr s -> s.value();
            case TensorRef ref -> tensor(ref);
            case PyList l -> list(l.items(), t instanceof ListType lt ? lt.elementType() : null);
            case PyTuple tuple -> tuple(tuple.items(), t instanceof TupleType tt ? tt.elements() : null);
            case PyDict d -> dict(d, t instanceof DictType dt ? dt : null);
            default -> throw new IllegalArgumentException("cannot convert a pickled " + v.typeName()
                    + " to an interpreter value");
        };
    }

    private ScriptList list(List<PyValue> items, TorchType element) {
        List<Object> out = new ArrayList<>(items.size());
        for (PyValue item : items) {
            out.add(convert(item, element));
        }
        return ScriptList.of(element, out);
    }

    private ScriptTuple tuple(List<PyValue> items, List<TorchType> types) {
        List<Object> out = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            out.add(convert(items.get(i), types != null && i < types.size() ? types.get(i) : null));
        }
        return new ScriptTuple(out);
    }

    private ScriptDict dict(PyDict d, DictType type) {
        ScriptDict out = new ScriptDict(type == null ? null : type.keyType(), type == null ? null : type.valueType());
        d.entries().forEach((k, v) -> out.put(convert(k, out.keyType()), convert(v, out.valueType())));
        return out;
    }

    /** A runtime tensor with the saved dtype, sizes, strides and offset, over a writable copy of its storage. */
    public Tensor tensor(TensorRef ref) {
        Storage storage = storages.computeIfAbsent(ref.storage(), s -> {
            Storage copy = Storage.allocate(s.byteSize());
            if (s.byteSize() > 0) {
                MemorySegment.copy(s.segment(), 0, copy.segment(), 0, s.byteSize());
            }
            return copy;
        });
        long[] sizes = ref.sizes().stream().mapToLong(Long::longValue).toArray();
        long[] strides = ref.strides().stream().mapToLong(Long::longValue).toArray();
        return Tensor.fromStorage(storage, dtype(ref.dtype()), sizes, strides, ref.storageOffset());
    }

    /** The runtime dtype of a pickled one. */
    public static ScalarType dtype(DType d) {
        return ScalarType.fromPythonName(d.pythonName()).orElseThrow(
                () -> new IllegalArgumentException("no runtime dtype for " + d));
    }
}
