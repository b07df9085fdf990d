package kiln.conformance;

import java.util.Locale;

/** A small streaming JSON writer: enough for reports, with commas placed for the caller. */
final class Json {
    private final StringBuilder out = new StringBuilder();
    private boolean needComma;

    Json open(char bracket) {
        comma();
        out.append(bracket);
        needComma = false;
        return this;
    }

    Json close(char bracket) {
        out.append(bracket);
        needComma = true;
        return this;
    }

    /** An object key; the value follows. */
    Json field(String name) {
        string(name);
        out.append(':');
        needComma = false;
        return this;
    }

    Json string(String s) {
        comma();
        if (s == null) {
            out.append("null");
        } else {
            out.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            out.append('"');
        }
        needComma = true;
        return this;
    }

    /** A number; NaN and infinities (which JSON lacks) as null. */
    Json number(double d) {
        comma();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            out.append("null");
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            out.append((long) d);
        } else {
            out.append(d);
        }
        needComma = true;
        return this;
    }

    Json bool(boolean b) {
        comma();
        out.append(b);
        needComma = true;
        return this;
    }

    private void comma() {
        if (needComma) {
            out.append(',');
            needComma = false;
        }
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
