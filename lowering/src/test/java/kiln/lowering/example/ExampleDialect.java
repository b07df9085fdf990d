package kiln.lowering.example;

import static kiln.dialects.ir.rewrite.Pattern.op;
import static kiln.dialects.ir.rewrite.Pattern.var;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import kiln.dialects.ir.AttrSpec;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Dialect;
import kiln.dialects.ir.Folder;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.IntegerType;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.ir.rewrite.Rule;
import kiln.dialects.ir.rewrite.RuleSet;
import kiln.dialects.ir.rewrite.RewritePattern;
import kiln.dialects.ir.text.AsmParser;
import kiln.dialects.ir.text.AsmPrinter;
import kiln.dialects.ir.text.OpFormat;

/**
 * The worked example of docs/toolkit.md: a dialect {@code ex} of three ops on {@code i64} — a constant, an addition
 * and a negation — with traits, folds, custom syntax and one canonicalization row. {@link ExampleDialectTest} runs
 * everything the document shows.
 */
public final class ExampleDialect implements Dialect {
    public static final ExampleDialect INSTANCE = new ExampleDialect();

    /** {@code %c = ex.const 42} */
    public static final OpDef CONST = OpDef.define("ex.const")
            .summary("a 64-bit integer constant")
            .operands(0).results(1)
            .attribute(AttrSpec.required("value", IntAttr.class))
            .traits(Trait.PURE, Trait.CONSTANT_LIKE)
            .folder((op, constants) -> Folder.to(op.attribute("value")))
            .format(new ConstFormat())
            .build();

    /** {@code %s = ex.add %a, %b} */
    public static final OpDef ADD = OpDef.define("ex.add")
            .summary("64-bit integer addition, wrapping")
            .operands(2).results(1)
            .traits(Trait.PURE, Trait.COMMUTATIVE, Trait.SAME_OPERANDS_AND_RESULT_TYPE)
            .folder(ExampleDialect::foldAdd)
            .format(new OperandsFormat())
            .build();

    /** {@code %n = ex.neg %a}: neg(neg(x)) folds to x by its INVOLUTION trait alone. */
    public static final OpDef NEG = OpDef.define("ex.neg")
            .summary("64-bit integer negation, wrapping")
            .operands(1).results(1)
            .traits(Trait.PURE, Trait.INVOLUTION, Trait.SAME_OPERANDS_AND_RESULT_TYPE)
            .folder((op, c) -> c.getFirst() instanceof IntAttr a ? Folder.to(new IntAttr(-a.value()))
                    : Optional.empty())
            .format(new OperandsFormat())
            .build();

    /** add(x, 0) -> x; add(c1, c2) -> c1 + c2. */
    private static Optional<List<Folder.Result>> foldAdd(Operation op, List<Attribute> c) {
        if (c.get(1) instanceof IntAttr b && b.value() == 0) {
            return Folder.to(op.operand(0));
        }
        if (c.get(0) instanceof IntAttr a && c.get(1) instanceof IntAttr b) {
            return Folder.to(new IntAttr(a.value() + b.value()));
        }
        return Optional.empty();
    }

    /** The rows canonicalize applies (besides the folds). */
    static RuleSet rules() {
        return RuleSet.of(
                // ex.add(x, ex.neg(x)) -> 0
                Rule.of("add-of-negation", op("ex.add", var("x"), op("ex.neg", var("x"))),
                        m -> m.rewriter().insert(constant(0, m.root().location())).result(0)));
    }

    @Override
    public String name() {
        return "ex";
    }

    @Override
    public List<String> namespaces() {
        return List.of("ex");
    }

    @Override
    public List<OpDef> ops() {
        return List.of(CONST, ADD, NEG);
    }

    @Override
    public List<RewritePattern> canonicalizationPatterns() {
        return rules().patterns();
    }

    /** How a fold's constant result becomes an op. */
    @Override
    public Optional<Operation> materializeConstant(Attribute value, Type type, Location location) {
        return value instanceof IntAttr i && type.equals(IntegerType.I64) ? Optional.of(constant(i.value(), location))
                : Optional.empty();
    }

    static Operation constant(long value, Location location) {
        return Operation.create(CONST, List.of(), List.of(IntegerType.I64), Map.of("value", new IntAttr(value)), 0,
                location);
    }

    /** {@code ex.const 42}. */
    private static final class ConstFormat implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            p.print(" ").print(Long.toString(op.attribute("value", IntAttr.class).value()));
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            return constant(p.parseInteger(), Location.UNKNOWN);
        }
    }

    /** {@code ex.add %a, %b}: operands only, every value an i64. */
    private static final class OperandsFormat implements OpFormat {
        @Override
        public void print(Operation op, AsmPrinter p) {
            p.print(" ").printOperands(op.operands());
        }

        @Override
        public Operation parse(OpDef def, int resultCount, AsmParser p) {
            List<Value> operands = p.parseOperandList();
            return Operation.create(def, operands, List.of(IntegerType.I64), Map.of(), 0, Location.UNKNOWN);
        }
    }
}
