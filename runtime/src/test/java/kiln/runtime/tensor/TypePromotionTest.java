package kiln.runtime.tensor;

import static kiln.runtime.tensor.Assertions2.assertRuntimeError;
import static kiln.runtime.tensor.TypePromotion.Category.DIMENSIONED;
import static kiln.runtime.tensor.TypePromotion.Category.WRAPPED_NUMBER;
import static kiln.runtime.tensor.TypePromotion.Category.ZERO_DIM;
import static kiln.dialects.torch.types.ScalarType.BFloat16;
import static kiln.dialects.torch.types.ScalarType.Bits8;
import static kiln.dialects.torch.types.ScalarType.Bool;
import static kiln.dialects.torch.types.ScalarType.Byte;
import static kiln.dialects.torch.types.ScalarType.Char;
import static kiln.dialects.torch.types.ScalarType.ComplexDouble;
import static kiln.dialects.torch.types.ScalarType.ComplexFloat;
import static kiln.dialects.torch.types.ScalarType.ComplexHalf;
import static kiln.dialects.torch.types.ScalarType.Double;
import static kiln.dialects.torch.types.ScalarType.Float;
import static kiln.dialects.torch.types.ScalarType.Float8_e4m3fn;
import static kiln.dialects.torch.types.ScalarType.Half;
import static kiln.dialects.torch.types.ScalarType.Int;
import static kiln.dialects.torch.types.ScalarType.Long;
import static kiln.dialects.torch.types.ScalarType.QInt8;
import static kiln.dialects.torch.types.ScalarType.Short;
import static kiln.dialects.torch.types.ScalarType.UInt16;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import kiln.dialects.torch.types.ScalarType;
import kiln.runtime.tensor.TypePromotion.Participant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** c10's promoteTypes table and ATen's result_type, pair by pair. */
class TypePromotionTest {
    @ParameterizedTest(name = "promote({0}, {1}) = {2}")
    @CsvSource({
        "Byte, Char, Short", "Char, Byte, Short", "Byte, Bool, Byte", "Bool, Byte, Byte", "Char, Bool, Char",
        "Bool, Bool, Bool", "Byte, Short, Short", "Byte, Int, Int", "Byte, Long, Long", "Byte, Half, Half",
        "Byte, Float, Float", "Byte, BFloat16, BFloat16", "Char, Short, Short", "Char, Long, Long",
        "Short, Int, Int", "Int, Long, Long", "Long, Half, Half", "Long, Float, Float", "Long, Double, Double",
        "Int, BFloat16, BFloat16", "Half, BFloat16, Float", "BFloat16, Half, Float", "Half, Float, Float",
        "BFloat16, Float, Float", "Float, Double, Double", "Half, Double, Double", "Bool, Long, Long",
        "Long, Bool, Long", "Bool, Half, Half", "Bool, Float, Float", "Bool, BFloat16, BFloat16",
        "Bool, Double, Double", "Float, ComplexHalf, ComplexFloat", "Half, ComplexHalf, ComplexHalf",
        "Double, ComplexFloat, ComplexDouble", "Bool, ComplexFloat, ComplexFloat",
        "BFloat16, ComplexHalf, ComplexFloat", "Long, ComplexDouble, ComplexDouble", "Float, Float, Float",
        "UInt16, Float, Float", "Double, UInt16, Double",
    })
    void promoteTypesTable(ScalarType a, ScalarType b, ScalarType expected) {
        assertEquals(expected, TypePromotion.promoteTypes(a, b));
    }

    @Test
    void promoteTypesRefusals() {
        assertRuntimeError("promoteTypes with quantized numbers is not handled yet; figure out what the correct "
                + "rules should be, offending types: QInt8 Float", () -> TypePromotion.promoteTypes(QInt8, Float));
        assertRuntimeError("Promotion for Float8 Types is not supported, attempted to promote Float8_e4m3fn and "
                + "Float", () -> TypePromotion.promoteTypes(Float8_e4m3fn, Float));
        assertRuntimeError("Promotion for uint16, uint32, uint64 types is not supported, attempted to promote "
                + "UInt16 and Int", () -> TypePromotion.promoteTypes(UInt16, Int));
        assertNull(TypePromotion.promoteTypes(Bits8, Float));
        assertRuntimeError("Promotion from Bits8 and Float is unsupported.",
                () -> TypePromotion.promoteTypesChecked(Bits8, Float));
    }

    private static Tensor dims(ScalarType dtype) {
        return Tensor.zeros(dtype, 2);
    }

    private static Tensor zeroDim(ScalarType dtype) {
        return Tensor.zeros(dtype);
    }

    @Test
    void tensorsWithDimsAgainstPythonNumbers() {
        assertEquals(Float, TypePromotion.resultType(dims(Int), Scalar.of(2.5)));
        assertEquals(Int, TypePromotion.resultType(dims(Int), Scalar.of(2L)));
        assertEquals(Byte, TypePromotion.resultType(dims(Byte), Scalar.of(300L)));
        assertEquals(Char, TypePromotion.resultType(dims(Char), Scalar.of(true)));
        assertEquals(Long, TypePromotion.resultType(dims(Bool), Scalar.of(2L)));
        assertEquals(Float, TypePromotion.resultType(dims(Bool), Scalar.of(2.0)));
        assertEquals(Bool, TypePromotion.resultType(dims(Bool), Scalar.of(false)));
        assertEquals(Half, TypePromotion.resultType(dims(Half), Scalar.of(1e10)));
        assertEquals(BFloat16, TypePromotion.resultType(dims(BFloat16), Scalar.of(1L)));
        assertEquals(Double, TypePromotion.resultType(dims(Double), Scalar.of(1.5)));
    }

    @Test
    void tensorsWithDimsAgainstZeroDimTensors() {
        assertEquals(Float, TypePromotion.resultType(dims(Float), zeroDim(Double)));
        assertEquals(Double, TypePromotion.resultType(dims(Int), zeroDim(Double)));
        assertEquals(Int, TypePromotion.resultType(dims(Int), zeroDim(Long)));
        assertEquals(Byte, TypePromotion.resultType(dims(Byte), zeroDim(Char)));
        assertEquals(Short, TypePromotion.resultType(dims(Byte), dims(Char)));
        assertEquals(Byte, TypePromotion.resultType(dims(Bool), zeroDim(Byte)));
        assertEquals(Char, TypePromotion.resultType(zeroDim(Bool), dims(Char)));
        assertEquals(Half, TypePromotion.resultType(dims(Half), zeroDim(Float)));
    }

    @Test
    void zeroDimTensorsAndNumbersAlone() {
        assertEquals(Long, TypePromotion.resultType(zeroDim(Int), zeroDim(Long)));
        assertEquals(Float, TypePromotion.resultType(zeroDim(Long), Scalar.of(1.5)));
        assertEquals(Int, TypePromotion.resultType(zeroDim(Int), Scalar.of(7L)));
        assertEquals(Double, TypePromotion.resultType(zeroDim(Double), Scalar.of(7L)));
        assertEquals(Float, TypePromotion.resultType(Scalar.of(1L), Scalar.of(2.0)));
        assertEquals(Long, TypePromotion.resultType(Scalar.of(true), Scalar.of(2L)));
    }

    @Test
    void complexNumbersByCategory() {
        Participant complexNumber = new Participant(ComplexDouble, WRAPPED_NUMBER);
        assertEquals(ComplexFloat, TypePromotion.resultType(List.of(new Participant(Float, DIMENSIONED),
                complexNumber)));
        assertEquals(ComplexDouble, TypePromotion.resultType(List.of(new Participant(Double, DIMENSIONED),
                complexNumber)));
        assertEquals(ComplexFloat, TypePromotion.resultType(List.of(new Participant(Int, DIMENSIONED),
                complexNumber)));
        assertEquals(ComplexHalf, TypePromotion.resultType(List.of(new Participant(Half, DIMENSIONED),
                new Participant(ComplexDouble, ZERO_DIM))));
    }

    @Test
    void canCast() {
        assertFalse(TypePromotion.canCast(Float, Long));
        assertTrue(TypePromotion.canCast(Long, Float));
        assertFalse(TypePromotion.canCast(Long, Bool));
        assertTrue(TypePromotion.canCast(Bool, Long));
        assertTrue(TypePromotion.canCast(Bool, Bool));
        assertFalse(TypePromotion.canCast(ComplexFloat, Double));
        assertTrue(TypePromotion.canCast(Double, Half));
    }
}
