package kiln.runtime.interp.kernels;

import static kiln.runtime.interp.kernels.Args.dict;
import static kiln.runtime.interp.kernels.Args.list;
import static kiln.runtime.interp.kernels.Args.tuple;

import java.util.Map;
import kiln.dialects.torch.types.TupleType;
import kiln.runtime.interp.value.ScriptDict;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptList;
import kiln.runtime.interp.value.ScriptTuple;

/**
 * Kernels of {@code Dict[K, V]}. Each operator has one overload per key type, named {@code .str} /
 * {@code .Dict_str} etc.; they share a kernel since keys are plain values.
 */
final class DictKernels {
    private static final String[] KEYS = {"str", "int", "float", "bool", "Tensor"};
    private static final String[] DICT_KEYS = {"Dict_str", "Dict_int", "Dict_float", "Dict_bool", "Dict_Tensor"};

    private DictKernels() {
    }

    private static String[] prefixed(String prefix) {
        String[] out = new String[KEYS.length];
        for (int i = 0; i < KEYS.length; i++) {
            out[i] = prefix + KEYS[i];
        }
        return out;
    }

    static void register(KernelRegistry r) {
        r.register("aten::len", a -> (long) dict(a[0]).size(), DICT_KEYS);
        r.register("aten::__getitem__", a -> dict(a[0]).get(a[1]), DICT_KEYS);
        r.register("aten::_set_item", a -> {
            dict(a[0]).put(a[1], a[2]);
            return null;
        }, KEYS);
        r.register("aten::__contains__", a -> dict(a[0]).containsKey(a[1]), KEYS);
        r.register("aten::keys", a -> ScriptList.of(dict(a[0]).keyType(), dict(a[0]).entries().keySet()), KEYS);
        r.register("aten::values", a -> ScriptList.of(dict(a[0]).valueType(), dict(a[0]).entries().values()), KEYS);
        r.register("aten::items", a -> {
            ScriptDict d = dict(a[0]);
            ScriptList out = ScriptList.empty(d.keyType() != null && d.valueType() != null
                    ? TupleType.of(d.keyType(), d.valueType()) : null);
            d.entries().forEach((k, v) -> out.add(ScriptTuple.of(k, v)));
            return out;
        }, KEYS);
        r.register("aten::get", a -> dict(a[0]).entries().get(a[1]), KEYS);
        r.register("aten::get", a -> {
            Map<Object, Object> m = dict(a[0]).entries();
            return m.containsKey(a[1]) ? m.get(a[1]) : a[2];
        }, prefixed("default_"));
        r.register("aten::setdefault", a -> dict(a[0]).entries().computeIfAbsent(a[1], k -> a[2]), KEYS);
        r.register("aten::update", a -> {
            dict(a[0]).putAll(dict(a[1]).entries());
            return null;
        }, KEYS);
        r.register("aten::clear", a -> {
            dict(a[0]).clear();
            return null;
        }, KEYS);
        r.register("aten::copy", a -> dict(a[0]).copy(), DICT_KEYS);
        r.register("aten::dict", a -> dict(a[0]).copy(), DICT_KEYS);
        r.register("aten::dict", a -> {
            ScriptDict d = new ScriptDict(null, null);
            for (Object pair : list(a[0])) {
                ScriptTuple t = tuple(pair);
                d.put(t.get(0), t.get(1));
            }
            return d;
        }, KEYS);
        r.register("aten::pop", a -> dict(a[0]).remove(a[1]), DICT_KEYS);
        r.register("aten::pop", a -> {
            ScriptDict d = dict(a[0]);
            return d.containsKey(a[1]) ? d.remove(a[1]) : a[2];
        }, prefixed("Dict_default_"));
        r.register("aten::Delete", a -> {
            dict(a[0]).remove(a[1]);
            return null;
        }, DICT_KEYS);
        r.register("aten::popitem", a -> {
            ScriptDict d = dict(a[0]);
            if (d.size() == 0) {
                throw new ScriptException("builtins.KeyError", "popitem(): dictionary is empty");
            }
            Map.Entry<Object, Object> last = d.entries().pollLastEntry();
            return ScriptTuple.of(last.getKey(), last.getValue());
        }, KEYS);
    }
}
