package kiln.lowering.torch;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.IRMapping;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.StringAttr;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.types.ClassType;

/**
 * PyTorch's Inline pass (torch/csrc/jit/passes/inliner.cpp): every {@code prim::CallMethod} on an object of a class
 * type and every {@code prim::CallFunction} of a {@code Function} constant whose callee {@link Callees} knows is
 * replaced by a copy of the callee's body, itself with every call inlined (what PyTorch's {@code optimized_graph}
 * holds). Calls inside subgraphs ({@code prim::fork}) stay. The function constants stay, unused, as in PyTorch's
 * {@code inlined_graph}. One inliner makes each callee's inlined copy once and reuses it for every call.
 */
public final class CallInliner {
    private final Callees callees;
    private final Consumer<Region> prepare;
    private final Map<String, Region> inlinedCallees = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    /**
     * @param prepare what to do to each callee's copy once its own calls are inlined, before it is inlined anywhere
     *                (PyTorch's preoptimizeGraph for the compiler's callees)
     */
    public CallInliner(Callees callees, Consumer<Region> prepare) {
        this.callees = callees;
        this.prepare = prepare;
    }

    /** A callee calls itself: it has no inlined form. */
    public static final class RecursiveCallException extends IllegalStateException {
        private final transient Operation call;

        RecursiveCallException(String callee, Operation call) {
            super("cannot inline " + callee + ": it calls itself");
            this.call = call;
        }

        /** The call that reached the callee again. */
        public Operation call() {
            return call;
        }
    }

    /**
     * Inlines every known call under {@code region}; returns whether there was any.
     *
     * @throws RecursiveCallException when a callee calls itself, directly or through others
     */
    public boolean inlineCalls(Region region) {
        boolean changed = false;
        for (Block b : region.blocks()) {
            changed |= inlineCalls(b);
        }
        return changed;
    }

    private boolean inlineCalls(Block block) {
        boolean changed = false;
        for (Operation op : block.opsSnapshot()) {
            if (!op.has(TorchDialect.SUBGRAPH)) {
                for (Region r : op.regions()) {
                    changed |= inlineCalls(r);
                }
            }
            Optional<Callees.Callee> callee = Optional.empty();
            List<Value> args = op.operands();
            if (op.def() == TorchDialect.CALL_METHOD && op.operand(0).type() instanceof ClassType ct) {
                callee = callees.method(ct, op.attribute("name", StringAttr.class).value());
            } else if (op.def() == TorchDialect.CALL_FUNCTION && op.operand(0).definingOp() != null) {
                callee = callees.function(op.operand(0).definingOp());
                args = args.subList(1, args.size());
            }
            if (callee.isPresent()) {
                inline(op, inlinedCallee(callee.get(), op), args);
                changed = true;
            }
        }
        return changed;
    }

    /** Replaces {@code call} by a copy of {@code body}'s ops, its inputs bound to {@code args}. */
    private void inline(Operation call, Region body, List<Value> args) {
        Block entry = body.entry();
        IRMapping mapping = new IRMapping();
        for (int i = 0; i < entry.arguments().size(); i++) {
            mapping.map(entry.argument(i), args.get(i));
        }
        Operation end = entry.terminator();
        for (Operation inner : entry.ops()) {
            if (inner != end) {
                call.block().insertBefore(inner.clone(mapping), call);
            }
        }
        callees.copied(body, mapping);
        call.replaceWith(end.operands().stream().map(mapping::lookupOrDefault).toList());
    }

    /** The callee's body with its own calls inlined, made once per callee. */
    private Region inlinedCallee(Callees.Callee callee, Operation call) {
        Region done = inlinedCallees.get(callee.key());
        if (done != null) {
            return done;
        }
        if (!inProgress.add(callee.key())) {
            throw new RecursiveCallException(callee.key(), call);
        }
        try {
            Region original = callee.body().get();
            Region copy = new Region(null);
            IRMapping mapping = new IRMapping();
            original.cloneInto(copy, mapping);
            callees.copied(original, mapping);
            inlineCalls(copy);
            prepare.accept(copy);
            inlinedCallees.put(callee.key(), copy);
            return copy;
        } finally {
            inProgress.remove(callee.key());
        }
    }
}
