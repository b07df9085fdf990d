package kiln.frontend.pickle;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.SequencedMap;

/** Python {@code dict} (also {@code collections.OrderedDict}), in insertion order. */
public record PyDict(SequencedMap<PyValue, PyValue> entries) implements PyValue {
    public static final PyDict EMPTY = new PyDict(new LinkedHashMap<>());

    public PyDict {
        entries = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(entries));
    }

    public int size() {
        return entries.size();
    }

    /** The value under a {@code str} key. */
    public Optional<PyValue> get(String key) {
        return Optional.ofNullable(entries.get(new PyStr(key)));
    }

    /** The value under a {@code str} key, which must be present. */
    public PyValue require(String key) {
        return get(key).orElseThrow(() -> new IllegalArgumentException("no key '" + key + "' in " + keysText()));
    }

    private String keysText() {
        return "{" + Sequences.join(entries.keySet()) + "}";
    }

    @Override
    public String typeName() {
        return "dict";
    }

    @Override
    public String toString() {
        return "{" + Sequences.join(entries.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList())
                + "}";
    }
}
