package kiln.dialects.ir.text;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Reading MLIR string literals: the inverse of {@link kiln.dialects.ir.StringAttr#quote}. */
final class Literals {
    private Literals() {
    }

    record Decoded(String value, int end) {
    }

    /** Decodes the literal whose opening quote is at {@code start}. */
    static Decoded unquote(String text, int start) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = start + 1;
        while (true) {
            if (i >= text.length() || text.charAt(i) == '\n') {
                throw new IllegalArgumentException("unterminated string literal");
            }
            char c = text.charAt(i);
            if (c == '"') {
                return new Decoded(bytes.toString(StandardCharsets.UTF_8), i + 1);
            }
            if (c != '\\') {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                i++;
                continue;
            }
            if (i + 1 >= text.length()) {
                throw new IllegalArgumentException("unterminated escape in string literal");
            }
            char e = text.charAt(i + 1);
            switch (e) {
                case '"', '\\' -> {
                    bytes.write(e);
                    i += 2;
                }
                case 'n' -> {
                    bytes.write('\n');
                    i += 2;
                }
                case 't' -> {
                    bytes.write('\t');
                    i += 2;
                }
                default -> {
                    int hi = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                    int lo = hi >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
                    if (lo < 0) {
                        throw new IllegalArgumentException("invalid escape '\\" + e + "' in string literal");
                    }
                    bytes.write(hi * 16 + lo);
                    i += 3;
                }
            }
        }
    }
}
