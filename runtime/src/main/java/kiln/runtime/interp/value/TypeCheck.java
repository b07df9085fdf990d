package kiln.runtime.interp.value;

import java.util.List;
import java.util.Map;
import kiln.dialects.torch.types.ClassType;
import kiln.dialects.torch.types.Device;
import kiln.dialects.torch.types.DictType;
import kiln.dialects.torch.types.FutureType;
import kiln.dialects.torch.types.InterfaceType;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.ListType;
import kiln.dialects.torch.types.OptionalType;
import kiln.dialects.torch.types.TensorType;
import kiln.dialects.torch.types.TorchType;
import kiln.dialects.torch.types.TupleType;
import kiln.dialects.torch.types.UnionType;
import kiln.runtime.tensor.Tensor;

/**
 * Whether a runtime value has a TorchScript type: {@code isinstance}, and the check of a graph's inputs. Tensor
 * refinements (dtype, shape) are not checked: TorchScript treats them as profiling information, not types. A
 * list or dict made with a known element type is checked by that type, as TorchScript does (lists are
 * invariant: a {@code List[int]} is not a {@code List[Optional[int]]}); one made without is checked element by
 * element.
 */
public final class TypeCheck {
    private TypeCheck() {
    }

    public static boolean matches(Object v, TorchType type) {
        return switch (type) {
            case TensorType t -> v instanceof Tensor;
            case LeafType leaf -> matchesLeaf(v, leaf);
            case OptionalType o -> v == null || matches(v, o.elementType());
            case ListType l -> v instanceof ScriptList list && (list.elementType() != null
                    ? sameType(list.elementType(), l.elementType())
                    : list.items().stream().allMatch(e -> matches(e, l.elementType())));
            case TupleType t -> v instanceof ScriptTuple tuple && elementsMatch(tuple.elements(), t.elements());
            case DictType d -> v instanceof ScriptDict dict && (dict.keyType() != null && dict.valueType() != null
                    ? sameType(dict.keyType(), d.keyType()) && sameType(dict.valueType(), d.valueType())
                    : entriesMatch(dict.entries(), d));
            case UnionType u -> u.types().stream().anyMatch(member -> matches(v, member));
            case ClassType c -> v instanceof ScriptObject o && o.className().equals(c.qualifiedName());
            case InterfaceType i -> v instanceof ScriptObject;
            case FutureType f -> v instanceof ScriptFuture;
            default -> false;
        };
    }

    private static boolean matchesLeaf(Object v, LeafType leaf) {
        return switch (leaf) {
            case ANY -> true;
            case INT, SYM_INT, SCALAR_TYPE, LAYOUT, MEMORY_FORMAT -> v instanceof Long;
            case FLOAT, SYM_FLOAT -> v instanceof Double;
            case BOOL, SYM_BOOL -> v instanceof Boolean;
            case NUMBER -> v instanceof Long || v instanceof Double;
            case STR -> v instanceof String;
            case NONE -> v == null;
            case DEVICE -> v instanceof Device;
            case FUNCTION -> v instanceof ScriptFunction;
            case ANY_LIST -> v instanceof ScriptList;
            case ANY_TUPLE -> v instanceof ScriptTuple;
            case ANY_CLASS -> v instanceof ScriptObject;
            default -> false;
        };
    }

    private static boolean elementsMatch(List<Object> values, List<TorchType> types) {
        if (values.size() != types.size()) {
            return false;
        }
        for (int i = 0; i < values.size(); i++) {
            if (!matches(values.get(i), types.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean entriesMatch(Map<Object, Object> entries, DictType d) {
        for (Map.Entry<Object, Object> e : entries.entrySet()) {
            if (!matches(e.getKey(), d.keyType()) || !matches(e.getValue(), d.valueType())) {
                return false;
            }
        }
        return true;
    }

    /** Type equality for container elements, ignoring tensor refinements. */
    private static boolean sameType(TorchType a, TorchType b) {
        if (a instanceof TensorType && b instanceof TensorType) {
            return true;
        }
        return a.equals(b) || (a.isSubtypeOf(b) && b.isSubtypeOf(a));
    }
}
