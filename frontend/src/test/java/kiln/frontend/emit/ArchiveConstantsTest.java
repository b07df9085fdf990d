package kiln.frontend.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One-element tensor constants print their value as C++'s {@code ostream << double} does ({@code %g}). */
class ArchiveConstantsTest {

    @ParameterizedTest
    @CsvSource({
        "0.5, 0.5", "44, 44", "-2.5, -2.5", "0.3333333333333333, 0.333333", "100000, 100000",
        "1234567, 1.23457e+06", "0.0001, 0.0001", "0.00001, 1e-05", "123456.5, 123456", "123457.5, 123458",
        "1e300, 1e+300", "2.5e-7, 2.5e-07", "0.1, 0.1", "-0.0, -0", "0, 0"})
    void doublesPrintAsCppDoes(double value, String expected) {
        assertEquals(expected, ArchiveConstants.cppDouble(value));
    }

    @ParameterizedTest
    @CsvSource({"NaN, nan", "Infinity, inf", "-Infinity, -inf"})
    void nonFiniteValues(double value, String expected) {
        assertEquals(expected, ArchiveConstants.cppDouble(value));
    }
}
