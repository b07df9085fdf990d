package kiln.dialects.torch.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import kiln.dialects.torch.schema.DefaultValue.BoolValue;
import kiln.dialects.torch.schema.DefaultValue.FloatValue;
import kiln.dialects.torch.schema.DefaultValue.IntListValue;
import kiln.dialects.torch.schema.DefaultValue.IntValue;
import kiln.dialects.torch.schema.DefaultValue.StrValue;
import kiln.dialects.torch.types.ClassType;
import kiln.dialects.torch.types.DictType;
import kiln.dialects.torch.types.FutureType;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.ListType;
import kiln.dialects.torch.types.OptionalType;
import kiln.dialects.torch.types.TensorType;
import kiln.dialects.torch.types.TupleType;
import kiln.dialects.torch.types.TypeVar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading particular schemas: names, types, sizes, defaults, alias annotations, returns. */
class SchemaParserTest {
    private static final OperatorRegistry REGISTRY = OperatorRegistry.standard();

    private static FunctionSchema schema(String name, String overload) {
        return REGISTRY.lookup(name, overload).orElseThrow(() -> new AssertionError(name + "." + overload));
    }

    @Test
    void addTensor() {
        FunctionSchema s = schema("aten::add", "Tensor");
        assertEquals("aten::add", s.name());
        assertEquals("Tensor", s.overloadName());
        assertEquals("aten::add.Tensor", s.overloadedName());
        assertEquals("aten", s.namespace());
        assertEquals(List.of("self", "other", "alpha"), s.arguments().stream().map(Argument::name).toList());
        assertEquals(List.of(false, false, true), s.arguments().stream().map(Argument::kwargOnly).toList());
        Argument alpha = s.arguments().get(2);
        assertEquals(LeafType.NUMBER, alpha.type());
        assertEquals(Optional.of(new IntValue(1)), alpha.defaultValue());
        assertEquals(1, s.returns().size());
        assertEquals(TensorType.TENSOR, s.returns().getFirst().type());
        assertEquals("", s.returns().getFirst().name());
        assertFalse(s.isVararg() || s.isVarret() || s.isMutable());
        assertEquals("aten::add.Tensor(Tensor self, Tensor other, *, Scalar alpha=1) -> Tensor", s.toString());
    }

    @Test
    void conv2dHasSizedSymIntLists() {
        FunctionSchema s = schema("aten::conv2d", "");
        Argument bias = s.arguments().get(2);
        assertEquals(OptionalType.TENSOR, bias.type());
        assertEquals(Optional.of(DefaultValue.None.INSTANCE), bias.defaultValue());
        Argument stride = s.arguments().get(3);
        assertEquals(ListType.INTS, stride.type(), "SymInt[2] is checked as int[]");
        assertEquals(new ListType(LeafType.SYM_INT), stride.realType());
        assertEquals(OptionalInt.of(2), stride.size());
        assertEquals(Optional.of(new IntListValue(List.of(1L, 1L))), stride.defaultValue());
        assertEquals("SymInt[2] stride=[1, 1]", stride.toString(), "SymInt lists print every element");
        assertEquals(LeafType.INT, s.arguments().get(6).type());
        assertEquals(LeafType.SYM_INT, s.arguments().get(6).realType());
    }

    @Test
    void intListDefaultsPrintOneRepeatedElement() {
        FunctionSchema s = schema("aten::max_pool2d", "");
        Argument padding = s.arguments().get(3);
        assertEquals(Optional.of(new IntListValue(List.of(0L, 0L))), padding.defaultValue());
        assertEquals("int[2] padding=0", padding.toString());
        assertEquals(Optional.of(new IntListValue(List.of())), s.arguments().get(2).defaultValue());
        assertEquals("int[2] stride=[]", s.arguments().get(2).toString());
    }

    @Test
    void maxDimHasNamedReturns() {
        FunctionSchema s = schema("aten::max", "dim");
        assertEquals(List.of("values", "indices"), s.returns().stream().map(Argument::name).toList());
        assertEquals(Optional.of(new BoolValue(false)), s.arguments().get(2).defaultValue());
        assertEquals("aten::max.dim(Tensor self, int dim, bool keepdim=False) -> (Tensor values, Tensor indices)",
                s.toString());
    }

    @Test
    void catTakesATensorList() {
        FunctionSchema s = schema("aten::cat", "");
        assertEquals(ListType.TENSORS, s.arguments().getFirst().type());
        assertEquals(Optional.of(new IntValue(0)), s.arguments().get(1).defaultValue());
        FunctionSchema out = schema("aten::cat", "out");
        Argument o = out.arguments().get(2);
        assertTrue(o.kwargOnly() && o.isWrite());
        assertEquals(new AliasInfo(List.of("a"), List.of("a"), true, List.of()), o.aliasInfo().orElseThrow());
        assertEquals("Tensor(a!)", out.returns().getFirst().toString());
    }

    @Test
    void indexPutTakesOptionalTensors() {
        FunctionSchema s = schema("aten::index_put_", "");
        assertEquals(ListType.OPTIONAL_TENSORS, s.arguments().get(1).type());
        assertEquals("Tensor?[] indices", s.arguments().get(1).toString());
        assertTrue(s.isMutable());
    }

    @Test
    void primMinInt() {
        FunctionSchema s = schema("prim::min", "int");
        assertEquals(List.of(LeafType.INT, LeafType.INT), s.arguments().stream().map(Argument::type).toList());
        assertEquals(LeafType.INT, s.returns().getFirst().type());
        assertEquals(11, REGISTRY.overloads("prim::min").size());
    }

    @Test
    void getitemHasTypeVariablesAndContainerAliases() {
        FunctionSchema s = schema("aten::__getitem__", "t");
        Argument list = s.arguments().getFirst();
        assertEquals(new ListType(new TypeVar("t")), list.type());
        assertEquals(new AliasInfo(List.of("a"), List.of("a"), false, List.of()), list.aliasInfo().orElseThrow());
        assertEquals("t[](a) list", list.toString());
        Argument result = s.returns().getFirst();
        assertEquals(new TypeVar("t"), result.type());
        assertTrue(result.aliasInfo().orElseThrow().isWildcardBefore());
        assertEquals("aten::__getitem__.t(t[](a) list, int idx) -> t(*)", s.toString());
    }

    @Test
    void elementAliasesOfLists() {
        Argument ret = schema("aten::split", "Tensor").returns().getFirst();
        AliasInfo container = ret.aliasInfo().orElseThrow();
        assertEquals(List.of(), container.beforeSets());
        assertEquals(List.of("a"), container.containedTypes().getFirst().beforeSets());
        assertEquals("Tensor(a)[]", ret.toString());
        Argument self = schema("aten::split", "Tensor").arguments().getFirst();
        assertEquals("(a -> *)", self.aliasInfo().orElseThrow().toString());
        assertTrue(self.aliasInfo().orElseThrow().isWildcardAfter());
    }

    @Test
    void containersAndSpecialTypes() {
        FunctionSchema items = schema("aten::items", "str");
        assertEquals(new ListType(TupleType.of(LeafType.STR, new TypeVar("t"))), items.returns().getFirst().type());
        assertEquals("aten::items.str(Dict(str, t) self) -> ((str, t)[])", items.toString());
        assertEquals(new DictType(LeafType.STR, new TypeVar("tVal")), schema("aten::dict", "str").returns()
                .getFirst().type());
        assertEquals(new FutureType(new TypeVar("t")), schema("aten::wait", "").arguments().getFirst().type());
        assertEquals(List.of(), schema("aten::warn", "").returns());
        assertEquals("aten::warn(str message, int stacklevel=2) -> ()", schema("aten::warn", "").toString());
        FunctionSchema empty = schema("aten::empty", "memory_format");
        assertEquals(new OptionalType(LeafType.INT), empty.arguments().get(1).type(), "ScalarType? is int?");
        assertEquals(new OptionalType(LeafType.SCALAR_TYPE), empty.arguments().get(1).realType());
        assertEquals(new OptionalType(LeafType.DEVICE), empty.arguments().get(3).type());
        assertTrue(REGISTRY.all().stream().flatMap(x -> x.arguments().stream())
                .anyMatch(a -> a.type() instanceof ClassType c && c.qualifiedName().startsWith("__torch__.torch.classes.")));
    }

    @Test
    void varargsAndVarrets() {
        FunctionSchema s = SchemaParser.parse("prim::BroadcastSizes(...) -> int[]");
        assertTrue(s.isVararg());
        assertEquals(List.of(), s.arguments());
        FunctionSchema both = SchemaParser.parse("prim::ConstantChunk(...) -> ...");
        assertTrue(both.isVararg() && both.isVarret());
        assertEquals("prim::ConstantChunk(...) -> ...", both.toString());
        assertEquals("foo::bar(Tensor a, ...) -> (Tensor, ...)",
                SchemaParser.parse("foo::bar(Tensor a, ...) -> (Tensor, ...)").toString());
    }

    @Test
    void defaultsAsPyTorchStoresThem() {
        FunctionSchema s = SchemaParser.parse("foo::d(ScalarType dtype=long, Layout layout=strided, "
                + "MemoryFormat f=contiguous_format, int reduction=Mean, ScalarType? t=float32, float eps=1e-05, "
                + "float? x=1, Scalar s=1., str m=\"mean\", Device d=\"cpu\", int[2] k=3, float[] fs=[1, 2.5], "
                + "bool[3] mask=[True, False, True], Tensor? w=None) -> ()");
        assertEquals(List.of(new IntValue(4), new IntValue(0), new IntValue(0), new IntValue(1), new IntValue(6),
                        new FloatValue(1e-05), new IntValue(1), new FloatValue(1.0), new StrValue("mean"),
                        new StrValue("cpu"), new IntListValue(List.of(3L, 3L)),
                        new DefaultValue.FloatListValue(List.of(1.0, 2.5)),
                        new DefaultValue.BoolListValue(List.of(true, false, true)), DefaultValue.None.INSTANCE),
                s.arguments().stream().map(a -> a.defaultValue().orElseThrow()).toList());
        assertEquals("foo::d(ScalarType dtype=4, Layout layout=0, MemoryFormat f=0, int reduction=1, "
                + "ScalarType? t=6, float eps=1.0000000000000001e-05, float? x=1, Scalar s=1., str m=\"mean\", "
                + "Device d=\"cpu\", int[2] k=3, float[] fs=[1., 2.5], bool[3] mask=[True, False, True], "
                + "Tensor? w=None) -> ()", s.toString());
    }

    @Test
    void aliasShorthandsAndSets() {
        FunctionSchema s = SchemaParser.parse("foo::a(Tensor! x, Any(a|b) y, Tensor(a!)[] z, Tensor[](c!) w) -> Any(b|a)");
        assertEquals("($0!)", s.arguments().get(0).aliasInfo().orElseThrow().toString());
        assertEquals(List.of("a", "b"), s.arguments().get(1).aliasInfo().orElseThrow().beforeSets());
        Argument z = s.arguments().get(2);
        assertTrue(z.isWrite(), "a list of written tensors is written");
        assertEquals("Tensor(a!)[] z", z.toString());
        assertEquals("Tensor[](c!) w", s.arguments().get(3).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "aten::add(Tensor self",
        "aten::add(Tensor self) Tensor",
        "aten::add(Tensor self, ..., int x) -> Tensor",
        "aten::add(Tensor self, int x=1, ...) -> Tensor",
        "aten::add(Blob self) -> Tensor",
        "aten::add(Tensor self=1) -> Tensor",
        "aten::add(Any x=1) -> Tensor",
        "aten::add(int x=frob) -> int",
        "aten::add(Tensor self) -> Tensor trailing junk",
        "aten::add(__torch__.foo.Bar x) -> int",
        "aten::add(str s=\"open) -> int",
    })
    void rejectsMalformedSchemas(String text) {
        SchemaParseException e = assertThrows(SchemaParseException.class, () -> SchemaParser.parse(text));
        assertTrue(e.offset() >= 0 && e.offset() <= text.length(), e::getMessage);
        assertTrue(e.getMessage().contains(text), e::getMessage);
    }
}
