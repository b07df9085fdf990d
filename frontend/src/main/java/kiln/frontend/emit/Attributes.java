package kiln.frontend.emit;

import java.util.List;
import java.util.Map;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.types.ClassType;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.TensorType;
import kiln.dialects.torch.types.TorchType;
import kiln.dialects.torch.types.TupleType;
import kiln.frontend.script.SourceRange;

/** {@code value.name}: object attributes and methods, tensor properties and methods, named-tuple fields. */
final class Attributes {
    /** Tensor methods that convert to a dtype, as TorchScript compiles them ({@code aten::to(self, dtype, …)}). */
    private static final Map<String, kiln.dialects.torch.types.ScalarType> CASTS = Map.of(
            "byte", kiln.dialects.torch.types.ScalarType.Byte, "char", kiln.dialects.torch.types.ScalarType.Char,
            "short", kiln.dialects.torch.types.ScalarType.Short, "int", kiln.dialects.torch.types.ScalarType.Int,
            "long", kiln.dialects.torch.types.ScalarType.Long, "half", kiln.dialects.torch.types.ScalarType.Half,
            "float", kiln.dialects.torch.types.ScalarType.Float, "double", kiln.dialects.torch.types.ScalarType.Double,
            "bool", kiln.dialects.torch.types.ScalarType.Bool,
            "bfloat16", kiln.dialects.torch.types.ScalarType.BFloat16);

    private Attributes() {
    }

    static Sugared of(FunctionEmitter f, Value v, String name, SourceRange where) {
        Type t = v.type();
        if (t instanceof ClassType ct) {
            ScriptClass cls = f.compiler.unit().classNamed(ct.qualifiedName()).orElseThrow(
                    () -> new CompileError(where, "unknown class '" + ct.qualifiedName() + "'"));
            Type attr = cls.attributes().get(name);
            if (attr != null) {
                Operation get = f.insert(TorchDialect.GET_ATTR, List.of(v), List.of(attr),
                        Map.of("name", new StringAttr(name)), where);
                get.result(0).setName(name);
                return new Sugared.Simple(get.result(0));
            }
            if (cls.methods().containsKey(name)) {
                return new Sugared.Method(v, cls, name);
            }
            if (cls.constants().containsKey(name)) {
                return constant(f, cls.constants().get(name), where);
            }
            throw new CompileError(where, "Module '" + shortName(cls.name()) + "' has no attribute '" + name + "'");
        }
        if (t instanceof TupleType tt && tt.fieldNames().isPresent()) {
            int i = tt.fieldNames().get().indexOf(name);
            if (i >= 0) {
                Value idx = f.exprs.constantInt(i, where);
                Operation op = f.insert(TorchDialect.TUPLE_INDEX, List.of(v, idx), List.of(tt.elements().get(i)),
                        Map.of(), where);
                return new Sugared.Simple(op.result(0));
            }
        }
        if (t.isSubtypeOf(TensorType.TENSOR)) {
            String prop = switch (name) {
                case "shape" -> "aten::size";
                case "dtype" -> "prim::dtype";
                case "device" -> "prim::device";
                case "is_cuda" -> "prim::is_cuda";
                case "data" -> "prim::data";
                case "requires_grad" -> "prim::requires_grad";
                case "layout" -> "prim::layout";
                case "ndim" -> "aten::dim";
                case "T" -> "aten::numpy_T";
                case "grad" -> "prim::grad";
                default -> null;
            };
            if (prop != null) {
                return new Sugared.Simple(f.exprs.callBuiltin(prop, List.of(v), Map.of(), where));
            }
        }
        if (t.isSubtypeOf(TensorType.TENSOR) && CASTS.containsKey(name)) {
            return new Sugared.TensorCast(v, CASTS.get(name).code());
        }
        if (name.equals("tolist") && t.isSubtypeOf(TensorType.TENSOR)) {
            return new Sugared.Builtin("prim::tolist", v);
        }
        return new Sugared.Builtin("aten::" + name, v);
    }

    private static Sugared constant(FunctionEmitter f, Object value, SourceRange where) {
        return switch (value) {
            case Long l -> new Sugared.Simple(f.exprs.constantInt(l, where));
            case Double d -> new Sugared.Simple(f.exprs.constant(LeafType.FLOAT, new kiln.dialects.ir.FloatAttr(d),
                    where));
            case Boolean b -> new Sugared.Simple(f.exprs.constantBool(b, where));
            case String s -> new Sugared.Simple(f.exprs.constantString(s, where));
            case null -> new Sugared.Simple(f.exprs.none(where));
            case List<?> list -> new Sugared.Tuple(list.stream().map(x -> constant(f, x, where)).toList());
            default -> throw new CompileError(where, "unsupported class constant");
        };
    }

    private static String shortName(String q) {
        return q.substring(q.lastIndexOf('.') + 1);
    }

    static TorchType type(Value v) {
        return (TorchType) v.type();
    }
}
