package kiln.runtime.interp.value;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import kiln.dialects.torch.types.TorchType;

/**
 * A TorchScript {@code List[T]}: mutable and shared by reference, as a Python list (appending through one
 * reference shows through every other). Elements may be null (None) for lists of optionals. The element type is
 * the static type the list was made with, when known; {@code isinstance} and printing of empty lists use it.
 */
public final class ScriptList implements Iterable<Object> {
    private final TorchType elementType;
    private final ArrayList<Object> items;

    private ScriptList(TorchType elementType, ArrayList<Object> items) {
        this.elementType = elementType;
        this.items = items;
    }

    /** An empty list of {@code elementType} (null when unknown). */
    public static ScriptList empty(TorchType elementType) {
        return new ScriptList(elementType, new ArrayList<>());
    }

    /** A new list holding {@code items}, copied. */
    public static ScriptList of(TorchType elementType, Collection<?> items) {
        return new ScriptList(elementType, new ArrayList<>(items));
    }

    /** A new list of Python ints. */
    public static ScriptList ofLongs(long... values) {
        ArrayList<Object> out = new ArrayList<>(values.length);
        for (long v : values) {
            out.add(v);
        }
        return new ScriptList(kiln.dialects.torch.types.LeafType.INT, out);
    }

    /** The element type the list was created with, or null when unknown. */
    public TorchType elementType() {
        return elementType;
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The element at {@code index} (0-based, not wrapped). */
    public Object get(int index) {
        return items.get(index);
    }

    public void set(int index, Object value) {
        items.set(index, value);
    }

    public void add(Object value) {
        items.add(value);
    }

    public void insert(int index, Object value) {
        items.add(index, value);
    }

    public Object removeAt(int index) {
        return items.remove(index);
    }

    public void clear() {
        items.clear();
    }

    /** The live element list: changes write through to this list. */
    public List<Object> items() {
        return items;
    }

    /** A new list with the same element type holding a copy of the elements (Python's {@code list(x)}). */
    public ScriptList copy() {
        return new ScriptList(elementType, new ArrayList<>(items));
    }

    /** The elements as int64s; fails if an element is not an int. */
    public long[] toLongArray() {
        long[] out = new long[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (Long) items.get(i);
        }
        return out;
    }

    @Override
    public Iterator<Object> iterator() {
        return items.iterator();
    }

    /** As TorchScript prints it: {@code [1, 2]}. */
    @Override
    public String toString() {
        return ValuePrinter.print(this);
    }
}
