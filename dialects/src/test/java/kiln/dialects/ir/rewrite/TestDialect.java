package kiln.dialects.ir.rewrite;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.dialects.ir.Arity;
import kiln.dialects.ir.AttrSpec;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Dialect;
import kiln.dialects.ir.DialectRegistry;
import kiln.dialects.ir.Folder;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.IntegerType;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.MemoryEffects.Effect;
import kiln.dialects.ir.MemoryEffects.Kind;
import kiln.dialects.ir.MemoryEffects.Resource;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.text.AsmParser;
import kiln.dialects.ir.text.AsmPrinter;

/**
 * A tiny dialect for the rewrite tests: integer constants, a commutative add that folds, an involution, an
 * idempotent op, a pattern-only mul and sub, a print that writes the output, a load that reads memory, ops with a
 * plain and an isolated region, and an op with unknown effects.
 */
final class TestDialect implements Dialect {
    static final OpDef CONSTANT = OpDef.define("test.constant").operands(0).results(1)
            .attribute(AttrSpec.required("value", IntAttr.class))
            .traits(Trait.PURE, Trait.CONSTANT_LIKE).folder((op, c) -> Folder.to(op.attribute("value"))).build();
    /** {@code add(c1, c2) -> c1 + c2}, {@code add(x, 0) -> x}. */
    static final OpDef ADD = OpDef.define("test.add").operands(2).results(1)
            .traits(Trait.PURE, Trait.COMMUTATIVE).folder(TestDialect::foldAdd).build();
    static final OpDef MUL = pure("test.mul", 2);
    static final OpDef SUB = pure("test.sub", 2);
    static final OpDef NEG = OpDef.define("test.neg").operands(1).results(1)
            .traits(Trait.PURE, Trait.INVOLUTION).build();
    static final OpDef ABS = OpDef.define("test.abs").operands(1).results(1)
            .traits(Trait.PURE, Trait.IDEMPOTENT).build();
    static final OpDef PRINT = OpDef.define("test.print").operands(1).results(0)
            .effects(op -> List.of(Effect.on(Kind.WRITE, new Resource("test.output")))).build();
    static final OpDef LOAD = OpDef.define("test.load").operands(1).results(1)
            .effects(op -> List.of(Effect.read(op.operand(0)))).build();
    /** A region whose effects are its body's; not isolated. */
    static final OpDef REGION = OpDef.define("test.region").operands(Arity.ANY)
            .results(Arity.ANY).regions(1).traits(Trait.RECURSIVE_MEMORY_EFFECTS).build();
    /** An isolated region (a kernel). */
    static final OpDef ISOLATED = OpDef.define("test.isolated").operands(Arity.ANY)
            .results(Arity.ANY).regions(1)
            .traits(Trait.RECURSIVE_MEMORY_EFFECTS, Trait.ISOLATED_FROM_ABOVE).build();
    static final OpDef YIELD = OpDef.define("test.yield").operands(Arity.ANY).results(0)
            .traits(Trait.TERMINATOR, Trait.RETURN_LIKE, Trait.PURE).build();
    static final OpDef OPAQUE = OpDef.define("test.opaque").operands(Arity.ANY).results(1).build();

    static final TestDialect INSTANCE = new TestDialect();
    static final DialectRegistry REGISTRY = new DialectRegistry(INSTANCE);

    private TestDialect() {
    }

    private static OpDef pure(String name, int operands) {
        return OpDef.define(name).operands(operands).results(1).traits(Trait.PURE).build();
    }

    private static Optional<List<Folder.Result>> foldAdd(Operation op, List<Attribute> constants) {
        if (constants.get(0) instanceof IntAttr a && constants.get(1) instanceof IntAttr b) {
            return Folder.to(new IntAttr(a.value() + b.value(), a.type()));
        }
        if (constants.get(1) instanceof IntAttr b && b.value() == 0) {
            return Folder.to(op.operand(0));
        }
        return Optional.empty();
    }

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
        return List.of(CONSTANT, ADD, MUL, SUB, NEG, ABS, PRINT, LOAD, REGION, ISOLATED, YIELD, OPAQUE);
    }

    @Override
    public Optional<Operation> materializeConstant(Attribute value, Type type, Location location) {
        if (!(value instanceof IntAttr i) || !(type instanceof IntegerType)) {
            return Optional.empty();
        }
        return Optional.of(Operation.create(CONSTANT, List.of(), List.of(type),
                Map.of("value", new IntAttr(i.value(), type)), 0, location));
    }

    static Operation parse(String text) {
        return AsmParser.parseModule(text, "test.kir", REGISTRY);
    }

    static String print(Operation op) {
        return AsmPrinter.print(op, REGISTRY);
    }
}
