package kiln.frontend.script;

/**
 * A span {@code [start, end)} of a {@link Source}, by char offsets. Lines and columns are 1-based. Ranges take no
 * part in the structural comparison of syntax trees ({@link AstEquality}).
 */
public record SourceRange(Source source, int start, int end) {

    public SourceRange {
        if (start < 0 || end < start || end > source.text().length()) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ") in " + source.file());
        }
    }

    public String file() {
        return source.file();
    }

    public int startLine() {
        return source.line(start);
    }

    public int startColumn() {
        return source.column(start);
    }

    public int endLine() {
        return source.line(end);
    }

    public int endColumn() {
        return source.column(end);
    }

    /** The covered text. */
    public String text() {
        return source.text().substring(start, end);
    }

    /** The whole source line on which this range starts. */
    public String lineText() {
        return source.lineText(startLine());
    }

    /** From the start of this range to the end of {@code other}. */
    public SourceRange to(SourceRange other) {
        return new SourceRange(source, start, Math.max(end, other.end));
    }

    /**
     * The line on which this range starts and, under it, a caret at the start column followed by tildes up to the
     * end of the range (or of the line), as a compiler shows it. Tabs before the caret are kept so that it lines
     * up.
     */
    public String highlight() {
        String line = lineText();
        int column = startColumn() - 1;
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < column && i < line.length(); i++) {
            marks.append(line.charAt(i) == '\t' ? '\t' : ' ');
        }
        marks.append('^');
        int last = endLine() == startLine() ? endColumn() - 1 : line.length();
        for (int i = column + 1; i < last; i++) {
            marks.append('~');
        }
        return line + "\n" + marks;
    }

    @Override
    public String toString() {
        return file() + ":" + startLine() + ":" + startColumn() + "-" + endLine() + ":" + endColumn();
    }
}
