package kiln.dialects.torch.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Subtyping facts, checked against what PyTorch says. */
class SubtypingTest {

    /**
     * Each row is {@code sub | super | expected}, where expected is what PyTorch 2.13's
     * {@code torch._C.parse_ir} types answered to {@code isSubtypeOf}.
     */
    @ParameterizedTest(name = "{0} <: {1} is {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Float(2, 3)|Tensor|true
            Tensor|Float(2, 3)|false
            Float(2, 3)|Float(*, *)|true
            Float(2, 3)|Float(*, 3)|true
            Float(2, 3)|Float(*)|false
            Float(2, 3, strides=[3, 1], requires_grad=0, device=cpu)|Float(2, 3)|true
            Float(2, 3)|Float(2, 3, strides=[3, 1])|false
            Float(2, 3)|Long(2, 3)|false
            Float(2, 3)|Tensor?|true
            Float(2, 3)|Any|true
            Float(2, 3, requires_grad=1)|Float(2, 3, requires_grad=0)|false
            Float(2, 3, device=cuda:0)|Float(2, 3)|true
            Float(2, 3)|Float(2, 3, device=cpu)|false
            Float(2, 3, strides=[3, 1])|Float(2, 3, strides=[1, 2])|false
            int|Scalar|true
            float|Scalar|true
            complex|Scalar|true
            bool|Scalar|false
            Scalar|int|false
            int|float|false
            bool|int|false
            NoneType|int?|true
            NoneType|Tensor?|true
            NoneType|Any|true
            NoneType|int|false
            int|int?|true
            int?|int|false
            int?|Scalar?|true
            int|Scalar?|true
            int?|Any|true
            Tensor?|Any|true
            int|Union(int, str)|true
            str|Union(int, str)|true
            float|Union(int, str)|false
            Union(int, str)|Union(int, str, float)|true
            Union(int, str, float)|Union(int, str)|false
            Union(int, str)|Any|true
            Union(int, str)|int|false
            int?|Union(int, str, NoneType)|true
            int?|Union(int, str)|false
            NoneType|Union(int, str, NoneType)|true
            Union(int, float, complex)|Scalar|true
            Scalar|Union(int, float, complex)|true
            Scalar|Union(int, float, complex, str)|true
            Scalar|Union(int, float, str)|false
            Union(int, str)|Union(str, int)|true
            Union(int, float)|Scalar|true
            Union(int, float)|Scalar?|true
            Union(int, str)|Union(int, str)?|true
            Union(int, NoneType, str)|Union(int, str)|false
            Union(Float(2), str)|Union(Tensor, str)|true
            Scalar?|Union(int, float, complex, NoneType, str)|true
            int[]|int[]|true
            int[]|float[]|false
            int[]|Scalar[]|false
            int[]|Any|true
            Float(2)[]|Tensor[]|false
            Tensor[]|Tensor[]?|true
            Dict(str, int)|Dict(str, Scalar)|false
            Dict(str, Float(2))|Dict(str, Tensor)|false
            Dict(str, int)|Dict(str, int)|true
            (int, float)|(Scalar, Scalar)|true
            (int, float)|(int)|false
            (Float(2), int)|(Tensor, int)|true
            (int, NoneType)|(int?, int?)|true
            (int, float)|(int, float)?|true
            ()|()|true
            Future(int)|Future(Scalar)|true
            Future(Float(2))|Future(Tensor)|true
            Future(Scalar)|Future(int)|false
            RRef(int)|RRef(Scalar)|false
            RRef(int)|RRef(int)|true
            Await(int)|Await(Scalar)|true
            Float(2)?|Tensor?|true
            Tensor?|Float(2)?|false
            int[]?|int[]?|true
            int?[]|int?[]|true
            int[]|int?[]|false
            Device|Any|true
            str|Any|true
            Any|int|false
            Any|Any|true
            Generator|Generator?|true
            """)
    void agreesWithPyTorch(String sub, String sup, boolean expected) {
        assertEquals(expected, TorchTypeParser.parse(sub).isSubtypeOf(TorchTypeParser.parse(sup)));
    }

    /** Facts PyTorch's IR parser cannot be asked (it reads {@code list} and {@code tuple} as type variables). */
    @ParameterizedTest(name = "{0} <: {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            int[]|list|true
            Tensor[]|list|true
            (int)|tuple|true
            ()|tuple|true
            NamedTuple(a : int)|tuple|true
            int|list|false
            list|int[]|false
            __torch__.m.A|__torch__.m.A|true
            __torch__.m.A|__torch__.m.B|false
            __torch__.m.A|AnyClassType|true
            __torch__.m.A|Any|true
            __torch__.m.A|__torch__.m.A?|true
            __torch__.m.A|Union(__torch__.m.A, int)|true
            AnyClassType|__torch__.m.A|false
            Enum<__torch__.m.Color>|AnyEnumType|true
            Enum<__torch__.m.Color>|Any|true
            Enum<__torch__.m.Color>|Enum<__torch__.m.Shade>|false
            NamedTuple(a : int, b : float)|(int, float)|true
            NamedTuple(a : int, b : float)|(Scalar, Scalar)|true
            (int, float)|NamedTuple(a : int, b : float)|false
            NamedTuple(a : int)|NamedTuple(b : int)|false
            NamedTuple(a : int)|NamedTuple(a : Scalar)|true
            Tensor[Undefined]|Tensor|false
            Tensor|Tensor[Undefined]|false
            Float(2)[Undefined]|Tensor?|false
            FloatTensor|Tensor|true
            Float(2)|FloatTensor|true
            Long(2)|FloatTensor|false
            SymInt|int|false
            Function|Any|true
            InterfaceType<Foo>|InterfaceType<Foo>|true
            InterfaceType<Foo>|InterfaceType<Bar>|false
            """)
    void followsC10Source(String sub, String sup, boolean expected) {
        assertEquals(expected, TorchTypeParser.parse(sub).isSubtypeOf(TorchTypeParser.parse(sup)));
    }

    @Test
    void aTorchTypeIsNoSubtypeOfAForeignType() {
        kiln.dialects.ir.Type foreign = new kiln.dialects.ir.Type() {};
        assertFalse(LeafType.INT.isSubtypeOf(foreign));
        assertTrue(LeafType.INT.isSubtypeOf(LeafType.ANY));
    }

    @Test
    void sameTypeFollowsC10Equality() {
        TorchType numberUnion = TorchTypeParser.parse("Union[int, float, complex]");
        assertTrue(Subtyping.sameType(numberUnion, LeafType.NUMBER));
        assertTrue(Subtyping.sameType(LeafType.NUMBER, numberUnion));
        assertFalse(numberUnion.equals(LeafType.NUMBER));
        TupleType a = TupleType.named("x.P", java.util.List.of("a"), java.util.List.of(LeafType.INT));
        TupleType b = TupleType.named("y.P", java.util.List.of("a"), java.util.List.of(LeafType.INT));
        TupleType c = TupleType.named("y.Q", java.util.List.of("a"), java.util.List.of(LeafType.INT));
        assertTrue(Subtyping.sameType(a, b), "c10 compares a NamedTuple schema's unqualified name");
        assertFalse(Subtyping.sameType(a, c));
        assertFalse(Subtyping.sameType(a, TupleType.of(LeafType.INT)));
    }
}
