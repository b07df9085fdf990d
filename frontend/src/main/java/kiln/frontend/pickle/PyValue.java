package kiln.frontend.pickle;

/**
 * A value read from a pickle: the Python data PyTorch writes, and the few PyTorch objects an allow-listed global
 * rebuilds. Every value is immutable once the {@link Unpickler} returns it; containers never nest deeper than the
 * unpickler's depth limit and never refer to themselves.
 */
public sealed interface PyValue
        permits PyNone, PyBool, PyInt, PyBigInt, PyFloat, PyStr, PyBytes, PySequence, PyDict, PySet, PyObject,
                TorchVersion, DType, StorageClass, Storage, TensorRef {

    /** The Python type name, for messages ({@code "int"}, {@code "list"}, {@code "Tensor"}). */
    String typeName();
}
