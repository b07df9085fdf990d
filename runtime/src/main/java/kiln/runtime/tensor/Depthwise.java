package kiln.runtime.tensor;

import java.lang.foreign.MemorySegment;

import java.util.List;

import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.tensor.Im2Col.Axis;

/**
 * Direct float32 depthwise 2-d convolution: one input and one output channel per group (MobileNet's 3x3 and
 * 5x5 layers), where im2col + GEMM would be a product of one row. Each output row sums its kernel taps in
 * float, as ATen's depthwise kernel does; the loop over a row's outputs is unit-stride for stride 1, which the
 * JIT vectorizes. Channel planes are split over {@link Parallel}'s threads.
 */
final class Depthwise {
    private Depthwise() {
    }

    /** True for a float32 convolution of 5-d tensors with depth 1 and one channel in and out per group. */
    static boolean applies(Tensor in, Tensor w, long groups, List<Axis> axes) {
        return in.dtype() == ScalarType.Float && groups > 1 && groups == in.size(1) && w.size(0) == groups
                && w.size(1) == 1 && axes.getFirst().in() == 1 && axes.getFirst().kernel() == 1;
    }

    static Tensor run(Tensor in, Tensor w, List<Axis> axes, long[] outShape) {
        Axis h = axes.get(1);
        Axis x = axes.get(2);
        float[] input = in.toFloatArray();
        float[] kernel = w.toFloatArray();
        int planes = (int) (outShape[0] * outShape[1]);
        int channels = (int) outShape[1];
        int plane = h.out() * x.out();
        Tensor result = Tensor.empty(ScalarType.Float, outShape);
        MemorySegment dst = result.dataSegment();
        long work = (long) planes * plane * h.kernel() * x.kernel();
        Parallel.forEach(planes, Parallel.threadsFor(work, 1L << 16), p -> {
            int inBase = p * h.in() * x.in();
            int kBase = p % channels * h.kernel() * x.kernel();
            float[] out = new float[plane];
            for (int oy = 0; oy < h.out(); oy++) {
                int row = oy * x.out();
                for (int ky = 0; ky < h.kernel(); ky++) {
                    int iy = oy * h.stride() - h.padding() + ky * h.dilation();
                    if (iy < 0 || iy >= h.in()) {
                        continue;
                    }
                    int inRow = inBase + iy * x.in();
                    for (int kx = 0; kx < x.kernel(); kx++) {
                        float wk = kernel[kBase + ky * x.kernel() + kx];
                        int from = x.first(kx);
                        int to = x.last(kx);
                        int ix = inRow + from * x.stride() - x.padding() + kx * x.dilation();
                        if (x.stride() == 1) {
                            for (int ox = from; ox < to; ox++) {
                                out[row + ox] += wk * input[ix + ox - from];
                            }
                        } else {
                            for (int ox = from; ox < to; ox++, ix += x.stride()) {
                                out[row + ox] += wk * input[ix];
                            }
                        }
                    }
                }
            }
            MemorySegment.copy(out, 0, dst, ElementIO.F32, (long) p * plane * Float.BYTES, plane);
        });
        return result;
    }
}
