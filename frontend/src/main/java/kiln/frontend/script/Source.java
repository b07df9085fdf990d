package kiln.frontend.script;

import java.util.Arrays;
import java.util.Objects;

/** A TorchScript source text and the name of the file it came from, with an index of where its lines start. */
public final class Source {
    private final String file;
    private final String text;
    private final int[] lineStarts;

    public Source(String file, String text) {
        this.file = Objects.requireNonNull(file, "file");
        this.text = Objects.requireNonNull(text, "text");
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, count);
    }

    public String file() {
        return file;
    }

    public String text() {
        return text;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** The 1-based line holding {@code offset} (an offset at the very end belongs to the last line). */
    public int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The 1-based column of {@code offset} on its line, counted in UTF-16 chars. */
    public int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** Where 1-based {@code line} starts. */
    public int lineStart(int line) {
        return lineStarts[line - 1];
    }

    /** The text of 1-based {@code line}, without its line terminator. */
    public String lineText(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') {
            end--;
        }
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return file;
    }
}
