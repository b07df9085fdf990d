package kiln.lowering.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kiln.dialects.ir.DialectRegistry;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Verifier;
import kiln.dialects.ir.text.AsmParser;
import kiln.dialects.ir.text.AsmPrinter;
import kiln.lowering.PassContext;
import kiln.lowering.PassManager;
import kiln.lowering.PassPipeline;
import kiln.lowering.PassRegistry;
import org.junit.jupiter.api.Test;

/** Runs the worked example of docs/toolkit.md: the {@code ex} dialect read, verified, canonicalized and printed. */
class ExampleDialectTest {
    private static final DialectRegistry REGISTRY = new DialectRegistry(ExampleDialect.INSTANCE);

    @Test
    void readsCanonicalizesAndPrints() {
        Operation module = AsmParser.parseModule("""
                func @f(%x: i64) -> (i64, i64, i64) {
                  %one = ex.const 1
                  %two = ex.const 2
                  %three = ex.add %one, %two
                  %n = ex.neg %x
                  %nn = ex.neg %n
                  %zero = ex.add %x, %n
                  %y = ex.add %three, %x
                  return %nn, %zero, %y : i64, i64, i64
                }
                """, "ex.kir", REGISTRY);
        assertTrue(Verifier.verify(module).isEmpty(), () -> Verifier.verify(module).toString());
        PassContext context = new PassContext(REGISTRY);
        new PassManager(PassPipeline.parse("canonicalize", PassRegistry.discover()), r -> "")
                .run(module, context);
        assertEquals("""
                module {
                  func @f(%x: i64) -> (i64, i64, i64) {
                    %0 = ex.const 3
                    %1 = ex.const 0
                    %y = ex.add %x, %0
                    return %x, %1, %y : i64, i64, i64
                  }
                }
                """, AsmPrinter.print(module, REGISTRY));
        assertEquals(1L, context.statistics().get("canonicalize.add-of-negation"));
    }
}
