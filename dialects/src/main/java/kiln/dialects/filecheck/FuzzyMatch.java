package kiln.dialects.filecheck;

/**
 * LLVM FileCheck's "possible intended match here": the place in the searched input that is the fewest edits away
 * from a pattern that was not found, preferring nearer lines.
 */
final class FuzzyMatch {
    private static final int SEARCH_LIMIT = 4096;
    private static final long WORK_LIMIT = 50_000_000L;
    private static final double GOOD_ENOUGH = 50;

    private FuzzyMatch() {
    }

    /** The offset of the best near-match of {@code example} in {@code text[from, to)}, or -1 when none is close. */
    static int find(String text, int from, int to, String example) {
        int limit = Math.min(SEARCH_LIMIT, to - from);
        if (example.isEmpty() || (long) limit * example.length() * example.length() > WORK_LIMIT) {
            return -1;
        }
        int linesForward = 0;
        int best = -1;
        double bestQuality = 0;
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(from + i);
            if (c == '\n') {
                linesForward++;
            }
            if (Whitespace.isBlank(c)) {
                continue;
            }
            int end = Math.min(to, from + i + example.length());
            int newline = text.indexOf('\n', from + i);
            if (newline >= 0 && newline < end) {
                end = newline;
            }
            double quality = editDistance(text, from + i, end, example) + linesForward / 100.0;
            if (best < 0 || quality < bestQuality) {
                best = i;
                bestQuality = quality;
            }
        }
        // A best match at the start of the search is already shown by "scanning from here".
        return best > 0 && bestQuality < GOOD_ENOUGH ? from + best : -1;
    }

    /** Levenshtein distance between {@code text[start, end)} and {@code b}. */
    private static int editDistance(String text, int start, int end, String b) {
        int[] row = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            row[j] = j;
        }
        for (int i = start; i < end; i++) {
            int diagonal = row[0];
            row[0] = i - start + 1;
            for (int j = 1; j <= b.length(); j++) {
                int above = row[j];
                int substitute = diagonal + (text.charAt(i) == b.charAt(j - 1) ? 0 : 1);
                row[j] = Math.min(substitute, Math.min(above, row[j - 1]) + 1);
                diagonal = above;
            }
        }
        return row[b.length()];
    }
}
