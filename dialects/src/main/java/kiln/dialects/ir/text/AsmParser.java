package kiln.dialects.ir.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.BuiltinDialect;
import kiln.dialects.ir.Dialect;
import kiln.dialects.ir.DialectRegistry;
import kiln.dialects.ir.FunctionType;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;

/**
 * Reads MLIR's text form into IR: ops in the generic form ({@code %r = "ns.op"(%a) ({…}) {attr = 1} : (i64) -> i64
 * loc("f.py":3:4)}) or in their custom assembly ({@link OpFormat}, found by the op's bare name), regions of blocks
 * with {@code ^bb0(%i: index):} labels, {@code //} comments, and the types and attributes of every registered dialect
 * ({@link TypeSyntax}). Values must be defined before use; a value is visible in the regions nested below it, up to
 * an op isolated from above. Errors are {@link ParseException}s with file, line and column.
 *
 * <p>Custom formats read their syntax through the public methods here.
 */
public final class AsmParser {
    final String text;
    final String file;
    final DialectRegistry registry;
    int pos;
    private Scope scope = new Scope(null, true);
    private final Map<Operation, Integer> offsets = new java.util.IdentityHashMap<>();
    /** Where the ops read by dialects' body formats stood. */
    private final Map<Operation, Location> bodyPositions = new java.util.IdentityHashMap<>();

    /** Value names visible at a point. */
    private record Scope(Scope parent, boolean isolated, Map<String, Value> values) {
        Scope(Scope parent, boolean isolated) {
            this(parent, isolated, new HashMap<>());
        }

        Value lookup(String name) {
            for (Scope s = this; s != null; s = s.parent) {
                Value v = s.values.get(name);
                if (v != null) {
                    return v;
                }
                if (s.isolated) {
                    return null;
                }
            }
            return null;
        }
    }

    AsmParser(String text, String file, DialectRegistry registry, int offset) {
        this.text = text;
        this.file = file;
        this.registry = registry;
        this.pos = offset;
    }

    /**
     * Reads a whole text of top-level ops. A text holding exactly one {@code builtin.module} gives that module; any
     * other sequence of ops is wrapped in a new module, as mlir-opt does.
     */
    public static Operation parseModule(String text, String file, DialectRegistry registry) {
        return parse(text, file, registry).module();
    }

    /**
     * A module read from text, and where in the text each op stood ({@link kiln.dialects.ir.Diagnostic#locatedBy}
     * places diagnostics about ops that carry no source location of their own).
     */
    public record Parsed(Operation module, Map<Operation, Location> positions) {
    }

    /** Reads a whole text as {@link #parseModule} does, keeping where each op stood. */
    public static Parsed parse(String text, String file, DialectRegistry registry) {
        AsmParser p = new AsmParser(text, file, registry, 0);
        Operation module = p.module();
        int[] lineStarts = lineStarts(text);
        Map<Operation, Location> positions = new java.util.IdentityHashMap<>(p.bodyPositions);
        p.offsets.forEach((op, offset) -> {
            int line = java.util.Arrays.binarySearch(lineStarts, offset);
            line = line >= 0 ? line : -line - 2;
            positions.put(op, Location.of(file, line + 1, offset - lineStarts[line] + 1));
        });
        return new Parsed(module, positions);
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private Operation module() {
        AsmParser p = this;
        Region top = new Region(null);
        Block block = top.addBlock();
        p.skipWhitespace();
        while (!p.atEnd()) {
            p.operation(block);
            p.skipWhitespace();
        }
        List<Operation> ops = block.opsSnapshot();
        if (ops.size() == 1 && ops.getFirst().def() == BuiltinDialect.MODULE) {
            Operation module = ops.getFirst();
            module.remove();
            return module;
        }
        Operation module = BuiltinDialect.module();
        Block body = module.region(0).entry();
        for (Operation op : ops) {
            op.remove();
            body.append(op);
        }
        return module;
    }

    // ---- positions, errors, tokens

    public int position() {
        return pos;
    }

    /** Goes back to an earlier position (to try another reading). */
    public void rewind(int offset) {
        this.pos = offset;
    }

    public String text() {
        return text;
    }

    public String file() {
        return file;
    }

    public DialectRegistry registry() {
        return registry;
    }

    public ParseException error(String message) {
        return ParseException.at(text, file, pos, message);
    }

    public ParseException errorAt(int offset, String message) {
        return ParseException.at(text, file, offset, message);
    }

    boolean atEnd() {
        return pos >= text.length();
    }

    char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    /** Skips blanks, newlines and {@code //} comments. */
    public void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                pos++;
            } else if (c == '/' && text.startsWith("//", pos)) {
                int nl = text.indexOf('\n', pos);
                pos = nl < 0 ? text.length() : nl;
            } else {
                return;
            }
        }
    }

    /** Whether the next token is {@code punct}; consumes it if so. */
    public boolean consume(String punct) {
        skipWhitespace();
        if (text.startsWith(punct, pos)) {
            pos += punct.length();
            return true;
        }
        return false;
    }

    public void expect(String punct) {
        if (!consume(punct)) {
            throw error("expected '" + punct + "' but found " + describeHere());
        }
    }

    /** Whether the next token is the keyword {@code word} (not the prefix of a longer identifier). */
    public boolean atKeyword(String word) {
        skipWhitespace();
        return text.startsWith(word, pos) && (pos + word.length() >= text.length()
                || !isBareChar(text.charAt(pos + word.length())));
    }

    public boolean consumeKeyword(String word) {
        if (atKeyword(word)) {
            pos += word.length();
            return true;
        }
        return false;
    }

    /** Reads a bare identifier (letters, digits, {@code _ $ .}, starting with a letter or {@code _}). */
    public String parseIdentifier() {
        skipWhitespace();
        int start = pos;
        if (!(Character.isLetter(peek()) || peek() == '_')) {
            throw error("expected an identifier but found " + describeHere());
        }
        while (pos < text.length() && isBareChar(text.charAt(pos))) {
            pos++;
        }
        return text.substring(start, pos);
    }

    static boolean isBareChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.');
    }

    /** A short description of the text at the current position, for errors. */
    public String describeHere() {
        if (atEnd()) {
            return "end of input";
        }
        int end = pos;
        while (end < text.length() && end - pos < 12 && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return "'" + text.substring(pos, Math.max(end, pos + 1)) + "'";
    }

    /** Reads a quoted string literal with MLIR's escapes. */
    public String parseString() {
        skipWhitespace();
        if (peek() != '"') {
            throw error("expected a string literal but found " + describeHere());
        }
        try {
            Literals.Decoded d = Literals.unquote(text, pos);
            pos = d.end();
            return d.value();
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
    }

    /** Reads {@code @name} or {@code @"name"}. */
    public String parseSymbolName() {
        skipWhitespace();
        if (peek() != '@') {
            throw error("expected a symbol name '@…' but found " + describeHere());
        }
        pos++;
        return peek() == '"' ? parseString() : parseIdentifier();
    }

    /** Reads a decimal integer, maybe negative. */
    public long parseInteger() {
        skipWhitespace();
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        while (Character.isDigit(peek())) {
            pos++;
        }
        try {
            return Long.parseLong(text.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("expected an integer but found " + describeHere());
        }
    }

    // ---- types and attributes

    public Type parseType() {
        skipWhitespace();
        return new TypeSyntax(this).type();
    }

    /** Reads types separated by commas, up to (not including) a token that cannot start a type. */
    public List<Type> parseTypeList() {
        List<Type> types = new ArrayList<>();
        skipWhitespace();
        if (!TypeSyntax.startsType(this)) {
            return types;
        }
        do {
            types.add(parseType());
        } while (consume(","));
        return types;
    }

    public Attribute parseAttribute() {
        skipWhitespace();
        return new TypeSyntax(this).attribute();
    }

    /** Reads {@code {name = attr, …}} if present; else an empty map. */
    public Map<String, Attribute> parseOptionalAttributeDict() {
        skipWhitespace();
        if (peek() != '{') {
            return new LinkedHashMap<>();
        }
        return new TypeSyntax(this).dictionary();
    }

    /** Reads {@code attributes {…}} if present. */
    public Map<String, Attribute> parseOptionalAttributesKeyword() {
        return consumeKeyword("attributes") ? parseOptionalAttributeDict() : new LinkedHashMap<>();
    }

    /** The dialect owning type namespace {@code ns}. */
    Optional<Dialect> dialect(String ns) {
        return registry.dialect(ns);
    }

    // ---- values

    /** Reads {@code %name} and returns the value it names. */
    public Value parseOperand() {
        skipWhitespace();
        int at = pos;
        String name = valueName();
        Value v = scope.lookup(name);
        if (v == null) {
            throw errorAt(at, "use of undefined value '%" + name + "'");
        }
        return v;
    }

    /** Reads operands separated by commas; none when the next token is not {@code %}. */
    public List<Value> parseOperandList() {
        List<Value> values = new ArrayList<>();
        skipWhitespace();
        if (peek() != '%') {
            return values;
        }
        do {
            values.add(parseOperand());
        } while (consume(","));
        return values;
    }

    /** Reads {@code %name} and returns the name. */
    public String valueName() {
        skipWhitespace();
        if (peek() != '%') {
            throw error("expected a value '%…' but found " + describeHere());
        }
        pos++;
        int start = pos;
        while (pos < text.length() && (isBareChar(text.charAt(pos)) || text.charAt(pos) == '-')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a value name after '%'");
        }
        return text.substring(start, pos);
    }

    /** A block argument as written: {@code %name: type}, with where it stood. */
    public record Argument(String name, Type type, int offset) {
    }

    /** Reads {@code (%a: t, …)}, the arguments of a block or a function signature. */
    public List<Argument> parseArgumentList() {
        expect("(");
        List<Argument> args = new ArrayList<>();
        if (consume(")")) {
            return args;
        }
        do {
            skipWhitespace();
            int at = pos;
            String name = valueName();
            expect(":");
            args.add(new Argument(name, parseType(), at));
        } while (consume(","));
        expect(")");
        return args;
    }

    private void define(String name, Value v, int offset) {
        if (scope.lookup(name) != null) {
            throw errorAt(offset, "redefinition of value '%" + name + "'");
        }
        scope.values.put(name, v);
        v.setName(name);
    }

    // ---- regions

    /**
     * Reads a region in braces into {@code into} (empty). When {@code entryArguments} is non-null the entry block is
     * created with them (a function's signature gave them) and has no label of its own.
     *
     * @param isolated whether values from outside are invisible in the region
     */
    public void parseRegion(Region into, List<Argument> entryArguments, boolean isolated) {
        expect("{");
        Scope outer = scope;
        scope = new Scope(outer, isolated);
        try {
            Block current = null;
            if (entryArguments != null) {
                current = into.addBlock();
                for (Argument a : entryArguments) {
                    define(a.name(), current.addArgument(a.type(), a.name()), a.offset());
                }
            }
            Map<String, Integer> labels = new HashMap<>();
            while (true) {
                skipWhitespace();
                if (consume("}")) {
                    return;
                }
                if (atEnd()) {
                    throw error("expected '}' to close the region");
                }
                if (peek() == '^') {
                    int at = pos;
                    pos++;
                    String label = parseIdentifierOrNumber();
                    if (labels.put(label, at) != null) {
                        throw errorAt(at, "redefinition of block '^" + label + "'");
                    }
                    current = into.addBlock();
                    skipWhitespace();
                    if (peek() == '(') {
                        for (Argument a : parseArgumentList()) {
                            define(a.name(), current.addArgument(a.type(), a.name()), a.offset());
                        }
                    }
                    expect(":");
                    continue;
                }
                if (current == null) {
                    current = into.addBlock();
                }
                operation(current);
            }
        } finally {
            scope = outer;
        }
    }

    private String parseIdentifierOrNumber() {
        int start = pos;
        while (pos < text.length() && (isBareChar(text.charAt(pos)) || text.charAt(pos) == '-')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a block name after '^'");
        }
        return text.substring(start, pos);
    }

    /**
     * Reads a function body: in a dialect's {@link RegionFormat} when the next word is its keyword, else a region in
     * braces whose entry block takes {@code entryArguments}.
     */
    public void parseBody(Region into, List<Argument> entryArguments) {
        skipWhitespace();
        if (peek() != '{') {
            int at = pos;
            String word = Character.isLetter(peek()) ? parseIdentifier() : "";
            pos = at;
            for (Dialect d : registry.dialects()) {
                Optional<RegionFormat> f = d.regionFormat();
                if (f.isPresent() && f.get().keyword().equals(word)) {
                    pos = f.get().parse(text, file, pos, into, bodyPositions);
                    return;
                }
            }
            throw error("expected '{' or a body syntax keyword but found " + describeHere());
        }
        parseRegion(into, entryArguments == null ? List.of() : entryArguments, true);
    }

    // ---- operations

    /** Reads one operation and appends it to {@code block}. */
    public Operation operation(Block block) {
        skipWhitespace();
        int start = pos;
        List<String> resultNames = new ArrayList<>();
        List<Integer> resultOffsets = new ArrayList<>();
        if (peek() == '%') {
            do {
                skipWhitespace();
                resultOffsets.add(pos);
                resultNames.add(valueName());
            } while (consume(","));
            expect("=");
        }
        skipWhitespace();
        Operation op;
        int nameAt = pos;
        if (peek() == '"') {
            op = generic(parseString(), nameAt);
        } else {
            String name = parseOpName();
            OpDef def = registry.lookup(name).filter(d -> d.getInterface(OpFormat.class).isPresent())
                    .or(() -> registry.lookup("builtin." + name).filter(d -> d.getInterface(OpFormat.class).isPresent()))
                    .orElseThrow(() -> errorAt(nameAt, "custom op '" + name + "' is unknown (write ops without a "
                            + "custom syntax in the generic form \"" + name + "\"(…) : (…) -> (…))"));
            op = def.getInterface(OpFormat.class).orElseThrow().parse(def, resultNames.size(), this);
        }
        Location loc = parseOptionalLocation();
        if (loc != null) {
            op.setLocation(loc);
        }
        if (op.numResults() != resultNames.size()) {
            throw errorAt(start, "operation defines " + op.numResults() + " result(s) but " + resultNames.size()
                    + " name(s) were given");
        }
        offsets.put(op, start);
        for (int i = 0; i < resultNames.size(); i++) {
            define(resultNames.get(i), op.result(i), resultOffsets.get(i));
        }
        block.append(op);
        return op;
    }

    private String parseOpName() {
        skipWhitespace();
        int start = pos;
        // besides bare characters, an op name may hold the colons some dialects separate their namespace with
        while (pos < text.length() && (isBareChar(text.charAt(pos)) || text.charAt(pos) == ':')) {
            pos++;
        }
        if (start == pos) {
            throw error("expected an operation name but found " + describeHere());
        }
        return text.substring(start, pos);
    }

    private Operation generic(String name, int nameAt) {
        OpDef def = registry.lookup(name).orElseThrow(() -> errorAt(nameAt, "unknown op '" + name
                + "' (no registered dialect declares it; --allow-unregistered accepts it unchecked)"));
        expect("(");
        List<Value> operands = new ArrayList<>();
        List<Integer> operandAt = new ArrayList<>();
        if (!consume(")")) {
            do {
                skipWhitespace();
                operandAt.add(pos);
                operands.add(parseOperand());
            } while (consume(","));
            expect(")");
        }
        List<Region> regions = new ArrayList<>();
        skipWhitespace();
        if (peek() == '(') {
            pos++;
            boolean isolated = def.has(Trait.ISOLATED_FROM_ABOVE);
            do {
                Region r = new Region(null);
                parseRegion(r, null, isolated);
                regions.add(r);
            } while (consume(","));
            expect(")");
        }
        Map<String, Attribute> attrs = parseOptionalAttributeDict();
        expect(":");
        skipWhitespace();
        int typeAt = pos;
        if (!(parseType() instanceof FunctionType fn)) {
            throw errorAt(typeAt, "expected the op's function type '(operand types) -> (result types)'");
        }
        if (fn.inputs().size() != operands.size()) {
            throw errorAt(typeAt, "the type gives " + fn.inputs().size() + " operand type(s) for "
                    + operands.size() + " operand(s)");
        }
        for (int i = 0; i < operands.size(); i++) {
            if (!operands.get(i).type().equals(fn.inputs().get(i))) {
                throw errorAt(operandAt.get(i), "use of value '%" + operands.get(i).name()
                        + "' expects different type than prior uses: '" + fn.inputs().get(i).asm() + "' vs '"
                        + operands.get(i).type().asm() + "'");
            }
        }
        Operation op = Operation.create(def, operands, fn.results(), attrs, regions.size(), Location.UNKNOWN);
        for (int i = 0; i < regions.size(); i++) {
            op.region(i).takeBody(regions.get(i));
        }
        return op;
    }

    /** Reads {@code loc("file":line:col)} or {@code loc(unknown)} if present; null when absent. */
    public Location parseOptionalLocation() {
        if (!consumeKeyword("loc")) {
            return null;
        }
        expect("(");
        Location loc;
        if (consumeKeyword("unknown")) {
            loc = Location.UNKNOWN;
        } else {
            String f = parseString();
            expect(":");
            int line = (int) parseInteger();
            expect(":");
            int col = (int) parseInteger();
            loc = Location.of(f, line, col);
        }
        expect(")");
        return loc;
    }
}
