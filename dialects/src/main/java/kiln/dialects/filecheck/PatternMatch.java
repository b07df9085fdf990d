package kiln.dialects.filecheck;

import java.util.List;

/** The outcome of searching for a pattern in a stretch of input. */
sealed interface PatternMatch {
    /** The pattern matched offsets {@code start} (inclusive) to {@code end} (exclusive). */
    record Found(int start, int end) implements PatternMatch {
    }

    /** The pattern does not occur. */
    record NotFound() implements PatternMatch {
    }

    /** The pattern could not be searched for: it uses variables that have no value. */
    record Undefined(List<String> names) implements PatternMatch {
        public Undefined {
            names = List.copyOf(names);
        }
    }
}
