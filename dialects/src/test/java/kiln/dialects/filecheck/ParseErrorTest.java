package kiln.dialects.filecheck;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed check text is rejected when it is parsed, with the line and the reason. */
class ParseErrorTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            CHECK:                          | check:1: error: found empty check string with prefix 'CHECK:'
            no directives here              | no check strings found with prefix 'CHECK:'
            CHECK-NEXT: x                   | found 'CHECK-NEXT' without previous 'CHECK: line
            CHECK-EMPTY: x                  | found non-empty check string for empty check
            CHECK_NEXT: x                   | misspelled directive 'CHECK_NEXT:'
            CHECK-NOT-DAG: x                | unsupported -NOT combo on prefix 'CHECK'
            CHECK-COUNT-0: x                | invalid count in -COUNT specification
            CHECK: a {{b                    | found start of regex string with no end '}}'
            CHECK: a {{(b}}                 | invalid regex '(b'
            CHECK: a [[X:b                  | invalid substitution block, no ]] found
            CHECK: [[1X]]                   | invalid variable name
            CHECK: [[X Y]]                  | unexpected whitespace
            CHECK: [[#X]]                   | numeric substitution blocks
            CHECK: {{[[:nope:]]}}           | unknown character class [:nope:]
            CHECK-LABEL: [[X:.*]]           | found 'CHECK-LABEL:' with variable definition or use
            """)
    void rejects(String checkText, String expected) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> FileCheck.parse(checkText));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    @ParameterizedTest(name = "prefix [{0}]")
    @CsvSource(delimiter = '|', textBlock = """
            ''          | supplied check prefix must start with a letter
            CHECK,CHECK | must be unique
            RUN         | must be unique
            """)
    void rejectsBadPrefixes(String prefix, String expected) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> FileCheck.parse(prefix + ": x", prefix));
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }
}
