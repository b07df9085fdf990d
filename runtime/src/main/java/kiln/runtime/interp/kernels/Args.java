package kiln.runtime.interp.kernels;

import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.interp.value.ScriptDict;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptList;
import kiln.runtime.interp.value.ScriptTuple;
import kiln.runtime.interp.value.Values;
import kiln.runtime.tensor.Operand;
import kiln.runtime.tensor.Scalar;
import kiln.runtime.tensor.Tensor;

/**
 * Reading kernel operands as the Java values they must be (a wrong kind is a {@code TypeError} naming what was
 * expected), so that kernels are one-line lambdas: {@code a -> Ops.neg(tensor(a[0]))}.
 */
public final class Args {
    private Args() {
    }

    private static ScriptException expected(String what, Object v) {
        return ScriptException.typeError("expected " + what + " but got " + Values.typeName(v));
    }

    /** {@code v} as a {@code type}, or a {@code TypeError} saying it should have been {@code what}. */
    private static <T> T as(Class<T> type, String what, Object v) {
        if (type.isInstance(v)) {
            return type.cast(v);
        }
        throw expected(what, v);
    }

    public static Tensor tensor(Object v) {
        return as(Tensor.class, "a Tensor", v);
    }

    /** A tensor or None. */
    public static Tensor optTensor(Object v) {
        return v == null ? null : tensor(v);
    }

    public static long toLong(Object v) {
        return as(Long.class, "an int", v);
    }

    /** An int or None. */
    public static Long optLong(Object v) {
        return v == null ? null : toLong(v);
    }

    /** An int as a Java int, for dims and list indices. */
    public static int toInt(Object v) {
        return Math.toIntExact(toLong(v));
    }

    /** A float, or an int (TorchScript passes ints where floats are accepted only after conversion, but numbers may be either). */
    public static double toDouble(Object v) {
        return switch (v) {
            case Double d -> d;
            case Long l -> l;
            case null, default -> throw expected("a float", v);
        };
    }

    public static boolean toBool(Object v) {
        return as(Boolean.class, "a bool", v);
    }

    public static String str(Object v) {
        return as(String.class, "a str", v);
    }

    /** A Python number as ATen's {@code Scalar}. */
    public static Scalar scalar(Object v) {
        return switch (v) {
            case Long l -> Scalar.of(l);
            case Double d -> Scalar.of(d);
            case Boolean b -> Scalar.of(b);
            case null, default -> throw expected("a number", v);
        };
    }

    /** A tensor or a Python number. */
    public static Operand operand(Object v) {
        return v instanceof Tensor t ? t : scalar(v);
    }

    /** A Python number from an ATen {@code Scalar}. */
    public static Object number(Scalar s) {
        return switch (s) {
            case Scalar.OfLong l -> l.value();
            case Scalar.OfDouble d -> d.value();
            case Scalar.OfBool b -> b.value();
        };
    }

    public static ScriptList list(Object v) {
        return as(ScriptList.class, "a list", v);
    }

    public static ScriptTuple tuple(Object v) {
        return as(ScriptTuple.class, "a tuple", v);
    }

    public static ScriptDict dict(Object v) {
        return as(ScriptDict.class, "a dict", v);
    }

    /** An {@code int[]} argument; a single int stands for a one-element list, as for {@code int[1]} arguments. */
    public static long[] longs(Object v) {
        return switch (v) {
            case ScriptList l -> {
                long[] out = new long[l.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = toLong(l.get(i));
                }
                yield out;
            }
            case Long l -> new long[] {l};
            case null, default -> throw expected("a List[int]", v);
        };
    }

    /** An {@code int[]?} argument. */
    public static long[] optLongs(Object v) {
        return v == null ? null : longs(v);
    }

    /** A {@code float[]?} argument. */
    public static double[] optDoubles(Object v) {
        if (v == null) {
            return null;
        }
        ScriptList l = list(v);
        double[] out = new double[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = toDouble(l.get(i));
        }
        return out;
    }

    /** A {@code Tensor[]} argument. */
    public static Tensor[] tensors(Object v) {
        ScriptList l = list(v);
        Tensor[] out = new Tensor[l.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = tensor(l.get(i));
        }
        return out;
    }

    /** A {@code Tensor?[]} argument: null entries stay null. */
    public static java.util.List<Tensor> optTensors(Object v) {
        ScriptList l = list(v);
        java.util.List<Tensor> out = new java.util.ArrayList<>(l.size());
        for (int i = 0; i < l.size(); i++) {
            out.add(optTensor(l.get(i)));
        }
        return out;
    }

    /** A {@code ScalarType} argument: PyTorch's integer code. */
    public static ScalarType dtype(Object v) {
        return ScalarType.fromCode(toInt(v));
    }

    /** A {@code ScalarType?} argument. */
    public static ScalarType optDtype(Object v) {
        return v == null ? null : dtype(v);
    }
}
