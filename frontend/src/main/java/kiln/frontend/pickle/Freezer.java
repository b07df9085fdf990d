package kiln.frontend.pickle;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;

/**
 * Turns what the pickle machine built into immutable {@link PyValue}s, refusing structures that refer to
 * themselves or nest deeper than the limit. Recursion stops at the limit, so deep input cannot overflow the Java
 * stack. The depth of every container it meets is remembered, so that limits hold across values rebuilt by
 * allow-listed callables too.
 */
final class Freezer {
    private final int maxDepth;
    private final Budget budget;
    private final Map<PyValue, Integer> depths = new IdentityHashMap<>();
    private long changes;

    Freezer(int maxDepth, Budget budget) {
        this.maxDepth = maxDepth;
        this.budget = budget;
    }

    /** Records that some pending container changed, so every remembered frozen form is stale. */
    void changed() {
        changes++;
    }

    /** The immutable form of a stack item. */
    PyValue freeze(Object item) {
        return freeze(item, 1);
    }

    /** Checks a value made outside the freezer (by a callable) against the depth limit. */
    PyValue admit(PyValue value) {
        depth(value);
        return value;
    }

    /** A pending container filled with the items of a list, dict or set a callable returned; else empty. */
    Pending thaw(PyValue value) {
        Pending pending;
        switch (value) {
            case PyList list -> {
                Pending.ListOf thawed = new Pending.ListOf();
                thawed.items.addAll(list.items());
                pending = thawed;
            }
            case PyDict dict -> {
                Pending.DictOf thawed = new Pending.DictOf();
                thawed.entries.putAll(dict.entries());
                pending = thawed;
            }
            case PySet set when !set.frozen() -> {
                Pending.SetOf thawed = new Pending.SetOf();
                thawed.items.addAll(set.items());
                pending = thawed;
            }
            default -> {
                return null;
            }
        }
        budget.spend(1);
        pending.frozen = value;
        pending.frozenAt = changes;
        return pending;
    }

    private PyValue freeze(Object item, int level) {
        return switch (item) {
            case PyValue value -> value;
            case Global global -> throw new IllegalArgumentException("global '" + global.name()
                    + "' used as a value");
            case Pending pending -> freezePending(pending, level);
            default -> throw new IllegalStateException("unexpected stack item " + item.getClass());
        };
    }

    private PyValue freezePending(Pending pending, int level) {
        if (pending.frozen != null && pending.frozenAt == changes) {
            return pending.frozen;
        }
        if (level > maxDepth) {
            throw new IllegalArgumentException("containers nest deeper than " + maxDepth + " levels");
        }
        if (pending.freezing) {
            throw new IllegalArgumentException("a " + pending.typeName()
                    + " contains itself; recursive structures are not supported");
        }
        pending.freezing = true;
        try {
            PyValue value = switch (pending) {
                case Pending.ListOf list -> new PyList(freezeAll(list.items, level));
                case Pending.TupleOf tuple -> new PyTuple(freezeAll(tuple.items, level));
                case Pending.SetOf set -> {
                    budget.spend(set.items.size());
                    yield new PySet(set.items, false);
                }
                case Pending.DictOf dict -> {
                    budget.spend(dict.entries.size());
                    SequencedMap<PyValue, PyValue> entries = new LinkedHashMap<>();
                    dict.entries.forEach((key, v) -> entries.put(key, freeze(v, level + 1)));
                    yield new PyDict(entries);
                }
                case Pending.Instance instance -> new PyObject(instance.className, freeze(instance.state,
                        level + 1));
            };
            depth(value);
            pending.frozen = value;
            pending.frozenAt = changes;
            return value;
        } finally {
            pending.freezing = false;
        }
    }

    private List<PyValue> freezeAll(List<Object> items, int level) {
        budget.spend(items.size());
        List<PyValue> frozen = new ArrayList<>(items.size());
        for (Object item : items) {
            frozen.add(freeze(item, level + 1));
        }
        return frozen;
    }

    /**
     * How deeply a value nests containers (0 for a scalar). Remembered per container; the containers inside have
     * been measured before (frozen or admitted), so this looks only one level down.
     */
    private int depth(PyValue value) {
        Integer known = depths.get(value);
        if (known != null) {
            return known;
        }
        int inner = switch (value) {
            case PySequence sequence -> maxDepth(sequence.items());
            case PySet set -> maxDepth(set.items());
            case PyDict dict -> Math.max(maxDepth(dict.entries().keySet()), maxDepth(dict.entries().values()));
            case PyObject object -> depth(object.state());
            default -> -1;
        };
        if (inner < 0) {
            return 0;
        }
        int depth = inner + 1;
        if (depth > maxDepth) {
            throw new IllegalArgumentException("containers nest deeper than " + maxDepth + " levels");
        }
        depths.put(value, depth);
        return depth;
    }

    private int maxDepth(Iterable<PyValue> values) {
        int max = 0;
        for (PyValue value : values) {
            max = Math.max(max, depth(value));
        }
        return max;
    }
}
