package kiln.dialects.ir.rewrite;

import static kiln.dialects.ir.rewrite.Pattern.constant;
import static kiln.dialects.ir.rewrite.Pattern.op;
import static kiln.dialects.ir.rewrite.Pattern.var;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Value;
import org.junit.jupiter.api.Test;

/** The greedy driver over {@link TestDialect}: folds, materialization, dead ops, patterns, order and limits. */
class GreedyRewriteDriverTest {
    private static final RuleSet MUL_RULES = RuleSet.of(
            Rule.of("mul-one", op("test.mul", var("x"), constant(1)), m -> m.value("x")),  // mul(x, 1) -> x
            Rule.of("sub-self", op("test.sub", var("x"), var("x")), m -> zero(m)));        // sub(x, x) -> 0

    private static Value zero(Match m) {
        return m.rewriter().insert(TestDialect.INSTANCE.materializeConstant(new IntAttr(0, m.root().result(0)
                .type()), m.root().result(0).type(), m.root().location()).orElseThrow()).result(0);
    }

    private record Run(String text, GreedyRewriteResult result) {
    }

    private static Run run(String body, RuleSet rules, GreedyRewriteConfig config) {
        Operation m = TestDialect.parse("module {\n" + body + "}\n");
        GreedyRewriteResult r = GreedyRewriteDriver.apply(m.region(0), PatternSet.of(rules.patterns()), config,
                TestDialect.REGISTRY);
        String printed = TestDialect.print(m);
        return new Run(printed.substring("module {\n".length(), printed.length() - "}\n".length()), r);
    }

    private static Run run(String body) {
        return run(body, RuleSet.of(), GreedyRewriteConfig.DEFAULT);
    }

    @Test
    void foldsMaterializeConstantsOncePerIsolatedRegion() {
        Run r = run("""
                  func @f(%x: i64) -> i64 {
                    %a = "test.constant"() {value = 2} : () -> i64
                    %b = "test.constant"() {value = 3} : () -> i64
                    %s = "test.add"(%a, %b) : (i64, i64) -> i64
                    %c = "test.constant"() {value = 1} : () -> i64
                    %d = "test.constant"() {value = 4} : () -> i64
                    %t = "test.add"(%c, %d) : (i64, i64) -> i64
                    %u = "test.mul"(%s, %t) : (i64, i64) -> i64
                    return %u : i64
                  }
                """);
        assertEquals("""
                  func @f(%x: i64) -> i64 {
                    %0 = "test.constant"() {value = 5} : () -> i64
                    %u = "test.mul"(%0, %0) : (i64, i64) -> i64
                    return %u : i64
                  }
                """, r.text());
        assertTrue(r.result().converged());
        assertEquals(2, r.result().folded());
        assertEquals(4, r.result().erased());
    }

    @Test
    void constantsGoToTheTopOfTheNearestIsolatedRegion() {
        Run r = run("""
                  func @f(%x: i64) -> i64 {
                    %r = "test.region"() ({
                      %a = "test.constant"() {value = 2} : () -> i64
                      %s = "test.add"(%a, %a) : (i64, i64) -> i64
                      "test.yield"(%s) : (i64) -> ()
                    }) : () -> i64
                    %k = "test.isolated"(%x) ({
                    ^bb0(%y: i64):
                      %c = "test.constant"() {value = 2} : () -> i64
                      %t = "test.add"(%c, %c) : (i64, i64) -> i64
                      %u = "test.mul"(%t, %y) : (i64, i64) -> i64
                      "test.yield"(%u) : (i64) -> ()
                    }) : (i64) -> i64
                    %v = "test.mul"(%r, %k) : (i64, i64) -> i64
                    return %v : i64
                  }
                """);
        assertEquals("""
                  func @f(%x: i64) -> i64 {
                    %0 = "test.constant"() {value = 4} : () -> i64
                    %r = "test.region"() ({
                      "test.yield"(%0) : (i64) -> ()
                    }) : () -> i64
                    %k = "test.isolated"(%x) ({
                    ^bb0(%y: i64):
                      %0 = "test.constant"() {value = 4} : () -> i64
                      %u = "test.mul"(%0, %y) : (i64, i64) -> i64
                      "test.yield"(%u) : (i64) -> ()
                    }) : (i64) -> i64
                    %v = "test.mul"(%r, %k) : (i64, i64) -> i64
                    return %v : i64
                  }
                """, r.text());
    }

    @Test
    void equalConstantsAlreadyThereAreMergedUnlessAskedNotTo() {
        String body = """
                  func @f(%x: i64) -> i64 {
                    %a = "test.mul"(%x, %x) : (i64, i64) -> i64
                    %b = "test.constant"() {value = 7} : () -> i64
                    %c = "test.constant"() {value = 7} : () -> i64
                    %d = "test.mul"(%b, %c) : (i64, i64) -> i64
                    %e = "test.mul"(%a, %d) : (i64, i64) -> i64
                    return %e : i64
                  }
                """;
        assertEquals("""
                  func @f(%x: i64) -> i64 {
                    %b = "test.constant"() {value = 7} : () -> i64
                    %a = "test.mul"(%x, %x) : (i64, i64) -> i64
                    %d = "test.mul"(%b, %b) : (i64, i64) -> i64
                    %e = "test.mul"(%a, %d) : (i64, i64) -> i64
                    return %e : i64
                  }
                """, run(body).text());
        Run kept = run(body, RuleSet.of(), GreedyRewriteConfig.DEFAULT.withCseConstants(false));
        assertEquals(body, kept.text());
        assertFalse(kept.result().changed());
    }

    @Test
    void aConstantIsNotFoldedIntoACopyOfItself() {
        String body = """
                  func @f() -> i64 {
                    %a = "test.constant"() {value = 2} : () -> i64
                    return %a : i64
                  }
                """;
        Run r = run(body);
        assertEquals(body, r.text());
        assertFalse(r.result().changed());
        assertTrue(r.result().converged());
        assertEquals(1, r.result().iterations());
    }

    @Test
    void aFoldWhoseConstantCannotBeMaterializedLeavesTheOp() {
        String body = """
                  func @f() -> index {
                    %a = "test.constant"() {value = 2 : index} : () -> index
                    %s = "test.add"(%a, %a) : (index, index) -> index
                    return %s : index
                  }
                """;
        Run r = run(body);
        assertEquals(body, r.text());
        assertFalse(r.result().changed());
    }

    @Test
    void deadOpsGoAndOpsThatWriteOrAreUnknownStay() {
        Run r = run("""
                  func @f(%x: i64) {
                    %a = "test.add"(%x, %x) : (i64, i64) -> i64
                    %l = "test.load"(%x) : (i64) -> i64
                    %o = "test.opaque"(%x) : (i64) -> i64
                    "test.print"(%x) : (i64) -> ()
                    return
                  }
                """);
        assertEquals("""
                  func @f(%x: i64) {
                    %o = "test.opaque"(%x) : (i64) -> i64
                    "test.print"(%x) : (i64) -> ()
                    return
                  }
                """, r.text());
        assertEquals(2, r.result().erased());
    }

    @Test
    void commutativeOpsGetTheirConstantsOnTheRight() {
        Run r = run("""
                  func @f(%x: i64, %y: i64) -> i64 {
                    %c = "test.constant"() {value = 3} : () -> i64
                    %a = "test.add"(%c, %x) : (i64, i64) -> i64
                    %b = "test.add"(%y, %a) : (i64, i64) -> i64
                    %m = "test.mul"(%c, %b) : (i64, i64) -> i64
                    return %m : i64
                  }
                """);
        assertEquals("""
                  func @f(%x: i64, %y: i64) -> i64 {
                    %c = "test.constant"() {value = 3} : () -> i64
                    %a = "test.add"(%x, %c) : (i64, i64) -> i64
                    %b = "test.add"(%y, %a) : (i64, i64) -> i64
                    %m = "test.mul"(%c, %b) : (i64, i64) -> i64
                    return %m : i64
                  }
                """, r.text());
        assertEquals(1, r.result().folded());
    }

    @Test
    void involutionsCancelAndIdempotentOpsCollapse() {
        Run r = run("""
                  func @f(%x: i64) -> (i64, i64) {
                    %a = "test.neg"(%x) : (i64) -> i64
                    %b = "test.neg"(%a) : (i64) -> i64
                    %c = "test.neg"(%b) : (i64) -> i64
                    %d = "test.abs"(%x) : (i64) -> i64
                    %e = "test.abs"(%d) : (i64) -> i64
                    %f = "test.abs"(%e) : (i64) -> i64
                    return %c, %f : i64, i64
                  }
                """);
        assertEquals("""
                  func @f(%x: i64) -> (i64, i64) {
                    %a = "test.neg"(%x) : (i64) -> i64
                    %d = "test.abs"(%x) : (i64) -> i64
                    return %a, %d : i64, i64
                  }
                """, r.text());
    }

    @Test
    void theHighestBenefitPatternApplies() {
        RuleSet rules = RuleSet.of(
                Rule.of("low", op("test.mul", var("x"), var("y")), m -> m.value("y")).benefit(1),  // mul(x, y) -> y
                Rule.of("high", op("test.mul", var("x"), var("y")), m -> m.value("x")).benefit(5)); // mul(x, y) -> x
        Run r = run("""
                  func @f(%x: i64, %y: i64) -> i64 {
                    %m = "test.mul"(%x, %y) : (i64, i64) -> i64
                    return %m : i64
                  }
                """, rules, GreedyRewriteConfig.DEFAULT);
        assertTrue(r.text().contains("return %x : i64"), r.text());
        assertEquals(Map.of("high", 1), r.result().applications());
    }

    @Test
    void replacingAnOpRevisitsItsUsersInTheSameSweep() {
        List<String> events = new ArrayList<>();
        PatternRewriter.Listener log = new PatternRewriter.Listener() {
            @Override
            public void inserted(Operation op) {
                events.add("inserted " + op.name());
            }

            @Override
            public void erased(Operation op) {
                events.add("erased " + op.name());
            }

            @Override
            public void replaced(Operation op, List<? extends Value> values) {
                events.add("replaced " + op.name());
            }
        };
        // bottom-up, the sub is looked at before the mul; it matches only once the mul is gone
        Run r = run("""
                  func @f(%x: i64) -> i64 {
                    %one = "test.constant"() {value = 1} : () -> i64
                    %a = "test.mul"(%x, %one) : (i64, i64) -> i64
                    %b = "test.sub"(%a, %x) : (i64, i64) -> i64
                    return %b : i64
                  }
                """, MUL_RULES, GreedyRewriteConfig.DEFAULT.withTopDown(false).withListener(log));
        assertEquals("""
                  func @f(%x: i64) -> i64 {
                    %0 = "test.constant"() {value = 0} : () -> i64
                    return %0 : i64
                  }
                """, r.text());
        assertEquals(Map.of("mul-one", 1, "sub-self", 1), r.result().applications());
        assertEquals(2, r.result().iterations(), "one sweep rewrites, the second finds nothing");
        assertEquals(List.of("replaced test.mul", "erased test.mul", "inserted test.constant", "replaced test.sub",
                "erased test.sub", "erased test.constant"), events);
    }

    @Test
    void topDownAndBottomUpVisitInOppositeOrders() {
        String body = """
                  func @f(%x: i64) -> i64 {
                    %a = "test.mul"(%x, %x) : (i64, i64) -> i64
                    %b = "test.sub"(%a, %x) : (i64, i64) -> i64
                    return %b : i64
                  }
                """;
        assertEquals(List.of("builtin.func", "test.mul", "test.sub", "builtin.return"),
                visits(body, GreedyRewriteConfig.DEFAULT.withTopDown(true)));
        assertEquals(List.of("builtin.func", "builtin.return", "test.sub", "test.mul"),
                visits(body, GreedyRewriteConfig.DEFAULT.withTopDown(false)));
    }

    private static List<String> visits(String body, GreedyRewriteConfig config) {
        List<String> seen = new ArrayList<>();
        RewritePattern spy = new RewritePattern("spy", 1, List.of()) {
            @Override
            public boolean matchAndRewrite(Operation op, PatternRewriter rewriter) {
                seen.add(op.name());
                return false;
            }
        };
        Operation m = TestDialect.parse("module {\n" + body + "}\n");
        GreedyRewriteDriver.apply(m.region(0), PatternSet.of(List.of(spy)), config, TestDialect.REGISTRY);
        return seen;
    }

    @Test
    void aRewriteThatNeverEndsIsReportedAsNotConverged() {
        // mul(x, y) -> mul(y, x), forever
        RuleSet swap = RuleSet.of(Rule.of("swap", op("test.mul", var("x"), var("y")),
                (m, rw) -> rw.modifyOpInPlace(m.root(), () -> m.root().setOperands(List.of(m.value("y"),
                        m.value("x"))))));
        Run r = run("""
                  func @f(%x: i64, %y: i64) -> i64 {
                    %m = "test.mul"(%x, %y) : (i64, i64) -> i64
                    return %m : i64
                  }
                """, swap, GreedyRewriteConfig.DEFAULT.withMaxIterations(3).withMaxRewrites(5));
        assertFalse(r.result().converged());
        assertEquals(3, r.result().iterations());
        assertEquals(Map.of("swap", 15), r.result().applications());
    }

    @Test
    void aChangeInTheLastAllowedSweepMeansNotConverged() {
        Run r = run("""
                  func @f(%x: i64) -> i64 {
                    %one = "test.constant"() {value = 1} : () -> i64
                    %a = "test.mul"(%x, %one) : (i64, i64) -> i64
                    return %a : i64
                  }
                """, MUL_RULES, GreedyRewriteConfig.DEFAULT.withMaxIterations(1));
        assertTrue(r.text().contains("return %x : i64"), r.text());
        assertFalse(r.result().converged());
        assertTrue(r.result().changed());
    }

    @Test
    void withoutFoldingOnlyPatternsAndDeadOpRemovalRun() {
        Run r = run("""
                  func @f(%x: i64) -> i64 {
                    %a = "test.constant"() {value = 2} : () -> i64
                    %s = "test.add"(%a, %a) : (i64, i64) -> i64
                    %n = "test.neg"(%x) : (i64) -> i64
                    return %s : i64
                  }
                """, RuleSet.of(), GreedyRewriteConfig.DEFAULT.withFold(false));
        assertEquals("""
                  func @f(%x: i64) -> i64 {
                    %a = "test.constant"() {value = 2} : () -> i64
                    %s = "test.add"(%a, %a) : (i64, i64) -> i64
                    return %s : i64
                  }
                """, r.text());
        assertEquals(0, r.result().folded());
    }
}
