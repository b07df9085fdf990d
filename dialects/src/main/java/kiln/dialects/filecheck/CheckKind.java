package kiln.dialects.filecheck;

/** The kind of a FileCheck directive, named by the suffix that follows the prefix (e.g. {@code CHECK-NEXT:}). */
enum CheckKind {
    /** {@code CHECK:} and {@code CHECK-COUNT-N:}: the next match, anywhere after the previous one. */
    PLAIN(""),
    /** {@code CHECK-NEXT:}: a match on the line right after the previous match. */
    NEXT("-NEXT"),
    /** {@code CHECK-SAME:}: a match on the same line as the previous match, after it. */
    SAME("-SAME"),
    /** {@code CHECK-NOT:}: no match between the surrounding positive matches. */
    NOT("-NOT"),
    /** {@code CHECK-DAG:}: a match, in any order relative to the rest of its group. */
    DAG("-DAG"),
    /** {@code CHECK-LABEL:}: a unique line that splits the input into independently checked blocks. */
    LABEL("-LABEL"),
    /** {@code CHECK-EMPTY:}: the line after the previous match is empty. */
    EMPTY("-EMPTY"),
    /** The implicit directive that matches the end of the input, carrying trailing DAG/NOT directives. */
    EOF("");

    private final String suffix;

    CheckKind(String suffix) {
        this.suffix = suffix;
    }

    /** The text that follows the prefix in the directive's name, e.g. {@code "-NEXT"}. */
    String suffix() {
        return suffix;
    }

    /** True for the directives whose match must be on the line after the previous match. */
    boolean isNextLine() {
        return this == NEXT || this == EMPTY;
    }
}
