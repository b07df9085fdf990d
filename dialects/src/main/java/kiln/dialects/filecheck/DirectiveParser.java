package kiln.dialects.filecheck;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a check text into {@link CheckStep}s: each positive directive with the CHECK-DAG/CHECK-NOT directives
 * before it, plus an implicit end-of-input step for trailing CHECK-DAG/CHECK-NOT directives. Malformed check text
 * is reported as an {@link IllegalArgumentException} naming the check line, like LLVM FileCheck's own errors.
 */
final class DirectiveParser {
    private static final Pattern VALID_PREFIX = Pattern.compile("[A-Za-z0-9_-]+");

    private final LineIndex source;
    private final LineIndex canonicalLines;
    private final String text;

    private DirectiveParser(String checkText) {
        this.source = new LineIndex(checkText);
        this.text = Whitespace.canonicalize(checkText);
        this.canonicalLines = new LineIndex(text);
    }

    /** Parses {@code checkText}, whose directives start with one of {@code prefixes}. */
    static List<CheckStep> parse(String checkText, List<String> prefixes) {
        validatePrefixes(prefixes);
        return new DirectiveParser(checkText).steps(prefixes);
    }

    private List<CheckStep> steps(List<String> prefixes) {
        DirectiveScanner scanner = new DirectiveScanner(text, prefixes);
        Set<String> unused = new LinkedHashSet<>(prefixes);
        List<CheckStep> steps = new ArrayList<>();
        List<Directive> dagNots = new ArrayList<>();
        int pos = 0;
        for (DirectiveScanner.Head head = scanner.next(pos); head != null; head = scanner.next(pos)) {
            int line = canonicalLines.lineOf(head.start());
            if (head.problem() != null) {
                throw error(line, head.problem());
            }
            int patternStart = head.patternStart();
            while (patternStart < text.length() && Whitespace.isBlank(text.charAt(patternStart))) {
                patternStart++;
            }
            int eol = endOfLine(patternStart);
            pos = eol;
            if (head.comment()) {
                continue;
            }
            unused.remove(head.prefix());
            Directive directive = directive(head, line, text.substring(patternStart, eol).stripTrailing());
            if (directive.kind().isNextLine() || directive.kind() == CheckKind.SAME) {
                requirePrevious(directive, !steps.isEmpty());
            }
            if (directive.kind() == CheckKind.DAG || directive.kind() == CheckKind.NOT) {
                dagNots.add(directive);
                continue;
            }
            steps.add(new CheckStep(directive, dagNots));
            dagNots.clear();
        }
        if (!unused.isEmpty()) {
            String names = unused.stream().map(p -> "'" + p + ":'").collect(Collectors.joining(", "));
            throw new IllegalArgumentException(
                    "error: no check strings found with prefix" + (unused.size() > 1 ? "es " : " ") + names);
        }
        if (!dagNots.isEmpty()) {
            steps.add(new CheckStep(Directive.endOfInput(prefixes.getFirst(), source.lineCount() + 1), dagNots));
        }
        return steps;
    }

    private Directive directive(DirectiveScanner.Head head, int line, String patternText) {
        CheckKind kind = head.kind();
        String prefix = head.prefix();
        if (patternText.isEmpty() && kind != CheckKind.EMPTY) {
            throw error(line, "found empty check string with prefix '" + prefix + ":'");
        }
        if (!patternText.isEmpty() && kind == CheckKind.EMPTY) {
            throw error(line, "found non-empty check string for empty check with prefix '" + prefix + ":'");
        }
        CheckPattern pattern;
        try {
            pattern = PatternCompiler.compile(patternText, kind, head.literal(), line);
        } catch (IllegalArgumentException e) {
            throw error(line, e.getMessage());
        }
        if (kind == CheckKind.LABEL && pattern.hasVariables()) {
            throw error(line, "found '" + prefix + "-LABEL:' with variable definition or use");
        }
        return new Directive(kind, prefix, head.count(), head.literal(), line, source.line(line).strip(), pattern);
    }

    private void requirePrevious(Directive directive, boolean hasPrevious) {
        if (!hasPrevious) {
            String prefix = directive.prefix();
            throw error(directive.line(), "found '" + prefix + directive.kind().suffix() + "' without previous '"
                    + prefix + ": line");
        }
    }

    private int endOfLine(int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        return i;
    }

    private IllegalArgumentException error(int line, String message) {
        return new IllegalArgumentException("check:" + line + ": error: " + message + "\n    " + source.line(line).strip());
    }

    private static void validatePrefixes(List<String> prefixes) {
        if (prefixes.isEmpty()) {
            throw new IllegalArgumentException("error: no check prefix given");
        }
        Set<String> seen = new LinkedHashSet<>(DirectiveScanner.COMMENT_PREFIXES);
        for (String prefix : prefixes) {
            if (!VALID_PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException("error: supplied check prefix must start with a letter and contain"
                        + " only alphanumeric characters, hyphens, and underscores: '" + prefix + "'");
            }
            if (!seen.add(prefix)) {
                throw new IllegalArgumentException(
                        "error: supplied check prefix must be unique among check and comment prefixes: '" + prefix + "'");
            }
        }
    }
}
