package kiln.runtime.interp;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kiln.dialects.ir.Attribute;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.IntAttr;
import kiln.dialects.ir.ListAttr;
import kiln.dialects.ir.MemoryEffects;
import kiln.dialects.ir.OpDef;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.TypeAttr;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.BlockOutputs;
import kiln.dialects.torch.Graph;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.types.ClassType;
import kiln.dialects.torch.types.DictType;
import kiln.dialects.torch.types.ListType;
import kiln.dialects.torch.types.TensorType;
import kiln.dialects.torch.types.TorchType;
import kiln.runtime.interp.value.ScriptException;

/**
 * Compiles a graph to a {@link Plan}: numbers every value with a frame slot, turns each structural op into its
 * step and binds each operator op to its kernel ({@link KernelResolver}). An op that cannot run (no kernel, a
 * tensor constant from graph text) becomes a step that fails with the reason when reached, and is listed in
 * {@link Plan#unsupportedOps()}.
 */
final class PlanCompiler {
    private static final Set<OpDef> STRUCTURAL = Collections.newSetFromMap(new IdentityHashMap<>());

    static {
        STRUCTURAL.addAll(TorchDialect.INSTANCE.ops());
    }

    /** Whether temporaries go back to the buffer pool at their last use (system property kiln.interp.release). */
    private static final boolean RELEASE = !"false".equals(System.getProperty("kiln.interp.release"));

    private final Interpreter interpreter;
    private final KernelResolver resolver;
    private final IdentityHashMap<Value, Integer> slots = new IdentityHashMap<>();
    private final List<String> unsupported = new ArrayList<>();
    /** The ops bound to kernels, for {@link ReleaseAnalysis}. */
    private final Set<Operation> kernelOps = Collections.newSetFromMap(new IdentityHashMap<>());

    private PlanCompiler(Interpreter interpreter, KernelResolver resolver) {
        this.interpreter = interpreter;
        this.resolver = resolver;
    }

    static Plan compile(String name, Graph graph, Interpreter interpreter, KernelResolver resolver) {
        PlanCompiler c = new PlanCompiler(interpreter, resolver);
        int[] inputs = c.slots(graph.inputs());
        Body body = c.body(graph.block());
        return new Plan(name, c.slots.size(), inputs, graph.inputs(), body, c.unsupported, !retainsValues(graph));
    }

    /**
     * Whether running the graph may leave a value it made reachable from somewhere other than its outputs: some op
     * may write memory reached through a value that is not a tensor (an attribute store writes its object, {@code
     * append} its list) or anything at all (a call, a fork, an operator whose effects are unknown), as its {@link
     * MemoryEffects} say. Writes into tensors store no references, and neither do writes to named state (the program's
     * output, the random generator).
     */
    private static boolean retainsValues(Graph graph) {
        boolean[] retains = {false};
        graph.region().walk(op -> retains[0] |= mayStoreValues(op));
        return retains[0];
    }

    private static boolean mayStoreValues(Operation op) {
        // a control-flow op's own effects are those of its body, which the walk visits op by op
        if (op.has(Trait.RECURSIVE_MEMORY_EFFECTS) && op.getInterface(MemoryEffects.class).isEmpty()) {
            return false;
        }
        return MemoryEffects.of(op).map(effects -> effects.stream().anyMatch(PlanCompiler::mayStoreValues))
                .orElse(true);
    }

    /** A write to memory reached through a value that is not a tensor, or to any memory. */
    private static boolean mayStoreValues(MemoryEffects.Effect e) {
        return e.kind() == MemoryEffects.Kind.WRITE && e.resource() == MemoryEffects.Resource.DEFAULT
                && (e.value() == null || !(e.value().type() instanceof TorchType t && t.isSubtypeOf(TensorType.TENSOR)));
    }

    private int slot(Value v) {
        Integer s = slots.get(v);
        if (s == null) {
            s = slots.size();
            slots.put(v, s);
        }
        return s;
    }

    private int[] slots(List<? extends Value> values) {
        int[] out = new int[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = slot(values.get(i));
        }
        return out;
    }

    private Body body(Block block) {
        List<Step> steps = new ArrayList<>();
        Operation terminator = block.terminator();
        for (Operation op : block.ops()) {
            if (op != terminator) {
                steps.add(step(op));
            }
        }
        Map<Operation, ReleaseAnalysis.Plan> releases = RELEASE ? ReleaseAnalysis.of(block, kernelOps) : Map.of();
        List<Step> planned = new ArrayList<>(steps.size());
        for (Step step : steps) {
            ReleaseAnalysis.Plan p = releases.get(step.op());
            if (p == null) {
                planned.add(step);
                continue;
            }
            if (step instanceof KernelStep k && (p.freshResults().length > 0 || !p.watched().isEmpty())) {
                List<KernelStep.Watch> watches = new ArrayList<>();
                p.watched().forEach((root, results) -> watches.add(new KernelStep.Watch(slot(root), slots(results))));
                step = k.withReleases(p.freshResults(), watches.toArray(KernelStep.Watch[]::new),
                        mayDonate(k) ? slots(p.donatable()) : new int[0]);
            }
            planned.add(step);
            if (!p.releaseAfter().isEmpty()) {
                planned.add(release(step.op(), p.releaseAfter()));
            }
        }
        return new Body(planned.toArray(Step[]::new), slots(BlockOutputs.outputs(block)));
    }

    /**
     * Whether a dying input may hold the output of {@code step}: the op is elementwise ({@link Trait#ELEMENTWISE}, as
     * its dialect declares per overload) and its kernel makes the output in one pass over the inputs ({@link
     * kiln.runtime.interp.kernels.Kernel#writesInOnePass()}). An elementwise op whose kernel makes intermediates from
     * an input first must not be given one.
     */
    private static boolean mayDonate(KernelStep step) {
        return step.kernel().writesInOnePass() && step.op().has(Trait.ELEMENTWISE);
    }

    private KernelStep.Release release(Operation after, List<ReleaseAnalysis.AliasSet> sets) {
        int[] roots = new int[sets.size()];
        int[][] members = new int[sets.size()][];
        for (int i = 0; i < roots.length; i++) {
            roots[i] = slot(sets.get(i).root());
            members[i] = slots(List.copyOf(sets.get(i).members()));
        }
        List<Value> values = sets.stream().map(ReleaseAnalysis.AliasSet::root).toList();
        return new KernelStep.Release(after, roots, members, values);
    }

    private Step step(Operation op) {
        OpDef d = op.def();
        if (!STRUCTURAL.contains(d)) {
            return switch (resolver.resolve(op)) {
                case KernelResolver.Resolution.Bound b -> {
                    kernelOps.add(op);
                    yield new KernelStep(op, slots(op.operands()), slots(op.results()), b.kernel(), b.schema());
                }
                case KernelResolver.Resolution.Missing m -> unsupported(op, m.reason());
            };
        }
        if (d == TorchDialect.CONSTANT) {
            try {
                return new ValueSteps.Constant(op, ConstantValues.of(op, interpreter.constants()), slot(op.result(0)));
            } catch (ScriptException e) {
                return unsupported(op, e.scriptMessage());
            }
        }
        if (d == TorchDialect.IF) {
            return new ControlSteps.If(op, slot(op.operand(0)), body(op.region(0).entry()),
                    body(op.region(1).entry()), slots(op.results()));
        }
        if (d == TorchDialect.LOOP) {
            Block b = op.region(0).entry();
            List<Value> operands = op.operands();
            return new ControlSteps.Loop(op, slot(operands.get(0)), slot(operands.get(1)),
                    slots(operands.subList(2, operands.size())), slot(b.argument(0)),
                    slots(b.arguments().subList(1, b.arguments().size())), body(b), slots(op.results()));
        }
        if (d == TorchDialect.CALL_METHOD) {
            return new ControlSteps.CallMethod(op, stringAttr(op, "name"), slots(op.operands()), slots(op.results()));
        }
        if (d == TorchDialect.CALL_FUNCTION) {
            return new ControlSteps.CallFunction(op, slots(op.operands()), slots(op.results()));
        }
        if (d == TorchDialect.RAISE_EXCEPTION) {
            return new ControlSteps.Raise(op, slot(op.operand(0)), op.numOperands() > 1 ? slot(op.operand(1)) : -1);
        }
        if (d.has(TorchDialect.SUBGRAPH) && d.name().equals("prim::fork")) {
            Plan sub = compile("fork", Graph.of(op.region(0)), interpreter, resolver);
            sub.unsupportedOps().forEach(unsupported::add);
            return new ControlSteps.Fork(op, sub, slots(op.operands()), slot(op.result(0)));
        }
        if (d.has(TorchDialect.SUBGRAPH)) {
            Plan sub = compile(d.name(), Graph.of(op.region(0)), interpreter, resolver);
            sub.unsupportedOps().forEach(unsupported::add);
            return new GuardSteps.Subgraph(op, sub, d == TorchDialect.FALLBACK_GRAPH, slots(op.operands()),
                    slots(op.results()));
        }
        if (d == TorchDialect.PROFILE) {
            return new GuardSteps.Profile(op, op.attribute("id", IntAttr.class).value(), slot(op.operand(0)),
                    slot(op.result(0)));
        }
        if (d == TorchDialect.TYPE_CHECK) {
            GuardSteps.Expected[] expected = types(op).stream().map(GuardSteps.Expected::of)
                    .toArray(GuardSteps.Expected[]::new);
            return new GuardSteps.Guard(op, slots(op.operands()), slots(op.results()), expected);
        }
        return valueStep(op, d);
    }

    private Step valueStep(Operation op, OpDef d) {
        if (d == TorchDialect.TUPLE_CONSTRUCT) {
            return new ValueSteps.TupleConstruct(op, slots(op.operands()), slot(op.result(0)));
        }
        if (d == TorchDialect.TUPLE_UNPACK) {
            return new ValueSteps.TupleUnpack(op, slot(op.operand(0)), slots(op.results()));
        }
        if (d == TorchDialect.TUPLE_INDEX) {
            return new ValueSteps.TupleIndex(op, slot(op.operand(0)), slot(op.operand(1)), slot(op.result(0)));
        }
        if (d == TorchDialect.LIST_CONSTRUCT) {
            TorchType element = op.result(0).type() instanceof ListType l ? l.elementType() : null;
            return new ValueSteps.ListConstruct(op, element, slots(op.operands()), slot(op.result(0)));
        }
        if (d == TorchDialect.LIST_UNPACK) {
            return new ValueSteps.ListUnpack(op, slot(op.operand(0)), slots(op.results()));
        }
        if (d == TorchDialect.DICT_CONSTRUCT) {
            DictType t = op.result(0).type() instanceof DictType dt ? dt : null;
            return new ValueSteps.DictConstruct(op, t == null ? null : t.keyType(), t == null ? null : t.valueType(),
                    slots(op.operands()), slot(op.result(0)));
        }
        if (d == TorchDialect.GET_ATTR) {
            return new ValueSteps.GetAttr(op, stringAttr(op, "name"), slot(op.operand(0)), slot(op.result(0)));
        }
        if (d == TorchDialect.SET_ATTR) {
            return new ValueSteps.SetAttr(op, stringAttr(op, "name"), slot(op.operand(0)), slot(op.operand(1)));
        }
        if (d == TorchDialect.CREATE_OBJECT && op.result(0).type() instanceof ClassType c) {
            return new ValueSteps.CreateObject(op, c, slot(op.result(0)));
        }
        if (d == TorchDialect.UNINITIALIZED) {
            return new ValueSteps.Move(op, -1, slot(op.result(0)));
        }
        if (d == TorchDialect.UNCHECKED_CAST) {
            return new ValueSteps.Move(op, slot(op.operand(0)), slot(op.result(0)));
        }
        if (d == TorchDialect.ISINSTANCE) {
            return new ValueSteps.IsInstance(op, types(op), slot(op.operand(0)), slot(op.result(0)));
        }
        if (d == TorchDialect.PRINT) {
            return new ValueSteps.Print(op, slots(op.operands()));
        }
        if (d == TorchDialect.ENTER) {
            return new ContextSteps.Enter(op, slot(op.operand(0)), slot(op.result(0)));
        }
        if (d == TorchDialect.EXIT) {
            return new ContextSteps.Exit(op, slots(op.results()));
        }
        if (d == TorchDialect.CONSTANT_CHUNK) {
            return new ValueSteps.ConstantChunk(op, op.attribute("chunks", IntAttr.class).value(),
                    op.attribute("dim", IntAttr.class).value(), slot(op.operand(0)), slots(op.results()));
        }
        return unsupported(op, op.name() + " is not supported by the interpreter");
    }

    private Step unsupported(Operation op, String reason) {
        unsupported.add(op.name() + " at " + op.location() + ": " + reason);
        return new KernelStep.Unsupported(op, reason);
    }

    private static String stringAttr(Operation op, String name) {
        return op.attribute(name, StringAttr.class).value();
    }

    private static List<TorchType> types(Operation op) {
        List<TorchType> out = new ArrayList<>();
        for (Attribute a : op.attribute("types", ListAttr.class).elements()) {
            if (a instanceof TypeAttr t && t.type() instanceof TorchType tt) {
                out.add(tt);
            }
        }
        return out;
    }
}
