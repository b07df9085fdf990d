package kiln.dialects.ir.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.BoolAttr;
import kiln.dialects.ir.BufferType;
import kiln.dialects.ir.DenseElementsAttr;
import kiln.dialects.ir.Dialect;
import kiln.dialects.ir.DictAttr;
import kiln.dialects.ir.FloatAttr;
import kiln.dialects.ir.FloatType;
import kiln.dialects.ir.FunctionType;
import kiln.dialects.ir.IndexType;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.IntegerType;
import kiln.dialects.ir.ListAttr;
import kiln.dialects.ir.NoneType;
import kiln.dialects.ir.RankedTensorType;
import kiln.dialects.ir.ShapedType;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.SymbolRefAttr;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.TypeAttr;
import kiln.dialects.ir.UnitAttr;
import kiln.dialects.ir.VectorType;

/**
 * The generic syntax of types and attributes, read at a parser's position: the builtin ones ({@code i32},
 * {@code f64}, {@code index}, {@code none}, {@code vector<8xf32>}, {@code tensor<2x?xf32>},
 * {@code buffer<4x8xf32, strided<[1, 4]>>}, {@code (i32) -> f32}; {@code 42 : i32}, {@code 1.5}, {@code "s"},
 * {@code true}, {@code unit}, {@code [a, b]}, {@code {k = v}}, {@code @sym}, {@code dense<…> : type},
 * {@code array<type>}, a type as an attribute) and a dialect's ({@code !ns.body}, {@code !ns<body>},
 * {@code #ns.body}, {@code #ns<body>}), whose bodies the dialect reads.
 */
final class TypeSyntax implements TypeContext {
    private final AsmParser p;

    TypeSyntax(AsmParser p) {
        this.p = p;
    }

    static boolean startsType(AsmParser p) {
        char c = p.peek();
        return c == '!' || c == '(' || Character.isLetter(c);
    }

    // ---- types

    Type type() {
        p.skipWhitespace();
        int at = p.pos;
        char c = p.peek();
        if (c == '!') {
            return dialectSymbol('!', true);
        }
        if (c == '(') {
            return functionType();
        }
        if (!Character.isLetter(c)) {
            throw p.error("expected a type but found " + p.describeHere());
        }
        String word = word();
        Type builtin = scalar(word);
        if (builtin != null) {
            return builtin;
        }
        return switch (word) {
            case "vector", "tensor", "buffer" -> shaped(word, at);
            default -> throw p.errorAt(at, "unknown type '" + word + "'");
        };
    }

    private String word() {
        int start = p.pos;
        while (p.pos < p.text.length() && Character.isLetterOrDigit(p.text.charAt(p.pos))) {
            p.pos++;
        }
        return p.text.substring(start, p.pos);
    }

    private static Type scalar(String word) {
        switch (word) {
            case "index" -> {
                return IndexType.INDEX;
            }
            case "none" -> {
                return NoneType.NONE;
            }
            default -> {
            }
        }
        FloatType f = FloatType.named(word);
        if (f != null) {
            return f;
        }
        IntegerType.Signedness s = word.startsWith("si") ? IntegerType.Signedness.SIGNED
                : word.startsWith("ui") ? IntegerType.Signedness.UNSIGNED : IntegerType.Signedness.SIGNLESS;
        String digits = word.substring(s == IntegerType.Signedness.SIGNLESS ? 1 : 2);
        if (word.charAt(s == IntegerType.Signedness.SIGNLESS ? 0 : 1) == 'i' && !digits.isEmpty()
                && digits.length() < 6 && digits.chars().allMatch(Character::isDigit)) {
            return new IntegerType(Integer.parseInt(digits), s);
        }
        return null;
    }

    private FunctionType functionType() {
        p.expect("(");
        List<Type> inputs = new ArrayList<>();
        if (!p.consume(")")) {
            do {
                inputs.add(type());
            } while (p.consume(","));
            p.expect(")");
        }
        p.expect("->");
        p.skipWhitespace();
        List<Type> results = new ArrayList<>();
        if (p.peek() == '(') {
            int save = p.pos;
            // either a parenthesized result list or a single function-typed result
            p.pos++;
            if (p.consume(")")) {
                if (p.consume("->")) {
                    p.pos = save;
                    results.add(type());
                }
                return new FunctionType(inputs, results);
            }
            List<Type> list = new ArrayList<>();
            do {
                list.add(type());
            } while (p.consume(","));
            p.expect(")");
            if (p.consume("->")) {
                p.pos = save;
                results.add(type());
            } else {
                results.addAll(list);
            }
        } else {
            results.add(type());
        }
        return new FunctionType(inputs, results);
    }

    private Type shaped(String kind, int at) {
        p.expect("<");
        List<Long> shape = new ArrayList<>();
        while (true) {
            p.skipWhitespace();
            if (p.peek() == '?') {
                p.pos++;
                shape.add(ShapedType.DYNAMIC);
            } else if (Character.isDigit(p.peek())) {
                int start = p.pos;
                while (Character.isDigit(p.peek())) {
                    p.pos++;
                }
                shape.add(Long.parseLong(p.text.substring(start, p.pos)));
            } else {
                break;
            }
            if (p.peek() != 'x') {
                throw p.error("expected 'x' after a dimension but found " + p.describeHere());
            }
            p.pos++;
        }
        Type element = type();
        List<Long> strides = null;
        if (kind.equals("buffer") && p.consume(",")) {
            p.skipWhitespace();
            if (!p.consumeKeyword("strided")) {
                throw p.error("expected 'strided<[…]>' but found " + p.describeHere());
            }
            p.expect("<");
            p.expect("[");
            strides = new ArrayList<>();
            if (!p.consume("]")) {
                do {
                    strides.add(p.consume("?") ? ShapedType.DYNAMIC : p.parseInteger());
                } while (p.consume(","));
                p.expect("]");
            }
            p.expect(">");
        }
        p.expect(">");
        try {
            return switch (kind) {
                case "vector" -> new VectorType(shape, element);
                case "tensor" -> new RankedTensorType(shape, element);
                default -> new BufferType(shape, element, strides);
            };
        } catch (IllegalArgumentException e) {
            throw p.errorAt(at, e.getMessage());
        }
    }

    /** {@code !ns.body}, {@code !ns<body>} (and {@code #…} for attributes): the owning dialect reads the body. */
    private <T> T dialectSymbol(char sigil, boolean isType) {
        int at = p.pos;
        p.pos++;
        int nsStart = p.pos;
        while (p.pos < p.text.length() && (Character.isLetterOrDigit(p.peek()) || p.peek() == '_')) {
            p.pos++;
        }
        String ns = p.text.substring(nsStart, p.pos);
        String body;
        int bodyAt;
        if (p.peek() == '.') {
            p.pos++;
            bodyAt = p.pos;
            while (p.pos < p.text.length() && AsmParser.isBareChar(p.peek())) {
                p.pos++;
            }
            if (p.peek() == '<') {
                balanced();
            }
            body = p.text.substring(bodyAt, p.pos);
        } else if (p.peek() == '<') {
            bodyAt = p.pos + 1;
            balanced();
            body = p.text.substring(bodyAt, p.pos - 1);
        } else {
            throw p.error("expected '.' or '<' after '" + sigil + ns + "'");
        }
        if (ns.isEmpty()) {
            throw p.errorAt(at, "'" + sigil + "<…>' names no dialect");
        }
        if (p.dialect(ns).isEmpty() && p.registry.allowsUnregistered()) {
            @SuppressWarnings("unchecked")
            T opaque = (T) (isType ? new kiln.dialects.ir.OpaqueType(ns, body)
                    : new kiln.dialects.ir.OpaqueAttr(ns, body));
            return opaque;
        }
        Dialect d = p.dialect(ns).orElseThrow(() -> p.errorAt(at, "no dialect '" + ns + "' is registered for "
                + (isType ? "type" : "attribute") + " '" + p.text.substring(at, p.pos) + "'"));
        try {
            @SuppressWarnings("unchecked")
            T t = (T) (isType ? d.parseType(body, this) : d.parseAttribute(body, this));
            return t;
        } catch (IllegalArgumentException | ParseException e) {
            throw p.errorAt(bodyAt, "bad " + (isType ? "type" : "attribute") + " '" + p.text.substring(at, p.pos)
                    + "': " + (e instanceof ParseException pe ? pe.getMessage().replaceFirst("^.*?error: ", "")
                    : e.getMessage()));
        }
    }

    /** Skips a {@code <…>} group whose {@code <} is at the position, minding nested brackets and strings. */
    private void balanced() {
        int start = p.pos;
        int depth = 0;
        while (p.pos < p.text.length()) {
            char c = p.text.charAt(p.pos);
            switch (c) {
                case '"' -> {
                    p.pos = Literals.unquote(p.text, p.pos).end();
                    continue;
                }
                case '<', '(', '[', '{' -> depth++;
                case '>', ')', ']', '}' -> {
                    if (c == '>' && p.pos > 0 && p.text.charAt(p.pos - 1) == '-') {
                        break;
                    }
                    depth--;
                    if (depth == 0) {
                        p.pos++;
                        return;
                    }
                }
                case '\n' -> throw p.errorAt(start, "unterminated '<' in a dialect type or attribute");
                default -> {
                }
            }
            p.pos++;
        }
        throw p.errorAt(start, "unterminated '<' in a dialect type or attribute");
    }

    // ---- attributes

    Attribute attribute() {
        p.skipWhitespace();
        int at = p.pos;
        char c = p.peek();
        switch (c) {
            case '[' -> {
                p.pos++;
                List<Attribute> items = new ArrayList<>();
                if (!p.consume("]")) {
                    do {
                        items.add(attribute());
                    } while (p.consume(","));
                    p.expect("]");
                }
                return ListAttr.of(items);
            }
            case '{' -> {
                return new DictAttr(dictionary());
            }
            case '"' -> {
                return new StringAttr(p.parseString());
            }
            case '@' -> {
                return new SymbolRefAttr(p.parseSymbolName());
            }
            case '#' -> {
                return dialectSymbol('#', false);
            }
            default -> {
            }
        }
        if (c == '-' || Character.isDigit(c)) {
            return number();
        }
        if (p.consumeKeyword("true")) {
            return new BoolAttr(true);
        }
        if (p.consumeKeyword("false")) {
            return new BoolAttr(false);
        }
        if (p.consumeKeyword("unit")) {
            return UnitAttr.UNIT;
        }
        if (p.atKeyword("dense")) {
            return dense();
        }
        if (p.atKeyword("array")) {
            p.pos += "array".length();
            p.expect("<");
            Type element = type();
            p.expect(">");
            return new ListAttr(List.of(), element);
        }
        if (startsType(p)) {
            return new TypeAttr(type());
        }
        throw p.errorAt(at, "expected an attribute but found " + p.describeHere());
    }

    /** {@code {name = attr, bare, "quoted" = attr}}. */
    Map<String, Attribute> dictionary() {
        p.expect("{");
        Map<String, Attribute> out = new LinkedHashMap<>();
        if (p.consume("}")) {
            return out;
        }
        do {
            p.skipWhitespace();
            int at = p.pos;
            String key = p.peek() == '"' ? p.parseString() : p.parseIdentifier();
            Attribute value = p.consume("=") ? attribute() : UnitAttr.UNIT;
            if (out.put(key, value) != null) {
                throw p.errorAt(at, "duplicate attribute '" + key + "'");
            }
        } while (p.consume(","));
        p.expect("}");
        return out;
    }

    private Attribute number() {
        int at = p.pos;
        String literal = numberLiteral();
        Type type = null;
        int save = p.pos;
        if (p.consume(":")) {
            p.skipWhitespace();
            if (startsType(p)) {
                type = type();
            } else {
                p.pos = save;
            }
        }
        return numberAttr(literal, type, at);
    }

    private String numberLiteral() {
        int start = p.pos;
        if (p.peek() == '-') {
            p.pos++;
        }
        if (p.text.startsWith("0x", p.pos)) {
            p.pos += 2;
            while (Character.digit(p.peek(), 16) >= 0) {
                p.pos++;
            }
            return p.text.substring(start, p.pos);
        }
        while (Character.isDigit(p.peek())) {
            p.pos++;
        }
        if (p.peek() == '.') {
            p.pos++;
            while (Character.isDigit(p.peek())) {
                p.pos++;
            }
            if (p.peek() == 'e' || p.peek() == 'E') {
                p.pos++;
                if (p.peek() == '+' || p.peek() == '-') {
                    p.pos++;
                }
                while (Character.isDigit(p.peek())) {
                    p.pos++;
                }
            }
        }
        String s = p.text.substring(start, p.pos);
        if (s.equals("-") || s.isEmpty()) {
            p.pos = start;
            throw p.error("expected a number but found " + p.describeHere());
        }
        return s;
    }

    private Attribute numberAttr(String literal, Type type, int at) {
        boolean hex = literal.startsWith("0x") || literal.startsWith("-0x");
        boolean isFloat = !hex && literal.contains(".");
        try {
            if (type instanceof FloatType f) {
                double v = hex ? Double.longBitsToDouble(Long.parseUnsignedLong(literal.substring(2), 16))
                        : Double.parseDouble(literal);
                return new FloatAttr(v, f);
            }
            if (isFloat) {
                if (type != null) {
                    throw p.errorAt(at, "a float literal needs a float type, not " + type.asm());
                }
                return new FloatAttr(Double.parseDouble(literal));
            }
            long v = hex ? Long.parseUnsignedLong(literal.replace("-", "").substring(2), 16) * (literal.startsWith("-")
                    ? -1 : 1) : Long.parseLong(literal);
            return type == null ? new IntAttr(v) : new IntAttr(v, type);
        } catch (NumberFormatException e) {
            throw p.errorAt(at, "number out of range: " + literal);
        } catch (IllegalArgumentException e) {
            throw p.errorAt(at, e.getMessage());
        }
    }

    private Attribute dense() {
        int at = p.pos;
        p.pos += "dense".length();
        p.expect("<");
        List<String> literals = new ArrayList<>();
        List<Integer> shape = new ArrayList<>();
        p.skipWhitespace();
        boolean splat = p.peek() != '[';
        if (splat) {
            literals.add(denseElement());
        } else {
            nested(literals, shape, 0);
        }
        p.expect(">");
        p.expect(":");
        p.skipWhitespace();
        int typeAt = p.pos;
        if (!(type() instanceof ShapedType st)) {
            throw p.errorAt(typeAt, "dense elements need a vector, tensor or buffer type");
        }
        List<Attribute> elements = new ArrayList<>();
        for (String lit : literals) {
            elements.add(lit.equals("true") || lit.equals("false") ? new BoolAttr(lit.equals("true"))
                    : numberAttr(lit, st.elementType(), at));
        }
        try {
            return new DenseElementsAttr(st, elements);
        } catch (IllegalArgumentException e) {
            throw p.errorAt(at, e.getMessage());
        }
    }

    private void nested(List<String> literals, List<Integer> shape, int depth) {
        p.expect("[");
        int count = 0;
        if (!p.consume("]")) {
            do {
                p.skipWhitespace();
                if (p.peek() == '[') {
                    nested(literals, shape, depth + 1);
                } else {
                    literals.add(denseElement());
                }
                count++;
            } while (p.consume(","));
            p.expect("]");
        }
        if (shape.size() <= depth) {
            shape.add(count);
        }
    }

    private String denseElement() {
        p.skipWhitespace();
        if (p.consumeKeyword("true")) {
            return "true";
        }
        if (p.consumeKeyword("false")) {
            return "false";
        }
        return numberLiteral();
    }

    // ---- TypeContext, for dialects reading nested types

    @Override
    public Type parseType(String text) {
        AsmParser sub = new AsmParser(text, p.file, p.registry, 0);
        try {
            Type t = sub.parseType();
            sub.skipWhitespace();
            if (!sub.atEnd()) {
                throw new IllegalArgumentException("unexpected text after the type: " + sub.describeHere());
            }
            return t;
        } catch (ParseException e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^.*?error: ", ""));
        }
    }

    @Override
    public Attribute parseAttribute(String text) {
        AsmParser sub = new AsmParser(text, p.file, p.registry, 0);
        try {
            Attribute a = sub.parseAttribute();
            sub.skipWhitespace();
            if (!sub.atEnd()) {
                throw new IllegalArgumentException("unexpected text after the attribute: " + sub.describeHere());
            }
            return a;
        } catch (ParseException e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^.*?error: ", ""));
        }
    }
}
