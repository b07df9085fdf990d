package kiln.dialects.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kiln.dialects.ir.BoolAttr;
import kiln.dialects.ir.DialectRegistry;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.IntegerType;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Verifier;
import kiln.dialects.ir.text.AsmParser;
import kiln.dialects.ir.text.AsmPrinter;
import kiln.dialects.ir.text.ParseException;
import org.junit.jupiter.api.Test;

/** Every arith op in MLIR's custom syntax and in the generic form: parse, verify, print back, both ways. */
class ArithTextTest {
    static final DialectRegistry REGISTRY = new DialectRegistry(ArithDialect.INSTANCE);

    static Operation parse(String text) {
        return AsmParser.parseModule(text, "arith.kir", REGISTRY);
    }

    static String print(Operation op) {
        return AsmPrinter.print(op, REGISTRY);
    }

    static final String EVERY_OP = """
            module {
              func @ops(%a: i64, %b: i64, %x: f32, %y: f32, %p: i1, %v: vector<4xi32>, %w: vector<4xi32>, %i: index, \
            %h: f16) -> (i64, f32) {
                %c42 = arith.constant 42 : i32
                %cm1 = arith.constant -1 : i64
                %true = arith.constant true
                %cst = arith.constant 2.5 : f32
                %d = arith.constant 1.5 : f64
                %nan = arith.constant 0x7FF8000000000000 : f64
                %ci = arith.constant 3 : index
                %cv = arith.constant dense<[1, 2, 3, 4]> : vector<4xi32>
                %z = arith.constant dense<0.0> : vector<2xf64>
                %0 = arith.addi %a, %b : i64
                %1 = arith.subi %a, %b : i64
                %2 = arith.muli %a, %b : i64
                %3 = arith.divsi %a, %b : i64
                %4 = arith.divui %a, %b : i64
                %5 = arith.remsi %a, %b : i64
                %6 = arith.remui %a, %b : i64
                %7 = arith.floordivsi %a, %b : i64
                %8 = arith.ceildivsi %a, %b : i64
                %9 = arith.ceildivui %a, %b : i64
                %10 = arith.andi %a, %b : i64
                %11 = arith.ori %a, %b : i64
                %12 = arith.xori %a, %b : i64
                %13 = arith.shli %a, %b : i64
                %14 = arith.shrsi %a, %b : i64
                %15 = arith.shrui %a, %b : i64
                %16 = arith.maxsi %a, %b : i64
                %17 = arith.minsi %a, %b : i64
                %18 = arith.maxui %a, %b : i64
                %19 = arith.minui %a, %b : i64
                %20 = arith.addi %v, %w : vector<4xi32>
                %21 = arith.addi %i, %ci : index
                %22 = arith.andi %p, %true : i1
                %f0 = arith.addf %x, %y : f32
                %f1 = arith.subf %x, %y : f32
                %f2 = arith.mulf %x, %y : f32
                %f3 = arith.divf %x, %y : f32
                %f4 = arith.remf %x, %y : f32
                %f5 = arith.negf %x : f32
                %f6 = arith.maximumf %x, %y : f32
                %f7 = arith.minimumf %x, %cst : f32
                %q0 = arith.cmpi eq, %a, %b : i64
                %q1 = arith.cmpi ne, %a, %b : i64
                %q2 = arith.cmpi slt, %a, %b : i64
                %q3 = arith.cmpi sle, %a, %b : i64
                %q4 = arith.cmpi sgt, %a, %b : i64
                %q5 = arith.cmpi sge, %a, %b : i64
                %q6 = arith.cmpi ult, %a, %b : i64
                %q7 = arith.cmpi ule, %a, %b : i64
                %q8 = arith.cmpi ugt, %a, %b : i64
                %q9 = arith.cmpi uge, %i, %ci : index
                %qv = arith.cmpi slt, %v, %w : vector<4xi32>
                %r0 = arith.cmpf false, %x, %y : f32
                %r1 = arith.cmpf oeq, %x, %y : f32
                %r2 = arith.cmpf ogt, %x, %y : f32
                %r3 = arith.cmpf oge, %x, %y : f32
                %r4 = arith.cmpf olt, %x, %y : f32
                %r5 = arith.cmpf ole, %x, %y : f32
                %r6 = arith.cmpf one, %x, %y : f32
                %r7 = arith.cmpf ord, %x, %y : f32
                %r8 = arith.cmpf ueq, %x, %y : f32
                %r9 = arith.cmpf ugt, %x, %y : f32
                %r10 = arith.cmpf uge, %x, %y : f32
                %r11 = arith.cmpf ult, %x, %y : f32
                %r12 = arith.cmpf ule, %x, %y : f32
                %r13 = arith.cmpf une, %x, %y : f32
                %r14 = arith.cmpf uno, %x, %y : f32
                %r15 = arith.cmpf true, %x, %y : f32
                %s0 = arith.select %p, %a, %b : i64
                %s1 = arith.select %qv, %v, %w : vector<4xi1>, vector<4xi32>
                %s2 = arith.select %p, %v, %w : vector<4xi32>
                %e0 = arith.extsi %c42 : i32 to i64
                %e1 = arith.extui %c42 : i32 to i64
                %e2 = arith.trunci %a : i64 to i8
                %e3 = arith.sitofp %a : i64 to f64
                %e4 = arith.uitofp %a : i64 to f32
                %e5 = arith.fptosi %x : f32 to i32
                %e6 = arith.fptoui %x : f32 to i16
                %e7 = arith.extf %x : f32 to f64
                %e8 = arith.truncf %x : f32 to bf16
                %e9 = arith.index_cast %i : index to i64
                %e10 = arith.index_cast %a : i64 to index
                %e11 = arith.bitcast %x : f32 to i32
                %e12 = arith.bitcast %h : f16 to i16
                %e13 = arith.extsi %v : vector<4xi32> to vector<4xi64>
                %e14 = arith.addi %a, %b {tag = "kept"} : i64
                return %0, %f0 : i64, f32
              }
            }
            """;

    @Test
    void everyOpRoundTripsInCustomForm() {
        Operation m = parse(EVERY_OP);
        assertTrue(Verifier.verify(m).isEmpty(), () -> Verifier.verify(m).toString());
        assertEquals(EVERY_OP, print(m));
    }

    @Test
    void everyOpRoundTripsInGenericForm() {
        Operation m = parse(EVERY_OP);
        String generic = AsmPrinter.print(m, REGISTRY, AsmPrinter.Options.GENERIC);
        assertTrue(generic.contains("%2 = \"arith.muli\"(%a, %b) : (i64, i64) -> i64"), generic);
        assertTrue(generic.contains("%q2 = \"arith.cmpi\"(%a, %b) {predicate = 2} : (i64, i64) -> i1"), generic);
        assertTrue(generic.contains("%r13 = \"arith.cmpf\"(%x, %y) {predicate = 13} : (f32, f32) -> i1"), generic);
        assertTrue(generic.contains("%c42 = \"arith.constant\"() {value = 42 : i32} : () -> i32"), generic);
        assertTrue(generic.contains("%true = \"arith.constant\"() {value = true} : () -> i1"), generic);
        assertTrue(generic.contains("%e3 = \"arith.sitofp\"(%a) : (i64) -> f64"), generic);
        Operation again = parse(generic);
        assertTrue(Verifier.verify(again).isEmpty(), () -> Verifier.verify(again).toString());
        assertEquals(EVERY_OP, print(again));
        assertEquals(generic, AsmPrinter.print(again, REGISTRY, AsmPrinter.Options.GENERIC));
    }

    @Test
    void constantsCarryTheirTypes() {
        Operation m = parse("""
                func @f() -> (i1, i64) {
                  %t = arith.constant true
                  %c = arith.constant 7
                  return %t, %c : i1, i64
                }
                """);
        Operation func = m.region(0).entry().firstOp();
        Operation t = func.region(0).entry().firstOp();
        assertInstanceOf(BoolAttr.class, t.attribute("value"));
        assertEquals(IntegerType.I1, t.result(0).type());
        assertEquals(new IntAttr(7), t.nextOp().attribute("value"));
        assertEquals(IntegerType.I64, t.nextOp().result(0).type());
        assertTrue(print(m).contains("%c = arith.constant 7 : i64"), print(m));
    }

    @Test
    void opsTheSyntaxCannotStatePrintGenerically() {
        // a cmpi whose result is not i1 is invalid, and printing it in custom form would change it
        Operation m = parse("""
                func @f(%a: i64) {
                  %r = "arith.cmpi"(%a, %a) {predicate = 0} : (i64, i64) -> i64
                  return
                }
                """);
        assertTrue(print(m).contains("%r = \"arith.cmpi\"(%a, %a) {predicate = 0} : (i64, i64) -> i64"), print(m));
        assertEquals("error: 'arith.cmpi' op result must be i1 of the operands' shape, but got 'i64'",
                Verifier.verify(m).getFirst().toString());
    }

    @Test
    void syntaxErrorsArePlaced() {
        ParseException e = assertThrows(ParseException.class, () -> parse("""
                func @f(%a: i64, %b: i32) -> i64 {
                  %r = arith.addi %a, %b : i64
                  return %r : i64
                }
                """));
        assertTrue(e.getMessage().startsWith("arith.kir:2:"), e.getMessage());
        assertTrue(e.getMessage().contains("use of value '%b' expects different type than prior uses: 'i64' vs "
                + "'i32'"), e.getMessage());
        ParseException p = assertThrows(ParseException.class, () -> parse("""
                func @f(%a: i64) -> i1 {
                  %r = arith.cmpi less, %a, %a : i64
                  return %r : i1
                }
                """));
        assertTrue(p.getMessage().contains("unknown predicate 'less' (expected one of eq, ne, slt"), p.getMessage());
    }
}
