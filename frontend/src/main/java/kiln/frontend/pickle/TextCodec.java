package kiln.frontend.pickle;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.regex.Pattern;

/** The text forms of protocol 0: decimal ints and floats, quoted strings, raw-unicode-escape. */
final class TextCodec {
    /** Python's own limit on converting decimal text to int. */
    static final int MAX_DIGITS = 4300;

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");
    private static final Pattern FLOAT = Pattern.compile("[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private TextCodec() {
    }

    /** A decimal integer; {@code L} suffix allowed (protocol 0 LONG). */
    static PyValue integer(String text) {
        String digits = text.endsWith("L") ? text.substring(0, text.length() - 1) : text;
        if (!INTEGER.matcher(digits).matches()) {
            throw new IllegalArgumentException("not a decimal integer: '" + shorten(text) + "'");
        }
        if (digits.length() > MAX_DIGITS) {
            throw new IllegalArgumentException("integer of " + digits.length() + " digits exceeds the limit of "
                    + MAX_DIGITS);
        }
        return digits.length() <= 18 ? PyInt.of(Long.parseLong(digits)) : PyInt.of(new BigInteger(digits));
    }

    /** A float as Python's {@code repr} writes it, including {@code inf} and {@code nan}. */
    static double floating(String text) {
        return switch (text) {
            case "inf", "+inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            case "nan", "+nan", "-nan" -> Double.NaN;
            default -> {
                if (text.length() > MAX_DIGITS || !FLOAT.matcher(text).matches()) {
                    throw new IllegalArgumentException("not a float: '" + shorten(text) + "'");
                }
                yield Double.parseDouble(text);
            }
        };
    }

    /** A protocol-0 STRING argument: a quoted literal with backslash escapes, decoded as UTF-8. */
    static String quoted(String line) {
        if (line.length() < 2 || (line.charAt(0) != '\'' && line.charAt(0) != '"')
                || line.charAt(line.length() - 1) != line.charAt(0)) {
            throw new IllegalArgumentException("STRING argument is not quoted: '" + shorten(line) + "'");
        }
        String body = line.substring(1, line.length() - 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\') {
                out.write(c);
                continue;
            }
            if (++i == body.length()) {
                throw new IllegalArgumentException("STRING ends in a lone backslash");
            }
            char e = body.charAt(i);
            switch (e) {
                case '\\', '\'', '"' -> out.write(e);
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'r' -> out.write('\r');
                case 'a' -> out.write(7);
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'v' -> out.write(11);
                case '\n' -> {
                }
                case 'x' -> {
                    out.write(hex(body, i + 1, 2));
                    i += 2;
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i;
                        while (end < body.length() && end < i + 3 && body.charAt(end) >= '0'
                                && body.charAt(end) <= '7') {
                            end++;
                        }
                        out.write(Integer.parseInt(body, i, end, 8) & 0xFF);
                        i = end - 1;
                    } else {
                        out.write('\\');
                        out.write(e);
                    }
                }
            }
        }
        return utf8(ByteBuffer.wrap(out.toByteArray()), "STRING");
    }

    /** Python's {@code raw-unicode-escape}: bytes are Latin-1 except {@code \\uXXXX} and {@code \\UXXXXXXXX}. */
    static String rawUnicodeEscape(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length() && (line.charAt(i + 1) == 'u' || line.charAt(i + 1) == 'U')) {
                int digits = line.charAt(i + 1) == 'u' ? 4 : 8;
                int codePoint = hex(line, i + 2, digits);
                if (!Character.isValidCodePoint(codePoint)) {
                    throw new IllegalArgumentException("UNICODE escape beyond U+10FFFF");
                }
                out.appendCodePoint(codePoint);
                i += 1 + digits;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Strict UTF-8, as Python decodes pickled text. */
    static String utf8(ByteBuffer bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("invalid UTF-8 in " + what);
        }
    }

    private static int hex(String text, int from, int digits) {
        if (from + digits > text.length()) {
            throw new IllegalArgumentException("truncated \\x, \\u or \\U escape");
        }
        int value = 0;
        for (int i = from; i < from + digits; i++) {
            int digit = Character.digit(text.charAt(i), 16);
            if (digit < 0) {
                throw new IllegalArgumentException("bad hex escape '" + text.substring(from, from + digits) + "'");
            }
            value = value << 4 | digit;
        }
        return value;
    }

    private static String shorten(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
