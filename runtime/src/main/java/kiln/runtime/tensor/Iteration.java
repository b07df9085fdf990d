package kiln.runtime.tensor;

import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * The iteration space of an elementwise operation, as ATen's {@code TensorIterator} lays it out: dimensions
 * ordered fastest first by the operands' strides ({@code reorder_dimensions}), then adjacent dimensions merged
 * where every operand steps through them as one ({@code coalesce_dimensions}). Operand 0 is the output.
 */
final class Iteration {
    final MemorySegment[] segments;
    /** Byte offset of each operand's first element. */
    final long[] offsets;
    /** Sizes in iteration order, fastest first; never empty (a 0-dim space is one element). */
    final long[] shape;
    /** Byte strides: {@code strides[operand][dim]}. */
    final long[][] strides;
    final long numel;

    private Iteration(MemorySegment[] segments, long[] offsets, long[] shape, long[][] strides) {
        this.segments = segments;
        this.offsets = offsets;
        this.shape = shape;
        this.strides = strides;
        this.numel = Shapes.numel(shape);
    }

    /**
     * The space over operands that all have {@code logicalShape} (inputs already broadcast, with zero strides),
     * visited in {@code order} (from {@link #order}).
     */
    static Iteration of(long[] logicalShape, int[] order, List<Tensor> operands) {
        int n = logicalShape.length;
        int ops = operands.size();
        MemorySegment[] segments = new MemorySegment[ops];
        long[] offsets = new long[ops];
        long[] shape = new long[Math.max(n, 1)];
        long[][] strides = new long[ops][Math.max(n, 1)];
        shape[0] = 1;
        for (int i = 0; i < n; i++) {
            shape[i] = logicalShape[order[i]];
        }
        for (int k = 0; k < ops; k++) {
            Tensor t = operands.get(k);
            segments[k] = t.segment();
            offsets[k] = t.storageOffset() * t.elementSize();
            for (int i = 0; i < n; i++) {
                strides[k][i] = t.stridesRaw()[order[i]] * t.elementSize();
            }
        }
        return coalesce(new Iteration(segments, offsets, shape, strides));
    }

    /**
     * TensorIterator's {@code reorder_dimensions}: logical dims listed fastest first. Starts from the reverse
     * order (row-major) and insertion-sorts by stride, operand by operand, skipping operands whose stride on
     * either dim is 0 (broadcast) and breaking stride ties by putting the smaller size first. Null strides
     * (outputs still to be allocated) do not vote.
     */
    static int[] order(long[] shape, List<long[]> strides) {
        int n = shape.length;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = n - 1 - i;
        }
        for (int i = 1; i < n; i++) {
            int dim1 = i;
            for (int dim0 = i - 1; dim0 >= 0; dim0--) {
                int comparison = shouldSwap(shape, strides, perm[dim0], perm[dim1]);
                if (comparison > 0) {
                    int tmp = perm[dim0];
                    perm[dim0] = perm[dim1];
                    perm[dim1] = tmp;
                    dim1 = dim0;
                } else if (comparison < 0) {
                    break;
                }
            }
        }
        return perm;
    }

    private static int shouldSwap(long[] shape, List<long[]> strides, int dim0, int dim1) {
        for (long[] stride : strides) {
            if (stride == null) {
                continue;
            }
            long stride0 = stride[dim0];
            long stride1 = stride[dim1];
            if (stride0 == 0 || stride1 == 0) {
                continue;
            }
            if (stride0 != stride1) {
                return stride0 < stride1 ? -1 : 1;
            }
            if (shape[dim0] > shape[dim1]) {
                return 1;
            }
        }
        return 0;
    }

    /** True when {@code order} is plain row-major (TensorIterator's "inverted" permutation). */
    static boolean isRowMajor(int[] order) {
        for (int j = 0; j < order.length; j++) {
            if (order[j] != order.length - 1 - j) {
                return false;
            }
        }
        return true;
    }

    /**
     * Strides (in elements) of a new output laid out densely in {@code order}: TensorIterator's
     * {@code compatible_stride} mapped back to logical dims.
     */
    static long[] denseStrides(long[] shape, int[] order) {
        long[] strides = new long[shape.length];
        long next = 1;
        for (int dim : order) {
            strides[dim] = next;
            next *= shape[dim];
        }
        return strides;
    }

    /** ATen's {@code infer_dense_strides}: a dense layout that keeps the dim order of {@code strides}. */
    static long[] inferDenseStrides(long[] sizes, long[] strides) {
        if (sizes.length == 0) {
            return new long[0];
        }
        if (sizes.length == 1) {
            return new long[] {1};
        }
        long[] out = new long[sizes.length];
        long current = 1;
        for (int idx : order(sizes, List.of(strides))) {
            out[idx] = current;
            if (sizes[idx] > 1) {
                current *= sizes[idx];
            }
        }
        return out;
    }

    /** TensorIterator's {@code coalesce_dimensions}. */
    private static Iteration coalesce(Iteration it) {
        long[] shape = it.shape;
        long[][] strides = it.strides;
        int ndim = shape.length;
        if (ndim <= 1) {
            return it;
        }
        int prev = 0;
        for (int dim = 1; dim < ndim; dim++) {
            if (canCoalesce(shape, strides, prev, dim)) {
                if (shape[prev] == 1) {
                    for (long[] s : strides) {
                        s[prev] = s[dim];
                    }
                }
                shape[prev] *= shape[dim];
            } else {
                prev++;
                if (prev != dim) {
                    for (long[] s : strides) {
                        s[prev] = s[dim];
                    }
                    shape[prev] = shape[dim];
                }
            }
        }
        long[] newShape = java.util.Arrays.copyOf(shape, prev + 1);
        long[][] newStrides = new long[strides.length][];
        for (int k = 0; k < strides.length; k++) {
            newStrides[k] = java.util.Arrays.copyOf(strides[k], prev + 1);
        }
        return new Iteration(it.segments, it.offsets, newShape, newStrides);
    }

    private static boolean canCoalesce(long[] shape, long[][] strides, int dim0, int dim1) {
        if (shape[dim0] == 1 || shape[dim1] == 1) {
            return true;
        }
        for (long[] s : strides) {
            if (shape[dim0] * s[dim0] != s[dim1]) {
                return false;
            }
        }
        return true;
    }

    /** The byte strides of every operand along the innermost (fastest) dimension. */
    long[] innerStrides() {
        long[] inner = new long[strides.length];
        for (int k = 0; k < strides.length; k++) {
            inner[k] = strides[k][0];
        }
        return inner;
    }

    /** Runs {@code run} over every innermost row of the space. */
    void forEachRow(StridedRun run) {
        if (numel > 0) {
            rows(0, numel / shape[0], run);
        }
    }

    /**
     * As {@link #forEachRow}, split over {@link Parallel}'s threads when the space is large: by rows, or a single
     * row by elements. Only for runs that write each output element from its own inputs (elementwise kernels
     * and copies), which chunks may then run in any order.
     */
    void forEachRowParallel(StridedRun run) {
        int threads = Parallel.threadsFor(numel, 1L << 17);
        long rows = numel == 0 ? 0 : numel / shape[0];
        if (threads == 1) {
            forEachRow(run);
        } else if (rows >= threads) {
            long chunk = (rows + threads - 1) / threads;
            Parallel.forEach(threads, threads, t -> rows(t * chunk, Math.min(rows, (t + 1) * chunk), run));
        } else {
            long[] inner = innerStrides();
            long n = shape[0];
            long chunk = ((n + threads - 1) / threads + 63) & -64;
            int parts = (int) ((n + chunk - 1) / chunk);
            Parallel.forEach((int) rows * parts, threads, t -> {
                long[] offs = rowOffsets(t / parts);
                long lo = t % parts * chunk;
                for (int k = 0; k < offs.length; k++) {
                    offs[k] += lo * inner[k];
                }
                run.run(segments, offs, inner, Math.min(n, lo + chunk) - lo);
            });
        }
    }

    /** The operands' offsets at the start of row {@code row} (rows counted in iteration order). */
    private long[] rowOffsets(long row) {
        long[] offs = offsets.clone();
        long rest = row;
        for (int d = 1; d < shape.length && rest > 0; d++) {
            long index = rest % shape[d];
            rest /= shape[d];
            for (int k = 0; k < offs.length; k++) {
                offs[k] += index * strides[k][d];
            }
        }
        return offs;
    }

    /** Runs {@code run} over rows {@code [first, end)}. */
    private void rows(long first, long end, StridedRun run) {
        int ndim = shape.length;
        int ops = segments.length;
        long[] inner = innerStrides();
        long[] offs = rowOffsets(first);
        long[] counter = new long[ndim];
        long rest = first;
        for (int d = 1; d < ndim; d++) {
            counter[d] = rest % shape[d];
            rest /= shape[d];
        }
        for (long r = first; r < end; r++) {
            run.run(segments, offs, inner, shape[0]);
            for (int d = 1; d < ndim; d++) {
                counter[d]++;
                for (int k = 0; k < ops; k++) {
                    offs[k] += strides[k][d];
                }
                if (counter[d] < shape[d]) {
                    break;
                }
                for (int k = 0; k < ops; k++) {
                    offs[k] -= strides[k][d] * shape[d];
                }
                counter[d] = 0;
            }
        }
    }

    /** One innermost row: {@code n} elements, operand {@code k} at {@code offsets[k]} stepping {@code strides[k]}. */
    @FunctionalInterface
    interface StridedRun {
        /** Must not modify {@code offsets}. */
        void run(MemorySegment[] segments, long[] offsets, long[] strides, long n);
    }
}
