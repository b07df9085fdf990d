package kiln.frontend.script;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code # type: ...} comments of a source, found by the lexer: the range of the text after {@code type:} by
 * line, and whether the comment stands alone on its line or trails code. {@code # type: ignore} comments are
 * ordinary comments and are not kept.
 */
final class TypeComments {
    private record Comment(SourceRange text, boolean standalone) {
    }

    private final Map<Integer, Comment> byLine = new HashMap<>();

    void add(SourceRange text, boolean standalone) {
        String t = text.text().strip();
        if (t.equals("ignore") || t.startsWith("ignore[") || t.startsWith("ignore ") || t.startsWith("ignore#")) {
            return;
        }
        byLine.put(text.startLine(), new Comment(text, standalone));
    }

    /** The type comment that ends {@code line} after code on it. */
    Optional<SourceRange> trailing(int line) {
        Comment c = byLine.get(line);
        return c != null && !c.standalone ? Optional.of(c.text) : Optional.empty();
    }

    /** The first type comment standing alone on a line in {@code [fromLine, toLine)}. */
    Optional<SourceRange> standalone(int fromLine, int toLine) {
        for (int line = fromLine; line < toLine; line++) {
            Comment c = byLine.get(line);
            if (c != null && c.standalone) {
                return Optional.of(c.text);
            }
        }
        return Optional.empty();
    }
}
