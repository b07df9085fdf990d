package kiln.dialects.filecheck;

import static kiln.dialects.filecheck.Checks.fails;
import static kiln.dialects.filecheck.Checks.failsWith;
import static kiln.dialects.filecheck.Checks.passes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** CHECK-DAG groups and CHECK-LABEL blocks. */
class LabelAndDagTest {
    private static final String TWO_FUNCTIONS = """
            func @first(%a) {
              %x = aten::add(%a, %a)
              return %x
            }
            func @second(%b) {
              %y = aten::mul(%b, %b)
              return %y
            }
            """;

    @Test
    void dagMatchesInAnyOrder() {
        String check = """
                CHECK: graph
                CHECK-DAG: %b = prim::Constant
                CHECK-DAG: %a = prim::Constant
                CHECK: return
                """;
        passes(check, "graph\n%a = prim::Constant\n%b = prim::Constant\nreturn\n");
        passes(check, "graph\n%b = prim::Constant\n%a = prim::Constant\nreturn\n");
    }

    @Test
    void dagCapturesAreUsableAfterTheGroup() {
        passes("""
                CHECK-DAG: %[[ONE:[0-9]+]] = prim::Constant[value=1]
                CHECK-DAG: %[[TWO:[0-9]+]] = prim::Constant[value=2]
                CHECK: aten::add(%[[TWO]], %[[ONE]])
                """, "%7 = prim::Constant[value=2]\n%5 = prim::Constant[value=1]\n%9 = aten::add(%7, %5)\n");
    }

    @Test
    void dagMatchesDoNotOverlap() {
        String check = """
                CHECK-DAG: aten::add
                CHECK-DAG: aten::add
                """;
        passes(check, "aten::add\naten::add\n");
        failsWith(check, "aten::add\naten::mul\n",
                "check:2: error: CHECK-DAG: expected string not found in input");
    }

    @Test
    void dagStaysBetweenTheSurroundingMatches() {
        String check = """
                CHECK: begin
                CHECK-DAG: %a
                CHECK: end
                """;
        fails(check, "%a\nbegin\nend\n");
        passes(check, "begin\n%a\nend\n");
        fails("""
                CHECK-DAG: %a
                CHECK: end
                """, "end\n%a\n");
    }

    @Test
    void notBetweenDagGroupsSplitsThem() {
        String check = """
                CHECK-DAG: %a
                CHECK-DAG: %b
                CHECK-NOT: aten::sub
                CHECK-DAG: %c
                """;
        passes(check, "%b\n%a\n%c\naten::sub\n");
        passes(check, "aten::sub\n%b\n%a\n%c\n");
        failsWith(check, "%b\n%a\naten::sub\n%c\n",
                "check:3: error: CHECK-NOT: excluded string found in input");
        fails(check, "%c\n%a\n%b\n");
    }

    @Test
    void dagAndNotAtTheEndCoverTheRestOfTheInput() {
        String check = """
                CHECK: func
                CHECK-DAG: %y
                CHECK-NOT: aten::sub
                """;
        passes(check, "func\n%y\n");
        fails(check, "func\n%y\naten::sub\n");
        fails(check, "%y\nfunc\n");
    }

    @Test
    void labelsCheckEachBlockSeparately() {
        passes("""
                CHECK-LABEL: func @first
                CHECK: aten::add
                CHECK-NOT: aten::mul
                CHECK-LABEL: func @second
                CHECK: aten::mul
                """, TWO_FUNCTIONS);
    }

    @Test
    void failureInOneBlockDoesNotHideTheNext() {
        FileCheckResult result = FileCheck.parse("""
                CHECK-LABEL: func @first
                CHECK: aten::mul
                CHECK-LABEL: func @second
                CHECK: aten::sub
                """).match(TWO_FUNCTIONS);
        assertEquals(2, result.errors().size(), String.join("\n", result.errors()));
        assertTrue(result.errors().get(0).startsWith("check:2: error: CHECK: expected string not found"));
        assertTrue(result.errors().get(1).startsWith("check:4: error: CHECK: expected string not found"));
    }

    @Test
    void blockCannotMatchPastItsLabel() {
        failsWith("""
                CHECK-LABEL: func @first
                CHECK: %y = aten::mul
                CHECK-LABEL: func @second
                """, TWO_FUNCTIONS,
                "input:1: note: scanning from here");
    }

    @Test
    void nextAfterLabelMeansTheLineAfterTheLabel() {
        passes("""
                CHECK-LABEL: func @second
                CHECK-NEXT: %y = aten::mul
                """, TWO_FUNCTIONS);
        fails("""
                CHECK-LABEL: func @second
                CHECK-NEXT: return
                """, TWO_FUNCTIONS);
    }

    @Test
    void missingLabelStopsTheCheck() {
        FileCheckResult result = FileCheck.parse("""
                CHECK-LABEL: func @third
                CHECK: aten::add
                """).match(TWO_FUNCTIONS);
        assertEquals(1, result.errors().size());
        assertTrue(result.errors().getFirst().startsWith("check:1: error: CHECK-LABEL: expected string not found"));
    }

    @Test
    void labelsClearLocalVariablesButNotGlobalOnes() {
        String input = """
                func @first
                  %x = aten::add
                  return %x
                func @second
                  return %x
                """;
        passes("""
                CHECK-LABEL: func @first
                CHECK: %[[$GLOBAL:.*]] = aten::add
                CHECK-LABEL: func @second
                CHECK: return %[[$GLOBAL]]
                """, input);
        failsWith("""
                CHECK-LABEL: func @first
                CHECK: %[[LOCAL:.*]] = aten::add
                CHECK: return %[[LOCAL]]
                CHECK-LABEL: func @second
                CHECK: return %[[LOCAL]]
                """, input,
                "check:5: error: CHECK: undefined variable: LOCAL");
    }
}
