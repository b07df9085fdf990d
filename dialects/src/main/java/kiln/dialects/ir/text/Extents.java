package kiln.dialects.ir.text;

import java.util.ArrayList;
import java.util.List;
import kiln.dialects.ir.IndexType;
import kiln.dialects.ir.ShapedType;
import kiln.dialects.ir.Value;

/**
 * Index-space extents as the lower dialects write them: {@code [%n, 3]}, a static size as a number and a dynamic one as
 * the index value that holds it. Stored on an op as its shape (with {@link ShapedType#DYNAMIC}) and one index operand
 * per dynamic size.
 *
 * @param shape   each extent, {@link ShapedType#DYNAMIC} where a value gives it
 * @param dynamic the values of the dynamic extents, in order
 */
public record Extents(List<Long> shape, List<Value> dynamic) {
    public Extents {
        shape = List.copyOf(shape);
        dynamic = List.copyOf(dynamic);
    }

    /** Reads {@code [e, …]}, each {@code e} a non-negative integer or an index value. */
    public static Extents parse(AsmParser p) {
        p.expect("[");
        List<Long> shape = new ArrayList<>();
        List<Value> dynamic = new ArrayList<>();
        if (!p.consume("]")) {
            do {
                p.skipWhitespace();
                if (p.text().startsWith("%", p.position())) {
                    int at = p.position();
                    Value v = p.parseOperand();
                    if (!(v.type() instanceof IndexType)) {
                        throw p.errorAt(at, "an extent must be an index, not '" + v.type().asm() + "'");
                    }
                    dynamic.add(v);
                    shape.add(ShapedType.DYNAMIC);
                } else {
                    int at = p.position();
                    long n = p.parseInteger();
                    if (n < 0) {
                        throw p.errorAt(at, "an extent must not be negative");
                    }
                    shape.add(n);
                }
            } while (p.consume(","));
            p.expect("]");
        }
        return new Extents(shape, dynamic);
    }

    /** Writes {@code [e, …]}. */
    public void print(AsmPrinter p) {
        p.print("[");
        int k = 0;
        for (int i = 0; i < shape.size(); i++) {
            if (i > 0) {
                p.print(", ");
            }
            if (shape.get(i) == ShapedType.DYNAMIC) {
                p.printOperand(dynamic.get(k++));
            } else {
                p.print(Long.toString(shape.get(i)));
            }
        }
        p.print("]");
    }

    /** The extents of {@code shape}, whose dynamic sizes are {@code operands} from {@code from} on. */
    public static Extents of(List<Long> shape, List<Value> operands, int from) {
        int n = (int) shape.stream().filter(d -> d == ShapedType.DYNAMIC).count();
        return new Extents(shape, operands.subList(from, from + n));
    }

    public int rank() {
        return shape.size();
    }
}
