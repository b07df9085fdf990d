package kiln.dialects.arith;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.BoolAttr;
import kiln.dialects.ir.DenseElementsAttr;
import kiln.dialects.ir.FloatAttr;
import kiln.dialects.ir.FloatType;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.IntegerType;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.ShapedType;
import kiln.dialects.ir.Type;

/**
 * The {@link ArithKernel}s of the arith ops, built from scalar functions and applied element by element to vector
 * constants ({@link DenseElementsAttr}; a splat stays a splat).
 */
final class Kernels {
    private Kernels() {
    }

    /** An integer operation at a width; null when its result is undefined. */
    @FunctionalInterface
    interface IntFn {
        Long apply(long a, long b, int width);
    }

    /** A float operation, computed exactly in double and rounded once to the result type. */
    @FunctionalInterface
    interface FloatFn {
        double apply(double a, double b);
    }

    /** A cast of one scalar to the result element type; null when undefined or not computable exactly. */
    @FunctionalInterface
    interface CastFn {
        Attribute apply(Attribute in, Type from, Type to);
    }

    /**
     * Applies {@code scalar} to scalar operands, or element by element to vector ones; empty when an operand is
     * missing or of a kind the op does not take, or when {@code scalar} gives null for some element.
     */
    static Optional<Attribute> elementwise(List<Attribute> operands, Type resultType,
                                           Function<List<Attribute>, Attribute> scalar) {
        if (operands.stream().anyMatch(Objects::isNull)) {
            return Optional.empty();
        }
        if (operands.stream().noneMatch(a -> a instanceof DenseElementsAttr)) {
            return Optional.ofNullable(scalar.apply(operands));
        }
        if (!(resultType instanceof ShapedType shaped)
                || !operands.stream().allMatch(a -> a instanceof DenseElementsAttr)) {
            return Optional.empty();
        }
        List<DenseElementsAttr> dense = operands.stream().map(a -> (DenseElementsAttr) a).toList();
        if (dense.stream().allMatch(DenseElementsAttr::isSplat)) {
            Attribute r = scalar.apply(dense.stream().map(d -> d.elements().getFirst()).toList());
            return r == null ? Optional.empty() : Optional.of(new DenseElementsAttr(shaped, List.of(r)));
        }
        List<List<Attribute>> values = dense.stream().map(DenseElementsAttr::values).toList();
        long n = shaped.numElements();
        if (values.stream().anyMatch(v -> v.size() != n)) {
            return Optional.empty();
        }
        List<Attribute> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            Attribute r = scalar.apply(values.stream().map(v -> v.get(k)).toList());
            if (r == null) {
                return Optional.empty();
            }
            out.add(r);
        }
        return Optional.of(new DenseElementsAttr(shaped, out));
    }

    static Type element(Operation op, int operand) {
        return ArithTypes.elementOf(op.operand(operand).type());
    }

    static Type resultElement(Operation op) {
        return ArithTypes.elementOf(op.result(0).type());
    }

    /** The value of a float attribute, rounded into its type (the parser keeps a literal's double as read). */
    static Double floatOf(Attribute a) {
        return a instanceof FloatAttr f ? Floats.round(f.value(), f.type()) : null;
    }

    static ArithKernel integer(IntFn f) {
        return (op, xs) -> {
            if (!ArithTypes.foldableInteger(op.result(0).type())) {
                return Optional.empty();
            }
            Type t = resultElement(op);
            int width = ArithTypes.width(t);
            return elementwise(xs, op.result(0).type(), s -> {
                if (!IntBits.isInt(s.get(0)) || !IntBits.isInt(s.get(1))) {
                    return null;
                }
                Long r = f.apply(IntBits.of(s.get(0), width), IntBits.of(s.get(1), width), width);
                return r == null ? null : IntBits.attr(r, t);
            });
        };
    }

    static ArithKernel floating(FloatFn f) {
        return (op, xs) -> {
            FloatType t = (FloatType) resultElement(op);
            return elementwise(xs, op.result(0).type(), s -> {
                Double a = floatOf(s.get(0));
                Double b = floatOf(s.get(1));
                return a == null || b == null ? null : new FloatAttr(Floats.round(f.apply(a, b), t), t);
            });
        };
    }

    static final ArithKernel NEGF = (op, xs) -> elementwise(xs, op.result(0).type(), s -> {
        Double a = floatOf(s.getFirst());
        FloatType t = (FloatType) resultElement(op);
        return a == null ? null : new FloatAttr(Floats.round(-a, t), t);
    });

    static ArithKernel cast(CastFn f) {
        return (op, xs) -> {
            Type from = element(op, 0);
            Type to = resultElement(op);
            boolean narrow = ArithTypes.hasWidth(from) && ArithTypes.hasWidth(to)
                    && (from instanceof FloatType || ArithTypes.width(from) <= 64)
                    && (to instanceof FloatType || ArithTypes.width(to) <= 64);
            return narrow ? elementwise(xs, op.result(0).type(), s -> f.apply(s.getFirst(), from, to))
                    : Optional.empty();
        };
    }

    static Long intIn(Attribute a, Type from) {
        return IntBits.isInt(a) ? IntBits.of(a, ArithTypes.width(from)) : null;
    }

    static final ArithKernel EXTSI = cast((a, from, to) -> {
        Long v = intIn(a, from);
        return v == null ? null : IntBits.attr(v, to);
    });
    static final ArithKernel EXTUI = cast((a, from, to) -> {
        Long v = intIn(a, from);
        return v == null ? null : IntBits.attr(IntBits.unsigned(v, ArithTypes.width(from)), to);
    });
    /** {@code trunci} and {@code index_cast} (sign-extend or truncate) compute the same. */
    static final ArithKernel TRUNCI = EXTSI;
    static final ArithKernel SITOFP = cast((a, from, to) -> {
        Long v = intIn(a, from);
        return v == null ? null : new FloatAttr(Floats.fromSigned(v, (FloatType) to), (FloatType) to);
    });
    static final ArithKernel UITOFP = cast((a, from, to) -> {
        Long v = intIn(a, from);
        return v == null ? null : new FloatAttr(Floats.fromInteger(IntBits.unsigned(v, ArithTypes.width(from)),
                false, (FloatType) to), (FloatType) to);
    });
    static final ArithKernel FPTOSI = fpToInt(true);
    static final ArithKernel FPTOUI = fpToInt(false);

    private static ArithKernel fpToInt(boolean signed) {
        return cast((a, from, to) -> {
            Double x = floatOf(a);
            Long v = x == null ? null : Floats.toInteger(x, ArithTypes.width(to), signed);
            return v == null ? null : IntBits.attr(v, to);
        });
    }

    static final ArithKernel EXTF = cast((a, from, to) -> {
        Double x = floatOf(a);
        return x == null ? null : new FloatAttr(x, (FloatType) to);
    });
    /** Folds only when the value is exact in the narrower type, as MLIR's folder does. */
    static final ArithKernel TRUNCF = cast((a, from, to) -> {
        Double x = floatOf(a);
        return x == null || !Floats.representable(x, (FloatType) to) ? null : new FloatAttr(x, (FloatType) to);
    });
    static final ArithKernel BITCAST = cast((a, from, to) -> {
        Long bits = from instanceof FloatType ft ? (floatOf(a) == null ? null : Floats.toBits(floatOf(a), ft))
                : intIn(a, from);
        if (bits == null) {
            return null;
        }
        if (to instanceof FloatType tt) {
            Double x = Floats.fromBits(IntBits.unsigned(bits, tt.width()), tt);
            return x == null ? null : new FloatAttr(x, tt);
        }
        return IntBits.attr(bits, to);
    });

    static final ArithKernel CMPI = (op, xs) -> {
        if (!ArithTypes.foldableInteger(op.operand(0).type())
                || !(op.attribute(ArithFormats.PREDICATE) instanceof IntAttr p)) {
            return Optional.empty();
        }
        CmpIPredicate predicate = CmpIPredicate.values()[(int) p.value()];
        int width = ArithTypes.width(element(op, 0));
        return elementwise(xs, op.result(0).type(), s -> IntBits.isInt(s.get(0)) && IntBits.isInt(s.get(1))
                ? new BoolAttr(predicate.test(IntBits.of(s.get(0), width), IntBits.of(s.get(1), width), width))
                : null);
    };

    static final ArithKernel CMPF = (op, xs) -> {
        if (!(op.attribute(ArithFormats.PREDICATE) instanceof IntAttr p)) {
            return Optional.empty();
        }
        CmpFPredicate predicate = CmpFPredicate.values()[(int) p.value()];
        return elementwise(xs, op.result(0).type(), s -> {
            Double a = floatOf(s.get(0));
            Double b = floatOf(s.get(1));
            return a == null || b == null ? null : new BoolAttr(predicate.test(a, b));
        });
    };

    static final ArithKernel SELECT = (op, xs) -> {
        if (xs.stream().anyMatch(Objects::isNull)) {
            return Optional.empty();
        }
        Attribute cond = xs.getFirst();
        if (!(cond instanceof DenseElementsAttr)) {
            Boolean c = asBool(cond);
            return c == null ? Optional.empty() : Optional.of(c ? xs.get(1) : xs.get(2));
        }
        return elementwise(xs, op.result(0).type(), s -> {
            Boolean c = asBool(s.get(0));
            return c == null ? null : c ? s.get(1) : s.get(2);
        });
    };

    static Boolean asBool(Attribute a) {
        return switch (a) {
            case BoolAttr b -> b.value();
            case IntAttr i when i.type().equals(IntegerType.I1) -> (i.value() & 1) != 0;
            default -> null;
        };
    }

    static final ArithKernel CONSTANT = (op, xs) -> Optional.ofNullable(op.attribute(ArithFormats.VALUE));
}
