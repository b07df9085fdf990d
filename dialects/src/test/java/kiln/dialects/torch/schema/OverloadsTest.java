package kiln.dialects.torch.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Type;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.GraphParser;
import kiln.dialects.torch.scalar.ScalarOps;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.TorchTypeParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The overload an op calls: the first, in the schemas' order, that accepts its operand and result types. */
class OverloadsTest {
    private static final Overloads OVERLOADS = Overloads.standard();

    private static List<Type> types(String cell) {
        return cell == null || cell.isBlank() ? List.of()
                : Arrays.stream(cell.split(";")).map(String::strip).map(t -> (Type) TorchTypeParser.parse(t)).toList();
    }

    /** Each row is {@code operator | operand types | result types | overload called (blank: none)}. */
    @ParameterizedTest(name = "{0}({1}) -> ({2}): {3}")
    @CsvSource(delimiter = '|', textBlock = """
            aten::add      | int; int       | int      | aten::add.int
            aten::add      | int; float     | float    | aten::add.int_float
            aten::add      | str; str       | str      | aten::add.str
            aten::add      | Tensor; Tensor; int | Tensor | aten::add.Tensor
            aten::pow      | int; int       | int      | aten::pow.int_to_int
            aten::pow      | int; int       | float    | aten::pow.int
            aten::floor    | float          | int      | aten::floor.float
            aten::floordiv | int; int       | int      | aten::floordiv.int
            aten::len      | str            | int      | aten::len.str
            aten::Int      | bool           | int      | aten::Int.bool
            aten::divmod   | int; float     | float; float | aten::divmod.int_float
            prim::max      | int; float     | float    | prim::max.int_float
            aten::add      | int; int       | str      |
            aten::no_such_operator | int    | int      |
            """)
    void resolvesTheMostSpecificAcceptingOverload(String operator, String operands, String results, String expected) {
        Optional<FunctionSchema> s = OVERLOADS.resolve(operator, types(operands), types(results));
        assertEquals(Optional.ofNullable(expected), s.map(FunctionSchema::overloadedName));
    }

    @Test
    void anOpResolvesAsItsNameAndTypesDoAndTheAnswerIsRemembered() {
        Graph g = GraphParser.parse("""
                graph(%a : int, %b : float):
                  %r : float = aten::mul(%a, %b)
                  return (%r)
                """);
        Operation mul = g.block().opsSnapshot().getFirst();
        Optional<FunctionSchema> first = OVERLOADS.resolve(mul);
        assertEquals(Optional.of("aten::mul.int_float"), first.map(FunctionSchema::overloadedName));
        assertSame(first, OVERLOADS.resolve("aten::mul", new ArrayList<>(List.of(LeafType.INT, LeafType.FLOAT)),
                List.of(LeafType.FLOAT)), "equal signatures share one cached answer");
        assertSame(Overloads.standard(), Overloads.of(OperatorRegistry.standard()));
    }

    @Test
    void everyScalarOverloadsOwnSignatureCallsAScalarOverload() {
        // the schema of each table entry, with its Scalar arguments given as ints or floats: the overload such an
        // op calls is in the table too, so constant propagation and the interpreter can both evaluate it
        ScalarOps table = ScalarOps.standard();
        for (String name : table.overloads()) {
            FunctionSchema own = OperatorRegistry.standard().lookup(name).orElseThrow();
            for (Type number : List.of(LeafType.INT, LeafType.FLOAT)) {
                List<Type> operands = own.arguments().stream().map(a -> concrete(a.type().str(), number)).toList();
                List<Type> results = own.returns().stream().map(a -> concrete(a.type().str(), number)).toList();
                Optional<FunctionSchema> called = OVERLOADS.resolve(own.name(), operands, results);
                assertTrue(called.isPresent(), name + " with " + operands + " calls no overload");
                assertTrue(table.contains(called.get().overloadedName()),
                        name + " with " + operands + " calls " + called.get() + ", which is not a scalar operator");
            }
        }
    }

    private static Type concrete(String schemaType, Type number) {
        return switch (schemaType) {
            case "Scalar" -> number;
            case "int?" -> LeafType.INT;
            default -> TorchTypeParser.parse(schemaType);
        };
    }
}
