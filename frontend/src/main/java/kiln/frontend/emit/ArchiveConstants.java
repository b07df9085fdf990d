package kiln.frontend.emit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.TensorAttr;
import kiln.dialects.torch.types.TensorType;
import kiln.frontend.pickle.PyStr;
import kiln.frontend.pickle.PyValue;
import kiln.frontend.pickle.TensorRef;
import kiln.frontend.script.SourceRange;

/**
 * {@code CONSTANTS.c<n>}: entry n of an archive's constants table, where PyTorch's code printer puts the constants
 * it cannot write as literals. A tensor becomes {@code prim::Constant[value=<Tensor>]} (as PyTorch's
 * import_source inserts it) whose {@link TensorAttr} names the entry, so that whoever runs the graph supplies the
 * data; a string (one with non-ASCII characters) becomes a string constant.
 */
final class ArchiveConstants {
    private ArchiveConstants() {
    }

    /** What the compiler needs of a table entry, read when the archive is loaded (its data may go after). */
    sealed interface Entry {
        /** A tensor, with the attribute text PyTorch prints for it. */
        record Tensor(String text) implements Entry {
        }

        record Str(String value) implements Entry {
        }

        /** A value Kiln does not read as a constant. */
        record Other(String typeName) implements Entry {
        }
    }

    static Entry describe(PyValue v) {
        return switch (v) {
            case TensorRef t -> new Entry.Tensor(text(t));
            case PyStr s -> new Entry.Str(s.value());
            default -> new Entry.Other(v.typeName());
        };
    }

    static Value emit(FunctionEmitter f, String name, SourceRange where) {
        int index = index(name);
        if (index < 0) {
            throw new CompileError(where, "CONSTANTS has no attribute '" + name + "'");
        }
        Entry entry = f.compiler.unit().constant(index).orElseThrow(() -> new CompileError(where, "CONSTANTS."
                + name + " is not in the archive's constants table, which has " + f.compiler.unit().constantCount()
                + " entries"));
        return switch (entry) {
            case Entry.Tensor t -> f.exprs.constant(TensorType.TENSOR, new TensorAttr(t.text(), "CONSTANTS." + name),
                    where);
            case Entry.Str s -> f.exprs.constantString(s.value(), where);
            case Entry.Other o -> throw new CompileError(where, "CONSTANTS." + name + " holds a " + o.typeName()
                    + "; Kiln reads tensor and string constants");
        };
    }

    /** n for {@code c<n>}, or -1. */
    private static int index(String name) {
        if (!name.matches("c[0-9]{1,9}")) {
            return -1;
        }
        return Integer.parseInt(name.substring(1));
    }

    /**
     * The attribute text PyTorch prints for a tensor constant: {@code {x}} for a one-element tensor (as C++ writes
     * the number), {@code <Tensor>} otherwise (PyTorch prints up to ten elements in its tensor format, which graph
     * text does not need to parse back).
     */
    static String text(TensorRef t) {
        if (t.numel() != 1) {
            return "<Tensor>";
        }
        ByteBuffer b = t.storage().segment().asSlice(t.storageOffset() * t.dtype().elementSize(),
                t.dtype().elementSize()).asByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        return switch (t.dtype()) {
            case FLOAT32 -> "{" + cppDouble(b.getFloat()) + "}";
            case FLOAT64 -> "{" + cppDouble(b.getDouble()) + "}";
            case FLOAT16 -> "{" + cppDouble(Float.float16ToFloat(b.getShort())) + "}";
            case BFLOAT16 -> "{" + cppDouble(Float.intBitsToFloat((b.getShort() & 0xffff) << 16)) + "}";
            case INT8 -> "{" + b.get() + "}";
            case UINT8, BOOL -> "{" + (b.get() & 0xff) + "}";
            case INT16 -> "{" + b.getShort() + "}";
            case UINT16 -> "{" + (b.getShort() & 0xffff) + "}";
            case INT32 -> "{" + b.getInt() + "}";
            case UINT32 -> "{" + Integer.toUnsignedString(b.getInt()) + "}";
            case INT64, UINT64 -> "{" + b.getLong() + "}";
            default -> "<Tensor>";
        };
    }

    /** A double as C++'s {@code ostream << double} writes it: {@code %g}, six significant digits. */
    static String cppDouble(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return 1 / v < 0 ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(6, java.math.RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            String e = String.format("%02d", Math.abs(exponent));
            return mantissa.toPlainString() + "e" + (exponent < 0 ? "-" : "+") + e;
        }
        return rounded.stripTrailingZeros().toPlainString();
    }
}
