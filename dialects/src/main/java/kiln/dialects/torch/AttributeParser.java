package kiln.dialects.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.BoolAttr;
import kiln.dialects.torch.DoubleFormat;
import kiln.dialects.ir.FloatAttr;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.ListAttr;
import kiln.dialects.torch.QuotedString;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.TypeAttr;
import kiln.dialects.torch.types.TorchTypeParser;

/**
 * Reads one attribute value of a node's {@code [name=value, …]} list, in every form PyTorch prints: ints,
 * doubles ({@code 1.}, {@code 1e-05}, {@code inf}, {@code nan}), quoted strings, lists, typed empty lists
 * ({@code annotate(List[int], [])}), types ({@code types=[Float(2, strides=[1], …)]}), and tensors
 * ({@code <Tensor>}, {@code {1.5}}, or PyTorch's printed tensor {@code 0.27 0.99 [ CPUFloatType{2} ]}).
 */
final class AttributeParser {
    private static final Pattern INT = Pattern.compile("-?\\d+");
    private static final Pattern FLOAT = Pattern.compile(
            "-?(\\d+\\.\\d*([eE][-+]?\\d+)?|\\d+[eE][-+]?\\d+|\\.\\d+([eE][-+]?\\d+)?|inf)|nan");

    private AttributeParser() {
    }

    /** Parses the value starting at the cursor, up to (not including) the next top-level ',' or ']'. */
    static Attribute parseValue(TextCursor c) {
        int start = c.pos;
        int end = valueEnd(c, start);
        String raw = c.text.substring(start, end);
        Attribute a = classify(c, raw, start);
        c.pos = end;
        return a;
    }

    private static Attribute classify(TextCursor c, String raw, int offset) {
        String v = raw.strip();
        int lead = raw.indexOf(v.isEmpty() ? raw : v);
        if (v.isEmpty()) {
            throw c.errorAt(offset, "empty attribute value");
        }
        if (v.equals("<Tensor>")) {
            return TensorAttr.ELIDED;
        }
        if (v.startsWith("{") || (v.endsWith("]") && v.contains("Type{"))) {
            return new TensorAttr(raw);
        }
        if (v.charAt(0) == '"' || v.charAt(0) == '\'') {
            QuotedString.Decoded d;
            try {
                d = QuotedString.unquote(v, 0);
            } catch (IllegalArgumentException e) {
                throw c.errorAt(offset + lead, e.getMessage());
            }
            if (d.end() != v.length()) {
                throw c.errorAt(offset + lead + d.end(), "unexpected text after string literal");
            }
            return new StringAttr(d.value());
        }
        if (INT.matcher(v).matches()) {
            try {
                return new IntAttr(Long.parseLong(v));
            } catch (NumberFormatException e) {
                throw c.errorAt(offset + lead, "integer out of range: " + v);
            }
        }
        if (FLOAT.matcher(v).matches()) {
            return new FloatAttr(DoubleFormat.parse(v));
        }
        if (v.equals("True") || v.equals("False")) {
            return new BoolAttr(v.equals("True"));
        }
        if (v.startsWith("annotate(")) {
            return typedEmptyList(c, v, offset + lead);
        }
        if (v.charAt(0) == '[') {
            return list(c, v, offset + lead);
        }
        return new TypeAttr(type(c, v, offset + lead));
    }

    private static ListAttr list(TextCursor c, String v, int offset) {
        if (!v.endsWith("]")) {
            throw c.errorAt(offset, "unterminated list attribute");
        }
        List<Attribute> items = new ArrayList<>();
        TextCursor inner = new TextCursor(c.text, c.file, offset + 1);
        int close = offset + v.length() - 1;
        inner.skipSpacesAndNewlines();
        while (inner.pos < close) {
            items.add(parseValue(inner));
            inner.skipSpacesAndNewlines();
            if (inner.pos < close) {
                inner.expect(',');
            }
        }
        return ListAttr.of(items);
    }

    private static ListAttr typedEmptyList(TextCursor c, String v, int offset) {
        // annotate(List[T], [])
        String prefix = "annotate(List[";
        String suffix = "], [])";
        if (!v.startsWith(prefix) || !v.endsWith(suffix)) {
            throw c.errorAt(offset, "expected 'annotate(List[T], [])', found '" + v + "'");
        }
        Type elem = type(c, v.substring(prefix.length(), v.length() - suffix.length()), offset + prefix.length());
        return new ListAttr(List.of(), elem);
    }

    private static Type type(TextCursor c, String text, int offset) {
        try {
            return TorchTypeParser.parse(text);
        } catch (RuntimeException e) {
            throw c.errorAt(offset, "cannot read attribute value '" + text + "': " + e.getMessage());
        }
    }

    /** Finds where a value ends: the first ',' or ']' outside brackets, braces, parentheses and quotes. */
    private static int valueEnd(TextCursor c, int start) {
        String t = c.text;
        int depth = 0;
        int i = start;
        while (i < t.length()) {
            char ch = t.charAt(i);
            switch (ch) {
                case '"', '\'' -> {
                    try {
                        i = QuotedString.unquote(t, i).end();
                    } catch (IllegalArgumentException e) {
                        throw c.errorAt(i, e.getMessage());
                    }
                    continue;
                }
                case '[', '(', '{' -> depth++;
                case ')', '}' -> depth--;
                case ']' -> {
                    if (depth == 0) {
                        return i;
                    }
                    depth--;
                }
                case ',' -> {
                    if (depth == 0) {
                        return i;
                    }
                }
                case '\n' -> throw c.errorAt(i, "attribute value runs past the end of the line");
                default -> { }
            }
            if (depth < 0) {
                throw c.errorAt(i, "unbalanced '" + ch + "' in attribute value");
            }
            i++;
        }
        throw c.errorAt(start, "unterminated attribute list");
    }
}
