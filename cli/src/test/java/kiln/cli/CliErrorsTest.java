package kiln.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gives one clear line on stderr and exit code 1, with no stack trace unless --verbose. */
class CliErrorsTest {
    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Lower.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(code, out.toString(), err.toString());
    }

    private static void assertOneLineError(Result r, String expected) {
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().startsWith("lower: "), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r.err());
    }

    @Test
    void missingFile() {
        assertOneLineError(run("inspect", dir.resolve("nope.pt").toString()), "nope.pt: no such file");
    }

    @Test
    void notAZip() throws IOException {
        Path p = Files.writeString(dir.resolve("text.pt"), "hello");
        assertOneLineError(run("inspect", p.toString()), "not a zip archive");
    }

    @Test
    void refusedPickleGlobalIsNamed() throws IOException {
        // PROTO 2, GLOBAL 'os system', EMPTY_TUPLE, REDUCE, STOP: would run os.system() in Python
        byte[] exploit = {(byte) 0x80, 2, 'c', 'o', 's', '\n', 's', 'y', 's', 't', 'e', 'm', '\n', ')', 'R', '.'};
        Path p = dir.resolve("evil.pt");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(p))) {
            stored(zip, "evil/data.pkl", exploit);
            stored(zip, "evil/version", "3\n".getBytes(StandardCharsets.UTF_8));
        }
        Result r = run("inspect", p.toString());
        assertOneLineError(r, "refused global 'os.system'");
    }

    @Test
    void torchScriptTypeErrorPointsAtTheSource() throws IOException {
        Path p = Files.writeString(dir.resolve("bad.py"), """
                def f(x: int) -> int:
                    y = x
                    y = "text"
                    return y
                """);
        Result r = run("inspect", p.toString());
        assertEquals(1, r.code());
        // as PyTorch 2.13 reports it: reassignment in the same block retypes y, the return then mismatches
        assertTrue(r.err().startsWith("lower: " + p + ":4:5: error: Return value was annotated as having type int "
                + "but is actually of type str"), r.err());
        assertTrue(r.err().contains("return y"), "shows the offending line: " + r.err());
    }

    @Test
    void verboseAddsTheStackTrace() throws IOException {
        Path p = Files.writeString(dir.resolve("text.pt"), "hello");
        assertTrue(run("--verbose", "inspect", p.toString()).err().contains("\tat "));
    }

    @Test
    void graphTextErrorIsOneLine() throws IOException {
        Path p = Files.writeString(dir.resolve("g.txt"), "graph(%x : Tensor):\n  return (%y)\n");
        assertOneLineError(run("parse", p.toString()), "g.txt:2:11: error: use of undefined value '%y'");
    }

    private static void stored(ZipOutputStream zip, String name, byte[] data) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(data);
        zip.closeEntry();
    }

}
