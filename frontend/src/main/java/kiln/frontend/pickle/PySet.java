package kiln.frontend.pickle;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.SequencedSet;

/** Python {@code set} or {@code frozenset}, in insertion order. */
public record PySet(SequencedSet<PyValue> items, boolean frozen) implements PyValue {
    public PySet {
        items = Collections.unmodifiableSequencedSet(new LinkedHashSet<>(items));
    }

    public int size() {
        return items.size();
    }

    @Override
    public String typeName() {
        return frozen ? "frozenset" : "set";
    }

    @Override
    public String toString() {
        return (frozen ? "frozenset({" : "{") + Sequences.join(items) + (frozen ? "})" : "}");
    }
}
