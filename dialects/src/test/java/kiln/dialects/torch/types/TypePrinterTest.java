package kiln.dialects.torch.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The three text forms of types built in code, as c10 prints them. Most expected strings were checked against
 * PyTorch 2.13's printing of the same types; the one deliberate difference is marked.
 */
class TypePrinterTest {
    private static final TensorType T = TensorType.TENSOR;

    private static void prints(TorchType type, String dump, String str, String annotation) {
        assertEquals(dump, type.toString(), "operator<<");
        assertEquals(str, type.str(), "str()");
        assertEquals(annotation, type.annotationString(), "annotation_str()");
    }

    @Test
    void tensors() {
        prints(T, "Tensor", "Tensor", "Tensor");
        prints(TensorType.of(ScalarType.Float, 2, 3), "Float(2, 3)", "Tensor", "Tensor");
        prints(TensorType.contiguous(ScalarType.Float, Device.CPU, 8, 10).withRequiresGrad(Optional.of(false)),
                "Float(8, 10, strides=[10, 1], requires_grad=0, device=cpu)", "Tensor", "Tensor");
        prints(TensorType.of(ScalarType.Long).withRequiresGrad(Optional.of(true)), "LongTensor(requires_grad=1)",
                "Tensor", "Tensor");
        prints(TensorType.of(ScalarType.Long, new long[0]).withRequiresGrad(Optional.of(false)).withDevice(
                Optional.of(Device.CPU)), "Long(requires_grad=0, device=cpu)", "Tensor", "Tensor");
        prints(T.withDevice(Optional.of(Device.of(DeviceType.CUDA, 0))), "Tensor(device=cuda:0)", "Tensor", "Tensor");
        prints(TensorType.of(ScalarType.Float, 2).withUndefined(Optional.of(true)), "Float(2)[Undefined]", "Tensor",
                "Tensor");
        TensorType partial = TensorType.of(ScalarType.Float, 2, 3)
                .withShape(VaryingShape.ofNullable(java.util.Arrays.asList(null, 3L)), VaryingShape.of(3, 1));
        prints(partial, "Float(*, 3, strides=[3, 1])", "Tensor", "Tensor");
        TensorType partialStrides = partial.withShape(VaryingShape.of(2, 3),
                VaryingShape.ofNullable(java.util.Arrays.asList(null, 1L)));
        prints(partialStrides, "Float(2, 3)", "Tensor", "Tensor");
    }

    @Test
    void containers() {
        prints(ListType.INTS, "int[]", "int[]", "List[int]");
        prints(OptionalType.TENSOR, "Tensor?", "Tensor?", "Optional[Tensor]");
        prints(ListType.of(TensorType.of(ScalarType.Float, 2)), "Float(2)[]", "Tensor[]", "List[Tensor]");
        prints(DictType.of(LeafType.STR, TensorType.of(ScalarType.Float, 2)), "Dict(str, Tensor)", "Dict(str, Tensor)",
                "Dict[str, Tensor]");
        prints(TupleType.of(T, T), "(Tensor, Tensor)", "(Tensor, Tensor)", "Tuple[Tensor, Tensor]");
        prints(TupleType.EMPTY, "()", "()", "Tuple[()]");
        prints(ListType.of(TupleType.of(ListType.INTS, LeafType.FLOAT)), "(int[], float)[]", "(int[], float)[]",
                "List[Tuple[List[int], float]]");
        prints(new FutureType(T), "Future[Tensor]", "Future(Tensor)", "Future[Tensor]");
        prints(new RRefType(LeafType.INT), "RRef[int]", "RRef(int)", "RRef[int]");
        prints(new AwaitType(LeafType.INT), "Await(int)", "Await(int)", "Await[int]");
        prints(new FutureType(TensorType.of(ScalarType.Float, 2)), "Future[Float(2)]", "Future(Tensor)",
                "Future[Tensor]");
    }

    @Test
    void namedTuples() {
        TupleType max = TupleType.named(List.of("values", "indices"), List.of(T, T));
        prints(max, "NamedTuple(values : Tensor, indices : Tensor)", "(Tensor, Tensor)", "Tuple[Tensor, Tensor]");
        TupleType p = TupleType.named("__torch__.P", List.of("a", "b"), List.of(LeafType.INT, LeafType.FLOAT));
        prints(p, "NamedTuple(a : int, b : float)", "__torch__.P", "__torch__.P");
        prints(DictType.of(LeafType.STR, p), "Dict(str, __torch__.P)", "Dict(str, __torch__.P)",
                "Dict[str, __torch__.P]");
        prints(ListType.of(OptionalType.of(p)), "NamedTuple(a : int, b : float)?[]", "__torch__.P?[]",
                "List[Optional[__torch__.P]]");
        prints(UnionType.of(p, LeafType.INT), "Union(__torch__.P, int)", "Union(__torch__.P, int)",
                "Union[__torch__.P, int]");
    }

    @Test
    void unions() {
        prints(UnionType.of(T, LeafType.INT), "Union(Tensor, int)", "Union(Tensor, int)", "Union[Tensor, int]");
        prints(UnionType.of(LeafType.INT, LeafType.FLOAT, LeafType.COMPLEX), "Union(Scalar)", "Union(Scalar)",
                "Union[number]");
        prints(UnionType.of(LeafType.INT, LeafType.NONE), "int?", "int?", "Optional[int]");
        prints(OptionalType.of(LeafType.NUMBER), "Scalar?", "Scalar?", "Optional[number]");
        prints(UnionType.of(LeafType.INT, LeafType.FLOAT, LeafType.COMPLEX, LeafType.NONE), "Scalar?", "Scalar?",
                "Optional[number]");
        prints(OptionalType.of(UnionType.of(LeafType.INT, LeafType.STR)), "Union(int, str)?", "Union(int, str)?",
                "Optional[Union[int, str]]");
        prints(UnionType.of(ListType.INTS, LeafType.STR, T, LeafType.NONE), "Union(Tensor, int[], NoneType, str)",
                "Union(Tensor, int[], NoneType, str)", "Union[Tensor, List[int], NoneType, str]");
        prints(UnionType.of(LeafType.INT, UnionType.of(LeafType.STR, OptionalType.of(LeafType.FLOAT))),
                "Union(float, int, NoneType, str)", "Union(float, int, NoneType, str)",
                "Union[float, int, NoneType, str]");
        prints(UnionType.of(T, LeafType.INT, LeafType.STR, ListType.INTS, DictType.of(LeafType.STR, LeafType.INT),
                        TupleType.of(LeafType.INT), LeafType.DEVICE, LeafType.BOOL, LeafType.FLOAT),
                "Union(Tensor, (int), int[], Dict(str, int), float, int, str, bool, Device)",
                "Union(Tensor, (int), int[], Dict(str, int), float, int, str, bool, Device)",
                "Union[Tensor, Tuple[int], List[int], Dict[str, int], float, int, str, bool, Device]");
    }

    /** PyTorch prints these {@code Union(TensorScalar)} and {@code Union(, str, Scalar)}: a comma bug in c10. */
    @Test
    void unionsHoldingNumberPrintTheIntendedComma() {
        prints(UnionType.of(T, LeafType.NUMBER), "Union(Tensor, Scalar)", "Union(Tensor, Scalar)",
                "Union[Tensor, number]");
        prints(UnionType.of(LeafType.STR, LeafType.NUMBER), "Union(str, Scalar)", "Union(str, Scalar)",
                "Union[str, number]");
    }

    @Test
    void leavesAndNamedTypes() {
        prints(LeafType.NUMBER, "Scalar", "Scalar", "number");
        prints(LeafType.NONE, "NoneType", "NoneType", "NoneType");
        prints(LeafType.FUNCTION, "Function", "Function", "Function");
        prints(LeafType.ANY_LIST, "list", "list", "list");
        prints(LeafType.SYM_INT, "SymInt", "SymInt", "int");
        prints(LeafType.MEMORY_FORMAT, "MemoryFormat", "MemoryFormat", "MemoryFormat");
        prints(ClassType.of("__torch__.corpus_public.LinearLayer"), "__torch__.corpus_public.LinearLayer",
                "__torch__.corpus_public.LinearLayer", "__torch__.corpus_public.LinearLayer");
        prints(new InterfaceType("__torch__.m.OneMethod", false), "InterfaceType<OneMethod>",
                "InterfaceType<OneMethod>", "__torch__.m.OneMethod");
        prints(new EnumType("__torch__.m.Color"), "Enum<__torch__.m.Color>", "Enum<__torch__.m.Color>",
                "__torch__.m.Color");
    }

    @Test
    void typeVariables() {
        TypeVar t = new TypeVar("t");
        prints(t, "t", "t", "t");
        prints(new ListType(t), "t[]", "t[]", "List[t]");
        prints(new OptionalType(t), "t?", "t?", "Optional[t]");
        prints(new DictType(LeafType.STR, new TypeVar("tVal")), "Dict(str, tVal)", "Dict(str, tVal)",
                "Dict[str, tVal]");
        assertEquals(TypeKind.VarType, t.kind());
        assertEquals(true, t.isSubtypeOf(new TypeVar("t")));
        assertEquals(false, t.isSubtypeOf(new TypeVar("t1")));
        assertEquals(true, t.isSubtypeOf(LeafType.ANY));
    }
}
