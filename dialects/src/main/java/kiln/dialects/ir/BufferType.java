package kiln.dialects.ir;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A builtin buffer type: memory holding elements of {@code elementType} in {@code shape}, laid out row-major
 * ({@code buffer<4x?xf32>}) or with explicit element strides, static or {@code ?}
 * ({@code buffer<4x8xf32, strided<[1, 4]>>}): what loop nests load from and store to, and what a strided tensor's
 * storage is seen as, without a copy.
 *
 * @param strides the element stride of each dimension, or null for the row-major layout
 */
public record BufferType(List<Long> shape, Type elementType, List<Long> strides) implements ShapedType {
    public BufferType {
        shape = Shapes.check(shape, true, "buffer");
        Objects.requireNonNull(elementType);
        if (strides != null) {
            strides = List.copyOf(strides);
            if (strides.size() != shape.size()) {
                throw new IllegalArgumentException("a buffer of rank " + shape.size() + " has " + strides.size()
                        + " strides");
            }
        }
    }

    /** A row-major buffer. */
    public BufferType(List<Long> shape, Type elementType) {
        this(shape, elementType, null);
    }

    /** The strides: the given ones, or row-major ones ({@link #DYNAMIC} after the first dynamic size). */
    public List<Long> effectiveStrides() {
        if (strides != null) {
            return strides;
        }
        Long[] out = new Long[shape.size()];
        long running = 1;
        for (int i = shape.size() - 1; i >= 0; i--) {
            out[i] = running;
            long d = shape.get(i);
            running = running == DYNAMIC || d == DYNAMIC ? DYNAMIC : running * d;
        }
        return List.of(out);
    }

    @Override
    public String asm() {
        return toString();
    }

    @Override
    public String toString() {
        String layout = strides == null ? "" : ", strided<" + strides.stream()
                .map(s -> s == DYNAMIC ? "?" : Long.toString(s)).collect(Collectors.joining(", ", "[", "]")) + ">";
        return "buffer<" + Shapes.text(shape, elementType) + layout + ">";
    }
}
