package kiln.dialects.ir.rewrite;

import static kiln.dialects.ir.rewrite.Pattern.constant;
import static kiln.dialects.ir.rewrite.Pattern.cvar;
import static kiln.dialects.ir.rewrite.Pattern.op;
import static kiln.dialects.ir.rewrite.Pattern.typed;
import static kiln.dialects.ir.rewrite.Pattern.var;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kiln.dialects.ir.IndexType;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.IntegerType;
import kiln.dialects.ir.Operation;
import org.junit.jupiter.api.Test;

/** The rules-as-data DSL: what patterns match and bind, rule sets, benefits. */
class RuleTest {
    private static final String BODY = """
            module {
              func @f(%x: i64, %y: i64) -> (i64, i64, i64) {
                %one = "test.constant"() {value = 1} : () -> i64
                %a = "test.sub"(%x, %x) : (i64, i64) -> i64
                %b = "test.sub"(%x, %y) : (i64, i64) -> i64
                %c = "test.mul"(%a, %one) : (i64, i64) -> i64
                return %b, %c, %c : i64, i64, i64
              }
            }
            """;

    /** The ops of the function body, in order. */
    private static List<Operation> ops() {
        Operation m = TestDialect.parse(BODY);
        return m.region(0).entry().firstOp().region(0).entry().opsSnapshot();
    }

    private static boolean matches(Pattern.Op p, Operation op) {
        return p.matchesOp(op, new Match(op, new PatternRewriter()));
    }

    @Test
    void aRepeatedVariableMustBindTheSameValue() {
        List<Operation> ops = ops();
        Pattern.Op same = op("test.sub", var("x"), var("x"));
        assertTrue(matches(same, ops.get(1)));
        assertFalse(matches(same, ops.get(2)));
        assertTrue(matches(op("test.sub", var("x"), var("y")), ops.get(2)));
    }

    @Test
    void nestedOpsConstantsAndBindings() {
        Operation mul = ops().get(3);
        Match m = new Match(mul, new PatternRewriter());
        assertTrue(op("test.mul", op("test.sub", var("x"), var("x")).as("s"), cvar("k", IntAttr.class))
                .matchesOp(mul, m));
        assertEquals("x", m.value("x").name());
        assertSame(mul.operand(0).definingOp(), m.op("s"));
        assertSame(mul.operand(0), m.value("s"));
        assertEquals(1, m.constant("k", IntAttr.class).value());
        assertSame(mul, m.root());
        assertThrows(IllegalArgumentException.class, () -> m.value("nope"));
        assertFalse(matches(op("test.mul", var("x"), constant(2)), mul));
        assertFalse(matches(op("test.mul", constant(), var("k")), mul), "a sub result is no constant");
    }

    @Test
    void attributeResultTypeUseAndFreeFormChecks() {
        List<Operation> ops = ops();
        Operation one = ops.get(0);
        assertTrue(matches(op("test.constant").attr("value", new IntAttr(1, IntegerType.I64)), one));
        assertFalse(matches(op("test.constant").attr("value", new IntAttr(2, IntegerType.I64)), one));
        assertFalse(matches(op("test.constant").attr("missing", a -> true), one));
        assertTrue(matches(op("test.constant").resultType(IntegerType.I64::equals), one));
        assertFalse(matches(op("test.constant").resultType(t -> t instanceof IndexType), one));
        assertTrue(matches(op("test.sub", typed(IntegerType.I64::equals), var("y")), ops.get(2)));
        assertTrue(matches(op("test.sub").variadic().oneUse(), ops.get(1)), "%a has one use");
        assertFalse(matches(op("test.mul").variadic().oneUse(), ops.get(3)), "%c has two");
        assertFalse(matches(op("test.sub").variadic().where(o -> o.operand(0) == o.operand(1)), ops.get(2)));
        assertFalse(matches(op("test.sub", var("x")), ops.get(2)), "operand counts must agree");
    }

    @Test
    void aRuleRewritesThroughTheRewriterAndCanDecline() {
        Operation mul = ops().get(3);
        Rule mulOne = Rule.of("mul-one", op("test.mul", var("x"), constant(1)), m -> m.value("x"));  // mul(x, 1) -> x
        assertEquals(1, mulOne.benefit(), "one op in the pattern");
        Operation sub = mul.operand(0).definingOp();
        assertTrue(mulOne.pattern().matchAndRewrite(mul, new PatternRewriter()));
        assertTrue(sub.result(0).uses().stream().allMatch(u -> u.user().name().equals("builtin.return")));

        Operation again = ops().get(3);
        Rule declines = Rule.of("never", op("test.mul", var("x"), var("y")), m -> null);
        assertFalse(declines.pattern().matchAndRewrite(again, new PatternRewriter()));
        Rule constrained = mulOne.where(m -> m.value("x").definingOp().name().equals("test.add"));
        assertFalse(constrained.pattern().matchAndRewrite(again, new PatternRewriter()));
        assertEquals(List.of("test.mul"), List.copyOf(mulOne.pattern().rootNames()));
        assertEquals("mul-one", mulOne.pattern().name());
    }

    @Test
    void ruleSetsCombineIndexByRootAndOrderByBenefit() {
        Rule small = Rule.of("small", op("test.mul", var("x"), var("y")), m -> m.value("x"));
        Rule big = Rule.of("big", op("test.mul", op("test.sub", var("x"), var("x")), var("y")), m -> m.value("y"));
        Rule other = Rule.of("other", op("test.sub", var("x"), var("x")), m -> m.value("x"));
        assertEquals(2, big.benefit());
        RuleSet set = RuleSet.of(small).plus(RuleSet.of(other)).plus(big);
        assertEquals(List.of("small", "other", "big"), set.rules().stream().map(Rule::name).toList());
        assertEquals(List.of("big", "small"), set.forRoot("test.mul").stream().map(Rule::name).toList());
        assertEquals(List.of(), set.forRoot("test.add"));
        assertEquals(List.of("small", "other", "big"), set.patterns().stream().map(RewritePattern::name).toList());
        assertThrows(IllegalArgumentException.class, () -> set.plus(small));
    }
}
