package kiln.dialects.filecheck;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Renders a {@link Diagnostic} as readable text: the error with its check line, the notes, and a numbered excerpt
 * of the original input around every line the notes point at (marked with {@code >}).
 */
final class ErrorReport {
    private static final int CONTEXT = 2;
    private static final int MAX_WINDOWS = 4;
    private static final int MAX_LINE_WIDTH = 160;

    private final LineIndex input;

    ErrorReport(String originalInput) {
        this.input = new LineIndex(originalInput);
    }

    String render(Diagnostic diagnostic) {
        StringBuilder out = new StringBuilder();
        out.append("check:").append(diagnostic.checkLine()).append(": error: ").append(diagnostic.message());
        if (!diagnostic.checkSource().isEmpty()) {
            out.append("\n    ").append(diagnostic.checkSource());
        }
        TreeSet<Integer> marked = new TreeSet<>();
        for (Diagnostic.Note note : diagnostic.notes()) {
            out.append('\n');
            if (note.inputLine() > 0) {
                out.append("input:").append(note.inputLine()).append(": ");
                marked.add(note.inputLine());
            }
            out.append("note: ").append(note.text());
        }
        if (!marked.isEmpty()) {
            out.append("\ninput excerpt:");
            excerpt(marked, out);
        }
        return out.toString();
    }

    private void excerpt(TreeSet<Integer> marked, StringBuilder out) {
        // A final newline ends the last line; the empty "line" after it is shown only when a note points at it.
        int lineCount = input.lineCount();
        if (lineCount > 1 && input.line(lineCount).isEmpty()) {
            lineCount--;
        }
        List<int[]> windows = new ArrayList<>();
        for (int line : marked) {
            int first = Math.max(1, line - CONTEXT);
            int last = Math.max(line, Math.min(lineCount, line + CONTEXT));
            int[] previous = windows.isEmpty() ? null : windows.getLast();
            if (previous != null && first <= previous[1] + 1) {
                previous[1] = Math.max(previous[1], last);
            } else if (windows.size() < MAX_WINDOWS) {
                windows.add(new int[] {first, last});
            }
        }
        for (int w = 0; w < windows.size(); w++) {
            if (w > 0) {
                out.append("\n        ...");
            }
            for (int line = windows.get(w)[0]; line <= windows.get(w)[1]; line++) {
                out.append('\n').append(marked.contains(line) ? '>' : ' ')
                        .append(String.format("%6d | ", line)).append(clip(input.line(line)));
            }
        }
    }

    private static String clip(String line) {
        return line.length() <= MAX_LINE_WIDTH ? line : line.substring(0, MAX_LINE_WIDTH) + "...";
    }
}
