package kiln.runtime.backend;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import kiln.runtime.tensor.Storage;

/**
 * A call's outputs together with the storage the call made for them and nothing else holds: closing hands that
 * storage back to the buffer pool at once, as closing ONNX Runtime's {@code OrtSession.Result} frees its
 * tensors, instead of when the garbage collector notices the tensors are gone. Copy what you keep before closing:
 * a tensor whose storage was handed back must not be read again.
 *
 * @param values the outputs, as {@link Executable#run} returns them
 * @param owned  the storages to hand back on {@link #close()}: only storage the call made, which no module state
 *               or input can reach (empty when the backend cannot tell)
 */
public record Outputs(List<Object> values, List<Storage> owned) implements AutoCloseable {
    public Outputs {
        values = Collections.unmodifiableList(values);
        Set<Storage> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        distinct.addAll(owned);
        owned = List.copyOf(distinct);
    }

    /** Outputs whose storage the garbage collector reclaims. */
    public static Outputs unowned(List<Object> values) {
        return new Outputs(values, List.of());
    }

    /** The first output. */
    public Object first() {
        return values.getFirst();
    }

    /** Hands the owned storage back; the outputs' tensors over it must not be used afterwards. */
    @Override
    public void close() {
        owned.forEach(Storage::release);
    }
}
