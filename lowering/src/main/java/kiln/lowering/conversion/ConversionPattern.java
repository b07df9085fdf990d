package kiln.lowering.conversion;

import java.util.List;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Value;
import kiln.dialects.ir.rewrite.PatternRewriter;
import kiln.dialects.ir.rewrite.RewritePattern;

/**
 * A rewrite pattern of a dialect conversion (MLIR's {@code ConversionPattern}): besides the op it is given the op's
 * operands as the conversion has remapped them (the adaptor: values of the converted types, where the pattern has a
 * type converter), and a {@link ConversionRewriter}. It only runs in a conversion ({@link DialectConversion}).
 */
public abstract class ConversionPattern extends RewritePattern {
    private final TypeConverter typeConverter;

    /**
     * @param typeConverter how the operands' types convert, or null when the adaptor keeps whatever values the
     *                      operands were replaced by
     */
    protected ConversionPattern(String name, int benefit, List<String> rootNames, TypeConverter typeConverter) {
        super(name, benefit, rootNames);
        this.typeConverter = typeConverter;
    }

    public final TypeConverter typeConverter() {
        return typeConverter;
    }

    @Override
    public final boolean matchAndRewrite(Operation op, PatternRewriter rewriter) {
        if (!(rewriter instanceof ConversionRewriter conversion)) {
            throw new IllegalStateException("conversion pattern '" + name() + "' runs only in a dialect conversion");
        }
        return matchAndRewrite(op, conversion.remappedOperands(op, typeConverter), conversion);
    }

    /**
     * Rewrites {@code op} if it matches, given its remapped operands; returns whether it did. A pattern that does
     * not match must not have changed anything (target materializations made for its operands are undone).
     */
    public abstract boolean matchAndRewrite(Operation op, List<Value> operands, ConversionRewriter rewriter);
}
