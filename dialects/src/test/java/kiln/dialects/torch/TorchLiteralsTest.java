package kiln.dialects.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** PyTorch's spellings of doubles and strings in graph text. */
class TorchLiteralsTest {
    @Test
    void doubleFormatMatchesPyTorch() {
        assertEquals("1.", DoubleFormat.format(1.0));
        assertEquals("-0.", DoubleFormat.format(-0.0));
        assertEquals("0.10000000000000001", DoubleFormat.format(0.1));
        assertEquals("1.0000000000000001e-05", DoubleFormat.format(1e-5));
        assertEquals("-3.1400000000000001", DoubleFormat.format(-3.14));
        assertEquals("-0.6046891126565539", DoubleFormat.format(-0.6046891126565539));
        assertEquals("0.001", DoubleFormat.format(0.001));
        assertEquals("10000000000", DoubleFormat.format(1e10));
        assertEquals("1e+20", DoubleFormat.format(1e20));
        assertEquals("1.4999999999999999e-07", DoubleFormat.format(1.5e-7));
        assertEquals("inf", DoubleFormat.format(Double.POSITIVE_INFINITY));
        assertEquals("-inf", DoubleFormat.format(Double.NEGATIVE_INFINITY));
        assertEquals("nan", DoubleFormat.format(Double.NaN));
        for (double d : new double[] {0.1, 1e-5, -3.14, 1e20, 123.456, 5e-324, Double.MAX_VALUE}) {
            assertEquals(d, DoubleFormat.parse(DoubleFormat.format(d)));
        }
    }

    @Test
    void quotedStringsRoundTrip() {
        for (String s : List.of("plain", "with \"quotes\" and \\", "tab\tnew\nline", "héllo ✓", "\u0001")) {
            String q = QuotedString.quote(s);
            assertEquals(s, QuotedString.unquote(q, 0).value(), q);
        }
        assertEquals("\"a\\nb\"", QuotedString.quote("a\nb"));
        assertEquals("\"\\303\\251\"", QuotedString.quote("é"));
    }
}
