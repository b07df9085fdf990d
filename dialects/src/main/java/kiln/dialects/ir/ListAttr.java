package kiln.dialects.ir;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A list of attributes: {@code [a, b]} in the generic text. An empty list may carry its element type (TorchScript's
 * typed empty list constants), written {@code array<T>}.
 *
 * @param elementType the element type of an empty list, or null when unknown or when the list is non-empty
 */
public record ListAttr(List<Attribute> elements, Type elementType) implements Attribute {
    public ListAttr {
        elements = List.copyOf(elements);
        if (!elements.isEmpty()) {
            elementType = null;
        }
    }

    public static ListAttr of(List<? extends Attribute> elements) {
        return new ListAttr(List.copyOf(elements), null);
    }

    @Override
    public String toString() {
        if (elements.isEmpty() && elementType != null) {
            return "array<" + elementType.asm() + ">";
        }
        return elements.stream().map(Attribute::asm).collect(Collectors.joining(", ", "[", "]"));
    }
}
