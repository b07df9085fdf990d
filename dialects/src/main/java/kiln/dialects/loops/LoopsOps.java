package kiln.dialects.loops;

import java.util.List;
import java.util.function.Consumer;
import kiln.dialects.ir.Arity;
import kiln.dialects.ir.AttrSpec;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.BufferType;
import kiln.dialects.ir.IndexType;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.IntegerType;
import kiln.dialects.ir.LoopLike;
import kiln.dialects.ir.MemoryEffects.Effect;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.ShapedType;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.SymbolRefAttr;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.ir.VectorType;
import kiln.dialects.arith.ReductionKind;

/**
 * The ops of the loops dialect (NNC's statements after prepareForCodegen; MLIR's scf, memref and vector): functions
 * over builtin buffers, whose bodies are loop nests of scalar and vector loads and stores, with arith and math for
 * the arithmetic:
 * <pre>
 * func @fusion_0(%x: buffer<?x8xf32>, %out: buffer<?x8xf32>) {
 *   %c0 = arith.constant 0 : index
 *   %c1 = arith.constant 1 : index
 *   %c8 = arith.constant 8 : index
 *   %n = loops.dim %x, 0 : buffer<?x8xf32>
 *   loops.parallel %i = %c0 to %n step %c1 grain 64 {
 *     %v = loops.vload %x[%i, %c0] : buffer<?x8xf32>, vector<8xf32>
 *     %e = math.exp %v : vector<8xf32>
 *     loops.vstore %e, %out[%i, %c0] : buffer<?x8xf32>, vector<8xf32>
 *   }
 *   return
 * }
 * </pre>
 * A vector access reads or writes consecutive elements along the last index, at that dimension's stride; a mask
 * (a {@code vector<Nxi1>}) leaves its lanes that are false alone (a masked load gives zeros there).
 */
public final class LoopsOps {
    private LoopsOps() {
    }

    public static final String GRAIN = "grain";
    public static final String INDEX = "index";
    public static final String KIND = "kind";
    public static final String CALLEE = "callee";

    /** {@code loops.for %i = %lo to %hi step %s iter_args(%a = %init) -> (T) { … loops.yield %a2 : T }}. */
    public static final OpDef FOR = OpDef.define("loops.for")
            .summary("a sequential loop from lo (inclusive) to hi (exclusive) by step, carrying values")
            .operands(Arity.atLeast(3)).results(Arity.ANY).regions(1)
            .traits(Trait.RECURSIVE_MEMORY_EFFECTS, Trait.SINGLE_BLOCK)
            .implement(LoopLike.class, loop -> List.of(loop.region(0)))
            .format(LoopsFormats.FOR).verifier(LoopsOps::verifyFor).build();

    /** {@code loops.parallel %i = %lo to %hi step %s grain 64 { … }}: iterations in any order, over the threads. */
    public static final OpDef PARALLEL = OpDef.define("loops.parallel")
            .summary("a loop whose iterations are independent: chunks of at least 'grain' run on the intra-op threads")
            .operands(3).results(0).regions(1).attribute(AttrSpec.required(GRAIN, IntAttr.class))
            .traits(Trait.RECURSIVE_MEMORY_EFFECTS, Trait.SINGLE_BLOCK)
            .implement(LoopLike.class, loop -> List.of(loop.region(0)))
            .format(LoopsFormats.PARALLEL).verifier(LoopsOps::verifyParallel).build();

    /** {@code %r = loops.if %c -> (T) { … loops.yield %a : T } else { … }}. */
    public static final OpDef IF = OpDef.define("loops.if")
            .summary("runs the then region when the condition holds, else the else region")
            .operands(1).results(Arity.ANY).regions(2)
            .traits(Trait.RECURSIVE_MEMORY_EFFECTS, Trait.SINGLE_BLOCK)
            .format(LoopsFormats.IF).verifier(LoopsOps::verifyIf).build();

    /** {@code loops.yield %a, %b : T, U}: the end of a loop body or an if region, with what it carries or gives. */
    public static final OpDef YIELD = OpDef.define("loops.yield")
            .summary("ends a loop body or an if region, giving its values")
            .operands(Arity.ANY).results(0).traits(Trait.TERMINATOR, Trait.RETURN_LIKE, Trait.PURE)
            .format(LoopsFormats.YIELD).build();

    /** {@code %b = loops.alloc [%n, 8] : buffer<?x8xf32>}: fresh, uninitialized, row-major memory. */
    public static final OpDef ALLOC = OpDef.define("loops.alloc")
            .summary("a fresh row-major buffer of the given extents")
            .operands(Arity.ANY).results(1).effects(op -> List.of(Effect.allocate(op.result(0))))
            .format(LoopsFormats.ALLOC).verifier(LoopsOps::verifyAlloc).build();

    /** {@code loops.free %b : buffer<…>}. */
    public static final OpDef FREE = OpDef.define("loops.free")
            .summary("frees a buffer made by loops.alloc")
            .operands(1).results(0).effects(op -> List.of(Effect.free(op.operand(0))))
            .format(LoopsFormats.FREE).verifier((op, r) -> buffer(op, 0, r)).build();

    /** {@code %v = loops.load %b[%i, %j] : buffer<…>}. */
    public static final OpDef LOAD = OpDef.define("loops.load")
            .summary("reads one element of a buffer")
            .operands(Arity.atLeast(1)).results(1).effects(op -> List.of(Effect.read(op.operand(0))))
            .format(LoopsFormats.LOAD).verifier((op, r) -> verifyAccess(op, 0, 1, op.numOperands(),
                    op.result(0).type(), r)).build();

    /** {@code loops.store %v, %b[%i, %j] : buffer<…>}. */
    public static final OpDef STORE = OpDef.define("loops.store")
            .summary("writes one element of a buffer")
            .operands(Arity.atLeast(2)).results(0).effects(op -> List.of(Effect.write(op.operand(1))))
            .format(LoopsFormats.STORE).verifier((op, r) -> verifyAccess(op, 1, 2, op.numOperands(),
                    op.operand(0).type(), r)).build();

    /** {@code %v = loops.vload %b[%i, %j] [, %mask] : buffer<…>, vector<8xf32>}. */
    public static final OpDef VLOAD = OpDef.define("loops.vload")
            .summary("reads consecutive elements along the last index as a vector (lanes a mask leaves off read 0)")
            .operands(Arity.atLeast(1)).results(1).effects(op -> List.of(Effect.read(op.operand(0))))
            .format(LoopsFormats.VLOAD).verifier(LoopsOps::verifyVload).build();

    /** {@code loops.vstore %v, %b[%i, %j] [, %mask] : buffer<…>, vector<8xf32>}. */
    public static final OpDef VSTORE = OpDef.define("loops.vstore")
            .summary("writes a vector to consecutive elements along the last index (where the mask holds)")
            .operands(Arity.atLeast(2)).results(0).effects(op -> List.of(Effect.write(op.operand(1))))
            .format(LoopsFormats.VSTORE).verifier(LoopsOps::verifyVstore).build();

    /** {@code %v = loops.broadcast %s : vector<8xf32>}: every lane the scalar. */
    public static final OpDef BROADCAST = OpDef.define("loops.broadcast")
            .summary("a vector with the scalar in every lane")
            .operands(1).results(1).traits(Trait.PURE)
            .format(LoopsFormats.BROADCAST).verifier(LoopsOps::verifyBroadcast).build();

    /** {@code %v = loops.ramp %i : vector<8xindex>}: lanes i, i + 1, …, i + 7. */
    public static final OpDef RAMP = OpDef.define("loops.ramp")
            .summary("a vector of consecutive integers from the scalar on")
            .operands(1).results(1).traits(Trait.PURE)
            .format(LoopsFormats.RAMP).verifier(LoopsOps::verifyRamp).build();

    /** {@code %s = loops.vreduce addf %v : vector<8xf32>}: the lanes combined (arith's combiner of that name). */
    public static final OpDef VREDUCE = OpDef.define("loops.vreduce")
            .summary("the lanes of a vector combined into one scalar")
            .operands(1).results(1).attribute(AttrSpec.required(KIND, StringAttr.class)).traits(Trait.PURE)
            .format(LoopsFormats.VREDUCE).verifier(LoopsOps::verifyVreduce).build();

    /** {@code %n = loops.dim %b, 0 : buffer<…>}. */
    public static final OpDef DIM = OpDef.define("loops.dim")
            .summary("the size of one dimension of a buffer")
            .operands(1).results(1).attribute(AttrSpec.required(INDEX, IntAttr.class)).traits(Trait.PURE)
            .format(LoopsFormats.DIM).verifier(LoopsOps::verifyDim).build();

    /** {@code loops.call @f(%a, %b) : (…) -> ()}: a function of the module or a library kernel. */
    public static final OpDef CALL = OpDef.define("loops.call")
            .summary("calls a function: one of the module's, or a library kernel the runtime provides")
            .operands(Arity.ANY).results(Arity.ANY).attribute(AttrSpec.required(CALLEE, SymbolRefAttr.class))
            .format(LoopsFormats.CALL).build();

    public static final List<OpDef> ALL = List.of(FOR, PARALLEL, IF, YIELD, ALLOC, FREE, LOAD, STORE, VLOAD, VSTORE,
            BROADCAST, RAMP, VREDUCE, DIM, CALL);

    // ---- verifiers

    private static void indexOperands(Operation op, int from, int to, String what, Consumer<String> report) {
        for (int i = from; i < to && i < op.numOperands(); i++) {
            if (!(op.operand(i).type() instanceof IndexType)) {
                report.accept(what + " must be index values, not '" + op.operand(i).type().asm() + "'");
                return;
            }
        }
    }

    private static void verifyFor(Operation op, Consumer<String> report) {
        indexOperands(op, 0, 3, "bounds and step", report);
        List<Value> inits = op.operands().subList(3, op.numOperands());
        if (op.numResults() != inits.size()) {
            report.accept("carries " + inits.size() + " value(s) but has " + op.numResults() + " result(s)");
            return;
        }
        Block body = body(op, report);
        if (body == null) {
            return;
        }
        if (body.arguments().size() != 1 + inits.size() || !(body.argument(0).type() instanceof IndexType)) {
            report.accept("body must take the index and one argument per carried value");
            return;
        }
        for (int i = 0; i < inits.size(); i++) {
            if (!inits.get(i).type().equals(body.argument(i + 1).type())
                    || !inits.get(i).type().equals(op.result(i).type())) {
                report.accept("carried value " + i + " has different types as init, argument and result");
            }
        }
        yields(body, op.results().stream().map(Value::type).toList(), "body", report);
    }

    private static void verifyParallel(Operation op, Consumer<String> report) {
        indexOperands(op, 0, 3, "bounds and step", report);
        if (op.attribute(GRAIN, IntAttr.class) != null && op.attribute(GRAIN, IntAttr.class).value() < 1) {
            report.accept("grain must be at least 1");
        }
        Block body = body(op, report);
        if (body != null) {
            if (body.arguments().size() != 1 || !(body.argument(0).type() instanceof IndexType)) {
                report.accept("body must take the index alone");
            }
            yields(body, List.of(), "body", report);
        }
    }

    private static void verifyIf(Operation op, Consumer<String> report) {
        if (!op.operand(0).type().equals(IntegerType.I1)) {
            report.accept("condition must be an i1, not '" + op.operand(0).type().asm() + "'");
        }
        List<Type> types = op.results().stream().map(Value::type).toList();
        for (int i = 0; i < 2; i++) {
            Region r = op.region(i);
            if (r.blocks().size() != 1 || !r.entry().arguments().isEmpty()) {
                report.accept((i == 0 ? "then" : "else") + " region must be one block without arguments");
                continue;
            }
            yields(r.entry(), types, i == 0 ? "then region" : "else region", report);
        }
    }

    private static Block body(Operation op, Consumer<String> report) {
        if (op.region(0).blocks().size() != 1) {
            report.accept("body must be one block");
            return null;
        }
        return op.region(0).entry();
    }

    private static void yields(Block b, List<Type> types, String what, Consumer<String> report) {
        Operation end = b.terminator();
        if (end == null || end.def() != YIELD) {
            report.accept(what + " must end in loops.yield");
        } else if (!end.operands().stream().map(Value::type).toList().equals(types)) {
            report.accept(what + " yields (" + end.operands().stream().map(v -> v.type().asm()).toList()
                    + ") but (" + types.stream().map(Type::asm).toList() + ") is expected");
        }
    }

    private static BufferType buffer(Operation op, int i, Consumer<String> report) {
        if (op.numOperands() <= i || !(op.operand(i).type() instanceof BufferType b)) {
            report.accept("operand " + i + " must be a buffer");
            return null;
        }
        return b;
    }

    /** Checks a load/store: buffer operand {@code b}, indices {@code [from, to)}, its value's element type. */
    private static void verifyAccess(Operation op, int b, int from, int to, Type element, Consumer<String> report) {
        BufferType t = buffer(op, b, report);
        if (t == null) {
            return;
        }
        if (to - from != t.rank()) {
            report.accept("a buffer of rank " + t.rank() + " takes " + t.rank() + " indices, got " + (to - from));
        }
        indexOperands(op, from, to, "indices", report);
        if (!element.equals(t.elementType())) {
            report.accept("'" + element.asm() + "' values do not match the buffer's '" + t.elementType().asm()
                    + "' elements");
        }
    }

    private static void checkMask(Value mask, VectorType v, Consumer<String> report) {
        if (!(mask.type() instanceof VectorType m) || !m.elementType().equals(IntegerType.I1)
                || !m.shape().equals(v.shape())) {
            report.accept("mask must be a vector of i1 of the value's shape, not '" + mask.type().asm() + "'");
        }
    }

    private static void verifyVload(Operation op, Consumer<String> report) {
        if (!(op.result(0).type() instanceof VectorType v) || v.rank() != 1) {
            report.accept("result must be a one-dimensional vector");
            return;
        }
        BufferType t = buffer(op, 0, report);
        if (t == null) {
            return;
        }
        int indices = t.rank();
        boolean masked = op.numOperands() == indices + 2;
        verifyAccess(op, 0, 1, 1 + indices, v.elementType(), report);
        if (masked) {
            checkMask(op.operand(op.numOperands() - 1), v, report);
        } else if (op.numOperands() != indices + 1) {
            report.accept("takes the buffer, " + indices + " indices and maybe a mask");
        }
    }

    private static void verifyVstore(Operation op, Consumer<String> report) {
        if (!(op.operand(0).type() instanceof VectorType v) || v.rank() != 1) {
            report.accept("the stored value must be a one-dimensional vector");
            return;
        }
        BufferType t = buffer(op, 1, report);
        if (t == null) {
            return;
        }
        int indices = t.rank();
        boolean masked = op.numOperands() == indices + 3;
        verifyAccess(op, 1, 2, 2 + indices, v.elementType(), report);
        if (masked) {
            checkMask(op.operand(op.numOperands() - 1), v, report);
        } else if (op.numOperands() != indices + 2) {
            report.accept("takes the value, the buffer, " + indices + " indices and maybe a mask");
        }
    }

    private static void verifyAlloc(Operation op, Consumer<String> report) {
        if (!(op.result(0).type() instanceof BufferType t)) {
            report.accept("result must be a buffer");
            return;
        }
        if (t.strides() != null) {
            report.accept("allocates row-major buffers only (no strides in the type)");
        }
        long dynamic = t.shape().stream().filter(d -> d == ShapedType.DYNAMIC).count();
        if (op.numOperands() != dynamic) {
            report.accept("has " + dynamic + " dynamic extent(s) but " + op.numOperands() + " operand(s)");
        }
        indexOperands(op, 0, op.numOperands(), "extents", report);
    }

    private static void verifyBroadcast(Operation op, Consumer<String> report) {
        if (!(op.result(0).type() instanceof VectorType v) || !v.elementType().equals(op.operand(0).type())) {
            report.accept("result must be a vector of the operand's type");
        }
    }

    private static void verifyRamp(Operation op, Consumer<String> report) {
        Type t = op.operand(0).type();
        if (!(t instanceof IndexType || t instanceof IntegerType)) {
            report.accept("operand must be an index or an integer");
        } else if (!(op.result(0).type() instanceof VectorType v) || v.rank() != 1 || !v.elementType().equals(t)) {
            report.accept("result must be a one-dimensional vector of the operand's type");
        }
    }

    private static void verifyVreduce(Operation op, Consumer<String> report) {
        if (!(op.operand(0).type() instanceof VectorType v) || !v.elementType().equals(op.result(0).type())) {
            report.accept("reduces a vector to a scalar of its element type");
            return;
        }
        String kind = op.attribute(KIND) instanceof StringAttr s ? s.value() : "";
        ReductionKind.named(kind).ifPresentOrElse(k -> {
            if (!k.accepts(v.elementType())) {
                report.accept("a '" + kind + "' reduction cannot combine '" + v.elementType().asm() + "' lanes");
            }
        }, () -> report.accept("unknown reduction kind '" + kind + "'"));
    }

    private static void verifyDim(Operation op, Consumer<String> report) {
        BufferType t = buffer(op, 0, report);
        if (t != null) {
            long d = op.attribute(INDEX, IntAttr.class).value();
            if (d < 0 || d >= t.rank()) {
                report.accept("dimension " + d + " is out of range for rank " + t.rank());
            }
        }
    }
}
