package kiln.dialects.arith;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import kiln.dialects.ir.Diagnostic;
import kiln.dialects.ir.Verifier;
import org.junit.jupiter.api.Test;

/** The type rules of the arith ops, each broken once: one diagnostic, in MLIR's words where MLIR has them. */
class ArithVerifierTest {
    /** The diagnostics of a function taking {@code args} whose body is {@code op} (generic form) and a return. */
    private static List<String> problems(String args, String op) {
        var m = ArithTextTest.parse("func @f(" + args + ") {\n  " + op + "\n  return\n}\n");
        return Verifier.verify(m).stream().map(Diagnostic::toString).toList();
    }

    private static void rejects(String args, String op, String message) {
        assertEquals(List.of("arith.kir:2:3: error: " + message), problems(args, op + " loc(\"arith.kir\":2:3)"));
    }

    @Test
    void wellTypedOpsVerify() {
        assertEquals(List.of(), problems("%a: i8, %b: i8", "%r = arith.addi %a, %b : i8"));
        assertEquals(List.of(), problems("%a: vector<2xindex>", "%r = arith.muli %a, %a : vector<2xindex>"));
        assertEquals(List.of(), problems("%a: bf16", "%r = arith.extf %a : bf16 to f32"));
        assertEquals(List.of(), problems("%a: i1", "%r = arith.uitofp %a : i1 to f16"));
    }

    @Test
    void binaryOpsTakeTheirElementKind() {
        rejects("%a: f32", "%r = arith.addi %a, %a : f32",
                "'arith.addi' op operand #0 must be signless integer or index (or a vector of it), but got 'f32'");
        rejects("%a: i32", "%r = arith.addf %a, %a : i32",
                "'arith.addf' op operand #0 must be floating-point (or a vector of it), but got 'i32'");
        rejects("%a: si32", "%r = \"arith.muli\"(%a, %a) : (si32, si32) -> si32",
                "'arith.muli' op operand #0 must be signless integer or index (or a vector of it), but got 'si32'");
        rejects("%a: tensor<2xi32>", "%r = arith.addi %a, %a : tensor<2xi32>",
                "'arith.addi' op operand #0 must be signless integer or index (or a vector of it), but got "
                        + "'tensor<2xi32>'");
        rejects("%a: i32, %b: i64", "%r = \"arith.addi\"(%a, %b) : (i32, i64) -> i32",
                "'arith.addi' op requires the same type for all operands and results");
    }

    @Test
    void castsChangeWidthTheWayTheySay() {
        rejects("%a: i64", "%r = arith.extsi %a : i64 to i32",
                "'arith.extsi' op result type 'i32' must be wider than operand type 'i64'");
        rejects("%a: i32", "%r = arith.trunci %a : i32 to i32",
                "'arith.trunci' op result type 'i32' must be shorter than operand type 'i32'");
        rejects("%a: f64", "%r = arith.extf %a : f64 to f32",
                "'arith.extf' op result type 'f32' must be wider than operand type 'f64'");
        rejects("%a: f32", "%r = arith.bitcast %a : f32 to i64",
                "'arith.bitcast' op operand type 'f32' and result type 'i64' are cast incompatible (different bit "
                        + "widths)");
        rejects("%a: index", "%r = arith.sitofp %a : index to f64",
                "'arith.sitofp' op operand #0 must be signless integer (or a vector of it), but got 'index'");
        rejects("%a: vector<4xi32>", "%r = arith.extsi %a : vector<4xi32> to i64",
                "'arith.extsi' op operand type 'vector<4xi32>' and result type 'i64' are cast incompatible");
        rejects("%a: i32", "%r = arith.index_cast %a : i32 to i64",
                "'arith.index_cast' op casts between index and a signless integer, not 'i32' to 'i64'");
    }

    @Test
    void comparisonsGiveI1OfTheirShape() {
        rejects("%a: i32, %b: i64", "%r = \"arith.cmpi\"(%a, %b) {predicate = 0} : (i32, i64) -> i1",
                "'arith.cmpi' op requires all operands to have the same type");
        rejects("%a: vector<2xi32>", "%r = \"arith.cmpi\"(%a, %a) {predicate = 0} : (vector<2xi32>, vector<2xi32>) -> i1",
                "'arith.cmpi' op result must be i1 of the operands' shape, but got 'i1'");
        rejects("%a: f32", "%r = \"arith.cmpf\"(%a, %a) {predicate = 16} : (f32, f32) -> i1",
                "'arith.cmpf' op predicate 16 is not one of the 16 predicates");
        rejects("%a: f32", "%r = \"arith.cmpf\"(%a, %a) : (f32, f32) -> i1",
                "'arith.cmpf' op requires attribute 'predicate'");
    }

    @Test
    void selectTakesAnI1OrAMaskOfTheResultShape() {
        rejects("%c: i32, %a: i64", "%r = \"arith.select\"(%c, %a, %a) : (i32, i64, i64) -> i64",
                "'arith.select' op expected condition to be i1, but got 'i32'");
        rejects("%c: vector<2xi1>, %a: vector<4xi64>",
                "%r = arith.select %c, %a, %a : vector<2xi1>, vector<4xi64>",
                "'arith.select' op expected condition to be i1 or vector<4xi1>, but got 'vector<2xi1>'");
        rejects("%c: i1, %a: i64, %b: i32", "%r = \"arith.select\"(%c, %a, %b) : (i1, i64, i32) -> i64",
                "'arith.select' op requires the true value, the false value and the result to have the same type");
    }

    @Test
    void constantsMatchTheirResult() {
        rejects("", "%r = \"arith.constant\"() {value = 1 : i32} : () -> i64",
                "'arith.constant' op value of type 'i32' does not match the result type 'i64'");
        rejects("", "%r = arith.constant 300 : i8",
                "'arith.constant' op integer constant 300 is out of range for 'i8'");
        rejects("", "%r = arith.constant 3 : si8",
                "'arith.constant' op integer return type must be signless (or index, or a float), not 'si8'");
        rejects("", "%r = \"arith.constant\"() {value = \"s\"} : () -> i64",
                "'arith.constant' op value must be an integer, float, or elements attribute");
        assertEquals(List.of(), problems("", "%r = arith.constant 255 : i8"));
        assertEquals(List.of(), problems("", "%r = arith.constant -128 : i8"));
    }
}
