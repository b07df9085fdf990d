package kiln.dialects.ir;

import static kiln.dialects.ir.AttrSpec.optional;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import kiln.dialects.ir.text.AsmParser;
import kiln.dialects.ir.text.AsmPrinter;
import kiln.dialects.ir.text.OpFormat;
import kiln.dialects.ir.text.TypeContext;

/**
 * The builtin dialect: the module and function ops that hold every program, the return that ends a builtin function,
 * and the cast a partial dialect conversion leaves between types; its types and attributes are written bare
 * ({@code i64}, {@code vector<8xf32>}, {@code 42 : i32}). Its ops print without the {@code builtin.} prefix.
 */
public final class BuiltinDialect implements Dialect {
    public static final BuiltinDialect INSTANCE = new BuiltinDialect();

    /** A function's type, on declarations (bodies give it by their arguments and return). */
    public static final String FUNCTION_TYPE = "function_type";

    public static final OpDef MODULE = OpDef.define("builtin.module")
            .summary("the top-level container: a symbol table of functions, kernels and globals")
            .operands(0).results(0).regions(1)
            .attribute(optional(SymbolTable.SYM_NAME, StringAttr.class)).openAttributes()
            .traits(Trait.SYMBOL_TABLE, Trait.NO_TERMINATOR, Trait.ISOLATED_FROM_ABOVE, Trait.SINGLE_BLOCK)
            .effects(op -> List.of())
            .format(new ModuleFormat()).build();

    public static final OpDef FUNC = OpDef.define("builtin.func")
            .summary("a function: a symbol whose one region (empty for a declaration) is its body")
            .operands(0).results(0).regions(1)
            .attribute(AttrSpec.required(SymbolTable.SYM_NAME, StringAttr.class))
            .attribute(optional(FUNCTION_TYPE, TypeAttr.class)).openAttributes()
            .traits(Trait.SYMBOL, Trait.ISOLATED_FROM_ABOVE, Trait.SINGLE_BLOCK)
            .effects(op -> List.of())
            .format(new FuncFormat()).verifier(BuiltinDialect::verifyFunc).build();

    public static final OpDef RETURN = OpDef.define("builtin.return")
            .summary("ends a builtin function's body, returning its operands")
            .operands(Arity.ANY).results(0).traits(Trait.TERMINATOR, Trait.RETURN_LIKE, Trait.PURE)
            .format(new ReturnFormat()).build();

    public static final OpDef UNREALIZED_CONVERSION_CAST = OpDef.define("builtin.unrealized_conversion_cast")
            .summary("a value of one type seen as another, left by a partial conversion until both sides convert")
            .operands(Arity.ANY).results(Arity.ANY).traits(Trait.PURE).build();

    private BuiltinDialect() {
    }

    @Override
    public String name() {
        return "builtin";
    }

    @Override
    public List<String> namespaces() {
        return List.of("builtin");
    }

    @Override
    public List<OpDef> ops() {
        return List.of(MODULE, FUNC, RETURN, UNREALIZED_CONVERSION_CAST);
    }

    @Override
    public Type parseType(String body, TypeContext context) {
        return context.parseType(body);
    }

    /** A new empty module (one empty block). */
    public static Operation module() {
        Operation m = Operation.create(MODULE, List.of(), List.of(), Map.of(), 1, Location.UNKNOWN);
        m.region(0).addBlock();
        return m;
    }

    /** A new function named {@code name} taking {@code inputs}, its body one empty block with those arguments. */
    public static Operation func(String name, List<? extends Type> inputs) {
        Operation f = Operation.create(FUNC, List.of(), List.of(), Map.of(SymbolTable.SYM_NAME, new StringAttr(name)),
                1, Location.UNKNOWN);
        Block body = f.region(0).addBlock();
        inputs.forEach(t -> body.addArgument(t, null));
        return f;
    }

    /** The type of a function: its body's argument and returned types, or the declared type of a declaration. */
    public static FunctionType functionType(Operation func) {
        Region body = func.region(0);
        if (body.isEmpty()) {
            return func.attribute(FUNCTION_TYPE) instanceof TypeAttr t && t.type() instanceof FunctionType ft ? ft
                    : new FunctionType(List.of(), List.of());
        }
        Block entry = body.entry();
        Operation end = entry.terminator();
        List<Type> results = end == null ? List.of() : end.operands().stream().map(Value::type).toList();
        return new FunctionType(entry.arguments().stream().map(Value::type).toList(), results);
    }

    private static void verifyFunc(Operation op, Consumer<String> report) {
        Region body = op.region(0);
        Attribute declared = op.attribute(FUNCTION_TYPE);
        if (body.isEmpty()) {
            if (!(declared instanceof TypeAttr t && t.type() instanceof FunctionType)) {
                report.accept("is a declaration and needs a '" + FUNCTION_TYPE + "' attribute");
            }
            return;
        }
        Operation end = body.entry().lastOp();
        if (end != null && !end.has(Trait.RETURN_LIKE)) {
            report.accept("body ends in '" + end.name() + "', which does not return");
        }
        if (declared instanceof TypeAttr t && !t.type().equals(functionType(op))) {
            report.accept("declares type " + t.type().asm() + " but its body has type " + functionType(op).asm());
        }
    }

    /** {@code module @name attributes {…} { … }}. */
    private static final class ModuleFormat implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            SymbolTable.nameOf(op).ifPresent(n -> p.print(" ").printSymbolName(n));
            p.printAttributesKeyword(op.attributes(), java.util.Set.of(SymbolTable.SYM_NAME));
            p.print(" ").printRegion(op.region(0), false);
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            Operation m = module();
            p.skipWhitespace();
            if (p.text().startsWith("@", p.position())) {
                m.setAttribute(SymbolTable.SYM_NAME, new StringAttr(p.parseSymbolName()));
            }
            p.parseOptionalAttributesKeyword().forEach(m::setAttribute);
            Region parsed = new Region(null);
            p.parseRegion(parsed, List.of(), true);
            Block body = m.region(0).entry();
            for (Block b : parsed.blocks()) {
                for (Operation inner : b.opsSnapshot()) {
                    inner.remove();
                    body.append(inner);
                }
            }
            return m;
        }
    }

    /**
     * {@code func @name(%a: i64) -> (i64) attributes {…} { … }}; a declaration {@code func @name(i64) -> i64}; a
     * body in its dialect's syntax {@code func @name graph(…): …}.
     */
    private static final class FuncFormat implements OpFormat {
        private static final java.util.Set<String> ELIDED = java.util.Set.of(SymbolTable.SYM_NAME, FUNCTION_TYPE);

        @Override
        public void print(Operation op, AsmPrinter p) {
            p.print(" ").printSymbolName(SymbolTable.nameOf(op).orElse(""));
            Region body = op.region(0);
            FunctionType type = functionType(op);
            if (body.isEmpty()) {
                p.print("(").printTypes(type.inputs()).print(")");
                results(type, p);
                p.printAttributesKeyword(op.attributes(), ELIDED);
                return;
            }
            // a body in its dialect's own syntax carries the signature itself
            if (p.hasOwnSyntax(body)) {
                p.printAttributesKeyword(op.attributes(), ELIDED);
                p.print(" ").printBody(body);
                return;
            }
            p.print("(");
            List<BlockArgument> args = body.entry().arguments();
            for (int i = 0; i < args.size(); i++) {
                if (i > 0) {
                    p.print(", ");
                }
                p.printArgument(args.get(i));
            }
            p.print(")");
            results(type, p);
            p.printAttributesKeyword(op.attributes(), ELIDED);
            p.print(" ").printBody(body);
        }

        private static void results(FunctionType type, AsmPrinter p) {
            if (type.results().isEmpty()) {
                return;
            }
            p.print(" -> ");
            if (type.results().size() == 1 && !(type.results().getFirst() instanceof FunctionType)) {
                p.printType(type.results().getFirst());
            } else {
                p.print("(").printTypes(type.results()).print(")");
            }
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            String name = p.parseSymbolName();
            Operation f = Operation.create(FUNC, List.of(), List.of(),
                    Map.of(SymbolTable.SYM_NAME, new StringAttr(name)), 1, Location.UNKNOWN);
            p.parseOptionalAttributesKeyword().forEach(f::setAttribute);
            p.skipWhitespace();
            if (!p.text().startsWith("(", p.position())) {
                p.parseBody(f.region(0), null);
                return f;
            }
            List<AsmParser.Argument> args = null;
            List<Type> inputs;
            int save = p.position();
            p.expect("(");
            p.skipWhitespace();
            boolean named = p.text().startsWith("%", p.position());
            if (named) {
                p.rewind(save);
                args = p.parseArgumentList();
                inputs = args.stream().map(AsmParser.Argument::type).toList();
            } else {
                inputs = p.parseTypeList();
                p.expect(")");
            }
            List<Type> results = List.of();
            if (p.consume("->")) {
                p.skipWhitespace();
                if (p.text().startsWith("(", p.position())) {
                    p.expect("(");
                    results = p.parseTypeList();
                    p.expect(")");
                } else {
                    results = List.of(p.parseType());
                }
            }
            p.parseOptionalAttributesKeyword().forEach(f::setAttribute);
            p.skipWhitespace();
            FunctionType type = new FunctionType(inputs, results);
            if (!p.text().startsWith("{", p.position())) {
                if (named) {
                    throw p.error("expected the body '{' of function '@" + name + "'");
                }
                f.setAttribute(FUNCTION_TYPE, new TypeAttr(type));
                return f;
            }
            if (!named && !inputs.isEmpty()) {
                throw p.error("a function with a body names its arguments: (%a: type, …)");
            }
            int bodyAt = p.position();
            p.parseBody(f.region(0), args == null ? List.of() : args);
            if (!functionType(f).results().equals(results)) {
                throw p.errorAt(bodyAt, "function '@" + name + "' is declared to return (" + results.stream()
                        .map(Type::asm).collect(java.util.stream.Collectors.joining(", ")) + ") but returns ("
                        + functionType(f).results().stream().map(Type::asm)
                        .collect(java.util.stream.Collectors.joining(", ")) + ")");
            }
            return f;
        }
    }

    /** {@code return %a, %b : i64, f32}. */
    private static final class ReturnFormat implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            if (op.numOperands() > 0) {
                p.print(" ").printOperands(op.operands()).print(" : ")
                        .printTypes(op.operands().stream().map(Value::type).toList());
            }
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            List<Value> operands = p.parseOperandList();
            if (!operands.isEmpty()) {
                p.expect(":");
                int at = p.position();
                List<Type> types = p.parseTypeList();
                if (!types.equals(operands.stream().map(Value::type).toList())) {
                    throw p.errorAt(at, "the types do not match the returned values' types");
                }
            }
            return Operation.create(RETURN, operands, List.of(), Map.of(), 0, Location.UNKNOWN);
        }
    }

    @Override
    public Optional<Operation> materializeConstant(Attribute value, Type type, Location location) {
        return Optional.empty();
    }
}
