package kiln.dialects.arith;

import static kiln.dialects.ir.rewrite.Pattern.cvar;
import static kiln.dialects.ir.rewrite.Pattern.op;
import static kiln.dialects.ir.rewrite.Pattern.var;

import java.util.List;
import java.util.function.LongBinaryOperator;
import kiln.dialects.ir.BoolAttr;
import kiln.dialects.ir.IndexType;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.IntegerType;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.ir.rewrite.Match;
import kiln.dialects.ir.rewrite.Rule;
import kiln.dialects.ir.rewrite.RuleSet;

/**
 * The arith dialect's canonicalization rows, MLIR's ArithCanonicalization.td for scalar integers: chains of an
 * operation with constants become one operation with the constants combined (wrapping at the type's width, as the
 * ops do), and a comparison negated with {@code xori … true} becomes the opposite comparison. Folds (constants,
 * identities) are the ops' own; constants of commutative ops are already on the right when these rows run.
 */
final class ArithCanonicalization {
    private ArithCanonicalization() {
    }

    static RuleSet rules() {
        return RuleSet.of(
                // addi(addi(x, c0), c1) -> addi(x, c0 + c1)
                Rule.of("addi-add-constant", op("arith.addi", op("arith.addi", var("x"), cvar("c0", IntAttr.class)),
                        cvar("c1", IntAttr.class)), m -> combined(m, ArithOps.ADDI, Long::sum)),
                // subi(addi(x, c0), c1) -> addi(x, c0 - c1)
                Rule.of("subi-of-add-constant", op("arith.subi", op("arith.addi", var("x"), cvar("c0", IntAttr.class)),
                        cvar("c1", IntAttr.class)), m -> combined(m, ArithOps.ADDI, (a, b) -> a - b)),
                // addi(subi(x, c0), c1) -> addi(x, c1 - c0)
                Rule.of("addi-of-sub-constant", op("arith.addi", op("arith.subi", var("x"), cvar("c0", IntAttr.class)),
                        cvar("c1", IntAttr.class)), m -> combined(m, ArithOps.ADDI, (a, b) -> b - a)),
                // muli(muli(x, c0), c1) -> muli(x, c0 * c1)
                Rule.of("muli-mul-constant", op("arith.muli", op("arith.muli", var("x"), cvar("c0", IntAttr.class)),
                        cvar("c1", IntAttr.class)), m -> combined(m, ArithOps.MULI, (a, b) -> a * b)),
                // xori(cmpi(p, a, b), true) -> cmpi(!p, a, b), when the comparison has no other use
                Rule.of("xori-not-cmpi", op("arith.xori", op("arith.cmpi", var("a"), var("b")).as("cmp").oneUse(),
                        cvar("t", BoolAttr.class)), ArithCanonicalization::negated)
                        .where(m -> m.constant("t", BoolAttr.class).value()));
    }

    /** {@code op(x, c)} where {@code c} combines the two matched constants, at the root's width. */
    private static Value combined(Match m, OpDef def, LongBinaryOperator combine) {
        Type t = m.root().result(0).type();
        int width = t instanceof IntegerType it ? it.width() : t instanceof IndexType ? 64 : -1;
        if (width < 0) {
            return null;
        }
        long c = IntBits.wrap(combine.applyAsLong(m.constant("c0", IntAttr.class).value(),
                m.constant("c1", IntAttr.class).value()), width);
        Operation constant = m.rewriter().insert(ArithDialect.constant(new IntAttr(c, t), m.root().location()));
        return m.rewriter().create(def, List.of(m.value("x"), constant.result(0)), List.of(t)).result(0);
    }

    private static Value negated(Match m) {
        Operation cmp = m.op("cmp");
        CmpIPredicate p = CmpIPredicate.values()[(int) ((IntAttr) cmp.attribute(ArithFormats.PREDICATE)).value()];
        return m.rewriter().create(ArithOps.CMPI, List.of(m.value("a"), m.value("b")), List.of(m.root().result(0).type()),
                ArithDialect.predicate(p.negated()), 0).result(0);
    }
}
