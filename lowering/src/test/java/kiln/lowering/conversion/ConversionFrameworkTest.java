package kiln.lowering.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.dialects.ir.BoolAttr;
import kiln.dialects.ir.DialectRegistry;
import kiln.dialects.ir.IntegerType;
import kiln.dialects.ir.OpaqueType;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.ir.Verifier;
import kiln.dialects.ir.text.AsmParser;
import kiln.dialects.ir.text.AsmPrinter;
import org.junit.jupiter.api.Test;

/**
 * The conversion framework over a tiny dialect of unregistered ops: {@code test.*} ops on {@code !test.old} values
 * convert to {@code new.*} ops on {@code i64}.
 */
class ConversionFrameworkTest {
    static final DialectRegistry REGISTRY = new DialectRegistry().allowingUnregistered();
    static final Type OLD = new OpaqueType("test", "old");

    static Operation parse(String text) {
        Operation m = AsmParser.parseModule(text, "conv.kir", REGISTRY);
        assertEquals(List.of(), Verifier.verify(m));
        return m;
    }

    static String print(Operation m) {
        return AsmPrinter.print(m, REGISTRY);
    }

    /** The body lines of the module's first function, stripped. */
    static List<String> body(Operation m) {
        return print(m).lines().map(String::strip).filter(l -> !l.startsWith("module") && !l.startsWith("func")
                && !l.equals("}")).toList();
    }

    static TypeConverter converter() {
        return new TypeConverter().addIdentityConversion().addConversion(t -> t.equals(OLD)
                ? Optional.of(List.of(IntegerType.I64)) : Optional.empty());
    }

    /** {@code test.X} becomes {@code new.X} with the adaptor's operands and converted result types. */
    static ConversionPattern rename(String from, TypeConverter converter) {
        return new ConversionPattern("rename-" + from, 1, List.of("test." + from), converter) {
            @Override
            public boolean matchAndRewrite(Operation op, List<Value> operands, ConversionRewriter rewriter) {
                List<Type> results = converter == null ? op.results().stream().map(Value::type).toList()
                        : converter.convertTypes(op.results().stream().map(Value::type).toList()).orElseThrow();
                rewriter.replaceOpWithNew(op, REGISTRY.lookup("new." + from).orElseThrow(), operands, results,
                        Map.of());
                return true;
            }
        };
    }

    @Test
    void legalIllegalAndDynamicallyLegalOps() {
        Operation m = parse("""
                func @f() {
                  "test.inc"() : () -> ()
                  "test.dyn"() {ok = true} : () -> ()
                  "test.dyn"() {ok = false} : () -> ()
                  "test.other"() : () -> ()
                  "new.inc"() : () -> ()
                  return
                }
                """);
        ConversionTarget target = new ConversionTarget().addLegalDialect("new", "builtin").addIllegalOp("test.inc")
                .addDynamicallyLegalOp("test.dyn", op -> op.attribute("ok") instanceof BoolAttr b && b.value());
        ConversionResult r = DialectConversion.applyPartialConversion(m, target,
                List.of(rename("inc", null), rename("dyn", null), rename("other", null)), null);
        assertEquals(List.of("\"new.inc\"() : () -> ()", "\"test.dyn\"() {ok = true} : () -> ()",
                "\"new.dyn\"() : () -> ()", "\"new.other\"() : () -> ()", "\"new.inc\"() : () -> ()", "return"),
                body(m));
        // an unknown op is offered to the patterns too (MLIR legalizes every op that is not legal)
        assertEquals(List.of("test.inc", "test.dyn", "test.other"),
                r.converted().stream().map(ConversionResult.Converted::opName).toList());
        assertTrue(r.left().isEmpty());
        assertTrue(r.succeeded());
    }

    @Test
    void namesDecideBeforeNamespacesAndUnknownOpsMayBeDecided() {
        Operation m = parse("""
                func @f() {
                  "test.a"() : () -> ()
                  "test.b"() : () -> ()
                  "other.c"() : () -> ()
                  return
                }
                """);
        List<Operation> ops = m.region(0).entry().firstOp().region(0).entry().opsSnapshot();
        ConversionTarget target = new ConversionTarget().addIllegalDialect("test").addLegalOp("test.b")
                .markUnknownOpDynamicallyLegal(op -> op.name().endsWith(".c"));
        assertEquals(ConversionTarget.Legality.ILLEGAL, target.legality(ops.get(0)));
        assertEquals(ConversionTarget.Legality.LEGAL, target.legality(ops.get(1)));
        assertEquals(ConversionTarget.Legality.LEGAL, target.legality(ops.get(2)));
        assertEquals(ConversionTarget.Legality.UNKNOWN, new ConversionTarget().legality(ops.get(2)));
    }

    @Test
    void typeConversionMaterializesWhereConvertedAndUnconvertedCodeMeet() {
        Operation m = parse("""
                func @f() {
                  %a = "test.source"() : () -> !test.old
                  %b = "test.inc"(%a) : (!test.old) -> !test.old
                  %c = "test.inc"(%b) : (!test.old) -> !test.old
                  "test.sink"(%c) : (!test.old) -> ()
                  return
                }
                """);
        TypeConverter types = converter();
        ConversionTarget target = new ConversionTarget().addLegalDialect("new", "builtin").addIllegalOp("test.inc");
        ConversionResult r = DialectConversion.applyPartialConversion(m, target, List.of(rename("inc", types)),
                types);
        assertEquals(List.of("test.inc", "test.inc"),
                r.converted().stream().map(ConversionResult.Converted::opName).toList());
        // the producer and the consumer stay: a target cast before the first new op, a source cast after the
        // last; between the two new ops there is no cast (the second was given the first's new value)
        assertEquals(List.of(
                "%a = \"test.source\"() : () -> !test.old",
                "%0 = \"builtin.unrealized_conversion_cast\"(%a) : (!test.old) -> i64",
                "%b = \"new.inc\"(%0) : (i64) -> i64",
                "%c = \"new.inc\"(%b) : (i64) -> i64",
                "%1 = \"builtin.unrealized_conversion_cast\"(%c) : (i64) -> !test.old",
                "\"test.sink\"(%1) : (!test.old) -> ()",
                "return"), body(m));
        assertEquals(List.of(), Verifier.verify(m));
    }

    @Test
    void materializationsCanBeCustom() {
        Operation m = parse("""
                func @f() {
                  %a = "test.source"() : () -> !test.old
                  %b = "test.inc"(%a) : (!test.old) -> !test.old
                  "test.sink"(%b) : (!test.old) -> ()
                  return
                }
                """);
        TypeConverter types = converter()
                .addTargetMaterialization((rw, type, inputs, loc) -> Optional.of(rw.create(
                        REGISTRY.lookup("new.from_old").orElseThrow(), inputs, List.of(type)).result(0)))
                .addSourceMaterialization((rw, type, inputs, loc) -> Optional.of(rw.create(
                        REGISTRY.lookup("new.to_old").orElseThrow(), inputs, List.of(type)).result(0)));
        DialectConversion.applyPartialConversion(m, new ConversionTarget().addIllegalOp("test.inc"),
                List.of(rename("inc", types)), types);
        assertEquals(List.of(
                "%a = \"test.source\"() : () -> !test.old",
                "%0 = \"new.from_old\"(%a) : (!test.old) -> i64",
                "%b = \"new.inc\"(%0) : (i64) -> i64",
                "%1 = \"new.to_old\"(%b) : (i64) -> !test.old",
                "\"test.sink\"(%1) : (!test.old) -> ()",
                "return"), body(m));
    }

    @Test
    void partialConversionLeavesAndReportsIllegalOps() {
        Operation m = parse("""
                func @f() {
                  %a = "test.inc"() : () -> !test.old
                  %b = "test.stuck"(%a) : (!test.old) -> !test.old
                  %c = "test.inc"(%b) : (!test.old) -> !test.old
                  "test.sink"(%c) : (!test.old) -> ()
                  return
                }
                """);
        TypeConverter types = converter();
        ConversionTarget target = new ConversionTarget().addLegalOp("test.sink").addLegalDialect("new", "builtin")
                .addIllegalDialect("test");
        ConversionResult r = DialectConversion.applyPartialConversion(m, target, List.of(rename("inc", types)),
                types);
        assertEquals(List.of("test.stuck"), r.left().stream().map(Operation::name).toList());
        assertTrue(r.diagnostics().isEmpty());
        assertEquals(List.of(
                "%a = \"new.inc\"() : () -> i64",
                "%0 = \"builtin.unrealized_conversion_cast\"(%a) : (i64) -> !test.old",
                "%b = \"test.stuck\"(%0) : (!test.old) -> !test.old",
                "%1 = \"builtin.unrealized_conversion_cast\"(%b) : (!test.old) -> i64",
                "%c = \"new.inc\"(%1) : (i64) -> i64",
                "%2 = \"builtin.unrealized_conversion_cast\"(%c) : (i64) -> !test.old",
                "\"test.sink\"(%2) : (!test.old) -> ()",
                "return"), body(m));
    }

    @Test
    void fullConversionFailsWithEveryOpsLocation() {
        Operation m = parse("""
                func @f() {
                  "test.inc"() : () -> () loc("model.py":1:1)
                  "test.stuck"() : () -> () loc("model.py":2:5)
                  "mystery.op"() : () -> () loc("model.py":3:7)
                  "test.stuck"() : () -> () loc("model.py":4:9)
                  return
                }
                """);
        ConversionTarget target = new ConversionTarget().addLegalDialect("new", "builtin").addIllegalDialect("test");
        ConversionResult r = DialectConversion.applyFullConversion(m, target, List.of(rename("inc", null)), null);
        assertFalse(r.succeeded());
        assertEquals(List.of(
                "model.py:2:5: error: failed to legalize operation 'test.stuck' that was explicitly marked illegal",
                "model.py:3:7: error: failed to legalize operation 'mystery.op'",
                "model.py:4:9: error: failed to legalize operation 'test.stuck' that was explicitly marked illegal"),
                r.diagnostics().stream().map(Object::toString).toList());
        assertEquals(3, r.left().size());
        assertEquals(List.of("test.inc"), r.converted().stream().map(ConversionResult.Converted::opName).toList());
    }

    @Test
    void opsAPatternCreatesAreLegalizedInTurn() {
        Operation m = parse("""
                func @f() {
                  "test.twice"() : () -> ()
                  return
                }
                """);
        ConversionPattern twice = new ConversionPattern("twice", 1, List.of("test.twice"), null) {
            @Override
            public boolean matchAndRewrite(Operation op, List<Value> operands, ConversionRewriter rewriter) {
                rewriter.create(REGISTRY.lookup("test.inc").orElseThrow(), List.of(), List.of());
                rewriter.create(REGISTRY.lookup("test.inc").orElseThrow(), List.of(), List.of());
                rewriter.eraseOp(op);
                return true;
            }
        };
        ConversionResult r = DialectConversion.applyFullConversion(m, new ConversionTarget().addLegalDialect("new",
                "builtin").addIllegalDialect("test"), List.of(twice, rename("inc", null)), null);
        assertTrue(r.succeeded(), r.diagnostics()::toString);
        assertEquals(List.of("\"new.inc\"() : () -> ()", "\"new.inc\"() : () -> ()", "return"), body(m));
    }

    @Test
    void aPatternThatDoesNotMatchLeavesNoMaterializationBehind() {
        Operation m = parse("""
                func @f() {
                  %a = "test.source"() : () -> !test.old
                  %b = "test.inc"(%a) : (!test.old) -> !test.old
                  "test.sink"(%b) : (!test.old) -> ()
                  return
                }
                """);
        TypeConverter types = converter();
        ConversionPattern declines = new ConversionPattern("declines", 2, List.of("test.inc"), types) {
            @Override
            public boolean matchAndRewrite(Operation op, List<Value> operands, ConversionRewriter rewriter) {
                assertEquals(IntegerType.I64, operands.getFirst().type()); // the adaptor converted the operand
                return false;
            }
        };
        String before = print(m);
        ConversionResult r = DialectConversion.applyPartialConversion(m, new ConversionTarget()
                .addIllegalOp("test.inc"), List.of(declines), types);
        assertEquals(before, print(m));
        assertEquals(List.of("test.inc"), r.left().stream().map(Operation::name).toList());
    }

    @Test
    void functionSignaturesConvert() {
        Operation m = parse("""
                func @f(%a: !test.old, %n: i32) -> !test.old {
                  "test.use"(%a, %n) : (!test.old, i32) -> ()
                  %b = "test.inc"(%a) : (!test.old) -> !test.old
                  return %b : !test.old
                }
                func @g(!test.old) -> !test.old
                """);
        TypeConverter types = converter();
        ConversionTarget target = TypeConversionPatterns.legalFunctions(new ConversionTarget()
                .addLegalDialect("new").addIllegalOp("test.inc"), types);
        ConversionResult r = DialectConversion.applyPartialConversion(m, target, List.of(
                TypeConversionPatterns.functionSignature(types), TypeConversionPatterns.operandTypes(types,
                        "builtin.return"), rename("inc", types)), types);
        assertTrue(r.left().isEmpty(), r.left()::toString);
        assertEquals("""
                module {
                  func @f(%a: i64, %n: i32) -> i64 {
                    %0 = "builtin.unrealized_conversion_cast"(%a) : (i64) -> !test.old
                    "test.use"(%0, %n) : (!test.old, i32) -> ()
                    %b = "new.inc"(%a) : (i64) -> i64
                    return %b : i64
                  }
                  func @g(i64) -> i64
                }
                """, print(m));
        assertEquals(List.of(), Verifier.verify(m));
    }

    @Test
    void signaturesSplitAndDropArguments() {
        Operation m = parse("""
                func @f(%a: !test.old, %gone: !test.old, %k: i32) {
                  "test.use"(%a, %k) : (!test.old, i32) -> ()
                  return
                }
                """);
        Operation func = m.region(0).entry().firstOp();
        ConversionRewriter rewriter = new ConversionRewriter(new kiln.dialects.ir.rewrite.PatternRewriter.Listener() {
        });
        SignatureConversion sig = new SignatureConversion(3).addInputs(0, List.of(IntegerType.I32, IntegerType.I32))
                .addInputs(1, List.of()).addInputs(2, List.of(IntegerType.I32));
        rewriter.applySignatureConversion(func.region(0).entry(), sig, converter());
        assertEquals("""
                module {
                  func @f(%0: i32, %1: i32, %k: i32) {
                    %2 = "builtin.unrealized_conversion_cast"(%0, %1) : (i32, i32) -> !test.old
                    "test.use"(%2, %k) : (!test.old, i32) -> ()
                    return
                  }
                }
                """, print(m));
    }

    @Test
    void typeConverterRulesAndLegality() {
        TypeConverter types = converter().addConversion(IntegerType.class, t -> t.width() == 1 ? null
                : IntegerType.I64);
        assertEquals(Optional.of(List.of(IntegerType.I64)), types.convertType(OLD));
        assertEquals(Optional.of(List.<Type>of(IntegerType.I64)), types.convertType(IntegerType.I8));
        assertEquals(Optional.of(List.<Type>of(IntegerType.I1)), types.convertType(IntegerType.I1)); // declined
        assertTrue(types.isLegal(IntegerType.I64));
        assertFalse(types.isLegal(IntegerType.I8));
        assertFalse(types.isLegal(OLD));
        assertEquals(Optional.empty(), new TypeConverter().convertType(OLD));
    }
}
