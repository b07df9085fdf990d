package kiln.dialects.texpr;

import java.util.List;
import java.util.function.Consumer;
import kiln.dialects.arith.ReductionKind;
import kiln.dialects.ir.Arity;
import kiln.dialects.ir.AttrSpec;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.IndexType;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.ListAttr;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.RankedTensorType;
import kiln.dialects.ir.ShapedType;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;

/**
 * The ops of the texpr dialect (NNC's tensor expressions as ops). Tensors are values of builtin {@code tensor<…>}
 * types; a kernel is a {@code func} from tensors to tensors whose body builds them:
 * <pre>
 * func @fusion_0(%x: tensor<?x3xf32>, %y: tensor<3xf32>) -> tensor<?x3xf32> {
 *   %n = texpr.dim %x, 0 : tensor<?x3xf32>
 *   %r = texpr.compute [%n, 3] : tensor<?x3xf32> {
 *   ^bb0(%i: index, %j: index):
 *     %a = texpr.load %x[%i, %j] : tensor<?x3xf32>
 *     %b = texpr.load %y[%j] : tensor<3xf32>
 *     %s = arith.addf %a, %b : f32
 *     texpr.yield %s : f32
 *   }
 *   return %r : tensor<?x3xf32>
 * }
 * </pre>
 * Broadcasting, strides, views and slicing are index arithmetic (arith on {@code index}); scalar math is arith and
 * math. What stays a library call is {@code texpr.extern}.
 */
public final class TexprOps {
    private TexprOps() {
    }

    public static final String KIND = "kind";
    public static final String REDUCTION_SHAPE = "reduction_shape";
    public static final String INDEX = "index";
    public static final String CALLEE = "callee";

    /** {@code %t = texpr.compute [extents] : tensor<…> { ^bb0(%i: index, …): … texpr.yield %v : T }}. */
    public static final OpDef COMPUTE = OpDef.define("texpr.compute")
            .summary("a tensor whose element at each index point its region computes")
            .operands(Arity.ANY).results(1).regions(1).traits(Trait.PURE, Trait.SINGLE_BLOCK)
            .format(TexprFormats.COMPUTE).verifier(TexprOps::verifyCompute).build();

    /**
     * {@code %r = texpr.reduce addf [extents] over [extents] init %z : tensor<…> { ^bb0(%i…, %k…): … }}: each element
     * combines, with {@code kind}, {@code init} and the region's value at every point of the reduction space.
     */
    public static final OpDef REDUCE = OpDef.define("texpr.reduce")
            .summary("a tensor whose element at each index point combines the region's values over the reduction axes")
            .operands(Arity.atLeast(1)).results(1).regions(1)
            .attribute(AttrSpec.required(KIND, StringAttr.class))
            .attribute(AttrSpec.required(REDUCTION_SHAPE, ListAttr.class))
            .traits(Trait.PURE, Trait.SINGLE_BLOCK)
            .format(TexprFormats.REDUCE).verifier(TexprOps::verifyReduce).build();

    /** {@code %v = texpr.load %t[%i, %j] : tensor<…>}: one element. */
    public static final OpDef LOAD = OpDef.define("texpr.load")
            .summary("the element of a tensor at an index point")
            .operands(Arity.atLeast(1)).results(1).traits(Trait.PURE)
            .format(TexprFormats.LOAD).verifier(TexprOps::verifyLoad).build();

    /** {@code %n = texpr.dim %t, 0 : tensor<…>}: the size of a dimension. */
    public static final OpDef DIM = OpDef.define("texpr.dim")
            .summary("the size of one dimension of a tensor")
            .operands(1).results(1).attribute(AttrSpec.required(INDEX, IntAttr.class)).traits(Trait.PURE)
            .format(TexprFormats.DIM).verifier(TexprOps::verifyDim).build();

    /** {@code texpr.yield %v : f32}: what the enclosing compute or reduce region gives at its index point. */
    public static final OpDef YIELD = OpDef.define("texpr.yield")
            .summary("the element a compute or reduce region gives")
            .operands(1).results(0).traits(Trait.TERMINATOR, Trait.RETURN_LIKE, Trait.PURE)
            .format(TexprFormats.YIELD).build();

    /** {@code %r = texpr.extern "aten::mm"(%a, %b) : (…) -> …}: a library kernel on whole tensors. */
    public static final OpDef EXTERN = OpDef.define("texpr.extern")
            .summary("a library kernel (GEMM, convolution) applied to whole tensors")
            .operands(Arity.ANY).results(Arity.ANY).attribute(AttrSpec.required(CALLEE, StringAttr.class))
            .openAttributes().traits(Trait.PURE).format(TexprFormats.EXTERN).build();

    public static final List<OpDef> ALL = List.of(COMPUTE, REDUCE, LOAD, DIM, YIELD, EXTERN);

    // ---- verifiers

    private static void verifyCompute(Operation op, Consumer<String> report) {
        if (!(op.result(0).type() instanceof RankedTensorType t)) {
            report.accept("result must be a ranked tensor, not '" + op.result(0).type().asm() + "'");
            return;
        }
        checkExtents(t.shape(), op.operands(), "result", report);
        checkRegion(op, t, t.rank(), report);
    }

    private static void verifyReduce(Operation op, Consumer<String> report) {
        if (!(op.result(0).type() instanceof RankedTensorType t)) {
            report.accept("result must be a ranked tensor, not '" + op.result(0).type().asm() + "'");
            return;
        }
        List<Long> reduction = reductionShape(op);
        int dynamicOut = dynamicCount(t.shape());
        int dynamicRed = dynamicCount(reduction);
        if (op.numOperands() != dynamicOut + dynamicRed + 1) {
            report.accept("takes " + dynamicOut + " dynamic result extent(s), " + dynamicRed
                    + " dynamic reduction extent(s) and an init, but has " + op.numOperands() + " operand(s)");
            return;
        }
        checkExtents(t.shape(), op.operands().subList(0, dynamicOut), "result", report);
        checkExtents(reduction, op.operands().subList(dynamicOut, dynamicOut + dynamicRed), "reduction", report);
        Value init = op.operand(op.numOperands() - 1);
        if (!init.type().equals(t.elementType())) {
            report.accept("init has type '" + init.type().asm() + "', not the element type '" + t.elementType().asm()
                    + "'");
        }
        String kind = op.attribute(KIND) instanceof StringAttr s ? s.value() : "";
        ReductionKind.named(kind).ifPresentOrElse(k -> {
            if (!k.accepts(t.elementType())) {
                report.accept("a '" + kind + "' reduction cannot combine '" + t.elementType().asm() + "' elements");
            }
        }, () -> report.accept("unknown reduction kind '" + kind + "'"));
        checkRegion(op, t, t.rank() + reduction.size(), report);
    }

    /** The reduction extents of a {@code texpr.reduce} ({@link ShapedType#DYNAMIC} where an operand gives one). */
    public static List<Long> reductionShape(Operation reduce) {
        return reduce.attribute(REDUCTION_SHAPE, ListAttr.class).elements().stream()
                .map(a -> ((IntAttr) a).value()).toList();
    }

    static int dynamicCount(List<Long> shape) {
        return (int) shape.stream().filter(d -> d == ShapedType.DYNAMIC).count();
    }

    private static void checkExtents(List<Long> shape, List<Value> dynamic, String what, Consumer<String> report) {
        if (dynamic.size() != dynamicCount(shape)) {
            report.accept("has " + dynamicCount(shape) + " dynamic " + what + " extent(s) but " + dynamic.size()
                    + " index operand(s) for them");
        }
        for (Value v : dynamic) {
            if (!(v.type() instanceof IndexType)) {
                report.accept(what + " extents must be index values, not '" + v.type().asm() + "'");
            }
        }
    }

    private static void checkRegion(Operation op, RankedTensorType t, int indices, Consumer<String> report) {
        if (op.region(0).blocks().size() != 1) {
            report.accept("must have a region of one block");
            return;
        }
        Block b = op.region(0).entry();
        if (b.arguments().size() != indices
                || !b.arguments().stream().allMatch(a -> a.type() instanceof IndexType)) {
            report.accept("region must take " + indices + " index argument(s)");
        }
        Operation end = b.terminator();
        if (end != null && end.def() == YIELD && end.numOperands() == 1
                && !end.operand(0).type().equals(t.elementType())) {
            report.accept("region yields '" + end.operand(0).type().asm() + "', not the element type '"
                    + t.elementType().asm() + "'");
        } else if (end != null && end.def() != YIELD) {
            report.accept("region must end in texpr.yield");
        }
    }

    private static void verifyLoad(Operation op, Consumer<String> report) {
        if (!(op.operand(0).type() instanceof RankedTensorType t)) {
            report.accept("loads from a ranked tensor, not '" + op.operand(0).type().asm() + "'");
            return;
        }
        if (op.numOperands() - 1 != t.rank()) {
            report.accept("a tensor of rank " + t.rank() + " takes " + t.rank() + " indices, got "
                    + (op.numOperands() - 1));
        }
        for (Value v : op.operands().subList(1, op.numOperands())) {
            if (!(v.type() instanceof IndexType)) {
                report.accept("indices must be index values, not '" + v.type().asm() + "'");
            }
        }
        if (!op.result(0).type().equals(t.elementType())) {
            report.accept("result must be the element type '" + t.elementType().asm() + "'");
        }
    }

    private static void verifyDim(Operation op, Consumer<String> report) {
        if (!(op.operand(0).type() instanceof ShapedType t)) {
            report.accept("takes a shaped value, not '" + op.operand(0).type().asm() + "'");
            return;
        }
        long d = op.attribute(INDEX, IntAttr.class).value();
        if (d < 0 || d >= t.rank()) {
            report.accept("dimension " + d + " is out of range for rank " + t.rank());
        }
        if (!(op.result(0).type() instanceof IndexType)) {
            report.accept("result must be an index");
        }
    }

    static Type elementOf(Type t) {
        return t instanceof ShapedType s ? s.elementType() : t;
    }
}
