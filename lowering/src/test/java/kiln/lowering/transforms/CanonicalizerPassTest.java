package kiln.lowering.transforms;

import static kiln.dialects.ir.rewrite.Pattern.op;
import static kiln.dialects.ir.rewrite.Pattern.var;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import kiln.dialects.ir.Dialect;
import kiln.dialects.ir.DialectRegistry;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.rewrite.CanonicalizationPatterns;
import kiln.dialects.ir.rewrite.RewritePattern;
import kiln.dialects.ir.rewrite.Rule;
import kiln.dialects.ir.rewrite.RuleSet;
import kiln.dialects.ir.text.AsmParser;
import kiln.dialects.ir.text.AsmPrinter;
import kiln.lowering.PassContext;
import kiln.lowering.PassFailure;
import kiln.lowering.PassOptions;
import org.junit.jupiter.api.Test;

/** The canonicalizer gathers every dialect's and op's patterns, and reads MLIR's options. */
class CanonicalizerPassTest {
    /** {@code t.id(x) -> x}, declared on the op. */
    private static final OpDef ID = OpDef.define("t.id").operands(1).results(1).traits(Trait.PURE)
            .implement(CanonicalizationPatterns.class, () -> RuleSet.of(
                    Rule.of("id", op("t.id", var("x")), m -> m.value("x"))).patterns())  // t.id(x) -> x
            .build();
    private static final OpDef PAIR = OpDef.define("t.pair").operands(2).results(1).traits(Trait.PURE).build();

    /** {@code t.pair(x, x) -> x}, given by the dialect; and a rule that never ends ({@code t.pair(x, y) -> t.pair(y, x)}). */
    private static final Dialect T = new Dialect() {
        @Override
        public String name() {
            return "t";
        }

        @Override
        public List<String> namespaces() {
            return List.of("t");
        }

        @Override
        public List<OpDef> ops() {
            return List.of(ID, PAIR);
        }

        @Override
        public List<RewritePattern> canonicalizationPatterns() {
            return RuleSet.of(
                    Rule.of("pair-same", op("t.pair", var("x"), var("x")), m -> m.value("x")),  // t.pair(x, x) -> x
                    Rule.of("pair-swap", op("t.pair", var("x"), var("y")), (m, rw) -> rw.modifyOpInPlace(m.root(),
                            () -> m.root().setOperands(List.of(m.value("y"), m.value("x")))))
                            .where(m -> m.value("x") != m.value("y"))  // t.pair(x, y) -> t.pair(y, x)
            ).patterns();
        }
    };
    private static final DialectRegistry REGISTRY = new DialectRegistry(T);

    private static final String INPUT = """
            module {
              func @f(%x: i64, %y: i64) -> (i64, i64) {
                %a = "t.id"(%x) : (i64) -> i64
                %b = "t.pair"(%a, %x) : (i64, i64) -> i64
                %c = "t.pair"(%x, %y) : (i64, i64) -> i64
                return %b, %c : i64, i64
              }
            }
            """;

    private record Outcome(String text, Map<String, Long> statistics) {
    }

    private static Outcome canonicalize(Map<String, String> options) {
        Operation m = AsmParser.parseModule(INPUT, "t.kir", REGISTRY);
        PassContext context = new PassContext(REGISTRY);
        new CanonicalizerPass(PassOptions.parse(CanonicalizerPass.NAME, CanonicalizerOptions.DECLARED, options))
                .run(m.region(0), context);
        return new Outcome(AsmPrinter.print(m, REGISTRY), context.statistics());
    }

    @Test
    void gathersTheDialectsAndTheOpsPatterns() {
        assertEquals(List.of("pair-same", "pair-swap", "id"),
                CanonicalizerPass.gather(REGISTRY).stream().map(RewritePattern::name).toList());
    }

    @Test
    void appliesThemCountingEachByName() {
        Outcome o = canonicalize(Map.of("disable-patterns", "pair-swap"));
        assertTrue(o.text().contains("return %x, %c : i64, i64"), o.text());
        assertEquals(Map.of("canonicalize.id", 1L, "canonicalize.pair-same", 1L), o.statistics());
    }

    @Test
    void enableAndDisableSelectPatternsByName() {
        Outcome o = canonicalize(Map.of("enable-patterns", "id"));
        assertTrue(o.text().contains("%b = \"t.pair\"(%x, %x)"), o.text());
        assertEquals(Map.of("canonicalize.id", 1L), o.statistics());
    }

    @Test
    void notConvergingFailsOnlyWhenAskedTo() {
        Outcome o = canonicalize(Map.of("max-iterations", "3", "max-num-rewrites", "4"));
        assertEquals(12, o.statistics().values().stream().mapToLong(Long::longValue).sum(),
                "3 sweeps of at most 4 rewrites each");
        assertTrue(o.statistics().get("canonicalize.pair-swap") >= 10, o.statistics().toString());
        PassFailure e = assertThrows(PassFailure.class, () -> canonicalize(Map.of(
                "max-iterations", "3", "max-num-rewrites", "4", "test-convergence", "true")));
        assertEquals("error: canonicalizer failed to converge within 3 iteration(s)", e.getMessage());
    }

    @Test
    void readsMlirsOptions() {
        CanonicalizerOptions o = CanonicalizerOptions.of(PassOptions.parse(CanonicalizerPass.NAME,
                CanonicalizerOptions.DECLARED, Map.of("max-iterations", "4", "top-down", "false",
                        "disable-patterns", "a, b", "test-convergence", "")));
        assertEquals(new CanonicalizerOptions(4, -1, false, true, Set.of("a", "b"), Set.of()), o);
        assertEquals(new CanonicalizerOptions(10, -1, true, false, Set.of(), Set.of()), CanonicalizerOptions.DEFAULT);
        assertTrue(o.admits("c") && !o.admits("a"));
        assertTrue(!new CanonicalizerOptions(10, -1, true, false, Set.of(), Set.of("a")).admits("c"));
    }
}
