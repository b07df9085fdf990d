package kiln.dialects.arith;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.AttrSpec;
import kiln.dialects.ir.Folder;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.IntegerType;
import kiln.dialects.ir.MemoryEffects;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.text.OpFormat;

/**
 * The ops of the arith dialect, declared as data: each is a row naming its kind (integer or float binary, cast,
 * comparison), its traits, its {@link ArithKernel} and its folds; the kinds give the verifier and the syntax.
 * Every op works on scalars and, element by element, on vectors of them.
 */
public final class ArithOps {
    private ArithOps() {
    }

    // ---- kinds

    /**
     * The ops' folder: constant operands evaluate through the kernel; otherwise the op's own folds. (Moving a
     * commutative op's constant to the right, where the folds look for it, is the {@link Trait#COMMUTATIVE} trait's
     * fold, which the driver applies after this one, as MLIR's does.)
     */
    private static Folder folder(ArithKernel kernel, Folder folds) {
        return (op, constants) -> {
            if (constants.stream().allMatch(Objects::nonNull)) {
                Optional<Attribute> value = kernel.evaluate(op, constants);
                if (value.isPresent()) {
                    return Folder.to(value.get());
                }
            }
            return folds.fold(op, constants);
        };
    }

    private static final Folder NO_FOLDS = (op, c) -> Optional.empty();

    private static OpDef.Builder op(String name, String summary, int operands, ArithKernel kernel, Folder folds,
                                    OpFormat format) {
        return OpDef.define(name).summary(summary).operands(operands).results(1).traits(Trait.ELEMENTWISE)
                .openAttributes()
                .implement(ArithKernel.class, kernel).folder(folder(kernel, folds)).format(format);
    }

    /** Whether {@code op} is pure (always safe to run) or, for divisions, only free of memory effects. */
    private enum Safety { PURE, MAY_BE_UNDEFINED }

    private static OpDef sameType(String name, String summary, int arity, Predicate<Type> element, Safety safety,
                                  boolean commutative, ArithKernel kernel, Folder folds) {
        OpDef.Builder b = op(name, summary, arity, kernel, folds, ArithFormats.sameType(arity))
                .traits(Trait.SAME_OPERANDS_AND_RESULT_TYPE)
                .verifier((o, report) -> checkOperand(o, 0, element, report));
        if (safety == Safety.PURE) {
            b.traits(Trait.PURE);
        } else {
            b.effects(MemoryEffects.NONE);
        }
        if (commutative) {
            b.traits(Trait.COMMUTATIVE);
        }
        return b.build();
    }

    private static OpDef integer(String name, String summary, boolean commutative, Kernels.IntFn f, Folder folds) {
        return sameType(name, summary, 2, ArithTypes.INTEGER_OR_INDEX, Safety.PURE, commutative, Kernels.integer(f),
                folds);
    }

    /** A division: free of memory effects but undefined for some operands (so never hoisted), like MLIR's. */
    private static OpDef division(String name, String summary, Kernels.IntFn f, Folder folds) {
        return sameType(name, summary, 2, ArithTypes.INTEGER_OR_INDEX, Safety.MAY_BE_UNDEFINED, false,
                Kernels.integer(f), folds);
    }

    private static OpDef floating(String name, String summary, boolean commutative, Kernels.FloatFn f, Folder folds) {
        return sameType(name, summary, 2, ArithTypes.FLOAT, Safety.PURE, commutative, Kernels.floating(f), folds);
    }

    private static void checkOperand(Operation op, int i, Predicate<Type> element, Consumer<String> report) {
        if (op.numOperands() > i && !ArithTypes.like(op.operand(i).type(), element)) {
            report.accept("operand #" + i + " must be " + ArithTypes.describe(element) + " (or a vector of it), but got '"
                    + op.operand(i).type().asm() + "'");
        }
    }

    /** How a cast's bit width changes. */
    private enum Width { WIDER, NARROWER, SAME, ANY }

    private static OpDef cast(String name, String summary, Predicate<Type> from, Predicate<Type> to, Width width,
                              ArithKernel kernel, Folder folds) {
        return op(name, summary, 1, kernel, folds, ArithFormats.CAST).traits(Trait.PURE)
                .verifier((o, report) -> verifyCast(o, from, to, width, report)).build();
    }

    private static void verifyCast(Operation op, Predicate<Type> from, Predicate<Type> to, Width width,
                                   Consumer<String> report) {
        if (op.numOperands() != 1 || op.numResults() != 1) {
            return;
        }
        Type in = op.operand(0).type();
        Type out = op.result(0).type();
        checkOperand(op, 0, from, report);
        if (!ArithTypes.like(out, to)) {
            report.accept("result must be " + ArithTypes.describe(to) + " (or a vector of it), but got '" + out.asm()
                    + "'");
            return;
        }
        if (!ArithTypes.sameShapeAs(in, out)) {
            report.accept("operand type '" + in.asm() + "' and result type '" + out.asm()
                    + "' are cast incompatible");
            return;
        }
        Type a = ArithTypes.elementOf(in);
        Type b = ArithTypes.elementOf(out);
        if (!ArithTypes.hasWidth(a) || !ArithTypes.hasWidth(b)) {
            return;
        }
        int wa = ArithTypes.width(a);
        int wb = ArithTypes.width(b);
        switch (width) {
            case WIDER -> {
                if (wb <= wa) {
                    report.accept("result type '" + b.asm() + "' must be wider than operand type '" + a.asm() + "'");
                }
            }
            case NARROWER -> {
                if (wb >= wa) {
                    report.accept("result type '" + b.asm() + "' must be shorter than operand type '" + a.asm()
                            + "'");
                }
            }
            case SAME -> {
                if (wa != wb) {
                    report.accept("operand type '" + a.asm() + "' and result type '" + b.asm()
                            + "' are cast incompatible (different bit widths)");
                }
            }
            case ANY -> {
            }
        }
    }

    private static void verifyIndexCast(Operation op, Consumer<String> report) {
        if (op.numOperands() == 1 && op.numResults() == 1) {
            boolean inIndex = ArithTypes.elementOf(op.operand(0).type()) instanceof kiln.dialects.ir.IndexType;
            boolean outIndex = ArithTypes.elementOf(op.result(0).type()) instanceof kiln.dialects.ir.IndexType;
            if (inIndex == outIndex) {
                report.accept("casts between index and a signless integer, not '" + op.operand(0).type().asm()
                        + "' to '" + op.result(0).type().asm() + "'");
            }
        }
    }

    private static OpDef compare(String name, String summary, Predicate<Type> element, int predicates,
                                 List<String> keywords, ArithKernel kernel, Folder folds) {
        return op(name, summary, 2, kernel, folds, ArithFormats.compare(keywords)).traits(Trait.PURE)
                .attribute(AttrSpec.required(ArithFormats.PREDICATE, IntAttr.class))
                .verifier((o, report) -> {
                    checkOperand(o, 0, element, report);
                    if (o.numOperands() == 2 && !o.operand(1).type().equals(o.operand(0).type())) {
                        report.accept("requires all operands to have the same type");
                    }
                    if (o.numOperands() == 2 && o.numResults() == 1
                            && !o.result(0).type().equals(ArithTypes.sameShape(o.operand(0).type(), IntegerType.I1))) {
                        report.accept("result must be i1 of the operands' shape, but got '" + o.result(0).type().asm()
                                + "'");
                    }
                    if (o.attribute(ArithFormats.PREDICATE) instanceof IntAttr p
                            && (p.value() < 0 || p.value() >= predicates)) {
                        report.accept("predicate " + p.value() + " is not one of the " + predicates + " predicates");
                    }
                }).build();
    }


    // ---- the ops

    public static final OpDef CONSTANT = OpDef.define("arith.constant")
            .summary("a constant integer, index, float or vector of them, from its 'value' attribute")
            .operands(0).results(1).attribute(AttrSpec.required(ArithFormats.VALUE, Attribute.class)).openAttributes()
            .traits(Trait.PURE, Trait.CONSTANT_LIKE).implement(ArithKernel.class, Kernels.CONSTANT)
            .folder((op, c) -> Optional.ofNullable(op.attribute(ArithFormats.VALUE)).flatMap(Folder::to))
            .format(ArithFormats.CONSTANT).verifier(ConstantVerifier::verify).build();

    public static final OpDef ADDI = integer("arith.addi", "integer addition, wrapping", true, (a, b, w) -> a + b,
            IntegerFolds::addi);
    public static final OpDef SUBI = integer("arith.subi", "integer subtraction, wrapping", false, (a, b, w) -> a - b,
            IntegerFolds::subi);
    public static final OpDef MULI = integer("arith.muli", "integer multiplication, wrapping", true,
            (a, b, w) -> a * b, IntegerFolds::muli);
    public static final OpDef DIVSI = division("arith.divsi", "signed division rounding toward zero",
            IntBits::sdiv, IntegerFolds::divByOne);
    public static final OpDef DIVUI = division("arith.divui", "unsigned division", IntBits::udiv,
            IntegerFolds::divByOne);
    public static final OpDef REMSI = division("arith.remsi", "signed remainder, with the sign of the dividend",
            IntBits::srem, IntegerFolds::remByOne);
    public static final OpDef REMUI = division("arith.remui", "unsigned remainder", IntBits::urem,
            IntegerFolds::remByOne);
    public static final OpDef FLOORDIVSI = division("arith.floordivsi", "signed division rounding toward -inf",
            IntBits::floorDivSigned, IntegerFolds::divByOne);
    public static final OpDef CEILDIVSI = division("arith.ceildivsi", "signed division rounding toward +inf",
            IntBits::ceilDivSigned, IntegerFolds::divByOne);
    public static final OpDef CEILDIVUI = division("arith.ceildivui", "unsigned division rounding up",
            IntBits::ceilDivUnsigned, IntegerFolds::divByOne);
    public static final OpDef ANDI = integer("arith.andi", "bitwise and", true, (a, b, w) -> a & b,
            IntegerFolds::andi);
    public static final OpDef ORI = integer("arith.ori", "bitwise or", true, (a, b, w) -> a | b, IntegerFolds::ori);
    public static final OpDef XORI = integer("arith.xori", "bitwise exclusive or", true, (a, b, w) -> a ^ b,
            IntegerFolds::xori);
    public static final OpDef SHLI = integer("arith.shli", "shift left (poison for a shift of the width or more)",
            false, IntBits::shl, IntegerFolds::shiftByZero);
    public static final OpDef SHRSI = integer("arith.shrsi", "arithmetic shift right", false, IntBits::shrsi,
            IntegerFolds::shiftByZero);
    public static final OpDef SHRUI = integer("arith.shrui", "logical shift right", false, IntBits::shrui,
            IntegerFolds::shiftByZero);
    public static final OpDef MAXSI = integer("arith.maxsi", "signed maximum", true, (a, b, w) -> Math.max(a, b),
            IntegerFolds.extremum(true, true));
    public static final OpDef MINSI = integer("arith.minsi", "signed minimum", true, (a, b, w) -> Math.min(a, b),
            IntegerFolds.extremum(false, true));
    public static final OpDef MAXUI = integer("arith.maxui", "unsigned maximum", true,
            (a, b, w) -> IntBits.compareUnsigned(a, b, w) >= 0 ? a : b, IntegerFolds.extremum(true, false));
    public static final OpDef MINUI = integer("arith.minui", "unsigned minimum", true,
            (a, b, w) -> IntBits.compareUnsigned(a, b, w) <= 0 ? a : b, IntegerFolds.extremum(false, false));

    public static final OpDef ADDF = floating("arith.addf", "float addition", true, (a, b) -> a + b,
            FloatFolds::addf);
    public static final OpDef SUBF = floating("arith.subf", "float subtraction", false, (a, b) -> a - b,
            FloatFolds::subf);
    public static final OpDef MULF = floating("arith.mulf", "float multiplication", true, (a, b) -> a * b,
            FloatFolds::byOne);
    public static final OpDef DIVF = floating("arith.divf", "float division", false, (a, b) -> a / b,
            FloatFolds::byOne);
    public static final OpDef REMF = floating("arith.remf", "float remainder with the sign of the dividend (fmod)",
            false, (a, b) -> a % b, NO_FOLDS);
    public static final OpDef MAXIMUMF = floating("arith.maximumf", "float maximum: NaN if either is, -0 < +0",
            true, Math::max, FloatFolds::maximumf);
    public static final OpDef MINIMUMF = floating("arith.minimumf", "float minimum: NaN if either is, -0 < +0",
            true, Math::min, FloatFolds::minimumf);
    public static final OpDef NEGF = sameType("arith.negf", "float negation", 1, ArithTypes.FLOAT, Safety.PURE, false,
            Kernels.NEGF, FloatFolds::negf);

    public static final OpDef CMPI = compare("arith.cmpi", "integer comparison by predicate", ArithTypes.INTEGER_OR_INDEX,
            CmpIPredicate.values().length,
            Stream.of(CmpIPredicate.values()).map(CmpIPredicate::keyword).toList(), Kernels.CMPI, CompareFolds::cmpi);
    public static final OpDef CMPF = compare("arith.cmpf", "float comparison by predicate, ordered or unordered",
            ArithTypes.FLOAT, CmpFPredicate.values().length,
            Stream.of(CmpFPredicate.values()).map(CmpFPredicate::keyword).toList(), Kernels.CMPF,
            CompareFolds::cmpf);
    public static final OpDef SELECT = op("arith.select", "the second operand where the condition holds, else the third",
            3, Kernels.SELECT, CompareFolds::select, ArithFormats.SELECT).traits(Trait.PURE)
            .verifier(ArithOps::verifySelect).build();

    public static final OpDef EXTSI = cast("arith.extsi", "sign extension to a wider integer", ArithTypes.INTEGER,
            ArithTypes.INTEGER, Width.WIDER, Kernels.EXTSI, CastFolds::extendOfExtend);
    public static final OpDef EXTUI = cast("arith.extui", "zero extension to a wider integer", ArithTypes.INTEGER,
            ArithTypes.INTEGER, Width.WIDER, Kernels.EXTUI, CastFolds::extendOfExtend);
    public static final OpDef TRUNCI = cast("arith.trunci", "truncation to a narrower integer", ArithTypes.INTEGER,
            ArithTypes.INTEGER, Width.NARROWER, Kernels.TRUNCI, CastFolds::trunci);
    public static final OpDef SITOFP = cast("arith.sitofp", "signed integer to the nearest float", ArithTypes.INTEGER,
            ArithTypes.FLOAT, Width.ANY, Kernels.SITOFP, NO_FOLDS);
    public static final OpDef UITOFP = cast("arith.uitofp", "unsigned integer to the nearest float",
            ArithTypes.INTEGER, ArithTypes.FLOAT, Width.ANY, Kernels.UITOFP, NO_FOLDS);
    public static final OpDef FPTOSI = cast("arith.fptosi", "float to signed integer, truncating (poison if out of "
            + "range)", ArithTypes.FLOAT, ArithTypes.INTEGER, Width.ANY, Kernels.FPTOSI, NO_FOLDS);
    public static final OpDef FPTOUI = cast("arith.fptoui", "float to unsigned integer, truncating (poison if out of "
            + "range)", ArithTypes.FLOAT, ArithTypes.INTEGER, Width.ANY, Kernels.FPTOUI, NO_FOLDS);
    public static final OpDef EXTF = cast("arith.extf", "float extension to a wider float", ArithTypes.FLOAT,
            ArithTypes.FLOAT, Width.WIDER, Kernels.EXTF, NO_FOLDS);
    public static final OpDef TRUNCF = cast("arith.truncf", "float truncation to the nearest narrower float",
            ArithTypes.FLOAT, ArithTypes.FLOAT, Width.NARROWER, Kernels.TRUNCF, CastFolds::truncf);
    public static final OpDef INDEX_CAST = op("arith.index_cast", "index to signless integer or back (sign-extends "
            + "or truncates)", 1, Kernels.TRUNCI, CastFolds::indexCast, ArithFormats.CAST).traits(Trait.PURE)
            .verifier((o, report) -> {
                verifyCast(o, ArithTypes.INTEGER_OR_INDEX, ArithTypes.INTEGER_OR_INDEX, Width.ANY, report);
                verifyIndexCast(o, report);
            }).build();
    public static final OpDef BITCAST = cast("arith.bitcast", "the same bits as another type of the same width",
            t -> ArithTypes.isSignlessInteger(t) || ArithTypes.isFloat(t),
            t -> ArithTypes.isSignlessInteger(t) || ArithTypes.isFloat(t), Width.SAME, Kernels.BITCAST, NO_FOLDS);

    /** Every op of the dialect. */
    public static final List<OpDef> ALL = List.of(CONSTANT, ADDI, SUBI, MULI, DIVSI, DIVUI, REMSI, REMUI, FLOORDIVSI,
            CEILDIVSI, CEILDIVUI, ANDI, ORI, XORI, SHLI, SHRSI, SHRUI, MAXSI, MINSI, MAXUI, MINUI, ADDF, SUBF, MULF,
            DIVF, REMF, MAXIMUMF, MINIMUMF, NEGF, CMPI, CMPF, SELECT, EXTSI, EXTUI, TRUNCI, SITOFP, UITOFP, FPTOSI,
            FPTOUI, EXTF, TRUNCF, INDEX_CAST, BITCAST);

    private static void verifySelect(Operation op, Consumer<String> report) {
        if (op.numOperands() != 3 || op.numResults() != 1) {
            return;
        }
        Type result = op.result(0).type();
        if (!op.operand(1).type().equals(result) || !op.operand(2).type().equals(result)) {
            report.accept("requires the true value, the false value and the result to have the same type");
        }
        Type condition = op.operand(0).type();
        if (condition.equals(IntegerType.I1)) {
            return;
        }
        Type mask = ArithTypes.sameShape(result, IntegerType.I1);
        if (!(result instanceof kiln.dialects.ir.VectorType) || !condition.equals(mask)) {
            report.accept("expected condition to be i1" + (result instanceof kiln.dialects.ir.VectorType
                    ? " or " + mask.asm() : "") + ", but got '" + condition.asm() + "'");
        }
    }
}
