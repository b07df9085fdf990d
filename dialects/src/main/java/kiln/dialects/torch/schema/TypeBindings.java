package kiln.dialects.torch.schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.dialects.torch.types.AwaitType;
import kiln.dialects.torch.types.DictType;
import kiln.dialects.torch.types.FutureType;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.ListType;
import kiln.dialects.torch.types.OptionalType;
import kiln.dialects.torch.types.RRefType;
import kiln.dialects.torch.types.Subtyping;
import kiln.dialects.torch.types.TorchType;
import kiln.dialects.torch.types.TupleType;
import kiln.dialects.torch.types.TypeUnifier;
import kiln.dialects.torch.types.TypeVar;

/**
 * The type variables of one schema match and what they are bound to: c10's {@code TypeEnv} with
 * {@code matchTypeVariables} and {@code tryEvalTypeVariables} (type.cpp). A variable is bound to the type of the
 * first value it meets; a later value must unify with that binding.
 */
public final class TypeBindings {
    private final Map<String, TorchType> env = new HashMap<>();

    /** The type bound to {@code name}, if any. */
    public Optional<TorchType> get(String name) {
        return Optional.ofNullable(env.get(name));
    }

    /**
     * c10's {@code matchTypeVariables}: binds the variables of {@code formal} from {@code actual}.
     *
     * @return empty on success, or why {@code actual} cannot match
     */
    public Optional<String> match(TorchType formal, TorchType actual) {
        if (!hasFreeVariables(formal)) {
            return Optional.empty();
        }
        return switch (formal) {
            case TypeVar v -> bind(v, actual);
            case ListType l -> switch (actual) {
                case ListType a -> match(l.elementType(), a.elementType());
                case TupleType t -> TypeUnifier.unifyList(t.elements(), false, null).type()
                        .map(element -> match(l.elementType(), element))
                        .orElseGet(() -> cannotMatch(formal, actual));
                default -> cannotMatch(formal, actual);
            };
            case TupleType t -> actual instanceof TupleType a ? matchAll(t.elements(), a.elements())
                    : cannotMatch(formal, actual);
            case FutureType f -> actual instanceof FutureType a ? match(f.elementType(), a.elementType())
                    : cannotMatch(formal, actual);
            case AwaitType f -> actual instanceof AwaitType a ? match(f.elementType(), a.elementType())
                    : cannotMatch(formal, actual);
            case RRefType f -> actual instanceof RRefType a ? match(f.elementType(), a.elementType())
                    : cannotMatch(formal, actual);
            case OptionalType o -> switch (actual) {
                case OptionalType a -> match(o.elementType(), a.elementType());
                // None matches Optional[T] without binding T; any other value matches T itself
                default -> Subtyping.isSubtype(actual, LeafType.NONE) ? Optional.empty()
                        : match(o.elementType(), actual);
            };
            case DictType d -> actual instanceof DictType a
                    ? match(d.keyType(), a.keyType()).or(() -> match(d.valueType(), a.valueType()))
                    : cannotMatch(formal, actual);
            default -> Optional.of("cannot match type variables in " + formal.str());
        };
    }

    /**
     * c10's {@code tryEvalTypeVariables}: {@code type} with its variables replaced by their bindings, or empty
     * when one of them is unbound.
     */
    public Optional<TorchType> evaluate(TorchType type) {
        if (!hasFreeVariables(type)) {
            return Optional.of(type);
        }
        if (type instanceof TypeVar v) {
            return get(v.name());
        }
        List<TorchType> contained = new ArrayList<>();
        for (TorchType t : type.containedTypes()) {
            Optional<TorchType> evaluated = evaluate(t);
            if (evaluated.isEmpty()) {
                return Optional.empty();
            }
            contained.add(evaluated.get());
        }
        return Optional.of(TypeUnifier.withContained(type, contained));
    }

    /** Whether {@code type} mentions a type variable. */
    public static boolean hasFreeVariables(TorchType type) {
        return type instanceof TypeVar || type.containedTypes().stream().anyMatch(TypeBindings::hasFreeVariables);
    }

    private Optional<String> bind(TypeVar v, TorchType actual) {
        TorchType bound = env.get(v.name());
        if (bound == null) {
            env.put(v.name(), actual);
            return Optional.empty();
        }
        // unification allows subtyping either way; the binding stays as it was
        if (TypeUnifier.unify(bound, actual).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("type variable '" + v.name() + "' previously matched to type " + bound
                + " is matched to type " + actual);
    }

    private Optional<String> matchAll(List<TorchType> formals, List<TorchType> actuals) {
        if (formals.size() != actuals.size()) {
            return Optional.of("cannot match tuples of mismatched size");
        }
        for (int i = 0; i < formals.size(); i++) {
            Optional<String> why = match(formals.get(i), actuals.get(i));
            if (why.isPresent()) {
                return why;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> cannotMatch(TorchType formal, TorchType actual) {
        return Optional.of("cannot match " + formal.str() + " to " + actual);
    }
}
