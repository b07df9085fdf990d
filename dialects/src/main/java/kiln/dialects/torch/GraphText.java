package kiln.dialects.torch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Diagnostic;
import kiln.dialects.ir.Verifier;

/**
 * Files of graph text: one or more graphs, optionally under {@code ### name} headers as in the fixtures'
 * {@code *.graph.txt}. Sections holding TorchScript source ({@code ### code}) or a {@code FAILED:} note are
 * kept verbatim; every other section must be a graph.
 */
public final class GraphText {
    private GraphText() {
    }

    /**
     * A section of a file.
     *
     * @param name     the header name, or null for graphs not under a header
     * @param line     the 1-based line where the section's body starts
     * @param graph    the parsed graph, or null for a verbatim section
     * @param verbatim the body of a non-graph section exactly as written (trailing blank lines included), else null
     * @param positions where each op of the graph stood in the text (for diagnostics about ops that carry no
     *                  source location of their own)
     */
    public record Section(String name, int line, Graph graph, String verbatim, Map<Operation, Location> positions) {
        public boolean isGraph() {
            return graph != null;
        }
    }

    public static List<Section> parse(String text, String file) {
        return parse(text, file, false);
    }

    /**
     * Reads the sections of {@code text}; with {@code allowUnregistered}, graphs may hold ops no dialect knows and
     * operators PyTorch has no schema for (see {@link GraphParser#parse(String, String, boolean)}).
     */
    public static List<Section> parse(String text, String file, boolean allowUnregistered) {
        List<Section> sections = new ArrayList<>();
        int pos = 0;
        int line = 1;
        if (!text.stripLeading().startsWith("### ")) {
            parseGraphs(text, file, null, 0, 1, text.length(), allowUnregistered, sections);
            return sections;
        }
        while (pos < text.length()) {
            int headerStart = text.indexOf("### ", pos);
            if (headerStart < 0) {
                break;
            }
            line += count(text, pos, headerStart);
            int headerEnd = text.indexOf('\n', headerStart);
            if (headerEnd < 0) {
                headerEnd = text.length();
            }
            String name = text.substring(headerStart + 4, headerEnd).strip();
            int bodyStart = Math.min(headerEnd + 1, text.length());
            int next = nextHeader(text, bodyStart);
            String body = text.substring(bodyStart, next);
            String trimmed = body.strip();
            if (trimmed.startsWith("graph(")) {
                parseGraphs(text, file, name, bodyStart, line + 1, next, allowUnregistered, sections);
            } else {
                sections.add(new Section(name, line + 1, null, body, Map.of()));
            }
            line += count(text, headerStart, next);
            pos = next;
        }
        return sections;
    }

    private static void parseGraphs(String text, String file, String name, int from, int line, int to,
                                    boolean allowUnregistered, List<Section> out) {
        String bounded = text.substring(0, to);
        int pos = from;
        while (true) {
            TextCursor c = new TextCursor(bounded, file, pos);
            c.skipWhitespace();
            pos = c.pos;
            if (pos >= to) {
                return;
            }
            GraphParser.Parsed p = GraphParser.parseAt(bounded, file, pos, allowUnregistered);
            out.add(new Section(name, line + count(text, from, pos), p.graph(), null, p.positions()));
            pos = p.end();
        }
    }

    private static int nextHeader(String text, int from) {
        int h = text.indexOf("\n### ", Math.max(from - 1, 0));
        return h < 0 ? text.length() : h + 1;
    }

    private static int count(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** Prints sections back: graphs in canonical form, other sections as they were. */
    public static String print(List<Section> sections) {
        StringBuilder out = new StringBuilder();
        for (Section s : sections) {
            if (s.name() != null) {
                out.append("### ").append(s.name()).append('\n');
            }
            out.append(s.isGraph() ? GraphPrinter.print(s.graph()) + "\n\n" : s.verbatim());
        }
        return out.toString();
    }

    /** Verifies every graph section; returns the problems, each prefixed with its section. */
    public static List<String> verify(List<Section> sections) {
        List<String> problems = new ArrayList<>();
        for (Section s : sections) {
            if (s.isGraph()) {
                for (Diagnostic d : Verifier.verify(s.graph().region())) {
                    Location where = d.op() == null ? null : s.positions().get(d.op());
                    String text = where != null && !(d.location() instanceof Location.FileLineCol)
                            ? where + ": " + d : d.toString();
                    problems.add(s.name() == null ? text : afterFirstLine(text, " (in section '" + s.name() + "')"));
                }
            }
        }
        return problems;
    }

    /** {@code text} with {@code suffix} at the end of its first line (a message may carry detail lines). */
    public static String afterFirstLine(String text, String suffix) {
        int eol = text.indexOf('\n');
        return eol < 0 ? text + suffix : text.substring(0, eol) + suffix + text.substring(eol);
    }
}
