package kiln.dialects.ir.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kiln.dialects.ir.BufferType;
import kiln.dialects.ir.BuiltinDialect;
import kiln.dialects.ir.DenseElementsAttr;
import kiln.dialects.ir.DialectRegistry;
import kiln.dialects.ir.FloatAttr;
import kiln.dialects.ir.FloatType;
import kiln.dialects.ir.FunctionType;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.IntegerType;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.ShapedType;
import kiln.dialects.ir.StructuralEquality;
import kiln.dialects.ir.SymbolTable;
import kiln.dialects.ir.TypeAttr;
import kiln.dialects.ir.VectorType;
import kiln.dialects.ir.Verifier;
import org.junit.jupiter.api.Test;

/** MLIR's generic text: builtin types and attributes, unregistered ops with regions, modules and functions. */
class GenericTextTest {
    private static final DialectRegistry REGISTRY = new DialectRegistry().allowingUnregistered();

    private static Operation parse(String text) {
        return AsmParser.parseModule(text, "test.kir", REGISTRY);
    }

    private static String print(Operation op) {
        return AsmPrinter.print(op, REGISTRY);
    }

    private static final String SAMPLE = """
            module @m {
              func @kernel(%lo: index, %hi: index, %buf: buffer<4x?xf32, strided<[1, 4]>>) -> (i64, f32) {
                %c = "test.constant"() {value = 42 : i32} : () -> i32 loc("k.py":3:7)
                %r, %s = "test.for"(%lo, %hi) ({
                ^bb0(%i: index):
                  "test.yield"(%i) : (index) -> ()
                }, {
                  "test.yield"() : () -> ()
                }) {attrs = {a = 1, b, "c d" = "x\\n\\01y"}, dense = dense<[[1, 2], [3, 4]]> : tensor<2x2xi32>, \
            empty = array<i64>, f = 2.5 : f32, fn = (i32, f32) -> (i1, index), inf = 0x7FF0000000000000 : f64, l = [true, \
            false, unit, @sym, 1.0e-05], neg = -3, splat = dense<0.5> : vector<8xf32>, t = none, \
            v = vector<4x8xbf16>} : (index, index) -> (i64, f32)
                return %r, %s : i64, f32
              }
              func @declared(si8, ui16) -> ((i32) -> i32)
            }
            """;

    @Test
    void builtinTypesAttributesAndRegionsRoundTrip() {
        Operation m = parse(SAMPLE);
        assertTrue(Verifier.verify(m).isEmpty(), () -> Verifier.verify(m).toString());
        String printed = print(m);
        assertEquals(SAMPLE, printed);
        Operation again = parse(printed);
        assertEquals(printed, print(again));
        assertEquals(null, StructuralEquality.firstDifference(m.region(0), again.region(0)));
    }

    @Test
    void genericFormOfEverythingRoundTrips() {
        Operation m = parse(SAMPLE);
        String generic = AsmPrinter.print(m, REGISTRY, AsmPrinter.Options.GENERIC);
        assertTrue(generic.startsWith("\"builtin.module\"() ({"), generic);
        Operation again = parse(generic);
        assertEquals(print(m), print(again));
    }

    @Test
    void valuesAndAttributesAreWhatTheTextSays() {
        Operation m = parse(SAMPLE);
        Operation kernel = SymbolTable.lookup(m, "kernel").orElseThrow();
        assertEquals(new FunctionType(List.of(kiln.dialects.ir.IndexType.INDEX, kiln.dialects.ir.IndexType.INDEX,
                new BufferType(List.of(4L, ShapedType.DYNAMIC), FloatType.F32, List.of(1L, 4L))),
                List.of(IntegerType.I64, FloatType.F32)), BuiltinDialect.functionType(kernel));
        Operation c = kernel.region(0).entry().firstOp();
        assertEquals(new IntAttr(42, IntegerType.I32), c.attribute("value"));
        assertEquals("k.py:3:7", c.location().toString());
        Operation loop = c.nextOp();
        assertEquals(new FloatAttr(2.5, FloatType.F32), loop.attribute("f"));
        assertEquals(VectorType.of(8, FloatType.F32), ((DenseElementsAttr) loop.attribute("splat")).type());
        assertEquals(4, ((DenseElementsAttr) loop.attribute("dense")).values().size());
        Operation declared = SymbolTable.lookup(m, "declared").orElseThrow();
        assertInstanceOf(TypeAttr.class, declared.attribute(BuiltinDialect.FUNCTION_TYPE));
    }

    @Test
    void topLevelOpsAreWrappedInAModule() {
        Operation m = parse("\"test.a\"() : () -> ()\n\"test.b\"() : () -> ()\n");
        assertEquals(BuiltinDialect.MODULE, m.def());
        assertEquals(2, m.region(0).entry().size());
    }

    @Test
    void errorsArePositioned() {
        ParseException e = assertThrows(ParseException.class, () -> parse("""
                func @f(%a: i32) -> i32 {
                  return %b : i32
                }
                """));
        assertEquals("test.kir:2:10: error: use of undefined value '%b'", e.getMessage());
        e = assertThrows(ParseException.class, () -> AsmParser.parseModule("\"x.y\"() : () -> ()", "t",
                new DialectRegistry()));
        assertTrue(e.getMessage().startsWith("t:1:1: error: unknown op 'x.y'"), e.getMessage());
        e = assertThrows(ParseException.class, () -> parse("%a = \"t.c\"() : () -> tensor<2x3>"));
        assertTrue(e.getMessage().contains("expected 'x' after a dimension but found '>'"), e.getMessage());
        e = assertThrows(ParseException.class, () -> parse("""
                %a = "t.c"() : () -> i32
                "t.use"(%a) : (i64) -> ()
                """));
        assertTrue(e.getMessage().contains("expects different type than prior uses: 'i64' vs 'i32'"),
                e.getMessage());
        e = assertThrows(ParseException.class, () -> AsmParser.parseModule("func @f(!nodialect.x)", "t",
                new DialectRegistry()));
        assertTrue(e.getMessage().contains("no dialect 'nodialect'"), e.getMessage());
    }

    @Test
    void verifierChecksSymbolsAndFunctions() {
        Operation m = parse("""
                func @f() {
                  return
                }
                func @f() {
                  return
                }
                """);
        assertEquals("error: 'builtin.func' op redefines symbol '@f'",
                Verifier.verify(m).getFirst().toString());
    }
}
