package kiln.executor;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import kiln.dialects.torch.types.Device;
import kiln.dialects.torch.types.TensorType;
import kiln.dialects.torch.types.VaryingShape;
import kiln.runtime.interp.ProfileSink;
import kiln.runtime.tensor.Tensor;

/**
 * What the profiling runs saw (PyTorch's {@code ProfilingRecord}): for each profile point, the merge of the types of
 * every tensor that passed it ({@link TensorType#merge}: what every observation agrees on), and whether a value
 * that was not a tensor (None, for an optional) passed.
 */
final class Profiles implements ProfileSink {
    private final Map<Long, TensorType> types = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> sawOther = new ConcurrentHashMap<>();

    @Override
    public void record(long id, Object value) {
        if (value instanceof Tensor t) {
            types.merge(id, typeOf(t), TensorType::merge);
        } else {
            sawOther.put(id, true);
        }
    }

    /** The merged type seen at {@code id}, if only tensors were seen there. */
    Optional<TensorType> type(long id) {
        return sawOther.containsKey(id) ? Optional.empty() : Optional.ofNullable(types.get(id));
    }

    /** The complete type of a tensor: dtype, sizes, strides, device, not requiring grad, defined. */
    static TensorType typeOf(Tensor t) {
        return new TensorType(Optional.of(t.dtype()), VaryingShape.of(t.sizes()), VaryingShape.of(t.strides()),
                Optional.of(false), Optional.of(Device.CPU), Optional.of(false));
    }
}
