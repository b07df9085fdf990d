package kiln.dialects.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The core IR's structure and rewriting, over a tiny test dialect with its own types. */
class CoreIrTest {
    record T(String name) implements Type {
        @Override
        public String toString() {
            return name;
        }
    }

    static final T I = new T("i");

    static final OpDef CONST = OpDef.define("test.const").operands(0).results(1)
            .attribute(AttrSpec.required("value", IntAttr.class)).traits(Trait.PURE, Trait.CONSTANT_LIKE).build();
    static final OpDef ADD = OpDef.define("test.add").operands(2).results(1).traits(Trait.PURE).build();
    static final OpDef RET = OpDef.define("test.ret").operands(Arity.ANY).results(0).traits(Trait.TERMINATOR).build();
    static final OpDef REGION_OP = OpDef.define("test.scope").operands(Arity.ANY).results(Arity.ANY).regions(1).build();
    static final OpDef ISOLATED = OpDef.define("test.isolated").operands(Arity.ANY).results(Arity.ANY).regions(1)
            .traits(Trait.ISOLATED_FROM_ABOVE).build();

    static final Dialect TEST = new Dialect() {
        @Override
        public String name() {
            return "test";
        }

        @Override
        public List<String> namespaces() {
            return List.of("test");
        }

        @Override
        public List<OpDef> ops() {
            return List.of(CONST, ADD, RET, REGION_OP, ISOLATED);
        }
    };

    Region body;
    Block block;
    Builder b;

    @BeforeEach
    void setUp() {
        body = new Region(null);
        block = body.addBlock();
        b = new Builder(new DialectRegistry(TEST)).atEnd(block);
    }

    Operation constant(long v) {
        return b.create(CONST, List.of(), List.of(I), Map.of("value", new IntAttr(v)), 0);
    }

    @Test
    void useListsFollowOperandChanges() {
        Value x = block.addArgument(I, "x");
        Operation c = constant(1);
        Operation add = b.create(ADD, List.of(x, c.result(0)), List.of(I), Map.of(), 0);
        b.create(RET, List.of(add.result(0)), List.of(), Map.of(), 0);
        assertEquals(List.of(new Use(add, 0)), x.uses());
        add.setOperand(0, c.result(0));
        assertFalse(x.hasUses());
        assertEquals(2, c.result(0).uses().size());
        c.result(0).replaceAllUsesWith(x);
        assertEquals(2, x.uses().size());
        assertFalse(c.result(0).hasUses());
        c.erase();
        assertEquals(2, block.size());
        assertTrue(Verifier.verify(body).isEmpty(), () -> Verifier.verify(body).toString());
    }

    @Test
    void eraseRefusesUsedResultsAndReplaceWithRewires() {
        Operation c1 = constant(1);
        Operation c2 = constant(2);
        Operation add = b.create(ADD, List.of(c1.result(0), c2.result(0)), List.of(I), Map.of(), 0);
        Operation ret = b.create(RET, List.of(add.result(0)), List.of(), Map.of(), 0);
        assertThrows(IllegalStateException.class, c1::erase);
        add.replaceWith(List.of(c1.result(0)));
        assertSame(c1.result(0), ret.operand(0));
        assertFalse(c2.result(0).hasUses(), "erased op dropped its operand uses");
        assertEquals(List.of(c1, c2, ret), block.opsSnapshot());
    }

    @Test
    void builderInsertionPointsAndMoves() {
        Operation a = constant(1);
        Operation ret = b.create(RET, List.of(), List.of(), Map.of(), 0);
        Operation before = b.before(ret).create(CONST, List.of(), List.of(I), Map.of("value", new IntAttr(2)), 0);
        Operation first = b.atStart(block).create(CONST, List.of(), List.of(I), Map.of("value", new IntAttr(0)), 0);
        assertEquals(List.of(first, a, before, ret), block.opsSnapshot());
        first.moveAfter(before);
        assertEquals(List.of(a, before, first, ret), block.opsSnapshot());
        assertSame(ret, block.terminator());
        assertNull(a.prevOp());
    }

    @Test
    void verifierReportsUseBeforeDefinition() {
        Operation c = constant(1);
        Operation add = b.create(ADD, List.of(c.result(0), c.result(0)), List.of(I), Map.of(), 0);
        b.create(RET, List.of(add.result(0)), List.of(), Map.of(), 0);
        c.moveAfter(add);
        List<Diagnostic> d = Verifier.verify(body);
        assertEquals(2, d.size(), d::toString);
        assertTrue(d.getFirst().message().contains("does not dominate"), d::toString);
    }

    @Test
    void verifierChecksDeclarationsAndTerminators() {
        b.create(CONST, List.of(), List.of(I), Map.of(), 0);
        List<Diagnostic> d = Verifier.verify(body);
        List<String> messages = d.stream().map(Diagnostic::message).toList();
        assertTrue(messages.contains("requires attribute 'value'"), messages::toString);
        assertTrue(messages.contains("ends a block but is not a terminator"), messages::toString);
        Operation c = constant(3);
        c.setAttribute("extra", new IntAttr(1));
        b.create(RET, List.of(), List.of(), Map.of(), 0);
        assertTrue(Verifier.verify(body).stream().anyMatch(x -> x.message().equals("has undeclared attribute 'extra'")));
    }

    @Test
    void nestedRegionsSeeOuterValuesUnlessIsolated() {
        Operation c = constant(1);
        Operation scope = b.create(REGION_OP, List.of(), List.of(), Map.of(), 1);
        Block inner = scope.region(0).addBlock();
        Builder ib = new Builder(b.registry()).atEnd(inner);
        Operation add = ib.create(ADD, List.of(c.result(0), c.result(0)), List.of(I), Map.of(), 0);
        ib.create(RET, List.of(add.result(0)), List.of(), Map.of(), 0);
        Operation iso = b.create(ISOLATED, List.of(), List.of(), Map.of(), 1);
        Block isoBlock = iso.region(0).addBlock();
        new Builder(b.registry()).atEnd(isoBlock).create(RET, List.of(c.result(0)), List.of(), Map.of(), 0);
        b.create(RET, List.of(), List.of(), Map.of(), 0);
        List<Diagnostic> d = Verifier.verify(body);
        assertEquals(1, d.size(), d::toString);
        assertEquals("test.ret", d.getFirst().opName());
    }

    @Test
    void cloneMapsValuesThroughNestedRegions() {
        Value x = block.addArgument(I, "x");
        Operation scope = b.create(REGION_OP, List.of(x), List.of(I), Map.of(), 1);
        Block inner = scope.region(0).addBlock();
        BlockArgument arg = inner.addArgument(I, "y");
        Builder ib = new Builder(b.registry()).atEnd(inner);
        Operation add = ib.create(ADD, List.of(arg, x), List.of(I), Map.of(), 0);
        ib.create(RET, List.of(add.result(0)), List.of(), Map.of(), 0);
        b.create(RET, List.of(scope.result(0)), List.of(), Map.of(), 0);

        IRMapping m = new IRMapping();
        Operation copy = scope.clone(m);
        Operation innerAdd = copy.region(0).entry().firstOp();
        assertSame(copy.region(0).entry().argument(0), innerAdd.operand(0), "nested argument remapped");
        assertSame(x, innerAdd.operand(1), "outside value kept");
        assertSame(copy.result(0), m.lookup(scope.result(0)));
        assertEquals(4, x.uses().size(), "original and copy each use x twice");
        b.before(block.terminator()).insert(copy);
        assertTrue(Verifier.verify(body).isEmpty(), () -> Verifier.verify(body).toString());
    }

    @Test
    void walkOrdersAndErasingDuringPostOrderWalk() {
        Operation c = constant(1);
        Operation scope = b.create(REGION_OP, List.of(), List.of(), Map.of(), 1);
        Block inner = scope.region(0).addBlock();
        Builder ib = new Builder(b.registry()).atEnd(inner);
        ib.create(CONST, List.of(), List.of(I), Map.of("value", new IntAttr(5)), 0);
        ib.create(RET, List.of(), List.of(), Map.of(), 0);
        b.create(RET, List.of(), List.of(), Map.of(), 0);
        List<String> pre = new ArrayList<>();
        body.walk(op -> pre.add(op.name()));
        assertEquals(List.of("test.const", "test.scope", "test.const", "test.ret", "test.ret"), pre);
        // dead-code elimination as a post-order walk
        body.walkPostOrder(op -> {
            if (op.has(Trait.PURE) && op.results().stream().noneMatch(Value::hasUses)) {
                op.erase();
            }
        });
        assertEquals(List.of(scope, block.terminator()), block.opsSnapshot());
        assertEquals(1, inner.size());
        assertNull(c.block());
    }

    @Test
    void blockArgumentsInsertAndErase() {
        BlockArgument a = block.addArgument(I, "a");
        BlockArgument c = block.addArgument(I, "c");
        BlockArgument bArg = block.insertArgument(1, I, "b");
        assertEquals(List.of(a, bArg, c), block.arguments());
        assertEquals(2, c.index());
        block.eraseArgument(0);
        assertEquals(0, bArg.index());
    }
}
