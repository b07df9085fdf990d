package kiln.runtime.interp;

import java.util.ArrayList;
import java.util.List;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.BoolAttr;
import kiln.dialects.ir.FloatAttr;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.ListAttr;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.torch.TensorAttr;
import kiln.dialects.torch.types.Device;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.ListType;
import kiln.dialects.torch.types.OptionalType;
import kiln.dialects.torch.types.TorchType;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptFunction;
import kiln.runtime.interp.value.ScriptList;

/**
 * The value of a {@code prim::Constant}, read from its attribute by its result type: None (no attribute), ints
 * (also bools, stored 0/1), floats, strings, devices, lists of those, and functions ({@code name=}). A tensor
 * constant compiled from an archive takes its data from the {@link ConstantTable}; one from graph text is an
 * error (the text elides or rounds the data).
 */
final class ConstantValues {
    private ConstantValues() {
    }

    static Object of(Operation op, ConstantTable table) {
        TorchType type = (TorchType) op.result(0).type();
        Attribute value = op.attribute("value");
        if (type == LeafType.FUNCTION) {
            if (op.attribute("name") instanceof StringAttr name) {
                return new ScriptFunction(name.value());
            }
            throw ScriptException.runtimeError("a Function constant without a name");
        }
        if (value == null) {
            return null;
        }
        if (value instanceof TensorAttr tensor && tensor.dataSource().isPresent()) {
            return table.value(tensor.dataSource().get());
        }
        return convert(value, type);
    }

    private static Object convert(Attribute value, TorchType type) {
        TorchType t = type instanceof OptionalType o ? o.elementType() : type;
        return switch (value) {
            case TensorAttr tensor -> throw ScriptException.runtimeError("a tensor constant (" + tensor.text()
                    + ") cannot be materialized from graph text: its data is not in the graph");
            case IntAttr i when t == LeafType.BOOL -> i.value() != 0;
            case IntAttr i when t == LeafType.FLOAT -> (double) i.value();
            case IntAttr i -> i.value();
            case FloatAttr f -> f.value();
            case BoolAttr b -> b.value();
            case StringAttr s when t == LeafType.DEVICE -> Device.parse(s.value());
            case StringAttr s -> s.value();
            case ListAttr list -> list(list, t);
            default -> throw ScriptException.runtimeError("unsupported constant " + value + " of type " + type);
        };
    }

    private static ScriptList list(ListAttr list, TorchType type) {
        TorchType element = type instanceof ListType l ? l.elementType() : list.elementType() instanceof TorchType e
                ? e : null;
        List<Object> items = new ArrayList<>();
        for (Attribute a : list.elements()) {
            items.add(convert(a, element == null ? LeafType.ANY : element));
        }
        return ScriptList.of(element, items);
    }
}
