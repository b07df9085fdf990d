package kiln.dialects.torch.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** c10's standard form for unions and optionals. */
class UnionTypeTest {
    private static final TorchType INT = LeafType.INT;
    private static final TorchType STR = LeafType.STR;

    @Test
    void membersAreFlattenedMergedAndSorted() {
        UnionType u = (UnionType) UnionType.of(STR, UnionType.of(INT, TensorType.TENSOR), INT);
        assertEquals(List.of(TensorType.TENSOR, INT, STR), u.types());
        UnionType tensors = (UnionType) UnionType.of(TensorType.of(ScalarType.Float, 2),
                TensorType.of(ScalarType.Float, 3), STR);
        assertEquals(List.of(TensorType.of(ScalarType.Float, 2).merge(TensorType.of(ScalarType.Float, 3)), STR),
                tensors.types(), "refinements of one tensor unify");
        assertEquals(List.of(LeafType.FLOAT, LeafType.COMPLEX, INT),
                ((UnionType) UnionType.of(LeafType.NUMBER, INT)).types(), "number spells as its three members");
    }

    @Test
    void unionsThatAreOptionalsOrOneTypeCollapse() {
        assertEquals(OptionalType.of(INT), UnionType.of(INT, LeafType.NONE));
        assertEquals(OptionalType.of(LeafType.NUMBER), UnionType.of(LeafType.NUMBER, LeafType.NONE));
        assertEquals(INT, UnionType.of(INT, INT));
        assertEquals(TensorType.TENSOR, UnionType.of(TensorType.TENSOR, TensorType.of(ScalarType.Float, 2)));
    }

    @Test
    void theConstructorRefusesWhatCreateWouldCollapse() {
        assertThrows(IllegalArgumentException.class, () -> new UnionType(List.of(INT, INT)));
        assertThrows(IllegalArgumentException.class, () -> new UnionType(List.of(INT, LeafType.NONE)));
        assertThrows(IllegalArgumentException.class, () -> new UnionType(List.of()));
        assertEquals(UnionType.of(INT, STR), new UnionType(List.of(STR, INT)));
    }

    @Test
    void optionalKeepsC10sStandardElement() {
        assertEquals(INT, OptionalType.of(OptionalType.of(INT)).elementType());
        assertEquals(LeafType.NUMBER, OptionalType.of(UnionType.of(INT, LeafType.FLOAT, LeafType.COMPLEX))
                .elementType());
        assertEquals(UnionType.of(INT, STR), OptionalType.of(UnionType.of(STR, LeafType.NONE, INT)).elementType());
        assertThrows(IllegalArgumentException.class, () -> OptionalType.of(LeafType.NONE));
    }

    @Test
    void canHoldType() {
        UnionType u = (UnionType) UnionType.of(INT, STR, LeafType.NONE);
        assertTrue(u.canHoldType(INT));
        assertTrue(u.canHoldType(LeafType.NONE));
        assertFalse(u.canHoldType(LeafType.FLOAT));
        assertFalse(u.canHoldType(LeafType.NUMBER));
        assertTrue(((UnionType) UnionType.of(LeafType.NUMBER, STR)).canHoldType(LeafType.NUMBER));
    }
}
