package kiln.dialects.filecheck;

import static kiln.dialects.filecheck.Checks.fails;
import static kiln.dialects.filecheck.Checks.failsWith;
import static kiln.dialects.filecheck.Checks.passes;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Patterns: whitespace, literal text, {{regex}} blocks and [[variables]]. */
class PatternTest {
    @Test
    void runsOfBlanksCompareEqualOnBothSides() {
        passes("CHECK: %2 = aten::add(%a,   %b)", "  %2\t=  aten::add(%a, \t %b)\n");
        passes("CHECK:\t  %2 = aten::add   \t", "%2 = aten::add\n");
    }

    @Test
    void windowsLineEndingsAreLineEndings() {
        passes("CHECK: %1 = foo\r\nCHECK-NEXT: return %1\r\n", "%1 = foo\r\nreturn %1\r\n");
    }

    @Test
    void whitespaceIsNotOptional() {
        fails("CHECK: aten::add (%a)", "aten::add(%a)\n");
    }

    @Test
    void regexMetacharactersInLiteralTextMatchLiterally() {
        String check = "CHECK: %1 : int = prim::Constant[value=1]()";
        passes(check, "  %1 : int = prim::Constant[value=1]()\n");
        fails(check, "  %1 : int = prim::Constant[value=1]x\n");
        passes("CHECK: a.b*c+(x)|{y}^$\\d", "a.b*c+(x)|{y}^$\\d\n");
        String withRegex = "CHECK: %{{[0-9]+}} : int = prim::Constant[value=1]()";
        passes(withRegex, "%1 : int = prim::Constant[value=1]()\n");
        fails(withRegex, "%1 : int = prim::Constant[value=1]x\n");
    }

    @Test
    void inlineRegexMatchesAsARegex() {
        passes("CHECK: %{{[0-9]+}} : Tensor = aten::relu", "%17 : Tensor = aten::relu(%3)\n");
        fails("CHECK: %{{[0-9]+}} : Tensor = aten::relu", "%x : Tensor = aten::relu(%3)\n");
    }

    @Test
    void alternationStaysInsideItsBlock() {
        String check = "CHECK: abc{{x|z}}def";
        passes(check, "abczdef\n");
        fails(check, "abc\nzdef\n");
        fails(check, "x\n");
    }

    @Test
    void captureIsUsedByLaterDirectives() {
        passes("""
                CHECK: %[[X:.*]] = aten::add
                CHECK: return (%[[X]])
                """, """
                graph(%a : Tensor):
                  %sum = aten::add(%a, %a)
                  return (%sum)
                """);
        failsWith("""
                CHECK: %[[X:[a-z]+]] = aten::add
                CHECK: return (%[[X]])
                """, "%sum = aten::add(%a, %a)\nreturn (%a)\n",
                "note: with \"X\" equal to \"sum\"");
    }

    @Test
    void captureIsUsedLaterInTheSamePattern() {
        String check = "CHECK: %[[V:[0-9]+]] = aten::mul(%[[V]], %[[V]])";
        passes(check, "%4 = aten::mul(%4, %4)\n");
        fails(check, "%4 = aten::mul(%4, %5)\n");
    }

    @Test
    void capturedValueIsMatchedLiterally() {
        String check = """
                CHECK: name=[[N:[^ ]+]]
                CHECK: use [[N]]
                """;
        passes(check, "name=a.b\nuse a.b\n");
        fails(check, "name=a.b\nuse axb\n");
    }

    @Test
    void useOfUndefinedVariableIsAnErrorNamingIt() {
        failsWith("CHECK: return (%[[RESULT]])", "return (%1)\n",
                "check:1: error: CHECK: undefined variable: RESULT");
    }

    @Test
    void regexesDoNotMatchAcrossLines() {
        fails("CHECK: a{{.*}}b", "a\nb\n");
        fails("CHECK: a{{[^,]*}}b", "a\nb\n");
        fails("CHECK: a{{\\s*}}b", "a\n  b\n");
        passes("CHECK: a{{\\s*}}b", "a \t b\n");
        passes("CHECK: a{{\\n}}b", "a\nb\n");
    }

    @Test
    void posixClassesWorkInsideBrackets() {
        passes("CHECK: %{{[[:digit:]]+}} = {{[[:alpha:]_]+}}", "%12 = aten_add\n");
        fails("CHECK: %{{[[:digit:]]+}} =", "%x =\n");
    }

    @Test
    void anchorsMatchAtLineBoundaries() {
        passes("CHECK: {{^}}return{{$}}", "  %1 = foo\nreturn\n");
        fails("CHECK: {{^}}return{{$}}", "  return (%1)\n");
    }

    @Test
    void lineVariableIsTheCheckLinePlusOffset() {
        passes("CHECK: at line [[@LINE]]\n", "at line 1\n");
        passes("\n\nCHECK: error at [[@LINE+2]]:5 and [[@LINE-1]] and [[# @LINE + 1]]\n", "error at 5:5 and 2 and 4\n");
        fails("CHECK: line [[@LINE]]\n", "line 2\n");
    }
}
