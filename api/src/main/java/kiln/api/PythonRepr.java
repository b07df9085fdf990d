package kiln.api;

import java.util.List;
import java.util.stream.Collectors;

/** Python's {@code repr} of strings and sequences, and the type names of containers, for {@link Value}. */
final class PythonRepr {
    private PythonRepr() {
    }

    /** {@code repr(s)}: single quotes unless the text holds one and no double quote; escapes as Python writes them. */
    static String string(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder out = new StringBuilder().append(quote);
        s.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\').append((char) c);
                    } else if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.append(quote).toString();
    }

    static String sequence(String open, List<Value> elements, String close) {
        return elements.stream().map(Value::toString).collect(Collectors.joining(", ", open, close));
    }

    /** {@code List[int]} when every element has one type; just {@code List} when empty or mixed. */
    static String elementsType(String container, List<Value> elements) {
        List<String> types = elements.stream().map(Value::typeName).distinct().toList();
        return types.size() == 1 ? container + "[" + types.getFirst() + "]" : container;
    }
}
