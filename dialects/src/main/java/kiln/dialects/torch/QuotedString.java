package kiln.dialects.torch;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Quoting as c10's {@code printQuotedString}: C escapes for {@code \\ \' \" \a \b \f \n \r \t \v}, printable
 * ASCII as is, every other byte of the UTF-8 encoding as a three-digit octal escape.
 */
public final class QuotedString {
    private QuotedString() {
    }

    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case 7 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 11 -> out.append("\\v");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.append((char) c);
                    } else {
                        out.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)))
                                .append((char) ('0' + (c & 7)));
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Reads a quoted string starting at {@code text.charAt(start) == '"'} (or {@code '\''}).
     *
     * @return the decoded value and the offset just past the closing quote
     * @throws IllegalArgumentException with the offset of the problem when the literal is malformed
     */
    public static Decoded unquote(CharSequence text, int start) {
        char quote = text.charAt(start);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = start + 1;
        while (true) {
            if (i >= text.length() || text.charAt(i) == '\n') {
                throw new IllegalArgumentException("unterminated string literal at offset " + start);
            }
            char c = text.charAt(i);
            if (c == quote) {
                return new Decoded(bytes.toString(StandardCharsets.UTF_8), i + 1);
            }
            if (c != '\\') {
                byte[] enc = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    enc = text.subSequence(i, i + 2).toString().getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                bytes.writeBytes(enc);
                i++;
                continue;
            }
            if (i + 1 >= text.length()) {
                throw new IllegalArgumentException("unterminated escape at offset " + i);
            }
            char e = text.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\\', '\'', '"' -> bytes.write(e);
                case 'a' -> bytes.write(7);
                case 'b' -> bytes.write('\b');
                case 'f' -> bytes.write('\f');
                case 'n' -> bytes.write('\n');
                case 'r' -> bytes.write('\r');
                case 't' -> bytes.write('\t');
                case 'v' -> bytes.write(11);
                default -> {
                    if (e < '0' || e > '7') {
                        throw new IllegalArgumentException("unknown escape '\\" + e + "' at offset " + (i - 2));
                    }
                    int value = e - '0';
                    for (int k = 0; k < 2 && i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '7'; k++) {
                        value = value * 8 + (text.charAt(i++) - '0');
                    }
                    bytes.write(value & 0xff);
                }
            }
        }
    }

    public record Decoded(String value, int end) {
    }
}
