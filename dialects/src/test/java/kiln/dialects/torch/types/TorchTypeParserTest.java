package kiln.dialects.torch.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading both spellings of TorchScript types, and the errors on bad input. */
class TorchTypeParserTest {

    private static TorchType t(String text) {
        return TorchTypeParser.parse(text);
    }

    /** Graph-dump text that PyTorch prints and that must print back unchanged. */
    @ParameterizedTest
    @ValueSource(strings = {
        "Tensor", "int", "float", "complex", "bool", "str", "NoneType", "Device", "Scalar", "Any", "Layout",
        "ScalarType", "MemoryFormat", "Generator", "Storage", "Stream", "Capsule", "QScheme", "Quantizer",
        "Function", "list", "tuple", "AnyClassType", "AnyEnumType", "SymInt",
        "Float(8, 10, strides=[10, 1], requires_grad=0, device=cpu)", "Float(*, 3)",
        "Long(requires_grad=0, device=cpu)", "Float()", "FloatTensor", "FloatTensor(requires_grad=1)",
        "Tensor(2, 3)", "Tensor(*, *, device=cuda:1)", "Tensor(requires_grad=0)", "Half(1, 2, device=meta)",
        "Float(2, 3)[Undefined]", "Tensor[Undefined]", "Bool(4, 5, strides=[5, 1], requires_grad=0, device=cuda:0)",
        "int[]", "Tensor?", "Tensor?[]", "int[][]", "Dict(str, Tensor)", "Dict(int, str[])", "(Tensor, Tensor)",
        "()", "(int)", "(int[], float)[]", "NamedTuple(values : Tensor, indices : Tensor)", "NamedTuple()",
        "Future[Tensor]", "RRef[int]", "Await(int)", "Union(Tensor, int)", "Union(Scalar)", "Union(Tensor, Scalar)",
        "Union(NoneType, str, Scalar)", "Union(int, str)?", "Scalar?", "__torch__.corpus_public.LinearLayer",
        "__torch__.torch.nn.modules.conv.___torch_mangle_20.Conv2d", "__torch__.corpus_public.Hyp[]",
        "Enum<__torch__.Color>", "InterfaceType<OneMethod>", "(Dict(str, Tensor), str, Tensor)",
        "Float(*, 3)?", "Dict(str, Tensor?)", "Future[(Tensor, int)]"
    })
    void dumpFormReadsBackUnchanged(String text) {
        assertEquals(text, t(text).toString());
    }

    /** Annotation text: what it reads as (dump form) and its annotation form. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            List[int];int[];List[int]
            list[int];int[];List[int]
            typing.List[int];int[];List[int]
            Optional[Tensor];Tensor?;Optional[Tensor]
            Optional[Optional[int]];int?;Optional[int]
            Dict[str, Tensor];Dict(str, Tensor);Dict[str, Tensor]
            dict[str, List[Tensor]];Dict(str, Tensor[]);Dict[str, List[Tensor]]
            Tuple[int, float];(int, float);Tuple[int, float]
            tuple[int];(int);Tuple[int]
            Tuple[()];();Tuple[()]
            Union[int, str];Union(int, str);Union[int, str]
            Union[str, int];Union(int, str);Union[int, str]
            Union[int, None];int?;Optional[int]
            Union[int];int;int
            Union[int, Optional[str]];Union(int, NoneType, str);Union[int, NoneType, str]
            Union[Tensor, number];Union(Tensor, Scalar);Union[Tensor, number]
            Union[int, float, complex, None];Scalar?;Optional[number]
            int | None;int?;Optional[int]
            int | str | None;Union(int, NoneType, str);Union[int, NoneType, str]
            Future[Tensor];Future[Tensor];Future[Tensor]
            torch.jit.Future[int];Future[int];Future[int]
            Await[int];Await(int);Await[int]
            RRef[Tensor];RRef[Tensor];RRef[Tensor]
            torch.Tensor;Tensor;Tensor
            torch.FloatTensor;Tensor;Tensor
            number;Scalar;number
            None;NoneType;NoneType
            Any;Any;Any
            torch.device;Device;Device
            List[Tuple[List[int], float]];(int[], float)[];List[Tuple[List[int], float]]
            List[__torch__.corpus_public.Hyp];__torch__.corpus_public.Hyp[];List[__torch__.corpus_public.Hyp]
            Tuple[Dict[str, Tensor], str, Tensor];(Dict(str, Tensor), str, Tensor);Tuple[Dict[str, Tensor], str, Tensor]
            List[ Optional[ int ] ];int?[];List[Optional[int]]
            """)
    void annotationFormReads(String annotation, String dump, String canonicalAnnotation) {
        TorchType type = t(annotation);
        assertEquals(dump, type.toString());
        assertEquals(canonicalAnnotation, type.annotationString());
        assertEquals(type, t(dump));
    }

    @Test
    void readsTheStructureNotJustTheText() {
        TensorType refined = (TensorType) t("Float(8, 10, strides=[10, 1], requires_grad=0, device=cuda:0)");
        assertEquals(Optional.of(ScalarType.Float), refined.dtype());
        assertEquals(VaryingShape.of(8, 10), refined.sizes());
        assertEquals(VaryingShape.of(10, 1), refined.strides());
        assertEquals(Optional.of(false), refined.requiresGrad());
        assertEquals(Optional.of(Device.of(DeviceType.CUDA, 0)), refined.device());
        assertEquals(Optional.of(false), refined.undefined());
        assertTrue(refined.isComplete());

        TensorType partial = (TensorType) t("Float(*, 3)");
        assertEquals(OptionalInt.of(2), partial.rank());
        assertEquals(VaryingShape.ofRank(2), partial.strides());
        assertEquals(OptionalInt.empty(), ((TensorType) t("FloatTensor")).rank());
        assertEquals(OptionalInt.of(0), ((TensorType) t("Long(requires_grad=0, device=cpu)")).rank());
        assertEquals(OptionalInt.empty(), ((TensorType) t("Tensor(requires_grad=0)")).rank());
        assertEquals(Optional.of(true), ((TensorType) t("Tensor[Undefined]")).undefined());

        assertEquals(TensorType.TENSOR, t("Tensor"));
        assertEquals(ListType.INTS, t("int[]"));
        assertEquals(OptionalType.TENSOR, t("Tensor?"));
        assertEquals(TupleType.named(List.of("values", "indices"), List.of(TensorType.TENSOR, TensorType.TENSOR)),
                t("NamedTuple(values : Tensor, indices : Tensor)"));
        assertEquals(ClassType.of("__torch__.corpus_public.___torch_mangle_16.BasicBlock"),
                t("__torch__.corpus_public.___torch_mangle_16.BasicBlock"));
        assertEquals(new FutureType(TensorType.TENSOR), t("Future(Tensor)"));
        assertEquals(t("Union(int, str)"), t("Union[int, str]"));
    }

    @Test
    void parseAtAnOffsetReportsWhereTheTypeEnds() {
        String line = "  %beam : __torch__.corpus_public.Hyp[], %step : int = prim::Loop(%11, %167)";
        ParsedType first = TorchTypeParser.parse(line, line.indexOf("__torch__"));
        assertEquals(ListType.of(ClassType.of("__torch__.corpus_public.Hyp")), first.type());
        assertEquals(line.indexOf(", %step"), first.end());
        ParsedType second = TorchTypeParser.parse(line, line.indexOf("int ="));
        assertEquals(LeafType.INT, second.type());
        assertEquals(line.indexOf(" = prim"), second.end());

        String graphInput = "graph(%x : Float(2, 3)):";
        ParsedType tensor = TorchTypeParser.parse(graphInput, graphInput.indexOf("Float"));
        assertEquals("Float(2, 3)", tensor.type().toString());
        assertEquals(graphInput.indexOf("):"), tensor.end());

        String call = "  %y : Tensor = aten::relu(%x)";
        assertEquals(call.indexOf(" ="), TorchTypeParser.parse(call, call.indexOf("Tensor")).end());
    }

    /** Bad input: the offset where the error is found, and words from the message. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""|0|expected a type, found end of text
            Foo|0|unknown type 'Foo'
            List|0|'List' needs an element type
            List[int, str]|0|'List' takes one type, found 2
            Dict(str)|0|'Dict' takes 2 types, found 1
            Dict[List[int], int]|0|Cannot create dict for key type 'int[]'
            Optional[None]|0|can hold only None
            Float|5|expected '(' after the dtype 'Float'
            Float(2, x=1)|9|unknown tensor property 'x'
            Float(device=cpu, 2)|18|tensor sizes must come before
            Float(2, strides=[1, 1])|0|strides=[...] has 2 entries for 1 dimensions
            Float(2, requires_grad=2)|23|requires_grad must be 0 or 1
            Float(2, device=tpu)|16|unknown device type 'tpu'
            Float(2, device=cpu, device=cpu)|21|'device' is specified twice
            FloatTensor(2)|0|has unknown rank and takes no sizes
            int]|3|unexpected ']' after the type int
            (int, str|9|expected ')' to close tuple, found end of text
            Union[]|0|'Union' takes at least one type, found 0
            Tuple[(int)]|6|only the empty tuple
            Future<int>|6|expected '[' or '(' after 'Future'
            NamedTuple(a : int = 1)|19|NamedTuple field defaults are not supported
            NamedTuple(a : Any)|0|Any types cannot be members
            Enum[x]|4|expected '<' after 'Enum'
            int?int|4|unexpected 'int' after the type int?
            Float(2, device=cuda:300)|21|device index 300 is out of range
            """)
    void reportsErrorsWithTheirOffset(String text, int offset, String message) {
        TypeParseException e = assertThrows(TypeParseException.class, () -> TorchTypeParser.parse(text));
        assertEquals(offset, e.offset(), e.getMessage());
        assertTrue(e.reason().contains(message), () -> "message '" + e.getMessage() + "' lacks '" + message + "'");
        assertTrue(e.getMessage().startsWith("at offset " + offset + ": "), e.getMessage());
    }

    @Test
    void refusesAnOffsetOutsideTheText() {
        assertThrows(TypeParseException.class, () -> TorchTypeParser.parse("int", 4));
    }
}
