package kiln.dialects.torch;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.FloatAttr;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.types.LeafType;

/** Making and reading {@code prim::Constant} ops the way TorchScript writes them. */
public final class Constants {
    private Constants() {
    }

    public static Operation of(Type type, Attribute value, Location loc) {
        return Operation.create(TorchDialect.CONSTANT, List.of(), List.of(type),
                value == null ? Map.of() : Map.of("value", value), 0, loc);
    }

    public static Operation bool(boolean v) {
        return of(LeafType.BOOL, new IntAttr(v ? 1 : 0), Location.UNKNOWN);
    }

    public static Operation integer(long v) {
        return of(LeafType.INT, new IntAttr(v), Location.UNKNOWN);
    }

    public static Operation floating(double v) {
        return of(LeafType.FLOAT, new FloatAttr(v), Location.UNKNOWN);
    }

    public static Operation string(String v) {
        return of(LeafType.STR, new StringAttr(v), Location.UNKNOWN);
    }

    public static Operation none() {
        return of(LeafType.NONE, null, Location.UNKNOWN);
    }

    /** The constant op defining {@code v}, if {@code v} is a constant. */
    public static Optional<Operation> definingConstant(Value v) {
        Operation op = v.definingOp();
        return op != null && op.def() == TorchDialect.CONSTANT ? Optional.of(op) : Optional.empty();
    }

    /** The value of a bool constant. */
    public static Optional<Boolean> asBool(Value v) {
        if (v.type() != LeafType.BOOL) {
            return Optional.empty();
        }
        return definingConstant(v).map(op -> op.attribute("value", IntAttr.class)).map(a -> a.value() != 0);
    }
}
