package kiln.frontend.pickle;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.regex.Pattern;

/**
 * The default allow-list: exactly the globals {@code torch.save} and {@code torch.jit.save} write for tensors,
 * TorchScript modules and their attributes.
 * <ul>
 *   <li>{@code torch._utils._rebuild_tensor_v2} and {@code _v3} (tensors, see {@link TensorRebuild});</li>
 *   <li>{@code torch.<Type>Storage}, {@code torch.storage.UntypedStorage} (storage classes in persistent ids);</li>
 *   <li>{@code torch.<dtype>} (e.g. {@code torch.uint64});</li>
 *   <li>{@code collections.OrderedDict}, {@code torch.torch_version.TorchVersion};</li>
 *   <li>{@code torch.jit._pickle.build_{int,double,bool,tensor}list} and {@code restore_type_tag};</li>
 *   <li>{@code __torch__.*} classes, rebuilt as {@link PyObject}s.</li>
 * </ul>
 */
public final class TorchGlobals implements GlobalResolver {
    static final TorchGlobals INSTANCE = new TorchGlobals();

    private static final Pattern DOTTED = Pattern.compile("__torch__(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private record Name(String module, String name) {
    }

    private final Map<Name, Global> fixed = new HashMap<>();

    private TorchGlobals() {
        callable("torch._utils", "_rebuild_tensor_v2", TensorRebuild::v2);
        callable("torch._utils", "_rebuild_tensor_v3", TensorRebuild::v3);
        for (DType type : DType.values()) {
            constant("torch", type.pythonName(), type);
            type.aliases().forEach(alias -> constant("torch", alias, type));
            type.storageClass().ifPresent(cls -> constant("torch", cls, new StorageClass("torch." + cls, type,
                    false)));
        }
        constant("torch.storage", "UntypedStorage", new StorageClass("torch.storage.UntypedStorage", DType.UINT8,
                true));
        callable("collections", "OrderedDict", TorchGlobals::orderedDict);
        callable("torch.torch_version", "TorchVersion",
                args -> new TorchVersion(new Args("TorchVersion", args, 1, 1).str(0, "version")));
        callable("torch.jit._pickle", "build_intlist", args -> typedList("build_intlist", args, PyInt.class));
        callable("torch.jit._pickle", "build_doublelist", args -> typedList("build_doublelist", args,
                PyFloat.class));
        callable("torch.jit._pickle", "build_boollist", args -> typedList("build_boollist", args, PyBool.class));
        callable("torch.jit._pickle", "build_tensorlist", args -> typedList("build_tensorlist", args,
                TensorRef.class));
        callable("torch.jit._pickle", "restore_type_tag", args -> {
            Args checked = new Args("restore_type_tag", args, 2, 2);
            checked.str(1, "type tag");
            return checked.get(0);
        });
    }

    private void constant(String module, String name, PyValue value) {
        fixed.put(new Name(module, name), new Global.Constant(module + "." + name, value));
    }

    private void callable(String module, String name, Global.Body body) {
        fixed.put(new Name(module, name), new Global.Callable(module + "." + name, body));
    }

    @Override
    public Optional<Global> resolve(String module, String name) {
        if (module.startsWith("__torch__") && DOTTED.matcher(module).matches()
                && IDENTIFIER.matcher(name).matches()) {
            return Optional.of(new Global.ObjectClass(module + "." + name));
        }
        return Optional.ofNullable(fixed.get(new Name(module, name)));
    }

    /** {@code OrderedDict()} or {@code OrderedDict(pairs)}. */
    private static PyValue orderedDict(PyTuple args) {
        Args checked = new Args("OrderedDict", args, 0, 1);
        if (checked.size() == 0) {
            return PyDict.EMPTY;
        }
        SequencedMap<PyValue, PyValue> entries = new LinkedHashMap<>();
        List<PyValue> pairs = switch (checked.get(0)) {
            case PyDict dict -> {
                entries.putAll(dict.entries());
                yield List.of();
            }
            case PySequence sequence -> sequence.items();
            default -> throw new IllegalArgumentException("OrderedDict: cannot build from "
                    + checked.get(0).typeName());
        };
        for (PyValue pair : pairs) {
            if (!(pair instanceof PyTuple tuple) || tuple.size() != 2) {
                throw new IllegalArgumentException("OrderedDict: items must be (key, value) pairs, got " + pair);
            }
            entries.put(Hashing.requireHashable(tuple.get(0)), tuple.get(1));
        }
        return new PyDict(entries);
    }

    /** {@code build_intlist(list)} etc.: the list, checked to hold only {@code type}. */
    private static PyValue typedList(String function, PyTuple args, Class<? extends PyValue> type) {
        PyList list = new Args(function, args, 1, 1).get(0, PyList.class, "argument");
        for (PyValue item : list.items()) {
            if (!type.isInstance(item)) {
                throw new IllegalArgumentException(function + ": element of type " + item.typeName());
            }
        }
        return list;
    }
}
