package kiln.frontend.archive;

import java.util.ArrayList;
import java.util.List;

import kiln.frontend.pickle.PyDict;
import kiln.frontend.pickle.PyObject;
import kiln.frontend.pickle.PySequence;
import kiln.frontend.pickle.PySet;
import kiln.frontend.pickle.PyValue;
import kiln.frontend.pickle.TensorRef;

/** Walks of unpickled values for tests. */
final class PyValues {
    private PyValues() {
    }

    /** Every tensor in the value, depth first, in order. */
    static List<TensorRef> tensors(PyValue value) {
        List<TensorRef> found = new ArrayList<>();
        collect(value, found);
        return found;
    }

    private static void collect(PyValue value, List<TensorRef> found) {
        switch (value) {
            case TensorRef tensor -> found.add(tensor);
            case PySequence sequence -> sequence.items().forEach(item -> collect(item, found));
            case PySet set -> set.items().forEach(item -> collect(item, found));
            case PyDict dict -> dict.entries().forEach((k, v) -> {
                collect(k, found);
                collect(v, found);
            });
            case PyObject object -> collect(object.state(), found);
            default -> {
            }
        }
    }
}
