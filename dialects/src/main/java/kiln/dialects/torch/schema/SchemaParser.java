package kiln.dialects.torch.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import kiln.dialects.torch.schema.DefaultValue.BoolListValue;
import kiln.dialects.torch.schema.DefaultValue.BoolValue;
import kiln.dialects.torch.schema.DefaultValue.ComplexValue;
import kiln.dialects.torch.schema.DefaultValue.FloatListValue;
import kiln.dialects.torch.schema.DefaultValue.FloatValue;
import kiln.dialects.torch.schema.DefaultValue.IntListValue;
import kiln.dialects.torch.schema.DefaultValue.IntValue;
import kiln.dialects.torch.schema.DefaultValue.StrValue;
import kiln.dialects.torch.schema.SchemaLexer.Kind;
import kiln.dialects.torch.schema.SchemaLexer.Token;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.ListType;
import kiln.dialects.torch.types.OptionalType;
import kiln.dialects.torch.types.ScalarType;
import kiln.dialects.torch.types.TensorType;
import kiln.dialects.torch.types.TorchType;

/**
 * Reads operator schemas as PyTorch's {@code function_schema_parser.cpp} does:
 * {@code name[.overload](arg, ..., *, kwarg, ..., ...) -> ret | (ret [name], ...) | ...}, where each argument is
 * a type ({@link SchemaTypeParser}), an optional list size ({@code int[2]}) with its own alias annotation and
 * {@code ?}, a name, and an optional {@code =default}. Defaults are read by the argument's type as in c10: only
 * {@code None} for tensors and generators, one constant for scalars and optionals, a string literal for a
 * device, a bracketed list (or, for a sized list, one element repeated) for lists.
 */
public final class SchemaParser {
    private final SchemaLexer in;
    private final SchemaTypeParser types;

    private SchemaParser(String text) {
        this.in = new SchemaLexer(text);
        this.types = new SchemaTypeParser(in);
    }

    /** Reads one schema, which must be the whole of {@code text}. */
    public static FunctionSchema parse(String text) {
        SchemaParser p = new SchemaParser(text);
        FunctionSchema schema = p.declaration();
        if (p.in.cur().kind() != Kind.EOF) {
            throw p.in.error("unexpected " + p.in.cur().describe() + " after the schema");
        }
        return schema;
    }

    private FunctionSchema declaration() {
        String name = in.expect(Kind.IDENT, "an operator name").text();
        if (in.nextIf(':')) {
            in.expect(':', "in '::'");
            name = name + "::" + in.expect(Kind.IDENT, "an operator name after '::'").text();
        }
        String overload = in.nextIf('.') ? in.expect(Kind.IDENT, "an overload name").text() : "";
        List<Argument> arguments = new ArrayList<>();
        boolean kwargOnly = false;
        boolean vararg = false;
        in.expect('(', "to open the argument list");
        if (!in.cur().is(')')) {
            do {
                if (vararg) {
                    throw in.error("'...' must be the last element of the argument list");
                }
                if (in.nextIf('*')) {
                    kwargOnly = true;
                } else if (in.nextIf(Kind.DOTS)) {
                    vararg = true;
                } else {
                    arguments.add(argument(false, kwargOnly));
                }
            } while (in.nextIf(','));
        }
        in.expect(')', "to close the argument list");
        if (vararg && arguments.stream().anyMatch(a -> a.defaultValue().isPresent())) {
            throw in.error("schemas with vararg (...) can't have default value args");
        }
        if (in.cur().kind() != Kind.ARROW) {
            throw in.error("expected '->' after the arguments, found " + in.cur().describe());
        }
        in.next();
        List<Argument> returns = new ArrayList<>();
        boolean varret = false;
        if (in.nextIf(Kind.DOTS)) {
            varret = true;
        } else if (in.nextIf('(')) {
            if (!in.cur().is(')')) {
                do {
                    if (varret) {
                        throw in.error("'...' must be the last element of the return list");
                    }
                    if (in.nextIf(Kind.DOTS)) {
                        varret = true;
                    } else {
                        returns.add(argument(true, false));
                    }
                } while (in.nextIf(','));
            }
            in.expect(')', "to close the return list");
        } else {
            returns.add(argument(true, false));
        }
        return new FunctionSchema(name, overload, arguments, returns, vararg, varret);
    }

    private Argument argument(boolean isReturn, boolean kwargOnly) {
        SchemaTypeParser.SchemaType parsed = types.parseType();
        TorchType fake = parsed.fake();
        TorchType real = parsed.real();
        Optional<AliasInfo> alias = parsed.alias();
        OptionalInt size = OptionalInt.empty();
        if (in.nextIf('[')) {
            fake = new ListType(fake);
            real = new ListType(real);
            Token n = in.expect(Kind.NUMBER, "a list size");
            try {
                size = OptionalInt.of(Integer.parseInt(n.text()));
            } catch (NumberFormatException e) {
                throw in.errorAt(n.offset(), "bad list size '" + n.text() + "'");
            }
            in.expect(']', "after the list size");
            alias = SchemaTypeParser.container(types.parseAliasAnnotation(), alias);
            if (in.nextIf('?')) {
                fake = new OptionalType(fake);
                real = new OptionalType(real);
            }
        }
        String name;
        Optional<DefaultValue> defaultValue = Optional.empty();
        if (isReturn) {
            name = in.cur().kind() == Kind.IDENT ? in.next().text() : "";
        } else {
            name = in.expect(Kind.IDENT, "an argument name").text();
            if (in.nextIf('=')) {
                defaultValue = Optional.of(defaultValue(fake, real, size));
            }
        }
        return new Argument(name, fake, real, size, defaultValue, !isReturn && kwargOnly, alias);
    }

    /** c10's {@code parseDefaultValue}, by the kind of the argument's fake type. */
    private DefaultValue defaultValue(TorchType fake, TorchType real, OptionalInt size) {
        int at = in.cur().offset();
        return switch (fake) {
            case TensorType t -> none();
            case LeafType l when l == LeafType.GENERATOR || l == LeafType.QUANTIZER -> none();
            case LeafType l when l == LeafType.DEVICE ->
                    new StrValue(in.expect(Kind.STRING, "a device string").text());
            case LeafType l when l == LeafType.STR || l == LeafType.NUMBER || l == LeafType.INT
                    || l == LeafType.BOOL || l == LeafType.FLOAT || l == LeafType.COMPLEX -> constant(l, real);
            case OptionalType o -> constant(o, real);
            case ListType list -> {
                TorchType element = list.elementType();
                TorchType realElement = real instanceof ListType r ? r.elementType() : element;
                if (in.cur().kind() == Kind.IDENT) {
                    yield none();
                }
                if (size.isPresent() && !in.cur().is('[')) {
                    DefaultValue one = constant(element, realElement);
                    yield toList(element, at, Collections.nCopies(size.getAsInt(), one));
                }
                in.expect('[', "to open a list default");
                List<DefaultValue> values = new ArrayList<>();
                if (!in.cur().is(']')) {
                    do {
                        values.add(constant(element, realElement));
                    } while (in.nextIf(','));
                }
                in.expect(']', "to close a list default");
                yield toList(element, at, values);
            }
            default -> throw in.errorAt(at, "an argument of type " + real.str() + " cannot have a default");
        };
    }

    private DefaultValue none() {
        Token t = in.expect(Kind.IDENT, "None");
        if (!t.text().equals("None")) {
            throw in.errorAt(t.offset(), "expected None, found '" + t.text() + "'");
        }
        return DefaultValue.None.INSTANCE;
    }

    /** c10's {@code parseSingleConstant}: True, False, None, a string, a dtype/layout/format name, a number. */
    private DefaultValue constant(TorchType kind, TorchType real) {
        Token t = in.cur();
        if (t.kind() == Kind.STRING) {
            in.next();
            return new StrValue(t.text());
        }
        if (t.kind() == Kind.IDENT) {
            in.next();
            return switch (t.text()) {
                case "True" -> new BoolValue(true);
                case "False" -> new BoolValue(false);
                case "None" -> DefaultValue.None.INSTANCE;
                case "float" -> new IntValue(ScalarType.Float.code());
                case "complex" -> new IntValue(ScalarType.ComplexFloat.code());
                case "long" -> new IntValue(ScalarType.Long.code());
                case "strided", "contiguous_format" -> new IntValue(0); // kStrided, MemoryFormat::Contiguous
                case "Mean" -> new IntValue(1); // at::Reduction::Mean
                default -> dtypeName(t, real);
            };
        }
        boolean negative = in.nextIf('-');
        Token n = in.expect(Kind.NUMBER, "a default value");
        String text = (negative ? "-" : "") + n.text();
        try {
            if (kind == LeafType.COMPLEX || text.endsWith("j")) {
                return new ComplexValue(0, Double.parseDouble(text.substring(0, text.length() - 1)));
            }
            if (kind == LeafType.FLOAT || text.contains(".") || text.contains("e") || text.contains("E")) {
                return new FloatValue(Double.parseDouble(text));
            }
            return new IntValue(Long.parseLong(text));
        } catch (NumberFormatException e) {
            throw in.errorAt(n.offset(), "bad number '" + text + "'");
        }
    }

    /** Any dtype name ({@code float32}, {@code int64}) is a default of a {@code ScalarType} argument. */
    private DefaultValue dtypeName(Token t, TorchType real) {
        TorchType unwrapped = real instanceof OptionalType o ? o.elementType() : real;
        if (unwrapped == LeafType.SCALAR_TYPE) {
            Optional<ScalarType> dtype = ScalarType.fromPythonName(t.text());
            if (dtype.isPresent()) {
                return new IntValue(dtype.get().code());
            }
        }
        throw in.errorAt(t.offset(), "invalid numeric default value '" + t.text() + "'");
    }

    /** c10's {@code convertToList}: the elements as the list's element kind. */
    private DefaultValue toList(TorchType element, int at, List<DefaultValue> values) {
        try {
            if (element == LeafType.INT) {
                return new IntListValue(values.stream().map(v -> ((IntValue) v).value()).toList());
            }
            if (element == LeafType.FLOAT) {
                return new FloatListValue(values.stream().map(v -> switch (v) {
                    case FloatValue f -> f.value();
                    case IntValue i -> (double) i.value();
                    default -> throw new ClassCastException();
                }).toList());
            }
            if (element == LeafType.BOOL) {
                return new BoolListValue(values.stream().map(v -> ((BoolValue) v).value()).toList());
            }
        } catch (ClassCastException e) {
            throw in.errorAt(at, "a " + element.str() + " list default holds a value of another type");
        }
        throw in.errorAt(at, "list defaults are only supported for int, float and bool lists");
    }
}
