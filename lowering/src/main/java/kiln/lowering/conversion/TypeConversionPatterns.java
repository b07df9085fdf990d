package kiln.lowering.conversion;

import java.util.List;
import java.util.Optional;
import kiln.dialects.ir.BuiltinDialect;
import kiln.dialects.ir.FunctionType;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.TypeAttr;
import kiln.dialects.ir.Value;

/**
 * Patterns any conversion with a type converter needs, whatever its dialects: a function's signature (its body's
 * arguments, and its declared type), and ops whose only change is their operands' types (a return).
 */
public final class TypeConversionPatterns {
    private TypeConversionPatterns() {
    }

    /** Converts the signature of {@code builtin.func}s: their body's arguments and their declared type. */
    public static ConversionPattern functionSignature(TypeConverter converter) {
        return new FunctionSignature(converter);
    }

    /** Gives ops named {@code opNames} their remapped, converted operands, in place. */
    public static ConversionPattern operandTypes(TypeConverter converter, String... opNames) {
        return new OperandTypes(converter, List.of(opNames));
    }

    /** A target where functions are legal once their signatures are, and returns once their operands are. */
    public static ConversionTarget legalFunctions(ConversionTarget target, TypeConverter converter) {
        return target.addDynamicallyLegalOp(BuiltinDialect.FUNC, op -> converter.isSignatureLegal(
                        BuiltinDialect.functionType(op)) && converter.isLegal(op.region(0)))
                .addDynamicallyLegalOp(BuiltinDialect.RETURN, converter::isLegal);
    }

    private static final class FunctionSignature extends ConversionPattern {
        FunctionSignature(TypeConverter converter) {
            super("function-signature", 1, List.of(BuiltinDialect.FUNC.name()), converter);
        }

        @Override
        public boolean matchAndRewrite(Operation op, List<Value> operands, ConversionRewriter rewriter) {
            TypeConverter converter = typeConverter();
            Region body = op.region(0);
            FunctionType declared = op.attribute(BuiltinDialect.FUNCTION_TYPE) instanceof TypeAttr t
                    && t.type() instanceof FunctionType ft ? ft : null;
            Optional<FunctionType> convertedType = Optional.empty();
            if (declared != null) {
                Optional<List<Type>> inputs = converter.convertSignature(declared.inputs())
                        .map(SignatureConversion::convertedTypes);
                Optional<List<Type>> results = converter.convertSignature(declared.results())
                        .map(SignatureConversion::convertedTypes);
                if (inputs.isEmpty() || results.isEmpty()) {
                    return false;
                }
                convertedType = Optional.of(new FunctionType(inputs.get(), results.get()));
            }
            boolean bodyChanges = !body.isEmpty() && !converter.isLegal(body);
            boolean typeChanges = convertedType.isPresent() && !convertedType.get().equals(declared);
            if (!bodyChanges && !typeChanges) {
                return false;
            }
            if (bodyChanges && !body.blocks().stream().allMatch(b -> converter.convertSignature(
                    b.arguments().stream().map(Value::type).toList()).isPresent())) {
                return false;
            }
            if (bodyChanges) {
                rewriter.convertRegionTypes(body, converter);
            }
            if (typeChanges) {
                FunctionType type = convertedType.get();
                rewriter.modifyOpInPlace(op, () -> op.setAttribute(BuiltinDialect.FUNCTION_TYPE, new TypeAttr(type)));
            }
            return true;
        }
    }

    private static final class OperandTypes extends ConversionPattern {
        OperandTypes(TypeConverter converter, List<String> names) {
            super("operand-types", 1, names, converter);
        }

        @Override
        public boolean matchAndRewrite(Operation op, List<Value> operands, ConversionRewriter rewriter) {
            if (operands.equals(op.operands())) {
                return false;
            }
            rewriter.modifyOpInPlace(op, () -> op.setOperands(operands));
            return true;
        }
    }
}
