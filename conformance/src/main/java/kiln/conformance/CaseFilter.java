package kiln.conformance;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Selects cases by id with shell-style globs: {@code *} matches any text ({@code /} too), {@code ?} one character. */
public final class CaseFilter {
    private CaseFilter() {
    }

    /** Ids matching any of {@code patterns}; every id when there are none. */
    public static Predicate<String> globs(List<String> patterns) {
        if (patterns == null || patterns.isEmpty()) {
            return id -> true;
        }
        List<Pattern> compiled = patterns.stream().map(CaseFilter::glob).toList();
        return id -> compiled.stream().anyMatch(p -> p.matcher(id).matches());
    }

    private static Pattern glob(String pattern) {
        StringBuilder re = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }
}
