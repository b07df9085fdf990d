package kiln.dialects.torch.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.dialects.torch.types.AwaitType;
import kiln.dialects.torch.types.ClassType;
import kiln.dialects.torch.types.DictType;
import kiln.dialects.torch.types.FutureType;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.ListType;
import kiln.dialects.torch.types.OptionalType;
import kiln.dialects.torch.types.RRefType;
import kiln.dialects.torch.types.TensorType;
import kiln.dialects.torch.types.TorchType;
import kiln.dialects.torch.types.TupleType;
import kiln.dialects.torch.types.TypeVar;
import kiln.dialects.torch.types.UnionType;

/**
 * The types of schema arguments, as PyTorch's {@code SchemaTypeParser} reads them: base names
 * ({@code Tensor}, {@code int}, {@code Scalar}, {@code Dimname} (a {@code str}), {@code SymInt}, ...), lower-case
 * type variables ({@code t}, {@code t1}), {@code Dict(K, V)}, {@code Union(...)}, {@code Future(T)},
 * {@code Await(T)}, {@code RRef(T)}, tuples {@code (A, B)}, custom classes
 * ({@code __torch__.torch.classes.ns.Name}), the suffixes {@code []} and {@code ?}, and alias annotations
 * ({@code Tensor(a!)}, {@code Tensor(a)[]}, {@code t[](a!)}). Each type comes as c10's fake and real pair (see
 * {@link Argument}).
 */
final class SchemaTypeParser {
    private static final Map<String, LeafType> BASE = Map.ofEntries(
            Map.entry("Generator", LeafType.GENERATOR),
            Map.entry("Dimname", LeafType.STR),
            Map.entry("ScalarType", LeafType.SCALAR_TYPE),
            Map.entry("Layout", LeafType.LAYOUT),
            Map.entry("MemoryFormat", LeafType.MEMORY_FORMAT),
            Map.entry("Storage", LeafType.STORAGE),
            Map.entry("QScheme", LeafType.QSCHEME),
            Map.entry("Quantizer", LeafType.QUANTIZER),
            Map.entry("ConstQuantizerPtr", LeafType.INT),
            Map.entry("Device", LeafType.DEVICE),
            Map.entry("DeviceIndex", LeafType.INT),
            Map.entry("Stream", LeafType.STREAM),
            Map.entry("Scalar", LeafType.NUMBER),
            Map.entry("str", LeafType.STR),
            Map.entry("float", LeafType.FLOAT),
            Map.entry("complex", LeafType.COMPLEX),
            Map.entry("int", LeafType.INT),
            Map.entry("SymInt", LeafType.SYM_INT),
            Map.entry("SymFloat", LeafType.SYM_FLOAT),
            Map.entry("SymBool", LeafType.SYM_BOOL),
            Map.entry("bool", LeafType.BOOL),
            Map.entry("None", LeafType.NONE),
            Map.entry("NoneType", LeafType.NONE),
            Map.entry("Capsule", LeafType.CAPSULE),
            Map.entry("Any", LeafType.ANY),
            Map.entry("AnyClassType", LeafType.ANY_CLASS),
            Map.entry("AnyEnumType", LeafType.ANY_ENUM));

    /** A type as c10 keeps it for an argument: what values are checked against, what was written, aliasing. */
    record SchemaType(TorchType fake, TorchType real, Optional<AliasInfo> alias) {
    }

    private final SchemaLexer in;
    private int nextFreshSet;

    SchemaTypeParser(SchemaLexer in) {
        this.in = in;
    }

    /** c10's {@code parseFakeAndRealType}. */
    SchemaType parseType() {
        TorchType fake;
        TorchType real;
        Optional<AliasInfo> alias = Optional.empty();
        SchemaLexer.Token tok = in.cur();
        if (tok.is('(')) {
            fake = real = TupleType.of(typeList('(', ')', "a tuple"));
        } else if (tok.isIdent("Future") || tok.isIdent("Await") || tok.isIdent("RRef")) {
            in.next();
            in.expect('(', "after '" + tok.text() + "'");
            TorchType element = parseType().fake();
            in.expect(')', "to close " + tok.text() + "(...)");
            fake = real = switch (tok.text()) {
                case "Future" -> new FutureType(element);
                case "Await" -> new AwaitType(element);
                default -> new RRefType(element);
            };
        } else if (tok.isIdent("Tensor")) {
            in.next();
            fake = real = TensorType.TENSOR;
            alias = parseAliasAnnotation();
        } else if (tok.isIdent("Dict")) {
            in.next();
            in.expect('(', "after 'Dict'");
            TorchType key = parseType().fake();
            in.expect(',', "between the key and value types of Dict(K, V)");
            TorchType value = parseType().fake();
            in.expect(')', "to close Dict(K, V)");
            alias = parseAliasAnnotation();
            fake = real = new DictType(key, value);
        } else if (tok.isIdent("Union")) {
            in.next();
            List<TorchType> members = typeList('(', ')', "Union(...)");
            alias = parseAliasAnnotation();
            fake = real = UnionType.of(members);
        } else if (tok.isIdent("__torch__")) {
            fake = real = customClass();
        } else {
            real = baseType();
            fake = fakeOf(real);
            alias = parseAliasAnnotation();
        }
        while (true) {
            if (in.cur().is('[') && in.lookahead().is(']')) {
                in.next();
                in.next();
                fake = new ListType(fake);
                real = new ListType(real);
                alias = container(parseAliasAnnotation(), alias);
            } else if (in.nextIf('?')) {
                fake = new OptionalType(fake);
                real = new OptionalType(real);
            } else {
                return new SchemaType(fake, real, alias);
            }
        }
    }

    /**
     * The alias information of a container: its own annotation, holding the element's. An element annotation
     * without a container one gives the container an empty annotation that is written when the element is.
     */
    static Optional<AliasInfo> container(Optional<AliasInfo> own, Optional<AliasInfo> element) {
        if (element.isEmpty()) {
            return own;
        }
        return Optional.of(own.map(c -> c.withContained(element.get()))
                .orElseGet(() -> AliasInfo.containerOf(element.get(), element.get().isWrite())));
    }

    /** c10's {@code parseAliasAnnotation}: {@code (a)}, {@code (a!)}, {@code (a|b -> *)}, or {@code !}. */
    Optional<AliasInfo> parseAliasAnnotation() {
        if (in.nextIf('(')) {
            List<String> before = aliasSets();
            boolean write = in.nextIf('!');
            List<String> after = in.nextIf(SchemaLexer.Kind.ARROW) ? aliasSets() : before;
            in.expect(')', "to close the alias annotation");
            return Optional.of(new AliasInfo(before, after, write, List.of()));
        }
        if (in.nextIf('!')) {
            return Optional.of(new AliasInfo(List.of("$" + nextFreshSet), List.of("$" + nextFreshSet++), true,
                    List.of()));
        }
        return Optional.empty();
    }

    /** Alias set names separated by '|'; once the wildcard is seen, further names are ignored, as in c10. */
    private List<String> aliasSets() {
        List<String> sets = new ArrayList<>();
        do {
            String set = in.nextIf('*') ? AliasInfo.WILDCARD
                    : in.expect(SchemaLexer.Kind.IDENT, "an alias set name").text();
            if (!sets.contains(AliasInfo.WILDCARD)) {
                sets.add(set);
            }
        } while (in.nextIf('|'));
        return sets;
    }

    private TorchType baseType() {
        SchemaLexer.Token tok = in.expect(SchemaLexer.Kind.IDENT, "a type");
        LeafType base = BASE.get(tok.text());
        if (base != null) {
            return base;
        }
        if (Character.isLowerCase(tok.text().charAt(0))) {
            return new TypeVar(tok.text()); // lower-case names that are not types are type variables
        }
        throw in.errorAt(tok.offset(), "unknown type '" + tok.text() + "'");
    }

    /** c10's fake type of a base type: the plain type a graph passes for it. */
    private static TorchType fakeOf(TorchType real) {
        if (!(real instanceof LeafType leaf)) {
            return real;
        }
        return switch (leaf) {
            case SCALAR_TYPE, LAYOUT, MEMORY_FORMAT, SYM_INT -> LeafType.INT;
            case SYM_FLOAT -> LeafType.FLOAT;
            case SYM_BOOL -> LeafType.BOOL;
            default -> leaf;
        };
    }

    /** {@code __torch__.torch.classes.<namespace>.<Name>}. */
    private TorchType customClass() {
        StringBuilder name = new StringBuilder(in.next().text());
        for (String part : List.of("torch", "classes")) {
            in.expect('.', "in a custom class name");
            SchemaLexer.Token t = in.expect(SchemaLexer.Kind.IDENT, "'" + part + "'");
            if (!t.text().equals(part)) {
                throw in.errorAt(t.offset(), "expected the classes namespace '__torch__.torch.classes', found '"
                        + t.text() + "'");
            }
            name.append('.').append(part);
        }
        for (int i = 0; i < 2; i++) {
            in.expect('.', "in a custom class name");
            name.append('.').append(in.expect(SchemaLexer.Kind.IDENT, "a custom class name").text());
        }
        return new ClassType(name.toString());
    }

    private List<TorchType> typeList(char open, char close, String what) {
        in.expect(open, "to open " + what);
        List<TorchType> types = new ArrayList<>();
        if (!in.cur().is(close)) {
            do {
                types.add(parseType().fake());
            } while (in.nextIf(','));
        }
        in.expect(close, "to close " + what);
        return types;
    }
}
