package kiln.dialects.filecheck;

import java.util.ArrayList;
import java.util.List;

/**
 * One failed directive: the error and the notes that point into the input.
 *
 * @param checkLine   the directive's line in the check text
 * @param checkSource the directive's line as written (empty for the implicit EOF directive)
 * @param message     the error, e.g. {@code CHECK: expected string not found in input}
 * @param notes       where to look in the input, in the order written
 */
record Diagnostic(int checkLine, String checkSource, String message, List<Note> notes) {
    Diagnostic {
        notes = List.copyOf(notes);
    }

    /**
     * A note of a diagnostic.
     *
     * @param inputLine the 1-based input line it points at, or 0 when it points nowhere
     * @param text      the note, e.g. {@code scanning from here}
     */
    record Note(int inputLine, String text) {
    }

    /** Collects the notes of a diagnostic about one directive. */
    static final class Builder {
        private final Directive directive;
        private final String message;
        private final List<Note> notes = new ArrayList<>();

        Builder(Directive directive, String message) {
            this.directive = directive;
            this.message = directive.name() + ": " + message;
        }

        Builder note(int inputLine, String text) {
            notes.add(new Note(inputLine, text));
            return this;
        }

        Diagnostic build() {
            return new Diagnostic(directive.line(), directive.source(), message, notes);
        }
    }
}
