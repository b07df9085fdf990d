package kiln.dialects.torch.types;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * c10's {@code TupleType}: {@code (Tensor, int)}, annotated {@code Tuple[Tensor, int]}; covariant in its
 * elements. With field names it is a NamedTuple, printed {@code NamedTuple(values : Tensor, indices : Tensor)};
 * a NamedTuple may also carry its qualified class name, which its {@code str()} and annotation use. A
 * NamedTuple is a subtype of the plain tuple of its elements, not the other way round.
 */
public record TupleType(List<TorchType> elements, Optional<List<String>> fieldNames, Optional<String> qualifiedName)
        implements TorchType {

    public static final TupleType EMPTY = new TupleType(List.of(), Optional.empty(), Optional.empty());

    public TupleType {
        elements = List.copyOf(elements);
        fieldNames = Objects.requireNonNull(fieldNames, "fieldNames").map(List::copyOf);
        Objects.requireNonNull(qualifiedName, "qualifiedName");
        if (fieldNames.isPresent() && fieldNames.get().size() != elements.size()) {
            throw new IllegalArgumentException("a NamedTuple needs one name per element: " + fieldNames.get()
                    + " for " + elements.size() + " elements");
        }
        if (qualifiedName.isPresent() && fieldNames.isEmpty()) {
            throw new IllegalArgumentException("only a NamedTuple has a qualified name");
        }
        if (fieldNames.isPresent()) {
            for (int i = 0; i < elements.size(); i++) {
                if (containsAny(elements.get(i))) {
                    throw new IllegalArgumentException("attempting to add attribute '" + fieldNames.get().get(i)
                            + "' of type " + elements.get(i).annotationString()
                            + " to a NamedTuple but it contains an Any type. Any types cannot be members of"
                            + " modules, classes, or named tuples.");
                }
            }
        }
    }

    /** A plain tuple. */
    public static TupleType of(TorchType... elements) {
        return of(List.of(elements));
    }

    /** A plain tuple. */
    public static TupleType of(List<TorchType> elements) {
        return new TupleType(elements, Optional.empty(), Optional.empty());
    }

    /** A NamedTuple without a known class name, as operator outputs ({@code torch.max}) have. */
    public static TupleType named(List<String> fieldNames, List<TorchType> elements) {
        return new TupleType(elements, Optional.of(fieldNames), Optional.empty());
    }

    /** A NamedTuple class. */
    public static TupleType named(String qualifiedName, List<String> fieldNames, List<TorchType> elements) {
        return new TupleType(elements, Optional.of(fieldNames), Optional.of(qualifiedName));
    }

    public boolean isNamed() {
        return fieldNames.isPresent();
    }

    /** The same tuple kind (names and class name kept) over other elements: c10's {@code createWithContained}. */
    public TupleType withElements(List<TorchType> newElements) {
        return new TupleType(newElements, fieldNames, qualifiedName);
    }

    @Override
    public TypeKind kind() {
        return TypeKind.TupleType;
    }

    @Override
    public List<TorchType> containedTypes() {
        return elements;
    }

    @Override
    public String toString() {
        return TypePrinter.print(this);
    }

    private static boolean containsAny(TorchType type) {
        return type == LeafType.ANY || type.containedTypes().stream().anyMatch(TupleType::containsAny);
    }
}
