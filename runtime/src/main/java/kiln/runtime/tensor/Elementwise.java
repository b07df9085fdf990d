package kiln.runtime.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.tensor.Iteration.StridedRun;

/**
 * The elementwise engine, after ATen's {@code TensorIterator}: checks memory overlap, broadcasts the inputs,
 * allocates the output with TensorIterator's stride rules (contiguous, channels-last or the inputs' own dense
 * layout when all agree, else the inputs' dim order), orders and coalesces dimensions, and runs a kernel row by
 * row: reading each input converted to the computation's dtype, computing at that precision, and converting
 * to the output's dtype. Contiguous float32/float64 rows run on the Vector API when it is available.
 */
final class Elementwise {
    /** Whether rows may run on the Vector API; tests turn it off to compare against the scalar loops. */
    static volatile boolean vectorize = VectorSupport.AVAILABLE;

    private Elementwise() {
    }

    /** The precision a computation runs at, chosen by its common dtype. */
    enum Precision {
        FLOAT, DOUBLE, LONG, BOOL;

        static Precision of(ScalarType common) {
            return switch (common) {
                case Float, Half, BFloat16 -> FLOAT;
                case Double -> DOUBLE;
                case Bool -> BOOL;
                default -> LONG;
            };
        }
    }

    /** What TensorIterator's build produced: the output and the iteration over output and inputs. */
    record Plan(Tensor out, List<Tensor> inputs, Iteration iteration) {
    }

    /**
     * Builds the iteration. {@code out} null allocates an output of {@code outDtype}; otherwise {@code out} is
     * written in place and its shape must equal the broadcast shape, or, with {@code outShapes}, takes part in
     * the broadcast (as {@code copy_}). {@code safeCast} requires that {@code common} can be cast to
     * {@code out}'s dtype.
     */
    static Plan plan(Tensor out, boolean outShapes, ScalarType outDtype, ScalarType common, boolean safeCast,
            List<Tensor> inputs) {
        if (out != null) {
            checkOverlap(out, inputs);
        }
        List<Tensor> shapers = new ArrayList<>();
        if (out != null && outShapes) {
            shapers.add(out);
        }
        shapers.addAll(inputs);
        long[] shape = new long[0];
        boolean sameShape = true;
        boolean scalars = false;
        boolean tensors = false;
        for (Tensor t : shapers) {
            long[] s = t.sizesRaw();
            scalars |= s.length == 0;
            tensors |= s.length > 0;
            sameShape &= !(scalars && tensors);
            if (shape.length == 0) {
                shape = s;
            } else if (!Arrays.equals(s, shape)) {
                sameShape = false;
                shape = Shapes.broadcast(shape, s);
            }
        }
        if (out != null) {
            if (!Arrays.equals(out.sizesRaw(), shape)) {
                throw TorchException.runtime("output with shape "
                    + Shapes.str(out.sizesRaw()) + " doesn't match the broadcast shape " + Shapes.str(shape));
            }
            if (!(!safeCast || TypePromotion.canCast(common, out.dtype()))) {
                throw TorchException.runtime("result type " + common
                    + " can't be cast to the desired output type " + out.dtype());
            }
        }
        List<Tensor> expanded = new ArrayList<>();
        List<long[]> strides = new ArrayList<>();
        strides.add(out != null ? out.stridesRaw() : null);
        for (Tensor t : inputs) {
            Tensor e = Arrays.equals(t.sizesRaw(), shape) ? t : Views.expand(t, shape);
            expanded.add(e);
            strides.add(e.stridesRaw());
        }
        int[] order = Iteration.order(shape, strides);
        Tensor output = out != null ? out : output(outDtype, shape, outputStrides(shape, order, sameShape, inputs),
                expanded);
        List<Tensor> operands = new ArrayList<>();
        operands.add(output);
        operands.addAll(expanded);
        return new Plan(output, expanded, Iteration.of(shape, order, operands));
    }

    /** A fresh output, or one over a donated input's storage that fits it exactly ({@link Donation}). */
    private static Tensor output(ScalarType dtype, long[] shape, long[] strides, List<Tensor> inputs) {
        Tensor donated = Donation.take(inputs, dtype, shape, strides);
        return donated != null ? donated : Tensor.emptyStrided(dtype, shape, strides);
    }

    /**
     * TensorIterator's output layout: {@code fast_set_up} when all inputs have one shape (contiguous,
     * channels-last, or one shared dense layout), else dense in the iteration order.
     */
    private static long[] outputStrides(long[] shape, int[] order, boolean sameShape, List<Tensor> inputs) {
        if (sameShape && !inputs.isEmpty()) {
            if (inputs.stream().allMatch(Tensor::isContiguous)) {
                return Shapes.contiguousStrides(shape);
            }
            if (inputs.stream().allMatch(t -> Shapes.isChannelsLastContiguous(t.sizesRaw(), t.stridesRaw()))) {
                return Shapes.channelsLastStrides(shape);
            }
            long[] first = inputs.getLast().stridesRaw();
            if (inputs.stream().allMatch(t -> t.isNonOverlappingAndDense()
                    && Arrays.equals(t.stridesRaw(), first))) {
                return first;
            }
        }
        return Iteration.isRowMajor(order) ? Shapes.contiguousStrides(shape) : Iteration.denseStrides(shape, order);
    }

    /** TensorIterator's {@code compute_mem_overlaps}. */
    private static void checkOverlap(Tensor out, List<Tensor> inputs) {
        if (MemoryOverlap.hasInternalOverlap(out)) {
            throw TorchException.runtime("unsupported operation: more than one element "
                + "of the written-to tensor refers to a single memory location. Please clone() the tensor before "
                + "performing the operation.");
        }
        for (Tensor input : inputs) {
            if (!(input == out || MemoryOverlap.status(out, input) != MemoryOverlap.Status.PARTIAL)) {
                throw TorchException.runtime("unsupported operation: some elements of the input tensor and the written-to tensor refer to a "
                            + "single memory location. Please clone() the tensor before performing the operation.");
            }
        }
    }

    /** Runs a unary kernel computing in {@code common}; {@code out} null allocates a {@code common} output. */
    static Tensor unary(UnaryKernel kernel, Tensor in, Tensor out, ScalarType common, boolean safeCast) {
        Plan plan = plan(out, false, common, common, safeCast, List.of(in));
        plan.iteration().forEachRowParallel(unaryRow(kernel, in.dtype(), common, plan.out().dtype()));
        return plan.out();
    }

    /** Runs a unary kernel computing in {@code common} into a new tensor of {@code outDtype}. */
    static Tensor unaryTo(UnaryKernel kernel, Tensor in, ScalarType common, ScalarType outDtype) {
        Plan plan = plan(null, false, outDtype, common, false, List.of(in));
        plan.iteration().forEachRowParallel(unaryRow(kernel, in.dtype(), common, outDtype));
        return plan.out();
    }

    /**
     * Runs a binary kernel computing in {@code common} over a plan of inputs of dtypes {@code a} and {@code b}.
     * With {@code scalarOpmath}, a second operand that is a single broadcast value is read straight into the
     * computation's precision (ATen's CPU-scalar path for half and bfloat16).
     */
    static Tensor binary(Plan plan, BinaryKernel kernel, ScalarType a, ScalarType b, ScalarType common,
            boolean scalarOpmath) {
        boolean opmath = scalarOpmath && isBroadcastScalar(plan.inputs().get(1));
        plan.iteration().forEachRowParallel(binaryRow(kernel, a, b, common, plan.out().dtype(), opmath));
        return plan.out();
    }

    /** TensorIterator's {@code is_scalar}: every dim of size above 1 has stride 0. */
    static boolean isBroadcastScalar(Tensor t) {
        for (int d = 0; d < t.dim(); d++) {
            if (t.sizesRaw()[d] != 1 && t.stridesRaw()[d] != 0) {
                return false;
            }
        }
        return true;
    }

    private static TorchException notImplemented(String name, ScalarType dtype) {
        return TorchException.runtime("\"" + name + "\" not implemented for '" + dtype + "'");
    }

    private static <T> T require(T form, String name, ScalarType dtype) {
        if (form == null) {
            throw notImplemented(name, dtype);
        }
        return form;
    }

    private static boolean vectorizable(VectorOp op, ScalarType dtype, ScalarType... operandDtypes) {
        return vectorize && op != null && Arrays.stream(operandDtypes).allMatch(t -> t == dtype);
    }

    private static StridedRun unaryRow(UnaryKernel k, ScalarType in, ScalarType common, ScalarType out) {
        return switch (Precision.of(common)) {
            case FLOAT -> {
                UnaryKernel.FloatUnary f = require(k.floats(), k.name(), common);
                DoubleUnaryOperator g = x -> f.apply((float) x);
                StridedRun scalar = Loops.unaryDouble(Access.toFloating(in, common, false), g, Access.doubleWriter(out));
                yield vectorizable(k.vector(), ScalarType.Float, common, in, out)
                        ? Loops.vectorized((s, o, st, n) -> VectorLoops.unaryFloat(k.vector(), s, o, st, n), scalar,
                                Float.BYTES)
                        : scalar;
            }
            case DOUBLE -> {
                StridedRun scalar = Loops.unaryDouble(Access.toFloating(in, common, false),
                        require(k.doubles(), k.name(), common), Access.doubleWriter(out));
                yield vectorizable(k.vector(), ScalarType.Double, in, out)
                        ? Loops.vectorized((s, o, st, n) -> VectorLoops.unaryDouble(k.vector(), s, o, st, n),
                                scalar, Double.BYTES)
                        : scalar;
            }
            case LONG -> Loops.unaryLong(Access.toIntegral(in, common), require(k.longs(), k.name(), common),
                    Access.longWriter(out));
            case BOOL -> {
                UnaryKernel.BoolUnary f = require(k.bools(), k.name(), common);
                yield Loops.unaryLong(Access.toIntegral(in, common), x -> f.apply(x != 0) ? 1 : 0,
                        Access.longWriter(out));
            }
        };
    }

    private static StridedRun binaryRow(BinaryKernel k, ScalarType a, ScalarType b, ScalarType common,
            ScalarType out, boolean opmath) {
        return switch (Precision.of(common)) {
            case FLOAT -> {
                BinaryKernel.FloatBinary f = require(k.floats(), k.name(), common);
                DoubleBinaryOperator g = (x, y) -> f.apply((float) x, (float) y);
                StridedRun scalar = Loops.binaryDouble(Access.toFloating(a, common, false),
                        Access.toFloating(b, common, opmath), g, Access.doubleWriter(out));
                float alpha = (float) k.alpha();
                yield vectorizable(k.vector(), ScalarType.Float, common, a, b, out)
                        ? Loops.vectorized((s, o, st, n) -> VectorLoops.binaryFloat(k.vector(), alpha, s, o, st, n),
                                scalar, Float.BYTES)
                        : scalar;
            }
            case DOUBLE -> {
                StridedRun scalar = Loops.binaryDouble(Access.toFloating(a, common, false),
                        Access.toFloating(b, common, false), require(k.doubles(), k.name(), common),
                        Access.doubleWriter(out));
                double alpha = k.alpha();
                yield vectorizable(k.vector(), ScalarType.Double, a, b, out)
                        ? Loops.vectorized((s, o, st, n) -> VectorLoops.binaryDouble(k.vector(), alpha, s, o, st, n),
                                scalar, Double.BYTES)
                        : scalar;
            }
            case LONG -> Loops.binaryLong(Access.toIntegral(a, common), Access.toIntegral(b, common),
                    require(k.longs(), k.name(), common), Access.longWriter(out));
            case BOOL -> {
                BinaryKernel.BoolBinary f = require(k.bools(), k.name(), common);
                yield Loops.binaryLong(Access.toIntegral(a, common), Access.toIntegral(b, common),
                        (x, y) -> f.apply(x != 0, y != 0) ? 1 : 0, Access.longWriter(out));
            }
        };
    }
}
