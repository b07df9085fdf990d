package kiln.dialects.torch.scalar;

/** Python's index and slice arithmetic for lists and strings, and the length of a {@code range}. */
public final class PySlice {
    private PySlice() {
    }

    /** A list index: negative counts from the end; out of range is an {@code IndexError} naming {@code what}. */
    public static int index(long i, int size, String what) {
        long w = i < 0 ? i + size : i;
        if (w < 0 || w >= size) {
            throw ScalarException.indexError(what + " index out of range");
        }
        return (int) w;
    }

    /** The positions {@code s[start:end:step]} selects ({@code PySlice_AdjustIndices}); bounds may be null. */
    public static int[] positions(int size, Long start, Long end, long step) {
        if (step == 0) {
            throw ScalarException.valueError("slice step cannot be zero");
        }
        long lo = bound(start, size, step, step < 0 ? size - 1 : 0);
        long hi = bound(end, size, step, step < 0 ? -1 : size);
        long count;
        if (step > 0) {
            count = lo < hi ? (hi - lo - 1) / step + 1 : 0;
        } else {
            count = hi < lo ? (lo - hi - 1) / -step + 1 : 0;
        }
        int[] out = new int[(int) count];
        for (int i = 0; i < count; i++) {
            out[i] = (int) (lo + i * step);
        }
        return out;
    }

    private static long bound(Long v, int size, long step, long absent) {
        if (v == null) {
            return absent;
        }
        long x = v;
        if (x < 0) {
            x += size;
            if (x < 0) {
                x = step < 0 ? -1 : 0;
            }
        } else if (x >= size) {
            x = step < 0 ? size - 1 : size;
        }
        return x;
    }

    /** {@code len(range(lo, hi, step))}, wrapping at 64 bits as PyTorch's {@code aten::__range_length} does. */
    public static long rangeLength(long lo, long hi, long step) {
        if (step == 0) {
            throw ScalarException.valueError("range() arg 3 must not be zero");
        }
        if (step > 0 && lo < hi) {
            return 1 + (hi - 1 - lo) / step;
        }
        if (step < 0 && lo > hi) {
            return 1 + (lo - 1 - hi) / -step;
        }
        return 0;
    }
}
