package kiln.runtime.tensor;

import static kiln.runtime.tensor.Assertions2.arangeF;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import kiln.dialects.torch.types.ScalarType;
import kiln.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/** ATen's operator<< for tensors, which TorchScript's print writes, checked against PyTorch 2.11's own output. */
class AtenPrinterTest {
    @Test
    void zeroDimShowsTheShortestValue() {
        assertEquals("-0.0054196580313146114\n[ CPUFloatType{} ]",
                Tensor.scalar(Scalar.of(-0.0054196580313146114)).toAtenString());
        assertEquals("2\n[ CPUFloatType{} ]", Tensor.scalar(Scalar.of(2.0)).toAtenString());
        assertEquals("7\n[ CPULongType{} ]", Tensor.scalar(Scalar.of(7L)).toAtenString());
        assertEquals("1\n[ CPUBoolType{} ]", Tensor.scalar(Scalar.of(true)).toAtenString());
        assertEquals("1e-05\n[ CPUDoubleType{} ]", Tensor.scalar(Scalar.of(1e-5), ScalarType.Double).toAtenString());
        assertEquals("-inf\n[ CPUFloatType{} ]",
                Tensor.scalar(Scalar.of(Double.NEGATIVE_INFINITY)).toAtenString());
    }

    @Test
    void vectorsOneValuePerLine() {
        assertEquals(" 1\n 2\n 3\n[ CPUFloatType{3} ]", Tensor.of(new float[] {1, 2, 3}).toAtenString());
        assertEquals("   1\n  20\n 300\n[ CPULongType{3} ]", Tensor.of(new long[] {1, 20, 300}).toAtenString());
        assertEquals(" 0.5000\n-1.2500\n[ CPUFloatType{2} ]", Tensor.of(new float[] {0.5f, -1.25f}).toAtenString());
        assertEquals("100000 *\n 1.2346\n 2.3457\n[ CPUDoubleType{2} ]",
                Tensor.of(new double[] {123456.5, 234567.25}).toAtenString());
        assertEquals("0.001 *\n 1.0000\n 2.0000\n[ CPUFloatType{2} ]",
                Tensor.of(new float[] {0.001f, 0.002f}).toAtenString());
        assertEquals(" 1.0000e-05\n 1.0000e+00\n[ CPUFloatType{2} ]",
                Tensor.of(new float[] {1e-5f, 1}).toAtenString());
        assertEquals("[ CPUFloatType{0} ]", Tensor.of(new float[0]).toAtenString());
    }

    @Test
    void largeIntegersUseGeneralNotation() {
        assertEquals("1.23457e+06\n[ CPUDoubleType{1} ]", Tensor.of(new double[] {1234567}).toAtenString());
        assertEquals(" 1.0000e+10\n[ CPULongType{1} ]", Tensor.of(new long[] {10_000_000_000L}).toAtenString());
    }

    @Test
    void matricesAndColumnBlocks() {
        assertEquals(" 1.5000  2.2500\n 3.0000  4.0000\n[ CPUFloatType{2,2} ]",
                Tensor.of(new float[] {1.5f, 2.25f, 3, 4}, 2, 2).toAtenString());
        String wide = Tensor.full(Scalar.of(0.5), ScalarType.Float, 2, 12).toAtenString();
        String block = " 0.5000 ".repeat(9) + " 0.5000\n";
        String tail = " 0.5000  0.5000\n";
        assertEquals("Columns 1 to 10" + block + block + "\nColumns 11 to 12" + tail + tail
                + "[ CPUFloatType{2,12} ]", wide);
        assertEquals("[ CPUFloatType{0,3} ]", Tensor.zeros(ScalarType.Float, 0, 3).toAtenString());
    }

    @Test
    void higherDimensionsVaryTheFirstIndexFastest() {
        assertEquals("(1,.,.) = \n 0  1\n  2  3\n\n(2,.,.) = \n 4  5\n  6  7\n[ CPUFloatType{2,2,2} ]",
                arangeF(2, 2, 2).toAtenString());
        String four = arangeF(2, 2, 1, 1).toAtenString();
        assertEquals("(1,1,.,.) = \n 0\n\n(2,1,.,.) = \n 2\n\n(1,2,.,.) = \n 1\n\n(2,2,.,.) = \n 3\n"
                + "[ CPUFloatType{2,2,1,1} ]", four);
    }

    /** The stdout PyTorch recorded for rnn_print, rebuilt from the printed values. */
    @Test
    void reproducesTheRecordedTorchScriptPrints() throws IOException {
        Path io = Fixtures.models().resolve("rnn_print.io.pt");
        List<String> outputs = recordedStdout(io);
        assertFalse(outputs.isEmpty());
        Pattern stats = Pattern.compile("stats:  (\\S+)\n\\[ CPUFloatType\\{\\} \\] (\\S+)\n\\[ CPUFloatType\\{\\} \\]\n");
        int lines = 0;
        for (String out : outputs) {
            Matcher m = stats.matcher(out);
            StringBuilder rebuilt = new StringBuilder();
            while (m.find()) {
                Tensor mean = Tensor.scalar(Scalar.of((double) Float.parseFloat(m.group(1))));
                Tensor var = Tensor.scalar(Scalar.of((double) Float.parseFloat(m.group(2))));
                rebuilt.append("stats:  ").append(mean.toAtenString()).append(' ').append(var.toAtenString())
                        .append('\n');
                lines++;
            }
            assertEquals(out, rebuilt.toString());
        }
        assertEquals(3, lines);
    }

    /** The non-empty 'stdout' strings of an .io.pt file's data.pkl (BINUNICODE after the key). */
    private static List<String> recordedStdout(Path file) throws IOException {
        List<String> found = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.stream().filter(e -> e.getName().endsWith("/data.pkl")).findFirst().orElseThrow();
            byte[] pkl;
            try (InputStream in = zip.getInputStream(entry)) {
                pkl = in.readAllBytes();
            }
            byte[] key = "stdout".getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i + key.length < pkl.length; i++) {
                if (!matches(pkl, i, key)) {
                    continue;
                }
                int j = i + key.length;
                while (j < pkl.length && pkl[j] != 'X') {
                    j++;
                }
                int len = ByteBuffer.wrap(pkl, j + 1, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                String value = new String(pkl, j + 5, len, StandardCharsets.UTF_8);
                if (!value.isEmpty()) {
                    found.add(value);
                }
            }
        }
        return found;
    }

    private static boolean matches(byte[] data, int at, byte[] key) {
        for (int k = 0; k < key.length; k++) {
            if (data[at + k] != key[k]) {
                return false;
            }
        }
        return true;
    }
}
