package kiln.dialects.filecheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles the pattern text of a directive, as LLVM FileCheck reads it: literal text, {@code {{regex}}} blocks,
 * {@code [[NAME:regex]]} variable definitions and {@code [[NAME]]} uses. A pattern with no such block (or with
 * the {@code {LITERAL}} modifier) is a fixed string. Errors are
 * {@link IllegalArgumentException}s whose message says what is wrong, without a location.
 */
final class PatternCompiler {
    private static final java.util.regex.Pattern LINE =
            java.util.regex.Pattern.compile("(?:#\\s*)?@LINE\\s*(?:([-+])\\s*(\\d+))?");

    private final String text;
    private final int line;
    private final List<Piece> pieces = new ArrayList<>();
    /** For each variable defined so far in this pattern, the group of its latest definition. */
    private final Map<String, String> groups = new HashMap<>();

    private PatternCompiler(String text, int line) {
        this.text = text;
        this.line = line;
    }

    /**
     * Compiles {@code text}, which has no leading or trailing whitespace, for a directive of kind {@code kind}
     * written on check line {@code line} (the value of {@code [[@LINE]]}).
     */
    static CheckPattern compile(String text, CheckKind kind, boolean literal, int line) {
        if (kind == CheckKind.EMPTY) {
            return CheckPattern.emptyLine();
        }
        if (literal || text.length() < 2 || !(text.contains("{{") || text.contains("[["))) {
            return CheckPattern.fixed(text);
        }
        PatternCompiler compiler = new PatternCompiler(text, line);
        compiler.parse();
        try {
            return CheckPattern.regex(text, compiler.pieces);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid regex: " + e.getDescription(), e);
        }
    }

    private void parse() {
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("{{", i)) {
                int end = text.indexOf("}}", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException("found start of regex string with no end '}}'");
                }
                pieces.add(new Piece.Regex(RegexDialect.translate(text.substring(i + 2, end))));
                i = end + 2;
            } else if (text.startsWith("[[", i) && !text.startsWith("[[[", i)) {
                int end = substitutionEnd(i + 2);
                substitution(text.substring(i + 2, end));
                i = end + 2;
            } else {
                int next = nextBlock(i + 1);
                pieces.add(new Piece.Literal(text.substring(i, next)));
                i = next;
            }
        }
    }

    private int nextBlock(int from) {
        int regex = text.indexOf("{{", from);
        int variable = text.indexOf("[[", from);
        int next = text.length();
        if (regex >= 0) {
            next = regex;
        }
        if (variable >= 0 && variable < next) {
            next = variable;
        }
        return next;
    }

    /** The offset of the {@code ]]} that closes a block whose body starts at {@code from}; brackets nest. */
    private int substitutionEnd(int from) {
        int depth = 0;
        int i = from;
        while (i < text.length()) {
            if (depth == 0 && text.startsWith("]]", i)) {
                return i;
            }
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                if (depth == 0) {
                    throw new IllegalArgumentException("missing closing \"]\" for regex variable");
                }
                depth--;
            }
            i++;
        }
        throw new IllegalArgumentException("invalid substitution block, no ]] found");
    }

    private void substitution(String block) {
        java.util.regex.Matcher at = LINE.matcher(block.strip());
        if (at.matches()) {
            int offset = at.group(2) == null ? 0 : Integer.parseInt(at.group(2));
            pieces.add(new Piece.Literal(Integer.toString(line + ("-".equals(at.group(1)) ? -offset : offset))));
            return;
        }
        if (block.startsWith("#")) {
            throw new IllegalArgumentException("numeric substitution blocks ([[#...]]) other than [[# @LINE+N]] are not supported");
        }
        if (block.startsWith("@")) {
            throw new IllegalArgumentException("unknown pseudo variable in '[[" + block + "]]' (only @LINE, @LINE+N and @LINE-N are known)");
        }
        int colon = block.indexOf(':');
        String namePart = colon < 0 ? block : block.substring(0, colon);
        if (namePart.contains(" ") || namePart.contains("\t")) {
            throw new IllegalArgumentException("unexpected whitespace in '[[" + block + "]]'");
        }
        String name = variableName(namePart);
        if (!name.equals(namePart)) {
            String what = colon < 0 ? "use" : "definition";
            throw new IllegalArgumentException("invalid name in string variable " + what + " '[[" + block + "]]'");
        }
        if (colon >= 0) {
            String group = "fcvar" + pieces.size();
            groups.put(name, group);
            pieces.add(new Piece.Define(name, group, RegexDialect.translate(block.substring(colon + 1))));
        } else if (groups.containsKey(name)) {
            pieces.add(new Piece.BackReference(name, groups.get(name)));
        } else {
            pieces.add(new Piece.Substitution(name));
        }
    }

    /** The variable name at the start of {@code s}: {@code $?[A-Za-z_][A-Za-z0-9_]*}. */
    private static String variableName(String s) {
        int i = s.startsWith("$") ? 1 : 0;
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty variable name");
        }
        if (i == s.length()) {
            throw new IllegalArgumentException("empty global variable name");
        }
        char first = s.charAt(i);
        if (first != '_' && !isAsciiLetter(first)) {
            throw new IllegalArgumentException("invalid variable name '" + s + "'");
        }
        i++;
        while (i < s.length() && (s.charAt(i) == '_' || isAsciiLetter(s.charAt(i)) || isAsciiDigit(s.charAt(i)))) {
            i++;
        }
        return s.substring(0, i);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
