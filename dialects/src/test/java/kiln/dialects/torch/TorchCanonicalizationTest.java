package kiln.dialects.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.ListAttr;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.MemoryEffects;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.UnitAttr;
import kiln.dialects.ir.rewrite.Folding;
import kiln.dialects.ir.rewrite.Pattern;
import kiln.dialects.ir.rewrite.PatternRewriter;
import kiln.dialects.ir.rewrite.Rule;
import kiln.dialects.ir.rewrite.RuleSet;
import kiln.dialects.torch.types.LeafType;
import kiln.dialects.torch.types.ListType;
import org.junit.jupiter.api.Test;

/** The torch rows, and torch constants as the dialect-neutral rewrite machinery sees them. */
class TorchCanonicalizationTest {
    @Test
    void torchConstantsAreConstantsThroughTheirFold() {
        Operation one = Constants.integer(1);
        assertEquals(new IntAttr(1), Folding.constantOf(one.result(0)));
        assertEquals(UnitAttr.UNIT, Folding.constantOf(Constants.none().result(0)));
        Operation index = Operation.create(TorchDialect.TUPLE_INDEX, List.of(one.result(0), one.result(0)),
                List.of(LeafType.INT), Map.of(), 0, Location.UNKNOWN);
        assertEquals(List.of(new IntAttr(1), new IntAttr(1)), Folding.operandConstants(index));
        boolean[] matched = {false};
        Rule probe = Rule.of("probe", Pattern.op("prim::TupleIndex", Pattern.any(), Pattern.constant(1)), m -> {
            matched[0] = true;
            return null;
        });
        assertFalse(probe.pattern().matchAndRewrite(index, new PatternRewriter()), "the probe declines");
        assertTrue(matched[0], "constant(1) matches a prim::Constant[value=1]");
    }

    @Test
    void mutableConstantsAreAllocationsAndTheOthersPure() {
        Operation list = Constants.of(ListType.of(LeafType.INT), ListAttr.of(List.of(new IntAttr(1))),
                Location.UNKNOWN);
        assertFalse(MemoryEffects.hasNoEffect(list), "two list constants are two lists");
        assertTrue(MemoryEffects.isTriviallyDead(list));
        assertTrue(MemoryEffects.hasNoEffect(Constants.integer(3)));
    }

    @Test
    void everyRowIsRootedAtATorchOpAndNamedOnce() {
        RuleSet rules = TorchCanonicalization.rules();
        assertEquals(List.of("tuple-unpack-of-construct", "tuple-index-of-construct", "if-constant-condition",
                "unchecked-cast-to-own-type", "not-not", "is-none-decided", "isnot-none-decided",
                "list-unpack-of-construct", "len-of-construct"), rules.rules().stream().map(Rule::name).toList());
        assertTrue(rules.rules().stream().allMatch(r -> TorchDialect.registry().lookup(r.root().name()).isPresent()));
        assertEquals(rules.rules().size(), TorchDialect.INSTANCE.canonicalizationPatterns().size());
    }
}
