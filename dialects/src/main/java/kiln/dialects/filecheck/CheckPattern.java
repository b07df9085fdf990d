package kiln.dialects.filecheck;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one directive matches: a fixed string, a regex built from {@link Piece}s (with variable values filled in
 * at match time), an empty line (CHECK-EMPTY) or the end of the input (the implicit EOF directive).
 */
final class CheckPattern {
    private static final Pattern EMPTY_LINE = Pattern.compile("\n$", RegexDialect.FLAGS);

    private enum Mode { FIXED, REGEX, EMPTY_LINE, END_OF_INPUT }

    private final Mode mode;
    private final String source;
    private final List<Piece> pieces;
    private final Pattern compiled;

    private CheckPattern(Mode mode, String source, List<Piece> pieces) {
        this.mode = mode;
        this.source = source;
        this.pieces = List.copyOf(pieces);
        boolean substitutes = this.pieces.stream().anyMatch(p -> p instanceof Piece.Substitution);
        // Compiling once also validates the whole pattern (e.g. back-references) while the check text is parsed.
        Pattern whole = mode == Mode.REGEX ? Pattern.compile(regex(name -> ""), RegexDialect.FLAGS) : null;
        this.compiled = substitutes ? null : whole;
    }

    static CheckPattern fixed(String text) {
        return new CheckPattern(Mode.FIXED, text, List.of());
    }

    static CheckPattern regex(String source, List<Piece> pieces) {
        return new CheckPattern(Mode.REGEX, source, pieces);
    }

    static CheckPattern emptyLine() {
        return new CheckPattern(Mode.EMPTY_LINE, "", List.of());
    }

    static CheckPattern endOfInput() {
        return new CheckPattern(Mode.END_OF_INPUT, "", List.of());
    }

    /** The pattern as written, for approximate matching in error messages. */
    String source() {
        return source;
    }

    /** True when the pattern defines or uses a variable. */
    boolean hasVariables() {
        return pieces.stream().anyMatch(p -> !(p instanceof Piece.Literal || p instanceof Piece.Regex));
    }

    /**
     * Searches {@code text} between offsets {@code from} and {@code to} for the first match, defining the
     * variables the pattern captures when it matches. As in LLVM, {@code ^} and {@code $} also match at the
     * ends of the searched stretch.
     */
    PatternMatch match(String text, int from, int to, Variables variables) {
        return switch (mode) {
            case END_OF_INPUT -> new PatternMatch.Found(to, to);
            case FIXED -> {
                int at = indexOf(text, source, from, to);
                yield at < 0 ? new PatternMatch.NotFound() : new PatternMatch.Found(at, at + source.length());
            }
            case EMPTY_LINE -> {
                Matcher m = EMPTY_LINE.matcher(text).region(from, to);
                // The match starts after the newline that ends the previous line, as in LLVM.
                yield m.find() ? new PatternMatch.Found(m.start() + 1, m.end()) : new PatternMatch.NotFound();
            }
            case REGEX -> matchRegex(text, from, to, variables);
        };
    }

    /** The first occurrence of {@code needle} inside {@code text[from, to)}, or -1. */
    private static int indexOf(String text, String needle, int from, int to) {
        int last = to - needle.length();
        char first = needle.charAt(0);
        for (int i = from; i <= last; i++) {
            i = text.indexOf(first, i, last + 1);
            if (i < 0) {
                return -1;
            }
            if (text.startsWith(needle, i)) {
                return i;
            }
        }
        return -1;
    }

    private PatternMatch matchRegex(String text, int from, int to, Variables variables) {
        Pattern pattern = compiled;
        if (pattern == null) {
            List<String> undefined = undefinedNames(variables);
            if (!undefined.isEmpty()) {
                return new PatternMatch.Undefined(undefined);
            }
            pattern = Pattern.compile(regex(variables::get), RegexDialect.FLAGS);
        }
        Matcher m = pattern.matcher(text).region(from, to);
        if (!m.find()) {
            return new PatternMatch.NotFound();
        }
        for (Piece piece : pieces) {
            if (piece instanceof Piece.Define(String name, String group, _)) {
                String value = m.group(group);
                variables.define(name, value == null ? "" : value);
            }
        }
        return new PatternMatch.Found(m.start(), m.end());
    }

    private List<String> undefinedNames(Variables variables) {
        List<String> undefined = new ArrayList<>();
        for (Piece piece : pieces) {
            if (piece instanceof Piece.Substitution(String name) && variables.get(name) == null
                    && !undefined.contains(name)) {
                undefined.add(name);
            }
        }
        return undefined;
    }

    /** Notes {@code with "X" equal to "value"} for each substituted variable that has a value. */
    List<String> substitutionNotes(Variables variables) {
        List<String> notes = new ArrayList<>();
        for (Piece piece : pieces) {
            if (piece instanceof Piece.Substitution(String name) && variables.get(name) != null) {
                notes.add("with \"" + name + "\" equal to \"" + variables.get(name) + "\"");
            }
        }
        return notes;
    }

    private String regex(Function<String, String> valueOf) {
        StringBuilder out = new StringBuilder();
        for (Piece piece : pieces) {
            switch (piece) {
                case Piece.Literal(String text) -> out.append(Pattern.quote(text));
                case Piece.Regex(String javaRegex) -> out.append("(?:").append(javaRegex).append(')');
                case Piece.Define(_, String group, String javaRegex) ->
                        out.append("(?<").append(group).append('>').append(javaRegex).append(')');
                case Piece.BackReference(_, String group) -> out.append("\\k<").append(group).append('>');
                case Piece.Substitution(String name) -> out.append(Pattern.quote(valueOf.apply(name)));
            }
        }
        return out.toString();
    }
}
