package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kiln.dialects.filecheck.FileCheck;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the IR tests under the repository's {@code test/} folder the way LLVM's lit does: each file's
 * {@code RUN:} lines are pipelines of {@code lower …} (run in-process; {@code not} expects failure,
 * {@code 2>&1} merges errors into the output; a stage after another reads its output as standard input, so
 * {@code lower opt %s | lower opt -} round-trips) feeding {@code FileCheck %s [--check-prefix=P]}. Words are split
 * as a shell does, so {@code --pass-pipeline='canonicalize{max-iterations=1 top-down=false}'} is one word.
 */
class LitTest {
    private static final Pattern RUN = Pattern.compile("(?:#|//)\\s*RUN:\\s*(.*)");
    private static final Path ROOT = Path.of(System.getProperty("kiln.root", ".."), "test");

    @TestFactory
    Stream<DynamicTest> litTests() throws IOException {
        assertTrue(Files.isDirectory(ROOT), "lit test folder " + ROOT.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> s = Files.walk(ROOT)) {
            files = s.filter(p -> p.toString().endsWith(".kir") || p.toString().endsWith(".py")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no .kir tests found under " + ROOT);
        return files.stream().map(f -> DynamicTest.dynamicTest(ROOT.relativize(f).toString(), () -> runFile(f)));
    }

    private static void runFile(Path file) throws IOException {
        String text = Files.readString(file);
        List<String> runs = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = RUN.matcher(line.strip());
            if (m.matches()) {
                runs.add(m.group(1).replace("%s", file.toString()));
            }
        }
        assertFalse(runs.isEmpty(), file + " has no RUN: line");
        for (String run : runs) {
            runPipeline(run, text);
        }
    }

    private static void runPipeline(String pipeline, String checkText) {
        String[] stages = pipeline.split("\\s\\|\\s");
        String output = null;
        for (String stage : stages) {
            List<String> words = shellWords(stage.strip());
            if (words.getFirst().equals("FileCheck")) {
                String prefix = "CHECK";
                for (String w : words) {
                    if (w.startsWith("--check-prefix=") || w.startsWith("--check-prefixes=")) {
                        prefix = w.substring(w.indexOf('=') + 1);
                    }
                }
                if (output == null) {
                    fail("FileCheck needs input in: " + pipeline);
                }
                FileCheck.parse(checkText, prefix).match(output).assertPassed();
                continue;
            }
            boolean expectFailure = words.getFirst().equals("not");
            if (expectFailure) {
                words.removeFirst();
            }
            boolean mergeErr = words.remove("2>&1");
            if (!words.getFirst().equals("lower")) {
                fail("unknown RUN command '" + words.getFirst() + "' in: " + pipeline);
            }
            words.removeFirst();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            PrintWriter outW = new PrintWriter(out, true);
            java.io.InputStream stdin = System.in;
            int code;
            try {
                if (output != null) {
                    System.setIn(new java.io.ByteArrayInputStream(output.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                }
                code = Lower.run(words.toArray(String[]::new), outW, mergeErr ? outW : new PrintWriter(err, true));
            } finally {
                System.setIn(stdin);
            }
            if (expectFailure) {
                assertTrue(code != 0, "expected failure of: " + stage + "\noutput:\n" + out);
            } else {
                assertEquals(0, code, () -> "failed: " + stage + "\n" + err + out);
            }
            output = out.toString();
        }
    }

    /** Splits a command line into words as a POSIX shell does for quotes ('…', "…") and blanks. */
    static List<String> shellWords(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(w.toString());
                    w.setLength(0);
                    inWord = false;
                }
            } else {
                w.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(w.toString());
        }
        return words;
    }
}
