package kiln.dialects.ir.rewrite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kiln.dialects.ir.DialectRegistry;
import kiln.dialects.ir.MemoryEffects;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Value;

/**
 * Applies patterns and folds greedily until nothing changes (MLIR's {@code applyPatternsGreedily}). Each sweep
 * puts every op under the region on a worklist (nested and isolated regions included) and takes ops off it one at
 * a time: an op that is trivially dead ({@link MemoryEffects#isTriviallyDead}) is erased; else it is folded
 * ({@link Folding}, constants materialized by the op's dialect); else the patterns for its name are tried, highest
 * benefit first, until one applies. Every change comes through the {@link PatternRewriter}, whose listener puts the
 * affected ops back on the worklist: new and modified ops, the users of replaced results, and the defining ops of
 * operands that lost a use. Sweeps repeat while the last one changed something, up to the configured limit.
 */
public final class GreedyRewriteDriver implements PatternRewriter.Listener {
    private final Region scope;
    private final PatternSet patterns;
    private final GreedyRewriteConfig config;
    private final OperationFolder folder;
    private final PatternRewriter rewriter = new PatternRewriter(this);
    private final List<Operation> worklist = new ArrayList<>();
    private final Map<Operation, Integer> positions = new IdentityHashMap<>();
    private final Set<Operation> dead = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, Integer> applications = new TreeMap<>();
    private int folded;
    private int erased;
    private boolean changed;

    private GreedyRewriteDriver(Region scope, PatternSet patterns, GreedyRewriteConfig config,
                                DialectRegistry registry) {
        this.scope = scope;
        this.patterns = patterns;
        this.config = config;
        this.folder = new OperationFolder(registry, scope, config.cseConstants());
    }

    /**
     * Simplifies everything under {@code region} with {@code patterns} and folds.
     *
     * @param registry where the dialects that materialize folded constants are found
     */
    public static GreedyRewriteResult apply(Region region, PatternSet patterns, GreedyRewriteConfig config,
                                            DialectRegistry registry) {
        return new GreedyRewriteDriver(region, patterns, config, registry).run();
    }

    /** {@link #apply} with the default configuration. */
    public static GreedyRewriteResult apply(Region region, PatternSet patterns, DialectRegistry registry) {
        return apply(region, patterns, GreedyRewriteConfig.DEFAULT, registry);
    }

    private GreedyRewriteResult run() {
        int iterations = 0;
        boolean again;
        do {
            if (config.maxIterations() != GreedyRewriteConfig.NO_LIMIT && iterations >= config.maxIterations()) {
                again = true;
                break;
            }
            iterations++;
            populate();
            again = processWorklist();
        } while (again);
        return new GreedyRewriteResult(!again, changed, iterations, applications, folded, erased);
    }

    /**
     * Fills the worklist so that ops come off it in program order (top-down) or nested ops first, the last op first
     * (bottom-up). Constants go to the folder first, in program order, so that the first of equal ones is kept.
     */
    private void populate() {
        worklist.clear();
        positions.clear();
        List<Operation> inOrder = new ArrayList<>();
        scope.walk(inOrder::add);
        for (Operation op : inOrder) {
            if (!dead.contains(op)) {
                folder.insertKnownConstant(op, rewriter);
            }
        }
        List<Operation> ops = new ArrayList<>();
        if (config.topDown()) {
            scope.walk(ops::add);
            Collections.reverse(ops);
        } else {
            scope.walkPostOrder(ops::add);
        }
        ops.forEach(this::push);
    }

    /** Processes the worklist until it is empty or the rewrite limit is reached; returns whether anything changed. */
    private boolean processWorklist() {
        boolean any = false;
        int rewrites = 0;
        while (!worklist.isEmpty()
                && (config.maxRewrites() == GreedyRewriteConfig.NO_LIMIT || rewrites < config.maxRewrites())) {
            Operation op = pop();
            if (op == null || dead.contains(op)) {
                continue;
            }
            if (MemoryEffects.isTriviallyDead(op)) {
                rewriter.eraseOp(op);
                erased++;
                any = true;
                continue;
            }
            if (config.fold()) {
                OperationFolder.Outcome outcome = folder.tryToFold(op, rewriter);
                if (outcome != OperationFolder.Outcome.NONE) {
                    folded++;
                    any = true;
                    continue;
                }
            }
            for (RewritePattern p : patterns.forOp(op)) {
                rewriter.setInsertionPointBefore(op);
                if (p.matchAndRewrite(op, rewriter)) {
                    applications.merge(p.name(), 1, Integer::sum);
                    rewrites++;
                    any = true;
                    break;
                }
            }
        }
        changed |= any;
        return any;
    }

    // ---- the worklist

    /** Adds {@code op} and its ancestors under the scope (their bodies changed), if {@code op} is in the scope. */
    private void add(Operation op) {
        List<Operation> chain = new ArrayList<>();
        for (Operation o = op; o != null && o.block() != null && !dead.contains(o); o = o.parentOp()) {
            chain.add(o);
            if (o.block().parent() == scope) {
                chain.forEach(this::push);
                return;
            }
        }
    }

    private void push(Operation op) {
        if (!positions.containsKey(op)) {
            positions.put(op, worklist.size());
            worklist.add(op);
        }
    }

    private Operation pop() {
        Operation op = worklist.removeLast();
        if (op != null) {
            positions.remove(op);
        }
        return op;
    }

    private void remove(Operation op) {
        Integer at = positions.remove(op);
        if (at != null) {
            worklist.set(at, null);
        }
    }

    /** Re-adds the defining ops of values that are left with at most one use (they may now fold or die). */
    private void addDefiningOps(List<Value> values) {
        for (Value v : values) {
            if (v.definingOp() != null && v.uses().size() <= 1) {
                add(v.definingOp());
            }
        }
    }

    // ---- the rewriter's listener

    @Override
    public void inserted(Operation op) {
        changed = true;
        add(op);
        config.listener().inserted(op);
    }

    @Override
    public void erased(Operation op) {
        changed = true;
        dead.add(op);
        addDefiningOps(op.operands());
        remove(op);
        folder.notifyRemoval(op);
        config.listener().erased(op);
    }

    @Override
    public void modified(Operation op) {
        changed = true;
        add(op);
        config.listener().modified(op);
    }

    @Override
    public void replaced(Operation op, List<? extends Value> values) {
        changed = true;
        for (Value r : op.results()) {
            r.uses().forEach(u -> add(u.user()));
        }
        config.listener().replaced(op, values);
    }
}
