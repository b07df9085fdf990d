package kiln.dialects.torch;

import static kiln.dialects.ir.AttrSpec.optional;
import static kiln.dialects.ir.AttrSpec.required;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import kiln.dialects.ir.Aliasing;
import kiln.dialects.ir.Arity;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.Dialect;
import kiln.dialects.ir.Folder;
import kiln.dialects.ir.Location;
import kiln.dialects.ir.LoopLike;
import kiln.dialects.ir.UnitAttr;
import kiln.dialects.ir.UnusedResults;
import kiln.dialects.ir.rewrite.RewritePattern;
import kiln.dialects.ir.text.RegionFormat;
import kiln.dialects.ir.text.TypeContext;
import kiln.dialects.torch.types.TorchTypeParser;
import kiln.dialects.ir.DialectRegistry;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.ListAttr;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.Type;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.schema.SchemaVerifier;
import kiln.dialects.torch.types.LeafType;

/**
 * The {@code torch} dialect: TorchScript graphs. Structural {@code prim::} ops (constants, control flow,
 * containers, attributes, calls, subgraph groups) are declared here one by one; {@code aten::} operators and
 * the schema-defined {@code prim::} operators (e.g. {@code prim::min}, {@code prim::dtype}) are open: any name
 * in those namespaces parses, and verifies when one of PyTorch's schemas of that name accepts the op's operand
 * and result types ({@link SchemaVerifier}). An operator with no schema is an error ("unknown operator") in
 * {@link #INSTANCE}, and passes unchecked in {@link #ALLOWING_UNREGISTERED}.
 */
public final class TorchDialect implements Dialect {
    /** The dialect; an operator without a schema fails verification. */
    public static final TorchDialect INSTANCE = new TorchDialect(false);
    /** The dialect for graphs that may hold operators PyTorch does not register: those pass unchecked. */
    public static final TorchDialect ALLOWING_UNREGISTERED = new TorchDialect(true);

    /**
     * Namespaces whose operators come from PyTorch's operator registry: every namespace of the schema resource
     * ({@link kiln.dialects.torch.schema.OperatorRegistry}), and a few whose operators come from libraries
     * PyTorch loads on demand (torchvision).
     */
    public static final List<String> OPERATOR_NAMESPACES = List.of("aten", "prim", "prims", "quantized",
            "_quantized", "quantization", "profiler", "cuda", "torchvision", "_caffe2", "mkldnn", "mkldnn_prepacked",
            "mkl", "onednn", "sparse", "c10d", "_c10d_functional", "_c10d_functional_autograd", "symm_mem",
            "_dtensor", "static_runtime", "inductor", "inductor_prims", "debugprims", "rngprims", "onnx", "export",
            "_native", "_test", "debug_mode_ops");

    /** Ops whose one region is a subgraph printed after the graph ({@code with prim::X_0 = graph(…)}). */
    public static final Trait SUBGRAPH = Trait.named("torch.subgraph");

    public static final OpDef CONSTANT = OpDef.define("prim::Constant")
            .summary("a compile-time constant; no attributes means None; pure unless of a mutable type (a list, a "
                    + "tensor), which it makes")
            .operands(0).results(1)
            .attribute(optional("value", Attribute.class))
            .attribute(optional("name", StringAttr.class))
            .attribute(optional("fallback", IntAttr.class))
            .traits(Trait.CONSTANT_LIKE).folder(TorchDialect::foldConstant)
            .dynamicTraits((op, trait) -> trait == Trait.PURE && TorchEffects.isImmutable(op.result(0).type()))
            .effects(TorchEffects::constant).build();

    public static final OpDef RETURN = OpDef.define("prim::Return")
            .summary("ends a block; its operands are the block's outputs ('return (…)' / '-> (…)')")
            .operands(Arity.ANY).results(0).traits(Trait.TERMINATOR, Trait.RETURN_LIKE, Trait.PURE).build();

    public static final OpDef IF = OpDef.define("prim::If")
            .summary("runs block0 when the condition is true, else block1; results come from the taken block")
            .operands(1).results(Arity.ANY).regions(2).traits(Trait.RECURSIVE_MEMORY_EFFECTS, Trait.SINGLE_BLOCK)
            .implement(UnusedResults.class, TorchDialect::eraseUnusedOutputs)
            .verifier(TorchDialect::verifyIf).build();

    public static final OpDef LOOP = OpDef.define("prim::Loop")
            .summary("(max_trip_count, initial_condition, carried...) -> carried; body(iter, carried...) -> (cond, carried...)")
            .operands(Arity.atLeast(2)).results(Arity.ANY).regions(new Arity(1, 2))
            .traits(Trait.RECURSIVE_MEMORY_EFFECTS, Trait.SINGLE_BLOCK)
            .implement(LoopLike.class, loop -> loop.regions().subList(0, 1))
            .verifier(TorchDialect::verifyLoop).build();

    public static final OpDef GET_ATTR = OpDef.define("prim::GetAttr")
            .operands(1).results(1).attribute(required("name", StringAttr.class))
            .effects(TorchEffects::readsOperand).build();
    public static final OpDef SET_ATTR = OpDef.define("prim::SetAttr")
            .operands(2).results(0).attribute(required("name", StringAttr.class))
            .effects(TorchEffects::writesOperand).build();
    public static final OpDef CALL_METHOD = OpDef.define("prim::CallMethod")
            .operands(Arity.atLeast(1)).results(Arity.ANY).attribute(required("name", StringAttr.class)).build();
    public static final OpDef CALL_FUNCTION = OpDef.define("prim::CallFunction")
            .operands(Arity.atLeast(1)).results(Arity.ANY).build();

    public static final OpDef TUPLE_CONSTRUCT = forwarding("prim::TupleConstruct", Arity.ANY, Arity.exactly(1));
    public static final OpDef TUPLE_UNPACK = forwarding("prim::TupleUnpack", Arity.exactly(1), Arity.ANY);
    public static final OpDef TUPLE_INDEX = forwarding("prim::TupleIndex", Arity.exactly(2), Arity.exactly(1));
    public static final OpDef LIST_CONSTRUCT = OpDef.define("prim::ListConstruct")
            .operands(Arity.ANY).results(1).effects(TorchEffects::allocatesResult)
            .implement(Aliasing.class, Aliasing.FORWARDING).build();
    public static final OpDef LIST_UNPACK = OpDef.define("prim::ListUnpack")
            .operands(1).results(Arity.ANY).effects(TorchEffects::readsOperand)
            .implement(Aliasing.class, Aliasing.FORWARDING).build();
    public static final OpDef DICT_CONSTRUCT = OpDef.define("prim::DictConstruct")
            .operands(Arity.ANY).results(1).effects(TorchEffects::allocatesResult).verifier((op, report) -> {
                if (op.numOperands() % 2 != 0) {
                    report.accept("takes key/value pairs, got an odd number of operands");
                }
            }).build();
    public static final OpDef CREATE_OBJECT = OpDef.define("prim::CreateObject").operands(0).results(1)
            .effects(TorchEffects::allocatesResult).build();
    public static final OpDef UNINITIALIZED = pure("prim::Uninitialized", Arity.exactly(0), Arity.exactly(1));
    public static final OpDef UNCHECKED_CAST = forwarding("prim::unchecked_cast", Arity.exactly(1), Arity.exactly(1));
    public static final OpDef PRINT = OpDef.define("prim::Print").operands(Arity.ANY).results(0)
            .effects(TorchEffects::print).build();
    public static final OpDef RAISE_EXCEPTION = OpDef.define("prim::RaiseException")
            .operands(new Arity(1, 2)).results(0).effects(TorchEffects::raise).build();
    public static final OpDef ENTER = OpDef.define("prim::Enter").operands(1).results(1)
            .effects(TorchEffects::writesOperand).build();
    public static final OpDef EXIT = OpDef.define("prim::Exit").operands(1).results(Arity.ANY)
            .effects(TorchEffects::writesOperand).build();
    public static final OpDef TYPE_CHECK = OpDef.define("prim::TypeCheck")
            .summary("refined copies of its inputs, then a bool: whether every input matches its profiled type")
            .operands(Arity.ANY).results(Arity.atLeast(1))
            .attribute(required("types", ListAttr.class)).traits(Trait.PURE)
            .verifier((op, report) -> {
                int n = op.attribute("types", ListAttr.class) == null ? -1
                        : op.attribute("types", ListAttr.class).elements().size();
                if (n != op.numOperands() || op.numResults() != n + 1) {
                    report.accept("checks " + n + " type(s) but has " + op.numOperands() + " input(s) and "
                            + op.numResults() + " result(s)");
                }
            }).build();
    public static final OpDef PROFILE = OpDef.define("prim::profile")
            .summary("its operand, recorded by the profiling executor under 'id' each time it runs")
            .operands(1).results(1).attribute(required("id", IntAttr.class))
            .effects(TorchEffects::profile)
            .implement(Aliasing.class, Aliasing.FORWARDING).build();
    public static final OpDef ISINSTANCE = OpDef.define("prim::isinstance")
            .summary("whether the operand's runtime type is one of 'types'")
            .operands(1).results(1).attribute(required("types", ListAttr.class)).traits(Trait.PURE).build();
    public static final OpDef CONSTANT_CHUNK = OpDef.define("prim::ConstantChunk")
            .operands(1).results(Arity.atLeast(1)).effects(TorchEffects::readsOperand)
            .implement(Aliasing.class, Aliasing.FORWARDING)
            .attribute(required("chunks", IntAttr.class)).attribute(required("dim", IntAttr.class))
            .verifier((op, report) -> {
                long chunks = op.attribute("chunks", IntAttr.class).value();
                if (chunks != op.numResults()) {
                    report.accept("splits into " + chunks + " chunk(s) but has " + op.numResults() + " result(s)");
                }
            }).build();

    // ---- frontend-only ops: emitted by the TorchScript compiler, gone after its conversion to SSA form

    public static final OpDef STORE = OpDef.define("prim::Store")
            .summary("frontend: assigns the operand to local variable 'name'")
            .operands(1).results(0).attribute(required("name", StringAttr.class)).build();
    public static final OpDef LOAD = OpDef.define("prim::Load")
            .summary("frontend: reads local variable 'name'")
            .operands(0).results(1).attribute(required("name", StringAttr.class)).build();
    public static final OpDef BREAK_STMT = OpDef.define("prim::BreakStmt").operands(0).results(0).build();
    public static final OpDef CONTINUE_STMT = OpDef.define("prim::ContinueStmt").operands(0).results(0).build();
    public static final OpDef RETURN_STMT = OpDef.define("prim::ReturnStmt")
            .summary("frontend: returns its operands from the enclosing graph").operands(Arity.ANY).results(0).build();
    public static final OpDef LOOP_CONTINUATION = OpDef.define("prim::LoopContinuation")
            .summary("frontend: (continue condition, carried values...) for the enclosing loop")
            .operands(Arity.atLeast(1)).results(0).build();
    public static final OpDef WITH = OpDef.define("prim::With")
            .summary("frontend: the code between a prim::Enter and its prim::Exit (region 0) and the exit (region 1), "
                    + "while early exits are transformed")
            .operands(0).results(0).regions(2).build();
    public static final OpDef COMPREHENSION_SCOPE = OpDef.define("prim::ComprehensionScope")
            .summary("frontend: a scope whose variable writes do not leak (list comprehensions)")
            .operands(0).results(0).regions(1).build();

    /** Ops whose body is a subgraph attribute in PyTorch (printed {@code prim::X_0} … {@code with prim::X_0 = graph}). */
    /** A fusion group: ops a backend compiles together, run as one call; its effects are its ops'. */
    public static final OpDef FUSION_GROUP = subgraph("prim::FusionGroup", Trait.RECURSIVE_MEMORY_EFFECTS);
    /** What a guard falls back to: the unoptimized graph, which the executor profiles and specializes again. */
    public static final OpDef FALLBACK_GRAPH = subgraph("prim::FallbackGraph", Trait.RECURSIVE_MEMORY_EFFECTS);

    public static final List<OpDef> SUBGRAPH_OPS = List.of(
            subgraph("prim::TensorExprGroup", Trait.RECURSIVE_MEMORY_EFFECTS), subgraph("prim::TensorExprDynamicGroup"),
            subgraph("prim::CudaFusionGroup"), FUSION_GROUP, FALLBACK_GRAPH,
            subgraph("prim::DifferentiableGraph"), subgraph("prim::fork"), subgraph("prim::StaticSubgraph"),
            subgraph("prim::MKLDNNGroup"), subgraph("prim::oneDNNFusionGroup"), subgraph("prim::LlgaFusionGroup"),
            subgraph("prim::FunctionalGraph"), subgraph("prim::awaitable"));

    private static final List<OpDef> OPS;

    static {
        var all = new java.util.ArrayList<>(List.of(CONSTANT, RETURN, IF, LOOP, GET_ATTR, SET_ATTR, CALL_METHOD,
                CALL_FUNCTION, TUPLE_CONSTRUCT, TUPLE_UNPACK, TUPLE_INDEX, LIST_CONSTRUCT, LIST_UNPACK,
                DICT_CONSTRUCT, CREATE_OBJECT, UNINITIALIZED, UNCHECKED_CAST, PRINT, RAISE_EXCEPTION, ENTER, EXIT,
                TYPE_CHECK, PROFILE, ISINSTANCE, CONSTANT_CHUNK, STORE, LOAD, BREAK_STMT, CONTINUE_STMT, RETURN_STMT, LOOP_CONTINUATION,
                WITH, COMPREHENSION_SCOPE));
        all.addAll(SUBGRAPH_OPS);
        OPS = List.copyOf(all);
    }

    private final Map<String, OpDef> openOps = new ConcurrentHashMap<>();
    private final boolean allowUnregistered;

    private TorchDialect(boolean allowUnregistered) {
        this.allowUnregistered = allowUnregistered;
    }

    /** A registry holding just this dialect ({@link #INSTANCE}). */
    public static DialectRegistry registry() {
        return registry(false);
    }

    /**
     * A registry holding just this dialect (and the builtin one); with {@code allowUnregistered}, operators PyTorch
     * has no schema for pass verification ({@link #ALLOWING_UNREGISTERED}) and ops no dialect declares are accepted.
     */
    public static DialectRegistry registry(boolean allowUnregistered) {
        return allowUnregistered ? new DialectRegistry(ALLOWING_UNREGISTERED).allowingUnregistered()
                : new DialectRegistry(INSTANCE);
    }

    /** Whether operators PyTorch has no schema for pass verification. */
    public boolean allowsUnregistered() {
        return allowUnregistered;
    }

    @Override
    public String name() {
        return "torch";
    }

    /** {@code torch}, the namespace of its types and attributes, then {@link #OPERATOR_NAMESPACES}. */
    @Override
    public List<String> namespaces() {
        return NAMESPACES;
    }

    private static final List<String> NAMESPACES = java.util.stream.Stream.concat(java.util.stream.Stream.of("torch"),
            OPERATOR_NAMESPACES.stream()).toList();

    @Override
    public List<OpDef> ops() {
        return OPS;
    }

    @Override
    public Optional<OpDef> openOp(String opName) {
        int sep = opName.indexOf("::");
        if (sep <= 0 || sep + 2 >= opName.length()) {
            return Optional.empty();
        }
        return Optional.of(openOps.computeIfAbsent(opName, n -> OpDef.define(n)
                .summary("an operator checked against its schemas").openAttributes()
                .effects(TorchEffects::ofOperator)
                .folder(TorchFolds.FOLDER)
                .implement(Aliasing.class, TorchAliasing.INSTANCE)
                .dynamicTraits((op, trait) -> trait == Trait.NONDETERMINISTIC && TorchEffects.isRandom(op.name())
                        || trait == Trait.ELEMENTWISE && PointwiseOverloads.isPointwise(op))
                .verifier(SchemaVerifier.standard(allowUnregistered)).build()));
    }

    /** Torch types in the generic text: {@code !torch.int}, {@code !torch<Dict(str, Tensor)>}. */
    @Override
    public Type parseType(String body, TypeContext context) {
        return TorchTypeParser.parse(body);
    }

    /** Tensor constants in the generic text: {@code #torch<tensor "text">}, {@code … from "CONSTANTS.c0">}. */
    @Override
    public Attribute parseAttribute(String body, TypeContext context) {
        java.util.regex.Matcher m = TENSOR_ATTR.matcher(body.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected 'tensor \"…\"' or 'tensor \"…\" from \"…\"'");
        }
        String text = ((StringAttr) context.parseAttribute(m.group(1))).value();
        String source = m.group(2) == null ? null : ((StringAttr) context.parseAttribute(m.group(2))).value();
        return new TensorAttr(text, source);
    }

    private static final java.util.regex.Pattern TENSOR_ATTR = java.util.regex.Pattern.compile(
            "tensor\\s+(\"(?:[^\"\\\\]|\\\\.)*\")(?:\\s+from\\s+(\"(?:[^\"\\\\]|\\\\.)*\"))?");

    /** Function bodies in PyTorch's graph text: {@code func @forward graph(%x : Tensor): … return (%y)}. */
    @Override
    public Optional<RegionFormat> regionFormat() {
        return Optional.of(graphFormat);
    }

    private final RegionFormat graphFormat = new GraphRegionFormat(this);

    /** A {@code prim::Constant} of {@code type} holding {@code value} ({@link UnitAttr} for None). */
    @Override
    public Optional<Operation> materializeConstant(Attribute value, Type type, Location location) {
        if (!(type instanceof kiln.dialects.torch.types.TorchType)) {
            return Optional.empty();
        }
        return Optional.of(Constants.of(type, value == UnitAttr.UNIT ? null : value, location));
    }

    /** A constant folds to its value ({@link UnitAttr} for None). */
    private static Optional<List<Folder.Result>> foldConstant(Operation op, List<Attribute> operands) {
        Attribute value = op.attribute("value");
        return Folder.to(value == null ? UnitAttr.UNIT : value);
    }

    /** An if's outputs nothing reads go, with what each branch returns for them (as PyTorch's DCE does). */
    private static boolean eraseUnusedOutputs(Operation ifOp) {
        boolean changed = false;
        for (int i = ifOp.numResults() - 1; i >= 0; i--) {
            if (!ifOp.result(i).hasUses()) {
                for (Region r : ifOp.regions()) {
                    BlockOutputs.erase(r.entry(), i);
                }
                ifOp.eraseResult(i);
                changed = true;
            }
        }
        return changed;
    }

    /** The canonicalization rows of the torch ops ({@link TorchCanonicalization}). */
    @Override
    public List<RewritePattern> canonicalizationPatterns() {
        return TorchCanonicalization.rules().patterns();
    }

    /** A pure op whose results are its operands, moved into or out of a tuple or retyped. */
    private static OpDef forwarding(String name, Arity operands, Arity results) {
        return OpDef.define(name).operands(operands).results(results).traits(Trait.PURE)
                .implement(Aliasing.class, Aliasing.FORWARDING).build();
    }

    private static OpDef pure(String name, Arity operands, Arity results) {
        return OpDef.define(name).operands(operands).results(results).traits(Trait.PURE).build();
    }

    private static OpDef subgraph(String name, Trait... more) {
        return OpDef.define(name).operands(Arity.ANY).results(Arity.ANY).regions(1).openAttributes()
                .traits(SUBGRAPH, Trait.ISOLATED_FROM_ABOVE).traits(more)
                .verifier(TorchDialect::verifySubgraph).build();
    }

    // ---- verifiers

    private static void verifyIf(Operation op, Consumer<String> report) {
        expectType(op, 0, LeafType.BOOL, "condition", report);
        for (int i = 0; i < op.regions().size(); i++) {
            Block b = singleBlock(op.region(i), "block" + i, report);
            if (b == null) {
                continue;
            }
            if (!b.arguments().isEmpty()) {
                report.accept("block" + i + " takes no arguments, has " + b.arguments().size());
            }
            checkOutputs(b, "block" + i, op.results().stream().map(Value::type).toList(), report);
        }
    }

    private static void verifyLoop(Operation op, Consumer<String> report) {
        expectType(op, 0, LeafType.INT, "max trip count", report);
        expectType(op, 1, LeafType.BOOL, "initial condition", report);
        if (op.regions().size() != 1) {
            report.accept("still has its condition block (the frontend form before conversion to SSA)");
            return;
        }
        int carried = op.numOperands() - 2;
        if (op.numResults() != carried) {
            report.accept("carries " + carried + " value(s) but has " + op.numResults() + " result(s)");
        }
        Block body = singleBlock(op.region(0), "the body", report);
        if (body == null) {
            return;
        }
        if (body.arguments().size() != carried + 1) {
            report.accept("body takes " + body.arguments().size() + " argument(s), expected 1 + " + carried);
        } else if (!body.argument(0).type().isSubtypeOf(LeafType.INT)) {
            report.accept("body's iteration argument has type " + body.argument(0).type() + ", expected int");
        }
        Operation ret = body.terminator();
        if (ret != null && ret.numOperands() != carried + 1) {
            report.accept("body returns " + ret.numOperands() + " value(s), expected the condition + " + carried);
        }
    }

    private static void verifySubgraph(Operation op, Consumer<String> report) {
        Block b = singleBlock(op.region(0), "the subgraph", report);
        if (b == null) {
            return;
        }
        if (b.arguments().size() != op.numOperands()) {
            report.accept("subgraph takes " + b.arguments().size() + " input(s) but the op passes "
                    + op.numOperands());
        }
        Operation ret = b.terminator();
        if (ret != null && ret.numOperands() != op.numResults()) {
            report.accept("subgraph returns " + ret.numOperands() + " value(s) but the op has "
                    + op.numResults() + " result(s)");
        }
    }

    private static void expectType(Operation op, int operand, Type expected, String what, Consumer<String> report) {
        if (op.numOperands() > operand && !op.operand(operand).type().isSubtypeOf(expected)) {
            report.accept(what + " has type " + op.operand(operand).type() + ", expected " + expected);
        }
    }

    private static Block singleBlock(Region r, String what, Consumer<String> report) {
        if (r.blocks().size() != 1) {
            report.accept(what + " must be one block, found " + r.blocks().size());
            return null;
        }
        return r.entry();
    }

    private static void checkOutputs(Block b, String what, List<Type> expected, Consumer<String> report) {
        Operation ret = b.terminator();
        if (ret == null) {
            return;
        }
        if (ret.numOperands() != expected.size()) {
            report.accept(what + " returns " + ret.numOperands() + " value(s), expected " + expected.size());
            return;
        }
        for (int i = 0; i < expected.size(); i++) {
            Type actual = ret.operand(i).type();
            if (!actual.isSubtypeOf(expected.get(i))) {
                report.accept(what + " output " + i + " has type " + actual + ", not a subtype of result type "
                        + expected.get(i));
            }
        }
    }
}
