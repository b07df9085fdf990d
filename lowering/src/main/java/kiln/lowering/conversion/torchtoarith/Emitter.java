package kiln.lowering.conversion.torchtoarith;

import java.util.List;
import java.util.Map;
import kiln.dialects.arith.ArithDialect;
import kiln.dialects.arith.ArithOps;
import kiln.dialects.arith.CmpFPredicate;
import kiln.dialects.arith.CmpIPredicate;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.FloatType;
import kiln.dialects.ir.IntegerType;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.lowering.conversion.ConversionRewriter;

/** Builds arith ops in place of one torch op (at its position, with its location). */
final class Emitter {
    private final ConversionRewriter rewriter;
    private final Operation op;

    Emitter(ConversionRewriter rewriter, Operation op) {
        this.rewriter = rewriter;
        this.op = op;
        rewriter.setInsertionPointBefore(op).at(op.location());
    }

    /** The torch op being converted. */
    Operation op() {
        return op;
    }

    Value emit(OpDef def, Map<String, Attribute> attributes, Type result, Value... operands) {
        return rewriter.create(def, List.of(operands), List.of(result), attributes, 0).result(0);
    }

    /** An op whose result has its operands' type. */
    Value same(OpDef def, Value... operands) {
        return emit(def, Map.of(), operands[0].type(), operands);
    }

    Value constant(Attribute value) {
        return rewriter.insert(ArithDialect.constant(value, op.location())).result(0);
    }

    Value cmpi(CmpIPredicate p, Value a, Value b) {
        return emit(ArithOps.CMPI, ArithDialect.predicate(p), IntegerType.I1, a, b);
    }

    Value cmpf(CmpFPredicate p, Value a, Value b) {
        return emit(ArithOps.CMPF, ArithDialect.predicate(p), IntegerType.I1, a, b);
    }

    /** {@code v} as an {@code f64}: an {@code i64} converts as TorchScript's int-to-float does (exactly rounded). */
    Value toFloat(Value v) {
        return v.type().equals(IntegerType.I64) ? emit(ArithOps.SITOFP, Map.of(), FloatType.F64, v) : v;
    }
}
