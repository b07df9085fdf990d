package kiln.frontend.emit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.dialects.torch.types.DictType;
import kiln.dialects.torch.types.FutureType;
import kiln.dialects.torch.types.ListType;
import kiln.dialects.torch.types.OptionalType;
import kiln.dialects.torch.types.TorchType;
import kiln.dialects.torch.types.TupleType;
import kiln.dialects.torch.types.TypeUnifier;
import kiln.dialects.torch.types.TypeVar;

/** Binding and substituting the type variables of schemas ({@code t}, {@code t1}), as c10's matchTypeVariables. */
final class TypeVars {
    private TypeVars() {
    }

    static boolean hasVars(TorchType t) {
        return switch (t) {
            case TypeVar v -> true;
            case ListType l -> hasVars(l.elementType());
            case OptionalType o -> hasVars(o.elementType());
            case FutureType f -> hasVars(f.elementType());
            case DictType d -> hasVars(d.keyType()) || hasVars(d.valueType());
            case TupleType tu -> tu.elements().stream().anyMatch(TypeVars::hasVars);
            default -> false;
        };
    }

    /** Binds the variables of {@code formal} from {@code actual}; false when they cannot match. */
    static boolean match(TorchType formal, TorchType actual, Map<String, TorchType> env) {
        if (!hasVars(formal)) {
            return true;
        }
        switch (formal) {
            case TypeVar v -> {
                TorchType bound = env.get(v.name());
                if (bound == null) {
                    env.put(v.name(), actual);
                    return true;
                }
                Optional<TorchType> unified = TypeUnifier.unify(bound, actual);
                unified.ifPresent(u -> env.put(v.name(), u));
                return unified.isPresent();
            }
            case ListType l -> {
                if (actual instanceof ListType al) {
                    return match(l.elementType(), al.elementType(), env);
                }
                if (actual instanceof TupleType tu && !tu.elements().isEmpty()) {
                    Optional<TorchType> u = Optional.of(tu.elements().getFirst());
                    for (TorchType e : tu.elements()) {
                        u = u.flatMap(x -> TypeUnifier.unify(x, e));
                    }
                    return u.isPresent() && match(l.elementType(), u.get(), env);
                }
                return false;
            }
            case OptionalType o -> {
                if (actual instanceof OptionalType ao) {
                    return match(o.elementType(), ao.elementType(), env);
                }
                return actual == kiln.dialects.torch.types.LeafType.NONE || match(o.elementType(), actual, env);
            }
            case FutureType f -> {
                return actual instanceof FutureType af && match(f.elementType(), af.elementType(), env);
            }
            case DictType d -> {
                return actual instanceof DictType ad && match(d.keyType(), ad.keyType(), env)
                        && match(d.valueType(), ad.valueType(), env);
            }
            case TupleType t -> {
                if (!(actual instanceof TupleType at) || at.elements().size() != t.elements().size()) {
                    return false;
                }
                for (int i = 0; i < t.elements().size(); i++) {
                    if (!match(t.elements().get(i), at.elements().get(i), env)) {
                        return false;
                    }
                }
                return true;
            }
            default -> {
                return true;
            }
        }
    }

    /** {@code t} with bound variables replaced; empty when a variable is unbound. */
    static Optional<TorchType> substitute(TorchType t, Map<String, TorchType> env) {
        return switch (t) {
            case TypeVar v -> Optional.ofNullable(env.get(v.name()));
            case ListType l -> substitute(l.elementType(), env).map(ListType::of);
            case OptionalType o -> substitute(o.elementType(), env).map(OptionalType::of);
            case FutureType f -> substitute(f.elementType(), env).map(FutureType::new);
            case DictType d -> substitute(d.keyType(), env)
                    .flatMap(k -> substitute(d.valueType(), env).map(v -> DictType.of(k, v)));
            case TupleType tu -> {
                List<TorchType> out = new ArrayList<>();
                for (TorchType e : tu.elements()) {
                    Optional<TorchType> s = substitute(e, env);
                    if (s.isEmpty()) {
                        yield Optional.empty();
                    }
                    out.add(s.get());
                }
                yield Optional.of(new TupleType(out, tu.fieldNames(), tu.qualifiedName()));
            }
            default -> Optional.of(t);
        };
    }
}
