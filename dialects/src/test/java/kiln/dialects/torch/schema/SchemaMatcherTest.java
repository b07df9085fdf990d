package kiln.dialects.torch.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import kiln.dialects.torch.types.TorchType;
import kiln.dialects.torch.types.TorchTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which overloads accept an op of a graph, given its operand and result types. */
class SchemaMatcherTest {
    private static final OperatorRegistry REGISTRY = OperatorRegistry.standard();

    /** Graph-form types separated by ';' (a blank cell is no types). */
    private static List<TorchType> types(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split(";")).map(String::strip).map(TorchTypeParser::parse).toList();
    }

    /** Each row is {@code overload | operand types | result types | accepted}. */
    @ParameterizedTest(name = "{0}({1}) -> ({2}): {3}")
    @CsvSource(delimiter = '|', textBlock = """
            aten::add.Tensor | Tensor; Tensor; int | Tensor | true
            aten::add.Tensor | Float(2, 3); Tensor; int | Float(2, 3) | true
            aten::add.Tensor | Tensor; Tensor; float | Tensor | true
            aten::add.Tensor | Tensor; Tensor; Scalar | Tensor | true
            aten::add.Tensor | Tensor; Tensor; bool | Tensor | false
            aten::add.Tensor | Tensor; str; int | Tensor | false
            aten::add.Tensor | Tensor; Tensor | Tensor | false
            aten::add.Tensor | Tensor; Tensor; int; Tensor | Tensor | false
            aten::add.Tensor | Tensor; Tensor; int | int | false
            aten::add.Tensor | Tensor; Tensor; int | Tensor; Tensor | false
            aten::add.out | Tensor; Tensor; int; Tensor | Tensor | true
            aten::add.int | int; int | int | true
            aten::add.int | int; float | float | false
            aten::add | int; float | Scalar | true
            aten::add.t | int[]; int[] | int[] | true
            aten::add.t | int[]; float[] | int[] | false
            aten::conv2d | Tensor; Tensor; NoneType; int[]; int[]; int[]; int | Tensor | true
            aten::conv2d | Tensor; Tensor; Float(4); int[]; int[]; int[]; int | Tensor | true
            aten::conv2d | Tensor; Tensor; Tensor?; int[]; int[]; int[]; int | Tensor | true
            aten::conv2d | Tensor; Tensor; int; int[]; int[]; int[]; int | Tensor | false
            aten::conv2d | Tensor; Tensor; NoneType; int; int[]; int[]; int | Tensor | false
            aten::conv2d | Tensor; Tensor; NoneType; float[]; int[]; int[]; int | Tensor | false
            aten::conv2d.padding | Tensor; Tensor; NoneType; int[]; str; int[]; int | Tensor | true
            aten::max.dim | Tensor; int; bool | Tensor; Tensor | true
            aten::max.dim | Float(2, 3); int; bool | Float(2); Long(2) | true
            aten::max.dim | Tensor; int; bool | Tensor | false
            aten::max.dim | Tensor; int?; bool | Tensor; Tensor | false
            aten::cat | Tensor[]; int | Tensor | true
            aten::cat | int[]; int | Tensor | false
            aten::cat | Float(2)[]; int | Tensor | false
            aten::cat | Tensor[]?; int | Tensor | false
            aten::index_put_ | Tensor; Tensor?[]; Tensor; bool | Tensor | true
            aten::index_put_ | Tensor; Tensor[]; Tensor; bool | Tensor | false
            aten::index_put_.hacked_twin | Tensor; Tensor[]; Tensor; bool | Tensor | true
            prim::min.int | int; int | int | true
            prim::min.int | int; float | float | false
            prim::min.int | int; int | str | false
            prim::min | int; float | Scalar | true
            prim::min.self_int | int[] | int | true
            aten::__getitem__.t | Tensor[]; int | Tensor | true
            aten::__getitem__.t | Tensor[]; int | Float(2, 3) | true
            aten::__getitem__.t | int[]; int | int | true
            aten::__getitem__.t | int[]; int | str | false
            aten::__getitem__.t | int[]; float | int | false
            aten::__getitem__.t | (int, int); int | int | false
            aten::__getitem__.Dict_str | Dict(str, Tensor); str | Tensor | true
            aten::__getitem__.Dict_str | Dict(str, Tensor); int | Tensor | false
            aten::append.t | int[]; int | int[] | true
            aten::append.t | int[]; str | int[] | false
            aten::append.t | Tensor[]; Float(2) | Tensor[] | true
            aten::append.t | (int, int)[]; (int, int) | (int, int)[] | true
            aten::list.t | int[] | int[] | true
            aten::list.t | int[] | float[] | false
            aten::eq.int_list | int[]; int[] | bool | true
            aten::wait | Future[int] | int | true
            aten::wait | Future[int] | str | false
            aten::keys.str | Dict(str, Tensor) | str[] | true
            aten::keys.str | Dict(int, Tensor) | int[] | false
            aten::items.str | Dict(str, int) | (str, int)[] | true
            prim::unchecked_unwrap_optional | int? | int | true
            prim::unchecked_unwrap_optional | NoneType | int | true
            prim::unchecked_unwrap_optional | int | int | true
            aten::sum.dim_IntList | Tensor; int[]; bool; NoneType | Tensor | true
            aten::sum.dim_IntList | Tensor; NoneType; bool; int | Tensor | true
            aten::sum.dim_IntList | Tensor; int[]; bool; str | Tensor | false
            aten::to.dtype | Tensor; int; bool; bool; NoneType | Tensor | true
            aten::to.dtype | Tensor; int?; bool; bool; NoneType | Tensor | false
            aten::to.device | Tensor; Device; int; bool; bool; NoneType | Tensor | true
            aten::Int.Tensor | Tensor | int | true
            aten::size.int | Tensor; int | int | true
            aten::warn | str; int | | true
            aten::warn | str; int | int | false
            aten::format | str | str | true
            aten::format | str; int; Tensor; float[] | str | true
            aten::format | int; str | str | false
            prim::BroadcastSizes | int[]; int[]; int[] | int[] | true
            prim::profile | Tensor; int | Tensor; int | true
            prim::profile | | | true
            prim::NumToTensor.Scalar | int | Tensor | true
            prim::NumToTensor.Scalar | bool | Tensor | false
            prim::NumToTensor.bool | bool | Tensor | true
            prim::IfThenElse | bool; int; str | Any | true
            """)
    void decides(String overload, String operands, String results, boolean accepted) {
        FunctionSchema schema = REGISTRY.lookup(overload.strip()).orElseThrow(() -> new AssertionError(overload));
        Optional<String> why = SchemaMatcher.whyNot(schema, types(operands), types(results));
        assertEquals(accepted, why.isEmpty(), () -> schema + ": " + why.orElse("accepted"));
    }

    @Test
    void explainsRejections() {
        FunctionSchema append = REGISTRY.lookup("aten::append.t").orElseThrow();
        assertEquals(Optional.of("could not match type str to t in argument 'el': type variable 't' previously "
                + "matched to type int is matched to type str"),
                SchemaMatcher.whyNot(append, types("int[]; str"), types("int[]")));
        FunctionSchema conv = REGISTRY.lookup("aten::conv2d").orElseThrow();
        assertEquals(Optional.of("expected a value of type 'int[]' for argument 'stride' but instead found type 'int'"),
                SchemaMatcher.whyNot(conv, types("Tensor; Tensor; NoneType; int; int[]; int[]; int"), types("Tensor")));
        FunctionSchema max = REGISTRY.lookup("aten::max.dim").orElseThrow();
        assertEquals(Optional.of("returns 2 values but the op has 1 result"),
                SchemaMatcher.whyNot(max, types("Tensor; int; bool"), types("Tensor")));
    }

    @Test
    void picksTheOverloadsOfAName() {
        List<FunctionSchema> add = REGISTRY.overloads("aten::add");
        assertEquals(List.of("aten::add.Tensor"), SchemaMatcher.accepting(add, types("Tensor; Tensor; int"),
                types("Tensor")).stream().map(FunctionSchema::overloadedName).toList());
        assertEquals(List.of("aten::add.Scalar"), SchemaMatcher.accepting(add, types("Tensor; float; int"),
                types("Tensor")).stream().map(FunctionSchema::overloadedName).toList());
        assertEquals(List.of("aten::add", "aten::add.int"), SchemaMatcher.accepting(add, types("int; int"),
                types("int")).stream().map(FunctionSchema::overloadedName).toList());
        assertEquals(List.of("aten::add.str"), SchemaMatcher.accepting(add, types("str; str"), types("str"))
                .stream().map(FunctionSchema::overloadedName).toList());
    }
}
