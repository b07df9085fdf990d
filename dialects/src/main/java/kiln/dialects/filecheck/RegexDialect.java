package kiln.dialects.filecheck;

import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Turns the regexes written in {@code {{...}}} and {@code [[NAME:...]]} into Java regexes that keep FileCheck's
 * line-oriented meaning (LLVM compiles them with {@code REG_NEWLINE}):
 * <ul>
 *   <li>a negated class {@code [^...]} does not match a newline;</li>
 *   <li>{@code \s} matches horizontal whitespace only, never a newline;</li>
 *   <li>POSIX classes inside brackets, such as {@code [[:digit:]]}, mean what they mean in POSIX.</li>
 * </ul>
 * {@code .} not matching a newline, and {@code ^}/{@code $} matching at line boundaries, come from {@link #FLAGS}.
 */
final class RegexDialect {
    /** Flags every pattern regex is compiled with. */
    static final int FLAGS = Pattern.MULTILINE | Pattern.UNIX_LINES;

    private static final String BLANKS_IN_CLASS = " \\t\\x0B\\f\\r";
    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
            Map.entry("alpha", "\\p{Alpha}"), Map.entry("digit", "\\p{Digit}"),
            Map.entry("alnum", "\\p{Alnum}"), Map.entry("upper", "\\p{Upper}"),
            Map.entry("lower", "\\p{Lower}"), Map.entry("space", "\\p{Space}"),
            Map.entry("blank", "\\p{Blank}"), Map.entry("punct", "\\p{Punct}"),
            Map.entry("xdigit", "\\p{XDigit}"), Map.entry("cntrl", "\\p{Cntrl}"),
            Map.entry("graph", "\\p{Graph}"), Map.entry("print", "\\p{Print}"));

    private RegexDialect() {
    }

    /**
     * The Java form of {@code regex}.
     *
     * @throws IllegalArgumentException when it is not a valid regex
     */
    static String translate(String regex) {
        StringBuilder out = new StringBuilder(regex.length() + 8);
        int depth = 0;
        int n = regex.length();
        for (int i = 0; i < n; i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < n) {
                i = escape(regex, i, depth > 0, out);
            } else if (c == '[' && depth > 0 && regex.startsWith("[:", i) && regex.indexOf(":]", i + 2) > 0) {
                int close = regex.indexOf(":]", i + 2);
                out.append(posixClass(regex.substring(i + 2, close)));
                i = close + 1;
            } else if (c == '[') {
                out.append('[');
                if (depth++ == 0 && i + 1 < n && regex.charAt(i + 1) == '^') {
                    out.append("^\\n");
                    i++;
                }
            } else {
                if (c == ']' && depth > 0) {
                    depth--;
                }
                out.append(c);
            }
        }
        String java = out.toString();
        try {
            Pattern.compile(java, FLAGS);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regex '" + regex + "': " + e.getDescription(), e);
        }
        return java;
    }

    /** Copies the escape at {@code i} to {@code out}; returns the index of its last character. */
    private static int escape(String regex, int i, boolean inClass, StringBuilder out) {
        char next = regex.charAt(i + 1);
        if (next == 'Q') {
            int end = regex.indexOf("\\E", i + 2);
            int stop = end < 0 ? regex.length() : end + 2;
            out.append(regex, i, stop);
            return stop - 1;
        }
        if (next == 's') {
            out.append(inClass ? BLANKS_IN_CLASS : "[" + BLANKS_IN_CLASS + "]");
        } else {
            out.append('\\').append(next);
        }
        return i + 1;
    }

    private static String posixClass(String name) {
        String java = POSIX_CLASSES.get(name);
        if (java == null) {
            throw new IllegalArgumentException("invalid regex: unknown character class [:" + name + ":]");
        }
        return java;
    }
}
