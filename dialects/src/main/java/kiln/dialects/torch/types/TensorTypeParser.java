package kiln.dialects.torch.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads the refinement c10 prints after a tensor type's name: {@code Float(8, 10, strides=[10, 1],
 * requires_grad=0, device=cpu)}, {@code Float(*, 3)}, {@code Long(requires_grad=0, device=cpu)} (rank 0),
 * {@code FloatTensor(device=cuda:0)} (rank unknown), and a trailing {@code [Undefined]}.
 *
 * <p>c10 prints a dtype-less tensor of rank 0 and one of unknown rank alike when either has
 * {@code requires_grad} or a device ({@code Tensor(device=cpu)}); that text is read as rank unknown.
 */
final class TensorTypeParser {

    private TensorTypeParser() {}

    /**
     * Reads what follows a tensor name. {@code form} says which name was read: {@code Tensor}, a dtype
     * ({@code Float}, which must be followed by a refinement) or a dtype with {@code Tensor} ({@code FloatTensor},
     * rank unknown).
     */
    static TensorType parse(TypeScanner in, Optional<ScalarType> dtype, Form form, int start) {
        TensorType type;
        if (in.consumeAdjacent("(")) {
            type = refinement(in, dtype, form, start);
        } else if (form == Form.DTYPE) {
            throw in.errorAt(in.lastEnd(), "expected '(' after the dtype '" + dtype.orElseThrow().name()
                    + "' (a tensor of unknown rank prints as '" + dtype.get().name() + "Tensor')");
        } else {
            type = TensorType.TENSOR.withDtype(dtype);
        }
        if (in.consumeAdjacent("[Undefined]")) {
            type = type.withUndefined(Optional.of(true));
        }
        return type;
    }

    /** Which name introduced the tensor type. */
    enum Form {
        /** {@code Tensor}. */
        TENSOR,
        /** {@code Float}: rank known, refinement required. */
        DTYPE,
        /** {@code FloatTensor}: rank unknown. */
        DTYPE_TENSOR
    }

    private static TensorType refinement(TypeScanner in, Optional<ScalarType> dtype, Form form, int start) {
        List<Long> dims = new ArrayList<>();
        long[] strides = null;
        Boolean requiresGrad = null;
        Device device = null;
        boolean sawProperty = false;
        if (!in.consume(')')) {
            do {
                int itemStart = in.position();
                if (in.atIdentifier()) {
                    String key = in.identifier("a tensor property");
                    in.expect('=', "after '" + key + "'");
                    switch (key) {
                        case "strides" -> {
                            requireFirst(in, strides == null, key, itemStart);
                            strides = strides(in);
                        }
                        case "requires_grad" -> {
                            requireFirst(in, requiresGrad == null, key, itemStart);
                            requiresGrad = flag(in);
                        }
                        case "device" -> {
                            requireFirst(in, device == null, key, itemStart);
                            device = device(in);
                        }
                        default -> throw in.errorAt(itemStart, "unknown tensor property '" + key
                                + "' (expected strides, requires_grad or device)");
                    }
                    sawProperty = true;
                } else {
                    if (sawProperty) {
                        throw in.errorAt(itemStart,
                                "tensor sizes must come before strides, requires_grad and device");
                    }
                    dims.add(in.consume('*') ? null : in.number("a size, '*' or a tensor property"));
                }
            } while (in.consume(','));
            in.expect(')', "to close the tensor type");
        }
        boolean ranked = form != Form.DTYPE_TENSOR && !(form == Form.TENSOR && dims.isEmpty() && sawProperty);
        if (form == Form.DTYPE_TENSOR && !dims.isEmpty()) {
            throw in.errorAt(start, "'" + dtype.orElseThrow().name() + "Tensor' has unknown rank and takes no sizes;"
                    + " write '" + dtype.get().name() + "(...)'");
        }
        if (form == Form.DTYPE_TENSOR && !sawProperty) {
            throw in.errorAt(start, "empty parentheses after '" + dtype.orElseThrow().name() + "Tensor'");
        }
        if (strides != null && (!ranked || strides.length != dims.size())) {
            throw in.errorAt(start, "strides=[...] has " + strides.length + " entries for "
                    + (ranked ? dims.size() + " dimensions" : "a tensor of unknown rank"));
        }
        VaryingShape sizes = ranked ? VaryingShape.ofNullable(dims) : VaryingShape.UNRANKED;
        VaryingShape strideShape = strides != null ? VaryingShape.of(strides)
                : ranked ? VaryingShape.ofRank(dims.size()) : VaryingShape.UNRANKED;
        return new TensorType(dtype, sizes, strideShape, Optional.ofNullable(requiresGrad), Optional.ofNullable(device),
                Optional.of(false));
    }

    private static void requireFirst(TypeScanner in, boolean first, String key, int at) {
        if (!first) {
            throw in.errorAt(at, "'" + key + "' is specified twice");
        }
    }

    private static long[] strides(TypeScanner in) {
        in.expect('[', "to open the strides");
        List<Long> values = new ArrayList<>();
        if (!in.consume(']')) {
            do {
                values.add(in.number("a stride"));
            } while (in.consume(','));
            in.expect(']', "to close the strides");
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static boolean flag(TypeScanner in) {
        int at = in.position();
        long v = in.number("0 or 1");
        if (v > 1) {
            throw in.errorAt(at, "requires_grad must be 0 or 1, found " + v);
        }
        return v == 1;
    }

    private static Device device(TypeScanner in) {
        int at = in.position();
        String name = in.identifier("a device type");
        DeviceType type = DeviceType.fromText(name)
                .orElseThrow(() -> in.errorAt(at, "unknown device type '" + name + "'"));
        OptionalInt index = OptionalInt.empty();
        if (in.consumeAdjacent(":")) {
            int indexAt = in.position();
            long value = in.number("a device index");
            if (value > Device.MAX_INDEX) {
                throw in.errorAt(indexAt, "device index " + value + " is out of range (at most " + Device.MAX_INDEX + ")");
            }
            index = OptionalInt.of((int) value);
        }
        return new Device(type, index);
    }
}
