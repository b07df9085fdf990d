package kiln.runtime.interp.kernels;

import static kiln.runtime.interp.kernels.Args.longs;
import static kiln.runtime.interp.kernels.Args.optDtype;
import static kiln.runtime.interp.kernels.Args.optLong;
import static kiln.runtime.interp.kernels.Args.tensor;
import static kiln.runtime.interp.kernels.Args.toBool;
import static kiln.runtime.interp.kernels.Args.toDouble;
import static kiln.runtime.interp.kernels.Args.toLong;

import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.tensor.Ops;
import kiln.runtime.tensor.Scalar;
import kiln.runtime.tensor.Tensor;
import kiln.runtime.tensor.TorchException;
import kiln.runtime.tensor.random.Generator;
import kiln.runtime.tensor.random.Sampling;

/**
 * Kernels that draw random numbers ({@code rand}, {@code randn}, {@code randint}, {@code randperm}, {@code normal},
 * the in-place samplers, {@code bernoulli}, dropout in training), all from {@link Generator#defaultCpu()} as
 * PyTorch's ops draw from its default CPU generator. A {@code Generator} argument must be None.
 */
final class RandomKernels {
    private RandomKernels() {
    }

    static void register(KernelRegistry r) {
        r.register("aten::rand", a -> uniform(Tensor.empty(floating(a[1]), longs(a[0])), null));
        r.register("aten::rand.generator", a -> uniform(Tensor.empty(floating(a[2]), longs(a[0])), a[1]));
        r.register("aten::randn", a -> normal(Tensor.empty(floating(a[1]), longs(a[0])), 0, 1, null));
        r.register("aten::randn.generator", a -> normal(Tensor.empty(floating(a[2]), longs(a[0])), 0, 1, a[1]));
        r.register("aten::rand_like", a -> uniform(like(a[0], a[1]), null));
        r.register("aten::rand_like.generator", a -> uniform(like(a[0], a[2]), a[1]));
        r.register("aten::randn_like", a -> normal(like(a[0], a[1]), 0, 1, null));
        r.register("aten::randn_like.generator", a -> normal(like(a[0], a[2]), 0, 1, a[1]));
        r.register("aten::randint", a -> randint(0, toLong(a[0]), Tensor.empty(intDtype(a[2]), longs(a[1])), null));
        r.register("aten::randint.generator",
                a -> randint(0, toLong(a[0]), Tensor.empty(intDtype(a[3]), longs(a[1])), a[2]));
        r.register("aten::randint.low",
                a -> randint(toLong(a[0]), toLong(a[1]), Tensor.empty(intDtype(a[3]), longs(a[2])), null));
        r.register("aten::randint.low_generator",
                a -> randint(toLong(a[0]), toLong(a[1]), Tensor.empty(intDtype(a[4]), longs(a[2])), a[3]));
        r.register("aten::randint_like", a -> randint(0, toLong(a[1]), like(a[0], a[2]), null));
        r.register("aten::randint_like.generator", a -> randint(0, toLong(a[1]), like(a[0], a[3]), a[2]));
        r.register("aten::randint_like.low_dtype", a -> randint(toLong(a[1]), toLong(a[2]), like(a[0], a[3]), null));
        r.register("aten::randint_like.low_generator_dtype",
                a -> randint(toLong(a[1]), toLong(a[2]), like(a[0], a[4]), a[3]));
        r.register("aten::randperm", a -> Sampling.randperm(toLong(a[0]), intDtype(a[1]), generator(null)));
        r.register("aten::randperm.generator", a -> Sampling.randperm(toLong(a[0]), intDtype(a[2]), generator(a[1])));
        r.register("aten::normal.float_float",
                a -> normal(Tensor.empty(floating(a[4]), longs(a[2])), toDouble(a[0]), toDouble(a[1]), a[3]));
        // as PyTorch's normal_out_impl: standard (or std-scaled) samples, then scaled and shifted in place
        r.register("aten::normal.Tensor_float", a -> {
            Tensor mean = tensor(a[0]);
            return normal(Tensor.empty(mean.dtype(), mean.sizes()), 0, toDouble(a[1]), a[2]).add(mean);
        });
        r.register("aten::normal.float_Tensor", a -> {
            Tensor std = tensor(a[1]);
            return normal(Tensor.empty(std.dtype(), std.sizes()), 0, 1, a[2]).mul(std)
                    .add(Scalar.of(toDouble(a[0])));
        });
        r.register("aten::normal.Tensor_Tensor", a -> {
            Tensor mean = tensor(a[0]);
            Tensor std = tensor(a[1]);
            Tensor out = Tensor.empty(mean.dtype(), Ops.broadcastShapes(mean.sizes(), std.sizes()));
            return normal(out, 0, 1, a[2]).mul(std).add(mean);
        });
        r.register("aten::normal_", a -> normal(tensor(a[0]), toDouble(a[1]), toDouble(a[2]), a[3]));
        r.register("aten::uniform_",
                a -> Sampling.uniform_(tensor(a[0]), toDouble(a[1]), toDouble(a[2]), generator(a[3])));
        r.register("aten::exponential_", a -> Sampling.exponential_(tensor(a[0]), toDouble(a[1]), generator(a[2])));
        r.register("aten::random_.from", a -> {
            Tensor self = tensor(a[0]);
            Long to = optLong(a[2]);
            return Sampling.random_(self, toLong(a[1]), to != null ? to : upperBound(self.dtype()), generator(a[3]));
        });
        r.register("aten::random_.to", a -> Sampling.random_(tensor(a[0]), 0, toLong(a[1]), generator(a[2])));
        r.register("aten::random_", a -> {
            Tensor self = tensor(a[0]);
            return Sampling.random_(self, 0, upperBound(self.dtype()), generator(a[1]));
        });
        r.register("aten::bernoulli", a -> {
            Tensor p = tensor(a[0]);
            return Sampling.bernoulli_(Tensor.empty(p.dtype(), p.sizes()), p, generator(a[1]));
        });
        r.register("aten::bernoulli.p", a -> {
            Tensor self = tensor(a[0]);
            return Sampling.bernoulli_(Tensor.empty(self.dtype(), self.sizes()), toDouble(a[1]), generator(a[2]));
        });
        r.register("aten::bernoulli.Tensor", a -> {
            Tensor self = tensor(a[0]);
            return Sampling.bernoulli_(Tensor.empty(self.dtype(), self.sizes()), tensor(a[1]), generator(a[2]));
        });
        r.register("aten::bernoulli_.float", a -> Sampling.bernoulli_(tensor(a[0]), toDouble(a[1]), generator(a[2])));
        r.register("aten::bernoulli_.Tensor", a -> Sampling.bernoulli_(tensor(a[0]), tensor(a[1]), generator(a[2])));
        for (boolean feature : new boolean[] {false, true}) {
            for (boolean alpha : new boolean[] {false, true}) {
                String name = "aten::" + (feature ? "feature_" : "") + (alpha ? "alpha_" : "") + "dropout";
                r.register(name, a -> dropout(tensor(a[0]), toDouble(a[1]), toBool(a[2]), feature, alpha, false));
                r.register(name + "_", a -> dropout(tensor(a[0]), toDouble(a[1]), toBool(a[2]), feature, alpha, true));
            }
        }
    }

    /** Only the default generator exists: a {@code Generator?} argument must be None. */
    private static Generator generator(Object arg) {
        if (arg != null) {
            throw new ScriptException("builtins.NotImplementedError",
                    "only the default CPU generator is supported; pass generator=None");
        }
        return Generator.defaultCpu();
    }

    private static Tensor uniform(Tensor t, Object gen) {
        return Sampling.uniform_(t, 0, 1, generator(gen));
    }

    private static Tensor normal(Tensor t, double mean, double std, Object gen) {
        return Sampling.normal_(t, mean, std, generator(gen));
    }

    private static Tensor randint(long low, long high, Tensor out, Object gen) {
        return Sampling.random_(out, low, high, generator(gen));
    }

    /** The dtype of {@code rand}/{@code randn}: a floating-point one, float32 by default. */
    private static ScalarType floating(Object dtype) {
        ScalarType t = optDtype(dtype);
        return t == null ? ScalarType.Float : t;
    }

    /** The dtype of {@code randint}/{@code randperm}: int64 by default. */
    private static ScalarType intDtype(Object dtype) {
        ScalarType t = optDtype(dtype);
        return t == null ? ScalarType.Long : t;
    }

    private static Tensor like(Object self, Object dtype) {
        Tensor t = tensor(self);
        ScalarType d = optDtype(dtype);
        return Tensor.empty(d == null ? t.dtype() : d, t.sizes());
    }

    /** {@code random_()}'s exclusive upper bound: 2^mantissa + 1 for floats, max + 1 for integers. */
    private static long upperBound(ScalarType dtype) {
        return switch (dtype) {
            case Bool -> 2;
            case Byte -> 256;
            case Char -> 128;
            case Short -> 1L << 15;
            case Int -> 1L << 31;
            case Long -> Long.MAX_VALUE; // PyTorch draws 64 bits modulo 2^63; one short of that here
            case Half -> (1L << 11) + 1;
            case BFloat16 -> (1L << 8) + 1;
            case Float -> (1L << 24) + 1;
            case Double -> (1L << 53) + 1;
            default -> throw TorchException.runtime("random_ does not support " + dtype);
        };
    }

    /** SELU's alpha, by which alpha dropout keeps the mean and variance of self-normalizing activations. */
    private static final double SELU_ALPHA = 1.7580993408473766;

    /**
     * PyTorch's {@code _dropout_impl} on the CPU: a Bernoulli(1 - p) mask (per channel for feature dropout) scaled
     * by {@code 1 / (1 - p)} multiplies the input; alpha dropout scales by {@code a} and adds {@code b} so that
     * dropped values take SELU's saturation value. The identity at inference or for p = 0.
     */
    private static Tensor dropout(Tensor input, double p, boolean train, boolean feature, boolean alpha,
            boolean inplace) {
        if (!(p >= 0 && p <= 1)) {
            throw TorchException.runtime("dropout probability has to be between 0 and 1, but got " + p);
        }
        if (p == 0 || !train || input.numel() == 0) {
            return input;
        }
        Tensor noise;
        if (p == 1) {
            noise = Tensor.zeros(input.dtype());
        } else {
            long[] sizes = input.sizes();
            if (feature) {
                if (input.dim() < 2) {
                    throw TorchException.runtime("Feature dropout requires at least 2 dimensions in the input");
                }
                for (int d = 2; d < sizes.length; d++) {
                    sizes[d] = 1;
                }
            }
            noise = Sampling.bernoulli_(Tensor.empty(input.dtype(), sizes), 1 - p, Generator.defaultCpu());
            if (alpha) {
                double a = 1. / Math.sqrt((SELU_ALPHA * SELU_ALPHA * p + 1) * (1 - p));
                Tensor b = Ops.add_(Ops.mul_(noise.add(Scalar.of(-1L)), Scalar.of(SELU_ALPHA * a)),
                        Scalar.of(SELU_ALPHA * a * p), Scalar.of(1L));
                Ops.mul_(noise, Scalar.of(a));
                Tensor scaled = inplace ? Ops.mul_(input, noise) : Ops.mul(input, noise);
                return Ops.add_(scaled, b, Scalar.of(1L));
            }
            Ops.div_(noise, Scalar.of(1 - p));
        }
        return inplace ? Ops.mul_(input, noise) : Ops.mul(input, noise);
    }
}
