package kiln.dialects.ir;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** A string attribute: quoted in the generic text with MLIR's escapes ({@link #quote}). */
public record StringAttr(String value) implements Attribute {
    public StringAttr {
        Objects.requireNonNull(value);
    }

    @Override
    public String toString() {
        return quote(value);
    }

    /**
     * {@code s} as an MLIR string literal: in double quotes, {@code \"}, {@code \\}, {@code \n}, {@code \t}, other
     * printable ASCII as is, every other byte of its UTF-8 encoding as {@code \XX} (two hex digits).
     */
    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7f) {
                        out.append((char) c);
                    } else {
                        out.append('\\').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                                .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
