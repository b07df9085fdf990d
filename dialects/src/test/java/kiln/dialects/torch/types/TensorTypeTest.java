package kiln.dialects.torch.types;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** c10's tensor type: refinement, merge and the shapes it carries. */
class TensorTypeTest {

    @Test
    void theBareTensorKnowsOnlyThatItIsDefined() {
        TensorType t = TensorType.TENSOR;
        assertEquals(Optional.empty(), t.dtype());
        assertEquals(OptionalInt.empty(), t.rank());
        assertEquals(Optional.of(false), t.undefined());
        assertFalse(t.isComplete());
    }

    @Test
    void mergeKeepsWhatBothAgreeOn() {
        TensorType a = TensorType.contiguous(ScalarType.Float, Device.CPU, 2, 3);
        TensorType b = TensorType.contiguous(ScalarType.Float, Device.of(DeviceType.CUDA, 0), 2, 4);
        TensorType merged = a.merge(b);
        assertEquals("Float(2, *)", merged.toString());
        assertEquals(VaryingShape.ofRank(2).merge(VaryingShape.of(2, 4)), VaryingShape.ofRank(2));
        assertEquals("FloatTensor", a.merge(TensorType.of(ScalarType.Float, 5)).toString());
        assertEquals(TensorType.TENSOR, a.merge(TensorType.TENSOR));
        assertEquals(Optional.empty(), a.merge(a.withUndefined(Optional.of(true))).undefined());
    }

    @Test
    void shapesAndStrides() {
        assertArrayEquals(new long[] {12, 4, 1}, TensorType.contiguousStrides(2, 3, 4));
        assertArrayEquals(new long[0], TensorType.contiguousStrides());
        TensorType t = TensorType.contiguous(ScalarType.Half, Device.CPU, 2, 3);
        assertTrue(t.isComplete());
        assertEquals("Half(2, 3, strides=[3, 1], device=cpu)", t.toString());
        assertEquals("Half(*, *, device=cpu)", t.dimensionedOnly().toString());
        assertEquals("HalfTensor(device=cpu)", t.withRank(OptionalInt.empty()).toString());
        assertEquals(Optional.of(new long[] {2, 3}).map(a -> a.length), t.sizes().concrete().map(a -> a.length));
    }

    @Test
    void deviceAndDtype() {
        assertEquals("cuda:1", Device.parse("cuda:1").toString());
        assertEquals(Device.CPU, Device.parse("cpu"));
        assertEquals(ScalarType.Float, ScalarType.fromCode(6));
        assertEquals(ScalarType.Float8_e4m3fn, ScalarType.fromCode(24));
        assertEquals(ScalarType.Float8_e8m0fnu_x4, ScalarType.fromCode(46));
        assertEquals("torch.float32", ScalarType.Float.pythonName());
        assertEquals(Optional.of("torch.float"), ScalarType.Float.legacyPythonName());
        assertEquals(Optional.of(ScalarType.Long), ScalarType.fromPythonName("torch.long"));
        assertEquals(Optional.of(ScalarType.BFloat16), ScalarType.fromName("BFloat16"));
        assertEquals(16, ScalarType.ComplexDouble.itemSize());
        assertEquals(2, ScalarType.BFloat16.itemSize());
        assertTrue(ScalarType.BFloat16.isFloatingPoint());
        assertTrue(ScalarType.ComplexFloat.isComplex());
        assertTrue(ScalarType.QUInt8.isQuantized());
        assertTrue(ScalarType.Bool.isIntegral(true));
        assertFalse(ScalarType.Bool.isIntegral(false));
        for (ScalarType s : ScalarType.values()) {
            assertEquals(s, ScalarType.fromCode(s.code()), "codes follow declaration order");
        }
    }
}
