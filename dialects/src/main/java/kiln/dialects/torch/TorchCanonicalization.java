package kiln.dialects.torch;

import static kiln.dialects.ir.rewrite.Pattern.cvar;
import static kiln.dialects.ir.rewrite.Pattern.op;
import static kiln.dialects.ir.rewrite.Pattern.var;

import java.util.List;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Value;
import kiln.dialects.ir.rewrite.Match;
import kiln.dialects.ir.rewrite.Pattern;
import kiln.dialects.ir.rewrite.PatternRewriter;
import kiln.dialects.ir.rewrite.Rule;
import kiln.dialects.ir.rewrite.RuleSet;
import kiln.dialects.torch.types.LeafType;

/**
 * The torch dialect's canonicalization rows: the peepholes of PyTorch's LowerSimpleTuples and PeepholeOptimize
 * (torch/csrc/jit/passes/lower_tuples.cpp, peephole.cpp) that are always safe. Lists are mutable, so a list is
 * only looked through when the op at hand is its one use.
 */
public final class TorchCanonicalization {
    private TorchCanonicalization() {
    }

    /** Tuples built only to be taken apart again (what TorchScript's cleanup lowers right after compiling). */
    public static RuleSet tupleRules() {
        return RuleSet.of(
                // prim::TupleUnpack(prim::TupleConstruct(xs)) -> xs
                Rule.ofValues("tuple-unpack-of-construct", op("prim::TupleUnpack", construct("prim::TupleConstruct")),
                        m -> operandsIfArity(m.op("c"), m.root().numResults())),
                // prim::TupleIndex(prim::TupleConstruct(xs), i) -> xs[i]
                Rule.of("tuple-index-of-construct", op("prim::TupleIndex", construct("prim::TupleConstruct"),
                        cvar("i", IntAttr.class)), m -> element(m.op("c"), m.constant("i", IntAttr.class).value())));
    }

    /** Every row. */
    public static RuleSet rules() {
        return tupleRules().plus(
                // prim::If(true) -> block0, inlined; prim::If(false) -> block1, inlined
                Rule.of("if-constant-condition", op("prim::If", cvar("cond", IntAttr.class)),
                        TorchCanonicalization::inlineTaken),
                // prim::unchecked_cast(x) -> x, when x's type already is a subtype of the result type
                Rule.of("unchecked-cast-to-own-type", op("prim::unchecked_cast", var("x")), m -> m.value("x"))
                        .where(m -> m.value("x").type().isSubtypeOf(m.root().result(0).type())),
                // aten::__not__(aten::__not__(b)) -> b, for a bool b
                Rule.of("not-not", op("aten::__not__", op("aten::__not__", var("b", TorchCanonicalization::isBool))),
                        m -> m.value("b")),
                // aten::__is__(x, None) -> False, aten::__is__(None, x) -> False, when x cannot be None
                Rule.of("is-none-decided", op("aten::__is__", var("a"), var("b")), m -> constant(m, LeafType.BOOL, 0))
                        .where(TorchCanonicalization::noneAgainstNotNone),
                // aten::__isnot__(x, None) -> True, aten::__isnot__(None, x) -> True, when x cannot be None
                Rule.of("isnot-none-decided", op("aten::__isnot__", var("a"), var("b")), m -> constant(m, LeafType.BOOL, 1))
                        .where(TorchCanonicalization::noneAgainstNotNone),
                // prim::ListUnpack(prim::ListConstruct(xs)) -> xs, when the unpack is the list's one use
                Rule.ofValues("list-unpack-of-construct",
                        op("prim::ListUnpack", construct("prim::ListConstruct").oneUse()),
                        m -> operandsIfArity(m.op("c"), m.root().numResults())),
                // aten::len(prim::ListConstruct(xs)) -> len(xs), when the len is the list's one use
                Rule.of("len-of-construct", op("aten::len", construct("prim::ListConstruct").oneUse()),
                        m -> constant(m, LeafType.INT, m.op("c").numOperands())));
    }

    /** A container built from any operands, bound to {@code c}. */
    private static Pattern.Op construct(String name) {
        return op(name).variadic().as("c");
    }

    private static List<Value> operandsIfArity(Operation construct, int arity) {
        return construct.numOperands() == arity ? List.copyOf(construct.operands()) : null;
    }

    /** Element {@code i} of a tuple's operands, counting from the end when negative; null when out of range. */
    private static Value element(Operation construct, long i) {
        int n = construct.numOperands();
        long at = i < 0 ? i + n : i;
        return at >= 0 && at < n ? construct.operand((int) at) : null;
    }

    private static void inlineTaken(Match m, PatternRewriter rewriter) {
        Operation ifOp = m.root();
        Block taken = ifOp.region(m.constant("cond", IntAttr.class).value() != 0 ? 0 : 1).entry();
        rewriter.replaceOp(ifOp, rewriter.inlineBlockBefore(taken, ifOp, List.of()));
    }

    private static boolean isBool(Value v) {
        return v.type() == LeafType.BOOL;
    }

    /** PyTorch's peephole on is/isnot: one side must be None, the other's type cannot hold None. */
    private static boolean noneAgainstNotNone(Match m) {
        Value a = m.value("a");
        Value b = m.value("b");
        return a.type() == LeafType.NONE && !LeafType.NONE.isSubtypeOf(b.type())
                || b.type() == LeafType.NONE && !LeafType.NONE.isSubtypeOf(a.type());
    }

    /** A new {@code prim::Constant} of {@code type} (int or bool) holding {@code value}, before the root. */
    private static Value constant(Match m, LeafType type, long value) {
        return m.rewriter().insert(Constants.of(type, new IntAttr(value), m.root().location())).result(0);
    }
}
