package kiln.dialects.torch;

import java.util.stream.Collectors;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.BoolAttr;
import kiln.dialects.ir.FloatAttr;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.ListAttr;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.TypeAttr;
import kiln.dialects.torch.types.TorchType;

/**
 * Attribute values as PyTorch's graph text writes them (ir.cpp's {@code printAttribute}): ints and doubles as
 * {@link DoubleFormat} does ({@code 1.}, {@code 0.10000000000000001}), strings quoted as c10's
 * {@code printQuotedString}, bools {@code True}/{@code False} inside lists, lists {@code [a, b]}, a typed empty list
 * {@code annotate(List[int], [])}, types in their graph form, tensors as printed.
 */
public final class TorchAttributes {
    private TorchAttributes() {
    }

    public static String print(Attribute a) {
        return switch (a) {
            case IntAttr i -> Long.toString(i.value());
            case FloatAttr f -> DoubleFormat.format(f.value());
            case BoolAttr b -> b.value() ? "True" : "False";
            case StringAttr s -> QuotedString.quote(s.value());
            case TypeAttr t -> t.type().toString();
            case ListAttr l when l.elements().isEmpty() && l.elementType() != null ->
                    "annotate(List[" + annotation(l.elementType()) + "], [])";
            case ListAttr l -> l.elements().stream().map(TorchAttributes::print)
                    .collect(Collectors.joining(", ", "[", "]"));
            default -> a.toString();
        };
    }

    private static String annotation(Type t) {
        return t instanceof TorchType tt ? tt.annotationString() : t.toString();
    }
}
