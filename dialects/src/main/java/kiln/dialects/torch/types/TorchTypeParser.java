package kiln.dialects.torch.types;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads TorchScript types in both of PyTorch's spellings:
 * <ul>
 *   <li>the graph-dump form ({@link TorchType#toString()}): {@code Tensor}, {@code Float(8, 10, strides=[10, 1],
 *       requires_grad=0, device=cpu)}, {@code int[]}, {@code Tensor?}, {@code Dict(str, Tensor)},
 *       {@code (Tensor, int)}, {@code NamedTuple(values : Tensor, indices : Tensor)}, {@code Future[Tensor]},
 *       {@code Union(Tensor, int)}, {@code Scalar}, class names such as {@code __torch__.m.___torch_mangle_3.Foo};
 *       also each type's {@code str()} ({@code Future(Tensor)}, {@code Enum<m.Color>});</li>
 *   <li>the annotation form ({@link TorchType#annotationString()}), as in TorchScript source and
 *       {@code annotate(List[int], [])}: {@code List[T]}, {@code Optional[T]}, {@code Dict[K, V]},
 *       {@code Tuple[...]}, {@code Tuple[()]}, {@code Union[...]}, {@code A | B}, {@code Future[T]},
 *       {@code torch.Tensor}, {@code number}, {@code Any}, {@code None}, with or without {@code typing.}, and
 *       the lower-case {@code list[T]}, {@code dict[K, V]}, {@code tuple[...]}.</li>
 * </ul>
 * Tensor refinements and the {@code []} and {@code ?} suffixes must follow the name directly, as c10 prints
 * them. {@code FloatTensor} is the dump spelling of a Float tensor of unknown rank; {@code torch.FloatTensor}
 * is the annotation, which TorchScript reads as plain {@code Tensor}. A dotted name that is not otherwise
 * known is a class type; a NamedTuple named only by its class name also reads as a class type.
 */
public final class TorchTypeParser {
    private static final Map<String, TorchType> NAMED = Map.ofEntries(
            Map.entry("int", LeafType.INT),
            Map.entry("float", LeafType.FLOAT),
            Map.entry("complex", LeafType.COMPLEX),
            Map.entry("bool", LeafType.BOOL),
            Map.entry("str", LeafType.STR),
            Map.entry("None", LeafType.NONE),
            Map.entry("NoneType", LeafType.NONE),
            Map.entry("Scalar", LeafType.NUMBER),
            Map.entry("number", LeafType.NUMBER),
            Map.entry("Any", LeafType.ANY),
            Map.entry("Device", LeafType.DEVICE),
            Map.entry("torch.device", LeafType.DEVICE),
            Map.entry("Stream", LeafType.STREAM),
            Map.entry("torch.Stream", LeafType.STREAM),
            Map.entry("Generator", LeafType.GENERATOR),
            Map.entry("torch.Generator", LeafType.GENERATOR),
            Map.entry("Layout", LeafType.LAYOUT),
            Map.entry("ScalarType", LeafType.SCALAR_TYPE),
            Map.entry("MemoryFormat", LeafType.MEMORY_FORMAT),
            Map.entry("Storage", LeafType.STORAGE),
            Map.entry("Capsule", LeafType.CAPSULE),
            Map.entry("QScheme", LeafType.QSCHEME),
            Map.entry("Quantizer", LeafType.QUANTIZER),
            Map.entry("Function", LeafType.FUNCTION),
            Map.entry("PyObject", LeafType.PY_OBJECT),
            Map.entry("list", LeafType.ANY_LIST),
            Map.entry("tuple", LeafType.ANY_TUPLE),
            Map.entry("AnyClassType", LeafType.ANY_CLASS),
            Map.entry("AnyEnumType", LeafType.ANY_ENUM),
            Map.entry("SymInt", LeafType.SYM_INT),
            Map.entry("SymFloat", LeafType.SYM_FLOAT),
            Map.entry("SymBool", LeafType.SYM_BOOL));

    private final TypeScanner in;

    private TorchTypeParser(String text, int offset) {
        this.in = new TypeScanner(text, offset);
    }

    /** Reads one type starting at {@code offset} (blanks before it are skipped); the result says where it ends. */
    public static ParsedType parse(String text, int offset) {
        TorchTypeParser parser = new TorchTypeParser(text, offset);
        TorchType type = parser.type();
        return new ParsedType(type, parser.in.lastEnd());
    }

    /** Reads {@code text}, which must hold one type and nothing else but blanks. */
    public static TorchType parse(String text) {
        TorchTypeParser parser = new TorchTypeParser(text, 0);
        TorchType type = parser.type();
        if (!parser.in.atEnd()) {
            throw parser.in.error("unexpected " + parser.in.describeNext() + " after the type " + type);
        }
        return type;
    }

    private TorchType type() {
        int start = in.position();
        TorchType first = suffixed();
        if (in.peek() != '|') {
            return first;
        }
        List<TorchType> members = new ArrayList<>(List.of(first));
        while (in.consume('|')) {
            members.add(suffixed());
        }
        return build(start, () -> UnionType.of(members));
    }

    private TorchType suffixed() {
        int start = in.position();
        TorchType type = primary();
        while (true) {
            if (in.consumeAdjacent("[]")) {
                type = new ListType(type);
            } else if (in.consumeAdjacent("?")) {
                TorchType element = type;
                type = build(start, () -> new OptionalType(element));
            } else {
                return type;
            }
        }
    }

    private TorchType primary() {
        int start = in.position();
        if (in.peek() == '(') {
            in.consume('(');
            return TupleType.of(listUntil(')', "tuple"));
        }
        if (!in.atIdentifier()) {
            throw in.error("expected a type, found " + in.describeNext());
        }
        String written = in.dottedName("a type");
        String name = written.startsWith("typing.") ? written.substring("typing.".length())
                : written.equals("torch.jit.Future") ? "Future" : written;
        return switch (name) {
            case "Tensor" -> TensorTypeParser.parse(in, Optional.empty(), TensorTypeParser.Form.TENSOR, start);
            case "List", "list" -> list(name, start);
            case "Dict", "dict" -> {
                List<TorchType> kv = arguments(name, start, 2);
                yield build(start, () -> new DictType(kv.get(0), kv.get(1)));
            }
            case "Tuple", "tuple" -> tuple(name, start);
            case "NamedTuple" -> namedTuple(start);
            case "Optional" -> {
                TorchType element = arguments(name, start, 1).getFirst();
                yield build(start, () -> new OptionalType(element));
            }
            case "Union" -> {
                List<TorchType> members = arguments(name, start, -1);
                yield build(start, () -> UnionType.of(members));
            }
            case "Future" -> new FutureType(arguments(name, start, 1).getFirst());
            case "RRef" -> new RRefType(arguments(name, start, 1).getFirst());
            case "Await" -> new AwaitType(arguments(name, start, 1).getFirst());
            case "Enum" -> new EnumType(angleName(name));
            case "InterfaceType" -> new InterfaceType(angleName(name), false);
            default -> named(name, written, start);
        };
    }

    private TorchType named(String name, String written, int start) {
        TorchType leaf = NAMED.get(name);
        if (leaf != null) {
            return leaf;
        }
        if (name.startsWith("torch.") && name.endsWith("Tensor") && isTensorAlias(name.substring(6))) {
            return TensorType.TENSOR; // TorchScript reads torch.Tensor and torch.FloatTensor alike as Tensor
        }
        Optional<ScalarType> dtype = ScalarType.fromName(name);
        if (dtype.isPresent()) {
            return TensorTypeParser.parse(in, dtype, TensorTypeParser.Form.DTYPE, start);
        }
        if (name.endsWith("Tensor")) {
            Optional<ScalarType> prefix = ScalarType.fromName(name.substring(0, name.length() - "Tensor".length()));
            if (prefix.isPresent()) {
                return TensorTypeParser.parse(in, prefix, TensorTypeParser.Form.DTYPE_TENSOR, start);
            }
        }
        if (name.indexOf('.') > 0) {
            return new ClassType(name);
        }
        throw in.errorAt(start, "unknown type '" + written + "'");
    }

    private static boolean isTensorAlias(String name) {
        return name.equals("Tensor") || ScalarType.fromName(name.substring(0, name.length() - "Tensor".length()))
                .isPresent();
    }

    private TorchType list(String name, int start) {
        if (!opensSubscript()) {
            if (name.equals("list")) {
                return LeafType.ANY_LIST;
            }
            throw in.errorAt(start, "'List' needs an element type: List[T]");
        }
        List<TorchType> element = listUntil(']', name);
        requireCount(name, start, element, 1);
        return new ListType(element.getFirst());
    }

    private TorchType tuple(String name, int start) {
        if (!opensSubscript()) {
            if (name.equals("tuple")) {
                return LeafType.ANY_TUPLE;
            }
            throw in.errorAt(start, "'Tuple' needs element types: Tuple[T, ...] or Tuple[()]");
        }
        int inner = in.position();
        if (in.consume('(')) {
            if (in.consume(')') && in.consume(']')) {
                return TupleType.EMPTY; // typing.Tuple[()]
            }
            throw in.errorAt(inner, "only the empty tuple '()' may be written inside Tuple[...]");
        }
        return TupleType.of(listUntil(']', name));
    }

    private TorchType namedTuple(int start) {
        if (!in.consumeAdjacent("(")) {
            throw in.errorAt(in.lastEnd(), "expected '(' after 'NamedTuple'");
        }
        List<String> names = new ArrayList<>();
        List<TorchType> types = new ArrayList<>();
        if (!in.consume(')')) {
            do {
                names.add(in.identifier("a NamedTuple field name"));
                in.expect(':', "after the NamedTuple field '" + names.getLast() + "'");
                types.add(type());
                if (in.peek() == '=') {
                    throw in.error("NamedTuple field defaults are not supported");
                }
            } while (in.consume(','));
            in.expect(')', "to close the NamedTuple");
        }
        return build(start, () -> TupleType.named(names, types));
    }

    /**
     * The bracketed arguments of {@code name}, in either spelling: {@code Name(a, b)} (dump) or
     * {@code Name[a, b]} (annotation). {@code count} is the number required, or -1 for one or more.
     */
    private List<TorchType> arguments(String name, int start, int count) {
        List<TorchType> args;
        if (in.consumeAdjacent("[]")) {
            args = List.of();
        } else if (in.consumeAdjacent("(")) {
            args = listUntil(')', name);
        } else if (opensSubscript()) {
            args = listUntil(']', name);
        } else {
            throw in.errorAt(in.lastEnd(), "expected '[' or '(' after '" + name + "'");
        }
        requireCount(name, start, args, count);
        return args;
    }

    private void requireCount(String name, int start, List<TorchType> args, int count) {
        if (count < 0 ? args.isEmpty() : args.size() != count) {
            String wanted = count < 0 ? "at least one type" : count == 1 ? "one type" : count + " types";
            throw in.errorAt(start, "'" + name + "' takes " + wanted + ", found " + args.size());
        }
    }

    /** Types separated by commas up to {@code close}, whose opener was just read. */
    private List<TorchType> listUntil(char close, String what) {
        List<TorchType> types = new ArrayList<>();
        if (in.consume(close)) {
            return types;
        }
        do {
            types.add(type());
        } while (in.consume(','));
        in.expect(close, "to close " + what);
        return types;
    }

    /** Consumes an adjacent '[' that opens a subscript (not the '[]' list suffix). */
    private boolean opensSubscript() {
        return !in.adjacent("[]") && in.consumeAdjacent("[");
    }

    private String angleName(String name) {
        if (!in.consumeAdjacent("<")) {
            throw in.errorAt(in.lastEnd(), "expected '<' after '" + name + "'");
        }
        String qualified = in.dottedName("a qualified name");
        in.expect('>', "to close " + name + "<...>");
        return qualified;
    }

    /** Builds a type whose constructor may refuse its parts, reporting the refusal at {@code start}. */
    private TorchType build(int start, Supplier<TorchType> factory) {
        try {
            return factory.get();
        } catch (TypeParseException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw in.errorAt(start, e.getMessage());
        }
    }
}
