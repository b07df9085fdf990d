package kiln.dialects.torch.types;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * c10's {@code TensorType}: a tensor whose dtype, shape, strides, {@code requires_grad}, device and
 * undefinedness may each be known or not. {@link #TENSOR} knows nothing (but, as in c10, that the tensor is
 * defined); a type that knows more is a subtype of one that knows less ({@link #merge}).
 *
 * <p>c10 stores strides as "stride properties" (stride order, contiguity, stride); this record keeps the
 * per-dimension strides that c10's {@code strides()} derives from them, which is all graph dumps show.
 */
public record TensorType(
        Optional<ScalarType> dtype,
        VaryingShape sizes,
        VaryingShape strides,
        Optional<Boolean> requiresGrad,
        Optional<Device> device,
        Optional<Boolean> undefined) implements TorchType {

    /** c10's {@code TensorType::get()}: {@code Tensor}. */
    public static final TensorType TENSOR = new TensorType(
            Optional.empty(), VaryingShape.UNRANKED, VaryingShape.UNRANKED,
            Optional.empty(), Optional.empty(), Optional.of(false));

    public TensorType {
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(sizes, "sizes");
        Objects.requireNonNull(strides, "strides");
        Objects.requireNonNull(requiresGrad, "requiresGrad");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(undefined, "undefined");
    }

    /** A tensor of a known dtype and nothing else: prints {@code FloatTensor}. */
    public static TensorType of(ScalarType dtype) {
        return TENSOR.withDtype(Optional.of(dtype));
    }

    /** Known dtype and sizes, unknown strides: prints {@code Float(2, 3)}. */
    public static TensorType of(ScalarType dtype, long... sizes) {
        return new TensorType(Optional.of(dtype), VaryingShape.of(sizes), VaryingShape.ofRank(sizes.length),
                Optional.empty(), Optional.empty(), Optional.of(false));
    }

    /** c10's {@code createContiguous}: known dtype, device, sizes and row-major strides. */
    public static TensorType contiguous(ScalarType dtype, Device device, long... sizes) {
        return new TensorType(Optional.of(dtype), VaryingShape.of(sizes), VaryingShape.of(contiguousStrides(sizes)),
                Optional.empty(), Optional.of(device), Optional.of(false));
    }

    /** Row-major strides for {@code sizes}, as c10's {@code contiguousStridesOf}. */
    public static long[] contiguousStrides(long... sizes) {
        long[] strides = new long[sizes.length];
        long running = 1;
        for (int i = sizes.length - 1; i >= 0; i--) {
            strides[i] = running;
            running *= sizes[i];
        }
        return strides;
    }

    @Override
    public TypeKind kind() {
        return TypeKind.TensorType;
    }

    /** The rank, when known. */
    public OptionalInt rank() {
        return sizes.rank();
    }

    /** c10's {@code isComplete}: dtype, device, sizes and strides all known. */
    public boolean isComplete() {
        return dtype.isPresent() && device.isPresent() && sizes.isComplete() && strides.isComplete();
    }

    public TensorType withDtype(Optional<ScalarType> newDtype) {
        return new TensorType(newDtype, sizes, strides, requiresGrad, device, undefined);
    }

    public TensorType withRequiresGrad(Optional<Boolean> newRequiresGrad) {
        return new TensorType(dtype, sizes, strides, newRequiresGrad, device, undefined);
    }

    public TensorType withDevice(Optional<Device> newDevice) {
        return new TensorType(dtype, sizes, strides, requiresGrad, newDevice, undefined);
    }

    public TensorType withUndefined(Optional<Boolean> newUndefined) {
        return new TensorType(dtype, sizes, strides, requiresGrad, device, newUndefined);
    }

    /** Sizes and strides replaced. */
    public TensorType withShape(VaryingShape newSizes, VaryingShape newStrides) {
        return new TensorType(dtype, newSizes, newStrides, requiresGrad, device, undefined);
    }

    /** c10's {@code withDim}: the rank known (or not), every size and stride unknown. */
    public TensorType withRank(OptionalInt newRank) {
        VaryingShape shape = newRank.isPresent() ? VaryingShape.ofRank(newRank.getAsInt()) : VaryingShape.UNRANKED;
        return withShape(shape, shape);
    }

    /** c10's {@code dimensionedOnly}: keep the rank, forget sizes and strides. */
    public TensorType dimensionedOnly() {
        return withRank(rank());
    }

    /**
     * c10's {@code TensorType::merge}: what both types agree on. A property known in both with the same value
     * stays; any other becomes unknown.
     */
    public TensorType merge(TensorType other) {
        return new TensorType(
                agree(dtype, other.dtype),
                sizes.merge(other.sizes),
                strides.merge(other.strides),
                agree(requiresGrad, other.requiresGrad),
                agree(device, other.device),
                agree(undefined, other.undefined));
    }

    private static <T> Optional<T> agree(Optional<T> a, Optional<T> b) {
        return a.isPresent() && a.equals(b) ? a : Optional.empty();
    }

    @Override
    public String toString() {
        return TypePrinter.print(this);
    }
}
