package kiln.lowering.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScalarEvaluatorTest {
    @Test
    void floatOfAStringFoldsPythonsSpellings() {
        assertEquals(Optional.of(Double.NEGATIVE_INFINITY), ScalarEvaluator.evaluate("aten::Float", List.of("-inf")));
        assertEquals(Optional.of(Double.POSITIVE_INFINITY), ScalarEvaluator.evaluate("aten::Float", List.of(" Infinity ")));
        assertEquals(Optional.of(Double.NaN), ScalarEvaluator.evaluate("aten::Float", List.of("nan")));
        assertEquals(Optional.of(1.5e3), ScalarEvaluator.evaluate("aten::Float", List.of("1.5e3")));
        assertEquals(Optional.of(0.5), ScalarEvaluator.evaluate("aten::Float", List.of(".5")));
        assertEquals(Optional.of(-2.0), ScalarEvaluator.evaluate("aten::Float", List.of("-2")));
        // what Python rejects (or Java alone accepts) is left to raise at run time
        assertEquals(Optional.empty(), ScalarEvaluator.evaluate("aten::Float", List.of("abc")));
        assertEquals(Optional.empty(), ScalarEvaluator.evaluate("aten::Float", List.of("1.5f")));
        assertEquals(Optional.empty(), ScalarEvaluator.evaluate("aten::Float", List.of("0x1p3")));
        assertEquals(Optional.empty(), ScalarEvaluator.evaluate("aten::Float", List.of("")));
    }
}
