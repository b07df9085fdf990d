package kiln.lowering.conversion.torchtoarith;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import kiln.dialects.arith.ArithOps;
import kiln.dialects.arith.CmpFPredicate;
import kiln.dialects.arith.CmpIPredicate;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.BoolAttr;
import kiln.dialects.ir.FloatAttr;
import kiln.dialects.ir.FloatType;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.IntegerType;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.Value;
import kiln.lowering.conversion.UnrealizedCasts;

/**
 * TorchScript's scalar operators whose semantics arith reproduces exactly, one row per overload (as the reference
 * interpreter computes them): ints are C++'s int64 and wrap; an int meeting a float converts to the float first;
 * float comparisons are C++'s on doubles (ordered, except {@code !=}: unordered). An overload that can raise
 * (integer {@code //} and {@code %} by zero, {@code int()} of a NaN or infinity) has a guard: it converts only when
 * its operands make the raise impossible, and is left to torch otherwise.
 */
final class ScalarLowerings {
    private ScalarLowerings() {
    }

    /** How an overload becomes arith: the value replacing the op's one result, from the adaptor's operands. */
    @FunctionalInterface
    interface Lowering {
        Value lower(Emitter e, List<Value> operands);
    }

    /**
     * One overload's lowering.
     *
     * @param safe null for an overload that never raises; else whether this op of it cannot raise
     */
    record Row(Lowering lowering, Predicate<Operation> safe) {
    }

    private static Map.Entry<String, Row> row(String overload, Lowering l) {
        return Map.entry(overload, new Row(l, null));
    }

    private static Map.Entry<String, Row> guarded(String overload, Predicate<Operation> safe, Lowering l) {
        return Map.entry(overload, new Row(l, safe));
    }

    // ---- lowering shapes

    private static Lowering binary(OpDef def) {
        return (e, x) -> e.same(def, x.get(0), x.get(1));
    }

    /** A float op on both operands, an int one converted first (the {@code int_float} and {@code float_int} ones). */
    private static Lowering floats(OpDef def) {
        return (e, x) -> e.same(def, e.toFloat(x.get(0)), e.toFloat(x.get(1)));
    }

    private static Lowering cmpi(CmpIPredicate p) {
        return (e, x) -> e.cmpi(p, x.get(0), x.get(1));
    }

    private static Lowering cmpf(CmpFPredicate p) {
        return (e, x) -> e.cmpf(p, e.toFloat(x.get(0)), e.toFloat(x.get(1)));
    }

    private static Lowering cast(OpDef def, kiln.dialects.ir.Type to) {
        return (e, x) -> e.emit(def, Map.of(), to, x.getFirst());
    }

    private static Value negate(Emitter e, Value x) {
        return e.same(ArithOps.SUBI, e.constant(new IntAttr(0)), x);
    }

    /** {@code a % b} floored (the sign of the divisor), from a truncating remainder and a constant divisor. */
    private static Value flooredRemainder(Emitter e, Value a, Value b, long divisor) {
        Value r = e.same(ArithOps.REMSI, a, b);
        Value zero = e.constant(new IntAttr(0));
        Value wrongSign = divisor > 0 ? e.cmpi(CmpIPredicate.SLT, r, zero) : e.cmpi(CmpIPredicate.SGT, r, zero);
        return e.emit(ArithOps.SELECT, Map.of(), IntegerType.I64, wrongSign, e.same(ArithOps.ADDI, r, b), r);
    }

    // ---- guards

    /** The constant {@code v} is, looking through the casts a conversion leaves: a prim or arith constant's value. */
    static Optional<Attribute> constantOf(Value v) {
        Value x = v;
        while (x.definingOp() != null && UnrealizedCasts.isCast(x.definingOp()) && x.definingOp().numOperands() == 1) {
            x = x.definingOp().operand(0);
        }
        Operation d = x.definingOp();
        return d != null && d.has(Trait.CONSTANT_LIKE) ? Optional.ofNullable(d.attribute("value")) : Optional.empty();
    }

    private static Optional<Long> intConstant(Value v) {
        return constantOf(v).filter(a -> a instanceof IntAttr).map(a -> ((IntAttr) a).value());
    }

    /** The divisor (operand 1) is a constant other than 0: integer division and modulo cannot raise. */
    private static boolean nonZeroDivisor(Operation op) {
        return intConstant(op.operand(1)).filter(d -> d != 0).isPresent();
    }

    /** The operand is a constant float whose truncation fits an int64: {@code int(x)} neither raises nor overflows. */
    private static boolean truncatable(Operation op) {
        return constantOf(op.operand(0)).filter(a -> a instanceof FloatAttr f && Double.isFinite(f.value())
                && f.value() >= -0x1p63 && f.value() < 0x1p63).isPresent();
    }

    private static long divisor(Emitter e) {
        return intConstant(e.op().operand(1)).orElseThrow();
    }

    // ---- the table

    private static final IntegerType I64 = IntegerType.I64;
    private static final FloatType F64 = FloatType.F64;

    /** Rows by overloaded name ({@code aten::add.int}; {@code aten::__not__} for a default overload). */
    static final Map<String, Row> ROWS = Map.ofEntries(
            row("aten::add.int", binary(ArithOps.ADDI)),
            row("aten::add.float", binary(ArithOps.ADDF)),
            row("aten::add.int_float", floats(ArithOps.ADDF)),
            row("aten::add.float_int", floats(ArithOps.ADDF)),
            row("aten::sub.int", binary(ArithOps.SUBI)),
            row("aten::sub.float", binary(ArithOps.SUBF)),
            row("aten::sub.int_float", floats(ArithOps.SUBF)),
            row("aten::sub.float_int", floats(ArithOps.SUBF)),
            row("aten::mul.int", binary(ArithOps.MULI)),
            row("aten::mul.float", binary(ArithOps.MULF)),
            row("aten::mul.int_float", floats(ArithOps.MULF)),
            row("aten::mul.float_int", floats(ArithOps.MULF)),
            // true division: IEEE, no error for a zero divisor
            row("aten::div.int", floats(ArithOps.DIVF)),
            row("aten::div.float", binary(ArithOps.DIVF)),
            // floor division and modulo of ints raise ZeroDivisionError: converted for a non-zero constant divisor
            guarded("aten::floordiv.int", ScalarLowerings::nonZeroDivisor, (e, x) -> divisor(e) == -1
                    ? negate(e, x.get(0)) : e.same(ArithOps.FLOORDIVSI, x.get(0), x.get(1))),
            guarded("aten::__round_to_zero_floordiv.int", ScalarLowerings::nonZeroDivisor, (e, x) -> divisor(e) == -1
                    ? negate(e, x.get(0)) : e.same(ArithOps.DIVSI, x.get(0), x.get(1))),
            guarded("aten::remainder.int", ScalarLowerings::nonZeroDivisor,
                    (e, x) -> flooredRemainder(e, x.get(0), x.get(1), divisor(e))),
            // float modulo: fmod(b + fmod(a, b), b), as TorchScript computes it
            row("aten::remainder.float", ScalarLowerings::floatRemainder),
            row("aten::remainder.int_float", ScalarLowerings::floatRemainder),
            row("aten::remainder.float_int", ScalarLowerings::floatRemainder),
            row("aten::neg.int", (e, x) -> negate(e, x.getFirst())),
            row("aten::neg.float", (e, x) -> e.same(ArithOps.NEGF, x.getFirst())),
            row("prim::min.int", binary(ArithOps.MINSI)),
            row("prim::min.float", binary(ArithOps.MINIMUMF)),
            row("prim::min.int_float", floats(ArithOps.MINIMUMF)),
            row("prim::min.float_int", floats(ArithOps.MINIMUMF)),
            row("prim::max.int", binary(ArithOps.MAXSI)),
            row("prim::max.float", binary(ArithOps.MAXIMUMF)),
            row("prim::max.int_float", floats(ArithOps.MAXIMUMF)),
            row("prim::max.float_int", floats(ArithOps.MAXIMUMF)),
            row("prim::abs.int", (e, x) -> e.emit(ArithOps.SELECT, Map.of(), I64,
                    e.cmpi(CmpIPredicate.SLT, x.getFirst(), e.constant(new IntAttr(0))), negate(e, x.getFirst()),
                    x.getFirst())),
            row("aten::eq.int", cmpi(CmpIPredicate.EQ)),
            row("aten::ne.int", cmpi(CmpIPredicate.NE)),
            row("aten::lt.int", cmpi(CmpIPredicate.SLT)),
            row("aten::le.int", cmpi(CmpIPredicate.SLE)),
            row("aten::gt.int", cmpi(CmpIPredicate.SGT)),
            row("aten::ge.int", cmpi(CmpIPredicate.SGE)),
            row("aten::eq.bool", cmpi(CmpIPredicate.EQ)),
            row("aten::ne.bool", cmpi(CmpIPredicate.NE)),
            row("aten::eq.float", cmpf(CmpFPredicate.OEQ)),
            row("aten::ne.float", cmpf(CmpFPredicate.UNE)),
            row("aten::lt.float", cmpf(CmpFPredicate.OLT)),
            row("aten::le.float", cmpf(CmpFPredicate.OLE)),
            row("aten::gt.float", cmpf(CmpFPredicate.OGT)),
            row("aten::ge.float", cmpf(CmpFPredicate.OGE)),
            row("aten::eq.int_float", cmpf(CmpFPredicate.OEQ)),
            row("aten::ne.int_float", cmpf(CmpFPredicate.UNE)),
            row("aten::lt.int_float", cmpf(CmpFPredicate.OLT)),
            row("aten::le.int_float", cmpf(CmpFPredicate.OLE)),
            row("aten::gt.int_float", cmpf(CmpFPredicate.OGT)),
            row("aten::ge.int_float", cmpf(CmpFPredicate.OGE)),
            row("aten::eq.float_int", cmpf(CmpFPredicate.OEQ)),
            row("aten::ne.float_int", cmpf(CmpFPredicate.UNE)),
            row("aten::lt.float_int", cmpf(CmpFPredicate.OLT)),
            row("aten::le.float_int", cmpf(CmpFPredicate.OLE)),
            row("aten::gt.float_int", cmpf(CmpFPredicate.OGT)),
            row("aten::ge.float_int", cmpf(CmpFPredicate.OGE)),
            row("aten::__and__.bool", binary(ArithOps.ANDI)),
            row("aten::__or__.bool", binary(ArithOps.ORI)),
            row("aten::__xor__.bool", binary(ArithOps.XORI)),
            row("aten::__and__.int", binary(ArithOps.ANDI)),
            row("aten::__or__.int", binary(ArithOps.ORI)),
            row("aten::__xor__.int", binary(ArithOps.XORI)),
            row("aten::__not__", (e, x) -> e.same(ArithOps.XORI, x.getFirst(), e.constant(new BoolAttr(true)))),
            row("aten::Float.int", cast(ArithOps.SITOFP, F64)),
            row("aten::Float.bool", cast(ArithOps.UITOFP, F64)),
            row("aten::Int.bool", cast(ArithOps.EXTUI, I64)),
            row("aten::Bool.int", (e, x) -> e.cmpi(CmpIPredicate.NE, x.getFirst(), e.constant(new IntAttr(0)))),
            row("aten::Bool.float", (e, x) -> e.cmpf(CmpFPredicate.UNE, x.getFirst(),
                    e.constant(new FloatAttr(0.0)))),
            // int(x) of a NaN or an infinity raises: converted for a constant that truncates into an int64
            guarded("aten::Int.float", ScalarLowerings::truncatable, cast(ArithOps.FPTOSI, I64)));

    private static Value floatRemainder(Emitter e, List<Value> x) {
        Value a = e.toFloat(x.get(0));
        Value b = e.toFloat(x.get(1));
        Value inner = e.same(ArithOps.REMF, a, b);
        return e.same(ArithOps.REMF, e.same(ArithOps.ADDF, b, inner), b);
    }

    /** The names of the operators that have rows. */
    static final Set<String> OPERATORS = ROWS.keySet().stream()
            .map(k -> k.contains(".") ? k.substring(0, k.lastIndexOf('.')) : k).collect(Collectors.toUnmodifiableSet());
}
