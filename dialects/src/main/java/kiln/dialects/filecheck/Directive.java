package kiln.dialects.filecheck;

/**
 * One directive of a check text.
 *
 * @param kind    what the directive asks for
 * @param prefix  the check prefix it was written with, e.g. {@code CHECK}
 * @param count   how many consecutive matches it needs ({@code CHECK-COUNT-N}); 1 otherwise
 * @param literal whether it carried the {@code {LITERAL}} modifier
 * @param line    its 1-based line number in the check text
 * @param source  the check text's line, trimmed, for error messages
 * @param pattern what it matches
 */
record Directive(CheckKind kind, String prefix, int count, boolean literal, int line, String source,
                 CheckPattern pattern) {

    /** The implicit end-of-input directive that carries trailing CHECK-DAG/CHECK-NOT directives. */
    static Directive endOfInput(String prefix, int line) {
        return new Directive(CheckKind.EOF, prefix, 1, false, line, "", CheckPattern.endOfInput());
    }

    /** The directive's name as written, e.g. {@code CHECK-NEXT} or {@code CHECK-COUNT-3}. */
    String name() {
        if (kind == CheckKind.EOF) {
            return "implicit EOF";
        }
        String suffix = count > 1 ? "-COUNT-" + count : kind.suffix();
        return prefix + suffix + (literal ? "{LITERAL}" : "");
    }
}
