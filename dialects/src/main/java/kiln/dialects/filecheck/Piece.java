package kiln.dialects.filecheck;

/** One piece of a compiled pattern, in the order written. */
sealed interface Piece {
    /** Text matched as written (after whitespace canonicalisation). */
    record Literal(String text) implements Piece {
    }

    /** An inline {@code {{regex}}}, already in Java form. */
    record Regex(String javaRegex) implements Piece {
    }

    /** {@code [[NAME:regex]]}: the text matched by the regex, captured in named group {@code group}. */
    record Define(String name, String group, String javaRegex) implements Piece {
    }

    /** {@code [[NAME]]} after a definition of NAME in the same pattern: a back-reference to its group. */
    record BackReference(String name, String group) implements Piece {
    }

    /** {@code [[NAME]]} of a variable captured by an earlier directive: its value, matched literally. */
    record Substitution(String name) implements Piece {
    }
}
