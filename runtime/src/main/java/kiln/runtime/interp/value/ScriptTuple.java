package kiln.runtime.interp.value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A TorchScript tuple: immutable, elements may be null (None). Equality is element-wise. */
public record ScriptTuple(List<Object> elements) {
    public ScriptTuple {
        elements = Collections.unmodifiableList(new ArrayList<>(elements));
    }

    public static ScriptTuple of(Object... elements) {
        return new ScriptTuple(Arrays.asList(elements));
    }

    public int size() {
        return elements.size();
    }

    public Object get(int index) {
        return elements.get(index);
    }

    /** As TorchScript prints it: {@code (1, 2)}, {@code (1,)}. */
    @Override
    public String toString() {
        return ValuePrinter.print(this);
    }
}
