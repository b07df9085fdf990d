package kiln.runtime.interp.value;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedMap;
import kiln.dialects.torch.types.TorchType;

/**
 * A TorchScript {@code Dict[K, V]}: mutable, shared by reference, iterated in insertion order. Keys are
 * {@code str}, {@code int}, {@code float}, {@code bool} or {@code Tensor} values (tensors by identity).
 */
public final class ScriptDict {
    private final TorchType keyType;
    private final TorchType valueType;
    private final LinkedHashMap<Object, Object> entries = new LinkedHashMap<>();

    /** An empty dict; the types are the static ones it was made with, null when unknown. */
    public ScriptDict(TorchType keyType, TorchType valueType) {
        this.keyType = keyType;
        this.valueType = valueType;
    }

    public TorchType keyType() {
        return keyType;
    }

    public TorchType valueType() {
        return valueType;
    }

    public int size() {
        return entries.size();
    }

    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** The value for {@code key}, or a Python {@code KeyError}. */
    public Object get(Object key) {
        Object v = entries.get(key);
        if (v == null && !entries.containsKey(key)) {
            throw ScriptException.keyError(key);
        }
        return v;
    }

    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    /** Removes {@code key}, returning its value, or a Python {@code KeyError}. */
    public Object remove(Object key) {
        if (!entries.containsKey(key)) {
            throw ScriptException.keyError(key);
        }
        return entries.remove(key);
    }

    public void clear() {
        entries.clear();
    }

    /** The live entries, in insertion order: changes write through. */
    public SequencedMap<Object, Object> entries() {
        return entries;
    }

    /** A shallow copy with the same types ({@code dict.copy()}). */
    public ScriptDict copy() {
        ScriptDict d = new ScriptDict(keyType, valueType);
        d.entries.putAll(entries);
        return d;
    }

    /** Copies every entry of {@code other} in ({@code dict.update}). */
    public void putAll(Map<?, ?> other) {
        entries.putAll(other);
    }

    /** As TorchScript prints it: {@code {a: 1, b: 2}}. */
    @Override
    public String toString() {
        return ValuePrinter.print(this);
    }
}
