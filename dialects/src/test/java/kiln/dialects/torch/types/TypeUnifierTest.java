package kiln.dialects.torch.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** c10's {@code unifyTypes}, checked against what PyTorch says. */
class TypeUnifierTest {

    private static TorchType t(String text) {
        return TorchTypeParser.parse(text);
    }

    /**
     * Each row is {@code a | b | unified} ({@code -} for none), where unified is what PyTorch 2.13's
     * {@code torch._C.unify_type_list([a, b])} printed.
     */
    @ParameterizedTest(name = "unify({0}, {1}) = {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            int|float|-
            int|int|int
            Float(2, 3)|Float(2, 4)|Float(2, *)
            Float(2, 3)|Long(2, 3)|Tensor(2, 3)
            Float(2, 3)|Float(3)|FloatTensor
            Float(2, 3, requires_grad=0, device=cpu)|Float(2, 3, requires_grad=1, device=cpu)|Float(2, 3, device=cpu)
            Float(2, 3)|Tensor|Tensor
            NoneType|int|int?
            int|NoneType|int?
            int?|int|int?
            int|int?|int?
            int?|NoneType|int?
            int?|float|-
            float|int?|-
            Tensor?|Float(2)|Tensor?
            Float(2)?|Float(3)|Float(*)?
            Float(3)|Float(2)?|Float(*)?
            (int, Float(2))|(int, Float(3))|(int, Float(*))
            (int, NoneType)|(NoneType, int)|(int?, int?)
            (int)|(int, int)|-
            (int, str)|(int, float)|-
            Float(2)[]|Float(3)[]|Tensor[]
            Float(2)[]|Tensor[]|Tensor[]
            int[]|float[]|-
            Dict(str, Float(2))|Dict(str, Float(3))|Dict(str, Tensor)
            Dict(str, int)|Dict(str, float)|-
            Future(Float(2))|Future(Float(3))|Future[Float(*)]
            Future(int)|Future(float)|-
            str|int|-
            Tensor|int|-
            int|Scalar|Scalar
            Any|int|Any
            Union(int, str)|int|Union(int, str)
            Union(int, str)|float|-
            NoneType|NoneType|NoneType
            NoneType|Tensor?|Tensor?
            (Float(2), NoneType)|(Float(3), int)|(Float(*), int?)
            Float(2)?[]|Float(3)?[]|Tensor?[]
            Dict(str, Float(2)?)|Dict(str, Tensor)|-
            (Float(2)[], int)|(Float(3)[], int)|(Tensor[], int)
            Union(Float(2), str)|Float(3)|Union(Tensor, str)
            Float(2, 3, strides=[3, 1], device=cpu)|Float(2, 3, strides=[1, 2], device=cpu)|Float(2, 3, device=cpu)
            Float(2, 3, strides=[3, 1])|Float(2, 4, strides=[4, 1])|Float(2, *)
            Float(2, 3, strides=[3, 1])|Float(5, 3, strides=[3, 1])|Float(*, 3, strides=[3, 1])
            """)
    void agreesWithPyTorch(String a, String b, String expected) {
        Optional<TorchType> unified = TypeUnifier.unify(t(a), t(b));
        assertEquals(expected, unified.map(TorchType::toString).orElse("-"));
    }

    @Test
    void aListUnifiesWithTheAnyListType() {
        // c10 source (ListType::isSubtypeOfExt); PyTorch's IR parser reads `list` as a type variable
        assertEquals(Optional.of(LeafType.ANY_LIST), TypeUnifier.unify(t("int[]"), t("list")));
    }

    @Test
    void namedTuplesUnifyToAPlainTuple() {
        assertEquals(Optional.of(t("(int)")), TypeUnifier.unify(t("NamedTuple(a : int)"), t("NamedTuple(b : int)")));
        assertEquals(Optional.of(t("(int)")), TypeUnifier.unify(t("NamedTuple(a : int)"), t("(int)")));
    }

    @Test
    void defaultToUnionGivesAUnionWhereNothingElseFits() {
        assertEquals(Optional.of(t("Union[int, str]")), TypeUnifier.unify(LeafType.INT, LeafType.STR, true, null));
        assertEquals(Optional.of(t("Union[float, int]")), TypeUnifier.unify(LeafType.INT, LeafType.FLOAT, true, null));
        assertEquals(Optional.of(LeafType.INT), TypeUnifier.unify(LeafType.INT, LeafType.INT, true, null));
    }

    @Test
    void typeHintIsUsedWhenBothAreSubtypes() {
        assertEquals(Optional.of(LeafType.NUMBER),
                TypeUnifier.unify(LeafType.INT, LeafType.FLOAT, false, LeafType.NUMBER));
        assertEquals(Optional.empty(), TypeUnifier.unify(LeafType.INT, LeafType.STR, false, LeafType.NUMBER));
    }

    @Test
    void unifyListReportsTheFirstMismatch() {
        assertEquals(Optional.of(t("Float(*)")),
                TypeUnifier.unifyList(List.of(t("Float(2)"), t("Float(3)"), t("Float(4)")), false, null).type());
        TypeUnifier.ListUnification failed = TypeUnifier.unifyList(List.of(t("int"), t("int"), t("str")), false, null);
        assertEquals(Optional.empty(), failed.type());
        assertEquals("Could not unify type list since element 2 of type str did not match the types before it (int)",
                failed.whyNot());
        assertEquals("Cannot get unified type from empty list", TypeUnifier.unifyList(List.of(), false, null).whyNot());
    }

    @Test
    void unshapedErasesTensorRefinementsEverywhere() {
        assertEquals(t("Tensor"), TypeUnifier.unshaped(t("Float(2, 3)")));
        assertEquals(t("Dict(str, Tensor[])"), TypeUnifier.unshaped(t("Dict(str, Float(2)[])")));
        assertEquals(t("(Tensor?, int)"), TypeUnifier.unshaped(t("(Float(2)?, int)")));
        assertEquals(t("Union(Tensor, str)"), TypeUnifier.unshaped(t("Union(Float(2), str)")));
        assertEquals(t("Future[Tensor]"), TypeUnifier.unshaped(t("Future[Float(2)]")));
        TorchType plain = t("Dict(str, int[])");
        assertTrue(TypeUnifier.unshaped(plain) == plain, "unchanged types are returned as they are");
    }
}
