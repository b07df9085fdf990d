package kiln.dialects.filecheck;

import java.util.ArrayList;
import java.util.List;

/** Maps offsets of a text to 1-based line numbers and gives back the text of a line; lines end at {@code \n}. */
final class LineIndex {
    private final String text;
    private final int[] starts;

    LineIndex(String text) {
        this.text = text;
        List<Integer> lineStarts = new ArrayList<>();
        lineStarts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lineStarts.add(i + 1);
            }
        }
        this.starts = lineStarts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The number of lines; a text ending with a newline has an empty last line. */
    int lineCount() {
        return starts.length;
    }

    /** The 1-based line that holds offset {@code pos} (the end of the text belongs to the last line). */
    int lineOf(int pos) {
        int low = 0;
        int high = starts.length - 1;
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (starts[mid] <= pos) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low + 1;
    }

    /** The text of 1-based line {@code line}, without its line terminator. */
    String line(int line) {
        int start = starts[line - 1];
        int end = line < starts.length ? starts[line] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(start, end);
    }
}
