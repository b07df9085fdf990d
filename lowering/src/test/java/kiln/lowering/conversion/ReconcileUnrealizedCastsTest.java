package kiln.lowering.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import kiln.dialects.ir.Diagnostic;
import kiln.dialects.ir.Operation;
import kiln.lowering.PassContext;
import kiln.lowering.PassFailure;
import org.junit.jupiter.api.Test;

/** {@code reconcile-unrealized-casts}: chains back to their start cancel, dead casts go, live ones are errors. */
class ReconcileUnrealizedCastsTest {
    private static Operation run(String body) {
        Operation m = ConversionFrameworkTest.parse("func @f(%a: i32, %b: i32) {\n" + body + "\n  return\n}\n");
        new ReconcileUnrealizedCastsPass().run(m.region(0).entry().firstOp().region(0),
                new PassContext(ConversionFrameworkTest.REGISTRY));
        return m;
    }

    @Test
    void chainsBackToTheirStartCancel() {
        Operation m = run("""
                %0 = "builtin.unrealized_conversion_cast"(%a) : (i32) -> i64
                %1 = "builtin.unrealized_conversion_cast"(%0) : (i64) -> i32
                %2 = "builtin.unrealized_conversion_cast"(%a) : (i32) -> f32
                %3 = "builtin.unrealized_conversion_cast"(%2) : (f32) -> i64
                %4 = "builtin.unrealized_conversion_cast"(%3) : (i64) -> i32
                %5 = "builtin.unrealized_conversion_cast"(%a, %b) : (i32, i32) -> !test.pair
                %6, %9 = "builtin.unrealized_conversion_cast"(%5) : (!test.pair) -> (i32, i32)
                %7 = "builtin.unrealized_conversion_cast"(%b) : (i32) -> i32
                %8 = "builtin.unrealized_conversion_cast"(%a) : (i32) -> i8
                "test.use"(%1, %4, %6, %9, %7) : (i32, i32, i32, i32, i32) -> ()""");
        assertEquals(List.of("\"test.use\"(%a, %a, %a, %b, %b) : (i32, i32, i32, i32, i32) -> ()", "return"),
                ConversionFrameworkTest.body(m));
    }

    @Test
    void castsStillInUseAreErrors() {
        PassFailure f = assertThrows(PassFailure.class, () -> run("""
                %0 = "builtin.unrealized_conversion_cast"(%a) : (i32) -> i64 loc("m.py":3:4)
                %1 = "builtin.unrealized_conversion_cast"(%0) : (i64) -> i32
                %2 = "builtin.unrealized_conversion_cast"(%a) : (i32) -> i64 loc("m.py":5:6)
                "test.use"(%1, %2) : (i32, i64) -> ()"""));
        assertEquals(List.of("m.py:5:6: error: failed to legalize operation 'builtin.unrealized_conversion_cast' "
                + "that was explicitly marked illegal"), f.diagnostics().stream().map(Diagnostic::toString).toList());
    }
}
