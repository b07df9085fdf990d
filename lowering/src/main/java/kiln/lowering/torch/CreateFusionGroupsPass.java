package kiln.lowering.torch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.IRMapping;
import kiln.dialects.ir.MemoryEffects;
import kiln.dialects.ir.OpResult;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Region;
import kiln.dialects.ir.Trait;
import kiln.dialects.ir.Use;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.BlockOutputs;
import kiln.dialects.torch.TorchDialect;
import kiln.dialects.torch.TorchEffects;
import kiln.dialects.torch.types.TensorType;
import kiln.lowering.Pass;
import kiln.lowering.PassContext;
import kiln.lowering.PassOption;
import kiln.lowering.PassOptions;

/**
 * Forms fusion groups (NNC's fuser, torch/csrc/jit/passes/tensorexpr_fuser.cpp): maximal chains of fusible ops of
 * one block become one {@code prim::FusionGroup} holding them as a subgraph, which a backend compiles as one
 * kernel (the interpreter runs it as a graph). Which ops are fusible is the caller's policy — a backend declares it;
 * by default, ops with {@link Trait#ELEMENTWISE} whose tensors have a known dtype (and, with {@code static-shapes},
 * known sizes). Groups grow from the last op of a block upwards, absorbing a producer when every use of its results
 * is in the group and moving it down to the group crosses no op that may write memory (so a group never spans an
 * aliasing write); scalar constants are copied into the group; a group of fewer than {@code min-group-size} ops is
 * not made.
 */
public final class CreateFusionGroupsPass implements Pass {
    public static final String NAME = "create-fusion-groups";

    static final PassOption<Integer> MIN_GROUP_SIZE = PassOption.integer("min-group-size",
            "the fewest ops a group may have", 2);
    static final PassOption<Boolean> STATIC_SHAPES = PassOption.bool("static-shapes",
            "fuse only ops whose tensors have known sizes", false);
    public static final List<PassOption<?>> OPTIONS = List.of(MIN_GROUP_SIZE, STATIC_SHAPES);

    private final PassOptions options;
    private final Predicate<Operation> fusible;

    /** The pass with the default policy and the options a pipeline gave. */
    public CreateFusionGroupsPass(PassOptions options) {
        this(options, defaultPolicy(options.get(STATIC_SHAPES)));
    }

    /** The pass with a backend's policy: {@code fusible} says which ops it can compile together. */
    public CreateFusionGroupsPass(PassOptions options, Predicate<Operation> fusible) {
        this.options = options;
        this.fusible = fusible;
    }

    /** Elementwise ops whose tensors have a known dtype (and known sizes, with {@code staticShapes}). */
    public static Predicate<Operation> defaultPolicy(boolean staticShapes) {
        return op -> op.has(Trait.ELEMENTWISE) && op.regions().isEmpty() && tensorsKnown(op, staticShapes);
    }

    private static boolean tensorsKnown(Operation op, boolean staticShapes) {
        List<Value> all = new ArrayList<>(op.operands());
        all.addAll(op.results());
        for (Value v : all) {
            if (v.type() instanceof TensorType t
                    && (t.dtype().isEmpty() || staticShapes && !t.sizes().isComplete())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String summary() {
        return "put chains of fusible ops into prim::FusionGroup subgraphs, as NNC's fuser does";
    }

    @Override
    public PassOptions options() {
        return options;
    }

    @Override
    public boolean run(Region root, PassContext context) {
        boolean changed = false;
        for (Block b : root.blocks()) {
            changed |= block(b, context);
        }
        return changed;
    }

    private boolean block(Block block, PassContext context) {
        boolean changed = false;
        for (Operation op : block.opsSnapshot()) {
            if (!op.has(TorchDialect.SUBGRAPH)) {
                for (Region r : op.regions()) {
                    for (Block b : r.blocks()) {
                        changed |= block(b, context);
                    }
                }
            }
        }
        Set<Operation> grouped = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Operation op = block.lastOp(); op != null; ) {
            Operation before = op.prevOp();
            if (!grouped.contains(op) && op.block() == block && fusible.test(op)) {
                List<Operation> group = grow(op);
                grouped.addAll(group);
                if (group.size() >= options.get(MIN_GROUP_SIZE)) {
                    Operation first = group.getFirst();
                    before = first.prevOp();
                    realize(group);
                    context.count(this, "groups", 1);
                    context.count(this, "fused-ops", group.size());
                    changed = true;
                }
            }
            op = before;
        }
        return changed;
    }

    /** The group grown from {@code consumer}, in block order (producers moved down to sit just before it). */
    private List<Operation> grow(Operation consumer) {
        List<Operation> group = new ArrayList<>(List.of(consumer));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (int i = group.size() - 1; i >= 0 && !grew; i--) {
                for (Value v : group.get(i).operands()) {
                    Operation p = v.definingOp();
                    if (p != null && p.block() == consumer.block() && !group.contains(p) && fusible.test(p)
                            && usedOnlyBy(p, group) && canMoveDown(p, group.getFirst())) {
                        p.moveBefore(group.getFirst());
                        group.addFirst(p);
                        grew = true;
                        break;
                    }
                }
            }
        }
        return group;
    }

    private static boolean usedOnlyBy(Operation p, List<Operation> group) {
        for (OpResult r : p.results()) {
            for (Use u : r.uses()) {
                if (!group.contains(u.user())) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Whether {@code p} may move down to just before {@code anchor}: no op in between may write memory. */
    private static boolean canMoveDown(Operation p, Operation anchor) {
        for (Operation o = p.nextOp(); o != null && o != anchor; o = o.nextOp()) {
            if (MemoryEffects.mayWrite(o)) {
                return false;
            }
        }
        return true;
    }

    /** Replaces the contiguous ops of {@code group} by one {@code prim::FusionGroup} holding them. */
    private static void realize(List<Operation> group) {
        Set<Operation> members = new HashSet<>(group);
        Set<Value> inputs = new LinkedHashSet<>();
        List<Operation> constants = new ArrayList<>();
        for (Operation op : group) {
            for (Value v : op.operands()) {
                Operation d = v.definingOp();
                if (d != null && members.contains(d)) {
                    continue;
                }
                if (d != null && d.def() == TorchDialect.CONSTANT && TorchEffects.isImmutable(v.type())) {
                    if (!constants.contains(d)) {
                        constants.add(d);
                    }
                } else {
                    inputs.add(v);
                }
            }
        }
        List<Value> outputs = new ArrayList<>();
        for (Operation op : group) {
            for (OpResult r : op.results()) {
                if (r.uses().stream().anyMatch(u -> !members.contains(u.user()))) {
                    outputs.add(r);
                }
            }
        }
        Operation fused = Operation.create(TorchDialect.FUSION_GROUP, List.copyOf(inputs),
                outputs.stream().map(Value::type).toList(), Map.of(), 1, group.getFirst().location());
        Block body = BlockOutputs.newBlock(fused.region(0));
        IRMapping mapping = new IRMapping();
        for (Value in : inputs) {
            mapping.map(in, body.addArgument(in.type(), in.name()));
        }
        Operation ret = body.terminator();
        for (Operation c : constants) {
            body.insertBefore(c.clone(mapping), ret);
        }
        for (Operation op : group) {
            body.insertBefore(op.clone(mapping), ret);
        }
        BlockOutputs.replaceAll(body, outputs.stream().map(mapping::lookup).toList());
        group.getFirst().block().insertBefore(fused, group.getFirst());
        for (int i = 0; i < outputs.size(); i++) {
            fused.result(i).setName(outputs.get(i).name());
            outputs.get(i).replaceAllUsesWith(fused.result(i));
        }
        for (Operation op : group.reversed()) {
            op.erase();
        }
    }
}
