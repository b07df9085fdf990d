package kiln.runtime.tensor;

import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * Shape arithmetic as ATen does it: dim wrapping ({@code maybe_wrap_dim}), contiguity ({@code compute_contiguous},
 * {@code is_non_overlapping_and_dense}), broadcasting ({@code infer_size}), {@code -1} inference for
 * view/reshape, and {@code computeStride}, which says whether a reshape can be a view.
 */
final class Shapes {
    private Shapes() {
    }

    /** c10's {@code maybe_wrap_dim(dim, ndim, wrap_scalar=true)}: a 0-dim tensor accepts dims -1 and 0. */
    static int wrapDim(long dim, int ndim) {
        return wrapDim(dim, ndim, true);
    }

    static int wrapDim(long dim, int ndim, boolean wrapScalar) {
        long range = ndim;
        if (range <= 0) {
            if (!wrapScalar) {
                throw TorchException.index("Dimension specified as " + dim + " but tensor has no dimensions");
            }
            range = 1;
        }
        long min = -range;
        long max = range - 1;
        if (!(min <= dim && dim <= max)) {
            throw TorchException.index("Dimension out of range (expected to be in range of ["
                + min + ", " + max + "], but got " + dim + ")");
        }
        return (int) (dim < 0 ? dim + range : dim);
    }

    static long numel(long[] sizes) {
        long n = 1;
        for (long s : sizes) {
            n = Math.multiplyExact(n, s);
        }
        return n;
    }

    /** Row-major strides, each at least the next size times its stride (c10's {@code contiguous_strides}). */
    static long[] contiguousStrides(long[] sizes) {
        long[] strides = new long[sizes.length];
        long next = 1;
        for (int d = sizes.length - 1; d >= 0; d--) {
            strides[d] = next;
            next *= Math.max(sizes[d], 1);
        }
        return strides;
    }

    /** c10's {@code compute_contiguous}: sizes of 1 may have any stride; empty tensors are contiguous. */
    static boolean isContiguous(long[] sizes, long[] strides) {
        if (numel(sizes) == 0) {
            return true;
        }
        long expected = 1;
        for (int d = sizes.length - 1; d >= 0; d--) {
            if (sizes[d] != 1) {
                if (strides[d] != expected) {
                    return false;
                }
                expected *= sizes[d];
            }
        }
        return true;
    }

    /** c10's {@code compute_channels_last_contiguous_2d}: only 4-d tensors in NHWC order. */
    static boolean isChannelsLastContiguous(long[] sizes, long[] strides) {
        if (sizes.length != 4) {
            return false;
        }
        long expected = 1;
        for (int d : new int[] {1, 3, 2, 0}) {
            if (sizes[d] != 1) {
                if (strides[d] != expected) {
                    return false;
                }
                expected *= sizes[d];
            }
        }
        return true;
    }

    /** c10's {@code get_channels_last_strides_2d} for a 4-d shape. */
    static long[] channelsLastStrides(long[] sizes) {
        long[] strides = new long[4];
        strides[1] = 1;
        strides[3] = sizes[1];
        strides[2] = strides[3] * sizes[3];
        strides[0] = strides[2] * sizes[2];
        return strides;
    }

    /** c10's {@code compute_non_overlapping_and_dense}: a permutation of a contiguous layout. */
    static boolean isNonOverlappingAndDense(long[] sizes, long[] strides) {
        int dim = sizes.length;
        if (dim == 1) {
            return sizes[0] < 2 || strides[0] == 1;
        }
        Integer[] perm = new Integer[dim];
        for (int i = 0; i < dim; i++) {
            perm[i] = i;
        }
        Arrays.sort(perm, (a, b) -> {
            if (sizes[a] < 2) {
                return sizes[b] < 2 ? 0 : 1;
            }
            if (sizes[b] < 2) {
                return -1;
            }
            return Long.compare(strides[a], strides[b]);
        });
        long requireStride = 1;
        for (int i = 0; i < dim; i++) {
            long size = sizes[perm[i]];
            if (size < 2) {
                return true;
            }
            if (strides[perm[i]] != requireStride) {
                return false;
            }
            requireStride *= size;
        }
        return true;
    }

    /**
     * ATen's {@code infer_size}: the broadcast of two shapes, failing with PyTorch's message where a pair of
     * sizes differs and neither is 1.
     */
    static long[] broadcast(long[] a, long[] b) {
        int ndim = Math.max(a.length, b.length);
        long[] out = new long[ndim];
        for (int i = ndim - 1; i >= 0; i--) {
            int offset = ndim - 1 - i;
            int dimA = a.length - 1 - offset;
            int dimB = b.length - 1 - offset;
            long sizeA = dimA >= 0 ? a[dimA] : 1;
            long sizeB = dimB >= 0 ? b[dimB] : 1;
            if (!(sizeA == sizeB || sizeA == 1 || sizeB == 1)) {
                throw TorchException.runtime("The size of tensor a (" + sizeA
                    + ") must match the size of tensor b (" + sizeB + ") at non-singleton dimension " + i);
            }
            out[i] = sizeA == 1 ? sizeB : sizeA;
        }
        return out;
    }

    /**
     * ATen's {@code infer_size} for view/reshape: replaces one {@code -1} so that the shape holds {@code numel}
     * elements, or fails as PyTorch does.
     */
    static long[] inferViewShape(long[] shape, long numel) {
        long[] result = shape.clone();
        long newSize = 1;
        int inferDim = -1;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == -1) {
                TorchException.check(inferDim < 0, "only one dimension can be inferred");
                inferDim = d;
            } else if (shape[d] >= 0) {
                newSize *= shape[d];
            } else {
                throw TorchException.runtime("invalid shape dimension " + shape[d]);
            }
        }
        if (numel == newSize || (inferDim >= 0 && newSize > 0 && numel % newSize == 0)) {
            if (inferDim >= 0) {
                if (newSize == 0) {
                    throw TorchException.runtime("cannot reshape tensor of 0 elements into shape " + str(shape)
                        + " because the unspecified dimension size -1 can be any value and is ambiguous");
                }
                result[inferDim] = numel / newSize;
            }
            return result;
        }
        throw TorchException.runtime("shape '" + str(shape) + "' is invalid for input of size " + numel);
    }

    /**
     * ATen's {@code computeStride}: strides that let a tensor of {@code oldShape}/{@code oldStride} be viewed as
     * {@code newShape} without copying, or null when some new dimension would span two non-contiguous chunks.
     */
    static long[] computeStride(long[] oldShape, long[] oldStride, long[] newShape) {
        if (oldShape.length == 0) {
            long[] ones = new long[newShape.length];
            Arrays.fill(ones, 1);
            return ones;
        }
        long numel = numel(oldShape);
        if (numel == 0 && Arrays.equals(oldShape, newShape)) {
            return oldStride.clone();
        }
        long[] newStride = new long[newShape.length];
        if (numel == 0) {
            for (int d = newShape.length - 1; d >= 0; d--) {
                newStride[d] = d == newShape.length - 1 ? 1 : Math.max(newShape[d + 1], 1) * newStride[d + 1];
            }
            return newStride;
        }
        int viewD = newShape.length - 1;
        long chunkBaseStride = oldStride[oldStride.length - 1];
        long tensorNumel = 1;
        long viewNumel = 1;
        for (int tensorD = oldShape.length - 1; tensorD >= 0; tensorD--) {
            tensorNumel *= oldShape[tensorD];
            if (tensorD == 0 || (oldShape[tensorD - 1] != 1
                    && oldStride[tensorD - 1] != tensorNumel * chunkBaseStride)) {
                while (viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1)) {
                    newStride[viewD] = viewNumel * chunkBaseStride;
                    viewNumel *= newShape[viewD];
                    viewD--;
                }
                if (viewNumel != tensorNumel) {
                    return null;
                }
                if (tensorD > 0) {
                    chunkBaseStride = oldStride[tensorD - 1];
                    tensorNumel = 1;
                    viewNumel = 1;
                }
            }
        }
        return viewD == -1 ? newStride : null;
    }

    /** How c10 prints an {@code IntArrayRef}: {@code [2, 3]}. */
    static String str(long[] values) {
        return LongStream.of(values).mapToObj(Long::toString).collect(Collectors.joining(", ", "[", "]"));
    }

    /** How Python prints a shape tuple: {@code (2, 3)}, {@code (0,)}, {@code ()}. */
    static String pythonTuple(long[] values) {
        if (values.length == 1) {
            return "(" + values[0] + ",)";
        }
        return LongStream.of(values).mapToObj(Long::toString).collect(Collectors.joining(", ", "(", ")"));
    }

    /** The size of a dense layout with these sizes/strides, in elements: 0 when any size is 0. */
    static long storageExtent(long[] sizes, long[] strides) {
        long extent = 1;
        for (int d = 0; d < sizes.length; d++) {
            if (sizes[d] == 0) {
                return 0;
            }
            extent += (sizes[d] - 1) * strides[d];
        }
        return extent;
    }
}
