package kiln.frontend.pickle;

import java.util.List;

/** A {@code list} or {@code tuple}: an ordered run of items. */
public sealed interface PySequence extends PyValue permits PyList, PyTuple {

    List<PyValue> items();

    default int size() {
        return items().size();
    }

    default PyValue get(int index) {
        return items().get(index);
    }
}
