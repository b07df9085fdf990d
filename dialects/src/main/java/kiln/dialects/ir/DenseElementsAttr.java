package kiln.dialects.ir;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The elements of a constant of a static shaped type, in row-major order: {@code dense<[[1, 2], [3, 4]]> :
 * tensor<2x2xi32>}, or one value for every element ({@code dense<0.0> : vector<8xf32>}, a splat). Elements are
 * {@link IntAttr}s, {@link FloatAttr}s or {@link BoolAttr}s of the element type. Meant for small constants; large
 * weights stay in the program's constant table.
 */
public record DenseElementsAttr(ShapedType type, List<Attribute> elements) implements Attribute {
    public DenseElementsAttr {
        Objects.requireNonNull(type);
        elements = List.copyOf(elements);
        if (!type.hasStaticShape()) {
            throw new IllegalArgumentException("dense elements need a static shape, not " + type.asm());
        }
        long n = type.numElements();
        if (elements.size() != 1 && elements.size() != n) {
            throw new IllegalArgumentException(type.asm() + " has " + n + " element(s), got " + elements.size());
        }
    }

    public boolean isSplat() {
        return elements.size() == 1;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("dense<");
        if (isSplat()) {
            sb.append(element(elements.getFirst()));
        } else {
            nest(sb, 0, 0);
        }
        return sb.append("> : ").append(type.asm()).toString();
    }

    private int nest(StringBuilder sb, int dim, int at) {
        if (dim == type.rank()) {
            sb.append(element(elements.get(at)));
            return at + 1;
        }
        sb.append('[');
        long size = type.shape().get(dim);
        for (long i = 0; i < size; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            at = nest(sb, dim + 1, at);
        }
        sb.append(']');
        return at;
    }

    private static String element(Attribute a) {
        return switch (a) {
            case IntAttr i -> Long.toString(i.value());
            case FloatAttr f -> Double.isFinite(f.value()) ? FloatAttr.literal(f.value(), f.type())
                    : "0x" + String.format("%016X", Double.doubleToRawLongBits(f.value()));
            case BoolAttr b -> b.toString();
            default -> throw new IllegalStateException("not a dense element: " + a);
        };
    }

    /** The elements of a splat repeated, or the elements as they are. */
    public List<Attribute> values() {
        if (!isSplat()) {
            return elements;
        }
        List<Attribute> out = new ArrayList<>();
        for (long i = 0; i < type.numElements(); i++) {
            out.add(elements.getFirst());
        }
        return out;
    }
}
