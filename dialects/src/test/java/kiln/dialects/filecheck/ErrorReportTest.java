package kiln.dialects.filecheck;

import static kiln.dialects.filecheck.Checks.GRAPH;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a failure says: the directive, where scanning started, and an excerpt of the input. */
class ErrorReportTest {
    @Test
    void notFoundNamesTheDirectiveAndWhereScanningStarted() {
        FileCheckResult result = FileCheck.parse("""
                // CHECK: aten::add
                // CHECK: aten::sub
                """).match(GRAPH);
        assertEquals(1, result.errors().size());
        String error = result.errors().getFirst();
        assertTrue(error.startsWith("""
                check:2: error: CHECK: expected string not found in input
                    // CHECK: aten::sub
                input:3: note: scanning from here"""), error);
    }

    @Test
    void excerptNumbersTheInputLinesAndMarksTheOnesNamed() {
        String error = FileCheck.parse("CHECK: aten::mul\nCHECK-NEXT: aten::add").match(GRAPH).errors().getFirst();
        assertTrue(error.contains("input excerpt:"), error);
        assertTrue(error.contains(">     4 |   %3 : Tensor = aten::mul(%2, %2)"), error);
        assertTrue(error.contains("      3 |   %2 : Tensor = aten::add(%a, %a, %1)"), error);
    }

    @Test
    void nearMissIsPointedOut() {
        String error = FileCheck.parse("CHECK: %3 : Tensor = aten::mull(%2, %2)").match(GRAPH).errors().getFirst();
        assertTrue(error.contains("input:4: note: possible intended match here"), error);
    }

    @Test
    void excludedStringSaysWhereItWasFound() {
        String error = FileCheck.parse("""
                CHECK: graph
                CHECK-NOT: aten::mul
                CHECK: return
                """).match(GRAPH).errors().getFirst();
        assertTrue(error.startsWith("check:2: error: CHECK-NOT: excluded string found in input"), error);
        assertTrue(error.contains("input:4: note: found here"), error);
    }

    @Test
    void assertPassedThrowsWithEveryErrorAndTheExcerpt() {
        FileCheckResult result = FileCheck.parse("""
                CHECK-LABEL: graph
                CHECK-NOT: prim::Constant
                CHECK-NOT: aten::add
                CHECK: aten::mul
                """).match(GRAPH);
        AssertionError error = assertThrows(AssertionError.class, result::assertPassed);
        String message = error.getMessage();
        assertTrue(message.startsWith("FileCheck failed with 2 errors:"), message);
        assertTrue(message.contains("check:2: error: CHECK-NOT: excluded string found in input"), message);
        assertTrue(message.contains("check:3: error: CHECK-NOT: excluded string found in input"), message);
        assertTrue(message.contains(">     2 |   %1 : int = prim::Constant[value=1]()"), message);
    }

    @Test
    void passingResultHasNoErrors() {
        FileCheckResult result = FileCheck.parse("CHECK: return").match(GRAPH);
        assertEquals(new FileCheckResult(true, List.of()), result);
        assertDoesNotThrow(result::assertPassed);
    }

    @Test
    void checkIsReusableAcrossInputs() {
        FileCheck check = FileCheck.parse("CHECK: %[[X:[0-9]]] = aten::add\nCHECK: return (%[[X]])");
        assertTrue(check.match("%2 = aten::add\nreturn (%2)").passed());
        assertTrue(check.match("%4 = aten::add\nreturn (%4)").passed());
        assertTrue(!check.match("%4 = aten::add\nreturn (%2)").passed());
    }
}
