package kiln.dialects.torch.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kiln.dialects.ir.Diagnostic;
import kiln.dialects.ir.Verifier;
import kiln.dialects.torch.GraphParseException;
import kiln.dialects.torch.GraphParser;
import org.junit.jupiter.api.Test;

/** The torch dialect checks every operator op against PyTorch's schemas. */
class SchemaVerifierTest {

    private static List<Diagnostic> verify(String graph) {
        return Verifier.verify(GraphParser.parse(graph).region());
    }

    @Test
    void acceptsAWellTypedCall() {
        assertEquals(List.of(), verify("""
                graph(%x : Float(2, 3), %y : Tensor):
                  %alpha : int = prim::Constant[value=1]()
                  %z : Tensor = aten::add(%x, %y, %alpha)
                  %m : int = prim::min(%alpha, %alpha)
                  return (%z)
                """));
    }

    @Test
    void reportsACallNoOverloadAccepts() {
        List<Diagnostic> problems = verify("""
                graph(%x : Tensor, %s : str):
                  %alpha : int = prim::Constant[value=1]()
                  %z : Tensor = aten::add(%x, %s, %alpha)
                  return (%z)
                """);
        assertEquals(1, problems.size(), problems::toString);
        String message = problems.getFirst().message();
        assertTrue(message.startsWith("arguments for call are not valid: no overload of aten::add accepts "
                + "aten::add(Tensor, str, int) -> (Tensor)"), message);
        assertTrue(message.contains("\nThe following variants are available:\n"), message);
        assertTrue(message.contains("\n  aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor:\n"
                + "    expected a value of type 'Tensor' for argument 'other' but instead found type 'str'"), message);
        assertTrue(message.contains("  aten::add.str(str a, str b) -> str:\n"
                + "    expected at most 2 arguments but found 3"), message);
    }

    @Test
    void checksResults() {
        List<Diagnostic> problems = verify("""
                graph(%a : int, %b : int):
                  %c : str = prim::min(%a, %b)
                  return (%c)
                """);
        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.getFirst().message().contains(
                "prim::min.int(int a, int b) -> int:\n    result 0 has type str but the schema returns int"),
                problems.getFirst().message());
    }

    @Test
    void reportsAnUnknownOperatorUnlessAllowed() {
        String graph = """
                graph(%x : Tensor):
                  %y : Tensor = aten::frobnicate(%x)
                  return (%y)
                """;
        List<Diagnostic> problems = verify(graph);
        assertEquals(1, problems.size(), problems::toString);
        assertEquals("unknown operator 'aten::frobnicate': PyTorch has no schema of that name",
                problems.getFirst().message());
        assertEquals(List.of(), Verifier.verify(GraphParser.parse(graph, "<string>", true).region()));
    }

    @Test
    void allowingUnregisteredStillChecksKnownOperators() {
        List<Diagnostic> problems = Verifier.verify(GraphParser.parse("""
                graph(%x : Tensor, %s : str):
                  %y : Tensor = aten::relu(%s)
                  return (%y)
                """, "<string>", true).region());
        assertEquals(1, problems.size(), problems::toString);
    }

    @Test
    void readsForeignNamespacesOnlyWhenAllowed() {
        String graph = """
                graph(%x : Tensor):
                  %y : Tensor = mylib::thing(%x)
                  return (%y)
                """;
        assertThrows(GraphParseException.class, () -> GraphParser.parse(graph));
        assertEquals(List.of(), Verifier.verify(GraphParser.parse(graph, "<string>", true).region()));
    }
}
