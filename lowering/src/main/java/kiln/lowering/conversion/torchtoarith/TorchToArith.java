package kiln.lowering.conversion.torchtoarith;

import java.util.List;
import java.util.Optional;
import kiln.dialects.arith.ArithDialect;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.BoolAttr;
import kiln.dialects.ir.BuiltinDialect;
import kiln.dialects.ir.FloatAttr;
import kiln.dialects.ir.FloatType;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.IntegerType;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.ir.rewrite.RewritePattern;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.schema.FunctionSchema;
import kiln.dialects.torch.schema.Overloads;
import kiln.dialects.torch.types.LeafType;
import kiln.lowering.conversion.ConversionPattern;
import kiln.lowering.conversion.ConversionRewriter;
import kiln.lowering.conversion.ConversionTarget;
import kiln.lowering.conversion.TypeConversionPatterns;
import kiln.lowering.conversion.TypeConverter;

/**
 * What {@code convert-torch-to-arith} converts, and to what: TorchScript's {@code int}, {@code float} and
 * {@code bool} become {@code i64}, {@code f64} and {@code i1} (other types stay); their constants become
 * {@code arith.constant}s, their operators the arith ops of {@link ScalarLowerings}, a function's
 * {@code prim::Return} a {@code builtin.return}. Every torch op is illegal except the scalar ops left to torch
 * because they might raise.
 */
public final class TorchToArith {
    private TorchToArith() {
    }

    /** {@code !torch.int -> i64}, {@code !torch.float -> f64}, {@code !torch.bool -> i1}; other types stay. */
    public static TypeConverter typeConverter() {
        return new TypeConverter().addIdentityConversion().addConversion(t -> scalar(t).map(List::of));
    }

    private static Optional<Type> scalar(Type t) {
        if (t == LeafType.INT) {
            return Optional.of(IntegerType.I64);
        }
        if (t == LeafType.FLOAT) {
            return Optional.of(FloatType.F64);
        }
        return t == LeafType.BOOL ? Optional.of(IntegerType.I1) : Optional.empty();
    }

    /** Arith is legal, so are functions with legal signatures; torch is illegal but for ops left to it. */
    public static ConversionTarget target(TypeConverter types) {
        ConversionTarget target = new ConversionTarget().addLegalDialect(ArithDialect.INSTANCE)
                .addLegalOp(BuiltinDialect.MODULE, BuiltinDialect.UNREALIZED_CONVERSION_CAST)
                .addDynamicallyLegalDialect(TorchToArith::leftToTorch,
                        TorchDialect.INSTANCE.namespaces().toArray(String[]::new));
        return TypeConversionPatterns.legalFunctions(target, types);
    }

    public static List<RewritePattern> patterns(TypeConverter types) {
        return List.of(new ScalarOp(types), new Constant(types), new Return(types),
                TypeConversionPatterns.functionSignature(types),
                TypeConversionPatterns.operandTypes(types, BuiltinDialect.RETURN.name()));
    }

    /** The overload {@code op} calls, as {@code aten::add.int} (the one the interpreter binds its kernel by). */
    private static Optional<String> overloadOf(Operation op) {
        return Overloads.standard().resolve(op).map(FunctionSchema::overloadedName);
    }

    private static Optional<ScalarLowerings.Row> rowOf(Operation op) {
        if (!ScalarLowerings.OPERATORS.contains(op.name())) {
            return Optional.empty();
        }
        return overloadOf(op).map(ScalarLowerings.ROWS::get);
    }

    /** Whether {@code op} is a scalar op that might raise here, so stays torch (legal). */
    static boolean leftToTorch(Operation op) {
        return rowOf(op).filter(r -> r.safe() != null && !r.safe().test(op)).isPresent();
    }

    /** An operator with a row, whose guard (if any) holds. */
    private static final class ScalarOp extends ConversionPattern {
        ScalarOp(TypeConverter types) {
            super("torch-scalar-op", 1, List.copyOf(ScalarLowerings.OPERATORS), types);
        }

        @Override
        public boolean matchAndRewrite(Operation op, List<Value> operands, ConversionRewriter rewriter) {
            Optional<ScalarLowerings.Row> row = rowOf(op);
            if (row.isEmpty() || op.numResults() != 1 || row.get().safe() != null && !row.get().safe().test(op)) {
                return false;
            }
            Type expected = typeConverter().convertType1(op.result(0).type()).orElseThrow();
            Value v = row.get().lowering().lower(new Emitter(rewriter, op), operands);
            if (!v.type().equals(expected)) {
                throw new IllegalStateException("the lowering of " + overloadOf(op).orElse(op.name()) + " gives "
                        + v.type().asm() + ", not " + expected.asm());
            }
            if (v.name() == null) {
                v.setName(op.result(0).name());
            }
            rewriter.replaceOp(op, List.of(v));
            return true;
        }
    }

    /** {@code prim::Constant} of an int, float or bool. */
    private static final class Constant extends ConversionPattern {
        Constant(TypeConverter types) {
            super("torch-constant", 1, List.of(TorchDialect.CONSTANT.name()), types);
        }

        @Override
        public boolean matchAndRewrite(Operation op, List<Value> operands, ConversionRewriter rewriter) {
            Type type = op.result(0).type();
            Attribute value = op.attribute("value");
            Attribute typed;
            if (type == LeafType.INT && value instanceof IntAttr i) {
                typed = new IntAttr(i.value());
            } else if (type == LeafType.FLOAT && value instanceof FloatAttr f) {
                typed = new FloatAttr(f.value());
            } else if (type == LeafType.BOOL && value instanceof IntAttr b) {
                typed = new BoolAttr(b.value() != 0);
            } else {
                return false;
            }
            rewriter.setInsertionPointBefore(op);
            Operation c = rewriter.insert(ArithDialect.constant(typed, op.location()));
            c.result(0).setName(op.result(0).name());
            rewriter.replaceOp(op, c.results());
            return true;
        }
    }

    /** The {@code prim::Return} ending a function's body becomes a {@code builtin.return}. */
    private static final class Return extends ConversionPattern {
        Return(TypeConverter types) {
            super("torch-return", 1, List.of(TorchDialect.RETURN.name()), types);
        }

        @Override
        public boolean matchAndRewrite(Operation op, List<Value> operands, ConversionRewriter rewriter) {
            Operation owner = op.block() == null ? null : op.block().parentOp();
            if (owner == null || owner.def() != BuiltinDialect.FUNC) {
                return false;
            }
            rewriter.setInsertionPointBefore(op);
            rewriter.create(BuiltinDialect.RETURN, operands, List.of());
            rewriter.eraseOp(op);
            return true;
        }
    }
}
