package kiln.lowering.conversion;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kiln.dialects.ir.Type;

/**
 * How the arguments of a block change (MLIR's {@code TypeConverter::SignatureConversion}): each original argument
 * becomes zero or more arguments of the given types. A conversion fills one in with {@link
 * TypeConverter#convertSignature}, or by hand, and hands it to {@link ConversionRewriter#applySignatureConversion}.
 */
public final class SignatureConversion {
    private final List<List<Type>> inputs;

    /** A conversion of {@code count} arguments, each to nothing yet. */
    public SignatureConversion(int count) {
        this.inputs = new ArrayList<>(Collections.nCopies(count, List.of()));
    }

    /** Original argument {@code index} becomes arguments of {@code types} (none: it is dropped). */
    public SignatureConversion addInputs(int index, List<? extends Type> types) {
        inputs.set(index, List.copyOf(types));
        return this;
    }

    public int size() {
        return inputs.size();
    }

    /** The types original argument {@code index} becomes. */
    public List<Type> inputs(int index) {
        return inputs.get(index);
    }

    /** Every new argument type, in order. */
    public List<Type> convertedTypes() {
        return inputs.stream().flatMap(List::stream).toList();
    }
}
