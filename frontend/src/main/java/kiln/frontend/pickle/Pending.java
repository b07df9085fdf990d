package kiln.frontend.pickle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedMap;
import java.util.SequencedSet;

/**
 * A container the pickle machine is still filling. Items are {@link PyValue}s or other pending containers; the
 * {@link Freezer} turns the whole into immutable values, remembering the result until any container changes.
 */
abstract sealed class Pending permits Pending.ListOf, Pending.DictOf, Pending.SetOf, Pending.TupleOf,
        Pending.Instance {

    /** The last frozen form, valid while the freezer's change count is still {@link #frozenAt}. */
    PyValue frozen;
    long frozenAt;
    /** True while the freezer is inside this container: meeting it again means the structure refers to itself. */
    boolean freezing;

    abstract String typeName();

    /** A {@code list}. */
    static final class ListOf extends Pending {
        final List<Object> items = new ArrayList<>();

        @Override
        String typeName() {
            return "list";
        }
    }

    /** A {@code dict}; keys are frozen and hashable when set. */
    static final class DictOf extends Pending {
        final SequencedMap<PyValue, Object> entries = new LinkedHashMap<>();

        @Override
        String typeName() {
            return "dict";
        }
    }

    /** A {@code set}; elements are frozen and hashable when added. */
    static final class SetOf extends Pending {
        final SequencedSet<PyValue> items = new LinkedHashSet<>();

        @Override
        String typeName() {
            return "set";
        }
    }

    /** A {@code tuple} that holds at least one pending container. */
    static final class TupleOf extends Pending {
        final List<Object> items;

        TupleOf(List<Object> items) {
            this.items = List.copyOf(items);
        }

        @Override
        String typeName() {
            return "tuple";
        }
    }

    /** An object of an allow-listed class, its state set by {@code BUILD}. */
    static final class Instance extends Pending {
        final String className;
        Object state = PyNone.NONE;
        boolean built;

        Instance(String className) {
            this.className = className;
        }

        @Override
        String typeName() {
            return className;
        }
    }
}
