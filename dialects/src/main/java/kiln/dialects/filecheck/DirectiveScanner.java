package kiln.dialects.filecheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds directives in a (canonicalised) check text the way LLVM FileCheck does: the first occurrence of a check
 * or comment prefix that does not continue a word, followed by a valid suffix ({@code :}, {@code -NEXT:},
 * {@code -COUNT-3:}, {@code {LITERAL}:}, ...). Anything may come before the prefix on its line, so
 * {@code // CHECK: x} and {@code # CHECK: x} both work; a prefix without a valid suffix is passed over.
 */
final class DirectiveScanner {
    /** Comment prefixes: a {@code COM:} or {@code RUN:} line is not a directive. */
    static final List<String> COMMENT_PREFIXES = List.of("COM", "RUN");

    private static final List<String> BAD_NOT_COMBOS = List.of("DAG-NOT:", "NOT-DAG:", "NEXT-NOT:", "NOT-NEXT:",
            "SAME-NOT:", "NOT-SAME:", "EMPTY-NOT:", "NOT-EMPTY:");
    private static final List<CheckKind> SUFFIXED_KINDS = List.of(CheckKind.NEXT, CheckKind.SAME, CheckKind.NOT,
            CheckKind.DAG, CheckKind.LABEL, CheckKind.EMPTY);

    /**
     * The start of a directive.
     *
     * @param prefix       the prefix found
     * @param start        offset of the prefix
     * @param patternStart offset just after the directive's colon
     * @param comment      whether it is a comment ({@code COM:}, {@code RUN:}), not a directive
     * @param problem      a fatal error in the directive's name (misspelled, bad count), or null
     */
    record Head(String prefix, int start, int patternStart, CheckKind kind, int count, boolean literal,
                boolean comment, String problem) {
    }

    private final String text;
    private final List<String> prefixes;
    private final List<String> checkPrefixes;
    /** For each of {@link #prefixes}, its first occurrence at or after the last search, or -1 when none is left. */
    private final int[] nextAt;

    DirectiveScanner(String text, List<String> checkPrefixes) {
        this.text = text;
        this.checkPrefixes = List.copyOf(checkPrefixes);
        List<String> all = new ArrayList<>(checkPrefixes);
        all.addAll(COMMENT_PREFIXES);
        all.sort(Comparator.comparingInt(String::length).reversed());
        this.prefixes = List.copyOf(all);
        this.nextAt = new int[all.size()];
        for (int p = 0; p < nextAt.length; p++) {
            nextAt[p] = text.indexOf(all.get(p));
        }
    }

    /** The first directive or comment at or after {@code from}, or null when there is none. */
    Head next(int from) {
        int pos = from;
        while (pos < text.length()) {
            int best = -1;
            String found = null;
            for (int p = 0; p < prefixes.size(); p++) {
                // Each prefix's next occurrence is remembered, so absent prefixes are not searched for again.
                if (nextAt[p] >= 0 && nextAt[p] < pos) {
                    nextAt[p] = text.indexOf(prefixes.get(p), pos);
                }
                int at = nextAt[p];
                if (at >= 0 && (best < 0 || at < best)) {
                    best = at;
                    found = prefixes.get(p);
                }
            }
            if (best < 0) {
                return null;
            }
            if (best == pos || !isWordChar(text.charAt(best - 1))) {
                Head head = decode(found, best);
                if (head != null) {
                    return head;
                }
            }
            pos = best + found.length();
            while (pos < text.length() && isWordChar(text.charAt(pos))) {
                pos++;
            }
        }
        return null;
    }

    /** Reads the suffix after the prefix at {@code start}; null when it does not make a directive. */
    private Head decode(String prefix, int start) {
        int r = start + prefix.length();
        if (r >= text.length()) {
            return null;
        }
        if (!checkPrefixes.contains(prefix)) {
            return text.charAt(r) == ':' ? new Head(prefix, start, r + 1, CheckKind.PLAIN, 1, false, true, null) : null;
        }
        char c = text.charAt(r);
        if (c == ':' || c == '{') {
            return modifiers(prefix, start, r, CheckKind.PLAIN, 1);
        }
        boolean misspelled = c == '_';
        if (!misspelled && c != '-') {
            return null;
        }
        Head head = suffixed(prefix, start, r + 1);
        if (head != null && misspelled && head.problem() == null) {
            String written = text.substring(start, head.patternStart());
            return problem(head, "misspelled directive '" + written + "'");
        }
        return head;
    }

    private Head suffixed(String prefix, int start, int r) {
        if (text.startsWith("COUNT-", r)) {
            return count(prefix, start, r + "COUNT-".length());
        }
        for (String combo : BAD_NOT_COMBOS) {
            if (text.startsWith(combo, r)) {
                return problem(new Head(prefix, start, r + combo.length(), CheckKind.NOT, 1, false, false, null),
                        "unsupported -NOT combo on prefix '" + prefix + "'");
            }
        }
        for (CheckKind kind : SUFFIXED_KINDS) {
            String word = kind.suffix().substring(1);
            if (text.startsWith(word, r)) {
                return modifiers(prefix, start, r + word.length(), kind, 1);
            }
        }
        return null;
    }

    private Head count(String prefix, int start, int r) {
        int digitsEnd = r;
        while (digitsEnd < text.length() && Character.isDigit(text.charAt(digitsEnd)) && digitsEnd - r < 11) {
            digitsEnd++;
        }
        long count = digitsEnd == r ? 0 : Long.parseLong(text.substring(r, digitsEnd));
        boolean terminated = digitsEnd < text.length() && (text.charAt(digitsEnd) == ':' || text.charAt(digitsEnd) == '{');
        if (count <= 0 || count > Integer.MAX_VALUE || !terminated) {
            return problem(new Head(prefix, start, digitsEnd, CheckKind.PLAIN, 1, false, false, null),
                    "invalid count in -COUNT specification on prefix '" + prefix + "'");
        }
        return modifiers(prefix, start, digitsEnd, CheckKind.PLAIN, (int) count);
    }

    /** Reads {@code :} or {@code {LITERAL}:} at {@code r}. */
    private Head modifiers(String prefix, int start, int r, CheckKind kind, int count) {
        if (r < text.length() && text.charAt(r) == ':') {
            return new Head(prefix, start, r + 1, kind, count, false, false, null);
        }
        if (r >= text.length() || text.charAt(r) != '{') {
            return null;
        }
        int i = r + 1;
        while (true) {
            i = skipBlanks(i);
            if (!text.startsWith("LITERAL", i)) {
                return null;
            }
            i = skipBlanks(i + "LITERAL".length());
            if (i >= text.length() || text.charAt(i) != ',') {
                break;
            }
            i++;
        }
        if (!text.startsWith("}:", i)) {
            return null;
        }
        return new Head(prefix, start, i + 2, kind, count, true, false, null);
    }

    private int skipBlanks(int i) {
        while (i < text.length() && Whitespace.isBlank(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static Head problem(Head head, String message) {
        return new Head(head.prefix(), head.start(), head.patternStart(), head.kind(), head.count(), head.literal(),
                false, message);
    }

    /** Characters that continue a word: a prefix right after one of them is not a prefix. */
    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_';
    }
}
