package kiln.runtime.tensor;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.tensor.Iteration.StridedRun;

/**
 * {@code copy_}, {@code fill_}, {@code clone}/{@code to}/{@code contiguous} and the exports to Java arrays, on
 * the elementwise engine. Conversions between dtypes are {@link Casts}'s.
 */
final class Copy {
    private Copy() {
    }

    /** {@code dst.copy_(src)}: {@code src} broadcast to {@code dst}'s shape and converted to its dtype. */
    static void copy(Tensor dst, Tensor src) {
        if (dst == src) {
            return;
        }
        if (dst.isAliasOf(src) && dst.storageOffset() == src.storageOffset() && dst.dtype() == src.dtype()
                && Arrays.equals(dst.sizesRaw(), src.sizesRaw()) && Arrays.equals(dst.stridesRaw(), src.stridesRaw())) {
            return;
        }
        Elementwise.Plan plan = Elementwise.plan(dst, true, dst.dtype(), dst.dtype(), false, List.of(src));
        plan.iteration().forEachRowParallel(convertRow(src.dtype(), dst.dtype()));
    }

    /** The row of a dtype conversion, or of a plain byte copy when the dtypes agree. */
    private static StridedRun convertRow(ScalarType from, ScalarType to) {
        if (from == to) {
            return sameDtypeRow(to.itemSize());
        }
        if (from.isFloatingPoint()) {
            return Loops.unaryDouble(Access.floating(from), x -> x, Access.doubleWriter(to));
        }
        return Loops.unaryLong(Access.integral(from), x -> x, Access.longWriter(to));
    }

    /** Copies elements of one dtype: bulk when contiguous, doubling blocks when the source is broadcast. */
    private static StridedRun sameDtypeRow(long itemSize) {
        StridedRun general = Loops.sameDtypeCopy(itemSize);
        return (seg, off, str, n) -> {
            if (str[1] == 0 && str[0] == itemSize && n > 0) {
                MemorySegment.copy(seg[1], off[1], seg[0], off[0], itemSize);
                long filled = 1;
                while (filled < n) {
                    long chunk = Math.min(filled, n - filled);
                    MemorySegment.copy(seg[0], off[0], seg[0], off[0] + filled * itemSize, chunk * itemSize);
                    filled += chunk;
                }
                return;
            }
            general.run(seg, off, str, n);
        };
    }

    /** {@code fill_}: every element set to {@code value} converted to the tensor's dtype. */
    static void fill(Tensor t, Scalar value) {
        copy(t, scalarOf(value, t.dtype()));
    }

    /** A 0-dim tensor of {@code dtype} holding {@code value}, converted as {@code Scalar::to<T>}. */
    static Tensor scalarOf(Scalar value, ScalarType dtype) {
        Tensor t = new Tensor(Storage.allocateUnpooled(dtype.itemSize()), DTypes.require(dtype), new long[0],
                new long[0], 0);
        MemorySegment s = t.segment();
        switch (value) {
            case Scalar.OfDouble d -> ElementIO.writeDouble(s, 0, dtype, d.value());
            case Scalar.OfLong l -> ElementIO.writeLong(s, 0, dtype, l.value());
            case Scalar.OfBool b -> ElementIO.writeBool(s, 0, dtype, b.value());
        }
        return t;
    }

    /** {@code clone(memory_format=contiguous)}. */
    static Tensor contiguousCopy(Tensor t) {
        Tensor out = Factory.empty(t.dtype(), t.sizesRaw());
        copy(out, t);
        return out;
    }

    /**
     * {@code empty_like(t, dtype)} with {@code preserve_format}, filled from {@code t}: the same strides when
     * they are dense, else dense strides in the same dim order ({@code infer_dense_strides}).
     */
    static Tensor cloneLike(Tensor t, ScalarType dtype) {
        long[] strides = t.isNonOverlappingAndDense() ? t.stridesRaw()
                : Iteration.inferDenseStrides(t.sizesRaw(), t.stridesRaw());
        Tensor out = Factory.emptyStrided(dtype, t.sizesRaw(), strides);
        copy(out, t);
        return out;
    }

    /** The elements in row-major order as {@code dtype}, contiguous from offset 0. */
    private static MemorySegment rowMajor(Tensor t, ScalarType dtype) {
        Tensor c = t.dtype() == dtype && t.isContiguous() ? t : converted(t, dtype);
        return c.segment().asSlice(c.storageOffset() * dtype.itemSize(), c.numel() * dtype.itemSize());
    }

    private static Tensor converted(Tensor t, ScalarType dtype) {
        Tensor out = Factory.empty(dtype, t.sizesRaw());
        copy(out, t);
        return out;
    }

    private static int length(Tensor t) {
        if (t.numel() > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("a tensor of " + t.numel() + " elements does not fit a Java array");
        }
        return (int) t.numel();
    }

    /** The elements in row-major order, converted to {@code dtype}, copied into a new Java array. */
    private static <A> A export(Tensor t, ScalarType dtype, ValueLayout layout, IntFunction<A> newArray) {
        int n = length(t);
        A out = newArray.apply(n);
        MemorySegment.copy(rowMajor(t, dtype), layout, 0, out, 0, n);
        return out;
    }

    static float[] toFloatArray(Tensor t) {
        return export(t, ScalarType.Float, ValueLayout.JAVA_FLOAT_UNALIGNED, float[]::new);
    }

    static double[] toDoubleArray(Tensor t) {
        return export(t, ScalarType.Double, ValueLayout.JAVA_DOUBLE_UNALIGNED, double[]::new);
    }

    static long[] toLongArray(Tensor t) {
        return export(t, ScalarType.Long, ValueLayout.JAVA_LONG_UNALIGNED, long[]::new);
    }

    static int[] toIntArray(Tensor t) {
        return export(t, ScalarType.Int, ValueLayout.JAVA_INT_UNALIGNED, int[]::new);
    }

    static boolean[] toBooleanArray(Tensor t) {
        byte[] bytes = export(t, ScalarType.Bool, ValueLayout.JAVA_BYTE, byte[]::new);
        boolean[] out = new boolean[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[i] != 0;
        }
        return out;
    }
}
