package kiln.dialects.filecheck;

import static kiln.dialects.filecheck.Checks.GRAPH;
import static kiln.dialects.filecheck.Checks.fails;
import static kiln.dialects.filecheck.Checks.failsWith;
import static kiln.dialects.filecheck.Checks.passes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The line-ordering directives: CHECK, CHECK-NEXT, CHECK-SAME, CHECK-NOT, CHECK-EMPTY, CHECK-COUNT. */
class DirectiveTest {
    @Test
    void checkMatchesSubstringsInOrder() {
        passes("""
                // CHECK: graph(
                // CHECK: aten::add
                // CHECK: return
                """, GRAPH);
    }

    @Test
    void checkFailsWhenOrderIsWrong() {
        failsWith("""
                // CHECK: aten::mul
                // CHECK: aten::add
                """, GRAPH,
                "check:2: error: CHECK: expected string not found in input");
    }

    @Test
    void checkMayMatchTwiceOnOneLine() {
        passes("""
                CHECK: %a
                CHECK: %a
                CHECK: %1)
                """, GRAPH);
    }

    @Test
    void nextPassesOnTheFollowingLine() {
        passes("""
                CHECK: aten::add
                CHECK-NEXT: aten::mul
                CHECK-NEXT: return (%3)
                """, GRAPH);
    }

    @Test
    void nextFailsWhenALineIsSkipped() {
        failsWith("""
                CHECK: prim::Constant
                CHECK-NEXT: aten::mul
                """, GRAPH,
                "check:2: error: CHECK-NEXT: is not on the line after the previous match",
                "input:4: note: 'next' match was here",
                "input:2: note: previous match ended here",
                "input:3: note: non-matching line after previous match is here");
    }

    @Test
    void nextFailsOnTheSameLine() {
        failsWith("""
                CHECK: aten::add
                CHECK-NEXT: %1
                """, GRAPH,
                "CHECK-NEXT: is on the same line as previous match");
    }

    @Test
    void samePassesLaterOnTheSameLine() {
        passes("""
                CHECK: %2 : Tensor
                CHECK-SAME: aten::add
                CHECK-SAME: %1)
                """, GRAPH);
    }

    @Test
    void sameFailsOnALaterLine() {
        failsWith("""
                CHECK: aten::add
                CHECK-SAME: aten::mul
                """, GRAPH,
                "CHECK-SAME: is not on the same line as the previous match");
    }

    @Test
    void sameDoesNotLookBeforeThePreviousMatch() {
        fails("""
                CHECK: aten::add
                CHECK-SAME: %2
                """, GRAPH);
    }

    @Test
    void notPassesWhenAbsentBetweenMatches() {
        passes("""
                CHECK: graph(
                CHECK-NOT: aten::mul
                CHECK: aten::add
                """, GRAPH);
    }

    @Test
    void notFailsWhenPresentBetweenMatches() {
        failsWith("""
                CHECK: graph(
                CHECK-NOT: prim::Constant
                CHECK: aten::mul
                """, GRAPH,
                "check:2: error: CHECK-NOT: excluded string found in input",
                "input:2: note: found here");
    }

    @Test
    void notAtTheEndCoversTheRestOfTheInput() {
        passes("""
                CHECK: aten::mul
                CHECK-NOT: aten::add
                """, GRAPH);
        failsWith("""
                CHECK: aten::add
                CHECK-NOT: return
                """, GRAPH,
                "CHECK-NOT: excluded string found in input");
    }

    @Test
    void notBeforeTheFirstMatchCoversTheStart() {
        fails("""
                CHECK-NOT: graph
                CHECK: aten::add
                """, GRAPH);
    }

    @Test
    void allFailingNotsAreReported() {
        FileCheckResult result = FileCheck.parse("""
                CHECK-NOT: aten::add
                CHECK-NOT: aten::mul
                CHECK: return
                """).match(GRAPH);
        assertEquals(2, result.errors().size(), String.join("\n", result.errors()));
    }

    @Test
    void emptyMatchesAnEmptyNextLine() {
        String input = "func @a\n\nfunc @b\n";
        passes("""
                CHECK: func @a
                CHECK-EMPTY:
                CHECK-NEXT: func @b
                """, input);
        failsWith("""
                CHECK: func @b
                CHECK-EMPTY:
                CHECK: func @a
                """, "func @b\nx\n\nfunc @a",
                "CHECK-EMPTY: is not on the line after the previous match");
    }

    @Test
    void countMatchesExactlyThatManyTimesInOrder() {
        String input = "%x = foo\n%y = foo\n%z = foo\nbar\n";
        passes("""
                CHECK-COUNT-3: = foo
                CHECK-NEXT: bar
                """, input);
        failsWith("CHECK-COUNT-4: = foo", input,
                "CHECK-COUNT-4: expected string not found in input (4 out of 4)");
    }

    @Test
    void directivesMayFollowAnyCommentMarker() {
        passes("""
                // CHECK: graph(
                # CHECK-NEXT: prim::Constant
                ; CHECK-SAME: ()
                -- CHECK: return
                """, GRAPH);
    }

    @Test
    void customPrefixIgnoresOtherPrefixes() {
        FileCheck check = FileCheck.parse("""
                // CHECK: this line is not read
                // INLINED: aten::add
                // INLINED-NOT: aten::sub
                """, "INLINED");
        check.match(GRAPH).assertPassed();
        assertTrue(fails(check, "aten::add\naten::sub").contains("INLINED-NOT: excluded string found in input"));
    }

    @Test
    void severalPrefixesShareOneSequence() {
        FileCheck check = FileCheck.parse("""
                // COMMON: graph(
                // INLINED: aten::add
                // COMMON: return
                """, "COMMON,INLINED");
        check.match(GRAPH).assertPassed();
        fails(check, "graph(\nreturn\naten::add\n");
    }

    @Test
    void commentsAndPrefixesInsideWordsAreNotDirectives() {
        passes("""
                // RUN: kiln-opt %s | FileCheck %s --check-prefix=CHECK
                // COM: CHECK: this is commented out
                // MYCHECK: not mine either
                // The CHECK below needs CHECK-NEXT to follow it.
                // CHECK: aten::add
                """, GRAPH);
    }

    @Test
    void literalModifierMatchesBracesVerbatim() {
        passes("""
                CHECK{LITERAL}: {{not a regex}} [[NOT_A_VAR]]
                CHECK-NEXT{LITERAL}: [[x]]
                """, "a {{not a regex}} [[NOT_A_VAR]]\n[[x]]\n");
    }
}
