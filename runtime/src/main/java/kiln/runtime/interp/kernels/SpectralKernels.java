package kiln.runtime.interp.kernels;

import static kiln.runtime.interp.kernels.Args.optLong;
import static kiln.runtime.interp.kernels.Args.optLongs;
import static kiln.runtime.interp.kernels.Args.tensor;
import static kiln.runtime.interp.kernels.Args.toLong;

import kiln.runtime.tensor.Fourier;

/** Kernels of {@code torch.fft} with real results: {@code irfft*}, {@code hfft*}, {@code fftshift}. */
final class SpectralKernels {
    private SpectralKernels() {
    }

    static void register(KernelRegistry r) {
        r.register("aten::fft_irfft", a -> Fourier.irfftn(tensor(a[0]), oneSize(a[1]), new long[] {toLong(a[2])},
                (String) a[3]));
        r.register("aten::fft_hfft", a -> Fourier.hfftn(tensor(a[0]), oneSize(a[1]), new long[] {toLong(a[2])},
                (String) a[3]));
        r.register("aten::fft_irfft2", a -> Fourier.irfftn(tensor(a[0]), optLongs(a[1]), optLongs(a[2]),
                (String) a[3]));
        r.register("aten::fft_irfftn", a -> Fourier.irfftn(tensor(a[0]), optLongs(a[1]), optLongs(a[2]),
                (String) a[3]));
        r.register("aten::fft_hfft2", a -> Fourier.hfftn(tensor(a[0]), optLongs(a[1]), optLongs(a[2]),
                (String) a[3]));
        r.register("aten::fft_hfftn", a -> Fourier.hfftn(tensor(a[0]), optLongs(a[1]), optLongs(a[2]),
                (String) a[3]));
        r.register("aten::fft_fftshift", a -> Fourier.fftshift(tensor(a[0]), optLongs(a[1]), false));
        r.register("aten::fft_ifftshift", a -> Fourier.fftshift(tensor(a[0]), optLongs(a[1]), true));
    }

    /** The 1-d transforms' {@code n}: one signal size, or none. */
    private static long[] oneSize(Object n) {
        Long v = optLong(n);
        return v == null ? null : new long[] {v};
    }
}
