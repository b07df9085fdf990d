package kiln.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an input at separator lines ({@code # -----} or {@code // -----}), as mlir-opt's
 * {@code --split-input-file} does. Each chunk keeps its original line numbers: it is preceded by as many empty
 * lines as came before it, so errors point into the original file.
 */
final class SplitInput {
    private SplitInput() {
    }

    static List<String> split(String text) {
        List<String> chunks = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder current = new StringBuilder();
        int chunkStartLine = 0;
        for (int i = 0; i < lines.length; i++) {
            String t = lines[i].strip();
            if (t.equals("# -----") || t.equals("// -----")) {
                chunks.add(current.toString());
                current.setLength(0);
                chunkStartLine = i + 1;
                continue;
            }
            if (current.isEmpty()) {
                current.append("\n".repeat(chunkStartLine));
            }
            current.append(lines[i]);
            if (i < lines.length - 1) {
                current.append('\n');
            }
        }
        chunks.add(current.toString());
        return chunks;
    }
}
