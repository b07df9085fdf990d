package kiln.runtime.interp;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kiln.dialects.ir.Aliasing;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Use;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.types.TensorType;
import kiln.dialects.torch.types.TorchType;

/**
 * Finds the tensors of a block whose storage can go back to the buffer pool as soon as the last value that may
 * alias it has been used, instead of when the garbage collector notices them (what PyTorch's static runtime
 * calls managed tensors, found with an alias analysis in the spirit of its {@code AliasDb}).
 *
 * <p>A <em>root</em> is a tensor result of a kernel op of this block that is fresh memory ({@link
 * Aliasing#isFresh}: for torch operators, a schema return without alias annotation — {@code Tensor}, not
 * {@code Tensor(a)}). Its <em>alias set</em> starts with the root and follows every use, as the user's {@link
 * Aliasing} says: a use that only reads adds nothing; a use that the op's results may alias afterwards adds those
 * results (views, in-place results, {@code chunk}'s list, container plumbing); a use that escapes (an op without
 * the interface — a call, an attribute store, control flow —, a wildcard alias, a use in a nested block or by the
 * block's outputs) ends the analysis of the root.
 * The root's storage is released after the last op, in block order, that uses any member.
 *
 * <p>Schemas promise less than this needs (a kernel may hand back its input, as dropout at inference does), so the
 * interpreter checks at run time too: the producing kernel must have made the storage ({@link
 * kiln.runtime.tensor.Storage#serial()}), and no result of a user outside the alias set may share it. In checked
 * mode the pool closes a released storage's segment, so any mistake fails loudly in the tests.
 */
final class ReleaseAnalysis {
    /**
     * A root's alias set.
     *
     * @param root    the fresh tensor whose storage is released
     * @param members every value of the set, root first
     */
    record AliasSet(Value root, Set<Value> members) {
    }

    /**
     * What to do around one op.
     *
     * @param freshResults indexes of its results that are roots, to check for freshness when it runs
     * @param watched      for each root it uses, its results outside the root's alias set: one that shares the
     *                     root's storage disqualifies the root
     * @param releaseAfter the roots whose alias sets it uses last, to release once it has run
     * @param donatable    the roots among those that it takes directly and that nothing aliases: their storage may
     *                     hold its output ({@link kiln.runtime.tensor.Donation})
     */
    record Plan(int[] freshResults, Map<Value, List<Value>> watched, List<AliasSet> releaseAfter,
            List<Value> donatable) {
    }

    private final Block block;
    private final Set<Operation> kernelOps;
    private final Map<Operation, Integer> position = new IdentityHashMap<>();

    private ReleaseAnalysis(Block block, Set<Operation> kernelOps) {
        this.block = block;
        this.kernelOps = kernelOps;
        for (Operation op : block.ops()) {
            position.put(op, position.size());
        }
    }

    /**
     * The ops of {@code block} that have something to do; {@code kernelOps} are the ops the interpreter runs as
     * kernels (which make the roots, and whose results it checks for shared storage at run time).
     */
    static Map<Operation, Plan> of(Block block, Set<Operation> kernelOps) {
        return new ReleaseAnalysis(block, kernelOps).plans();
    }

    private Map<Operation, Plan> plans() {
        Map<Operation, List<Integer>> fresh = new IdentityHashMap<>();
        Map<Operation, Map<Value, List<Value>>> watch = new IdentityHashMap<>();
        Map<Operation, List<AliasSet>> release = new IdentityHashMap<>();
        Operation terminator = block.terminator();
        for (Operation producer : block.ops()) {
            Aliasing aliasing = producer.getInterface(Aliasing.class).orElse(null);
            if (aliasing == null || !kernelOps.contains(producer) || producer == terminator) {
                continue;
            }
            for (int i = 0; i < producer.numResults(); i++) {
                Value root = producer.result(i);
                if (!isTensor(root) || !aliasing.isFresh(producer, i)) {
                    continue;
                }
                Set<Value> members = aliasSet(root);
                if (members == null) {
                    continue;
                }
                Operation last = null;
                Map<Operation, List<Value>> outside = new IdentityHashMap<>();
                for (Value m : members) {
                    for (Use use : m.uses()) {
                        Operation user = use.user();
                        if (last == null || position.get(last) < position.get(user)) {
                            last = user;
                        }
                        if (kernelOps.contains(user)) {
                            List<Value> others = outside.computeIfAbsent(user, k -> new ArrayList<>());
                            for (Value r : user.results()) {
                                if (!members.contains(r) && !others.contains(r)) {
                                    others.add(r);
                                }
                            }
                        }
                    }
                }
                if (last == null) {
                    continue;
                }
                fresh.computeIfAbsent(producer, k -> new ArrayList<>()).add(i);
                release.computeIfAbsent(last, k -> new ArrayList<>()).add(new AliasSet(root, members));
                outside.forEach((user, others) -> watch.computeIfAbsent(user, k -> new IdentityHashMap<>())
                        .put(root, others));
            }
        }
        Map<Operation, Plan> out = new IdentityHashMap<>();
        for (Operation op : block.ops()) {
            List<Integer> f = fresh.get(op);
            Map<Value, List<Value>> w = watch.get(op);
            List<AliasSet> r = release.get(op);
            if (f != null || w != null || r != null) {
                List<Value> donatable = r == null ? List.of() : r.stream()
                        .filter(set -> set.members().size() == 1 && op.operands().contains(set.root()))
                        .map(AliasSet::root).toList();
                out.put(op, new Plan(f == null ? new int[0] : f.stream().mapToInt(Integer::intValue).toArray(),
                        w == null ? Map.of() : w, r == null ? List.of() : r, donatable));
            }
        }
        return out;
    }

    /** The values that may alias {@code root}'s storage, root first; null when one of them escapes the block. */
    private Set<Value> aliasSet(Value root) {
        Set<Value> members = new LinkedHashSet<>();
        List<Value> work = new ArrayList<>();
        members.add(root);
        work.add(root);
        while (!work.isEmpty()) {
            Value m = work.removeLast();
            for (Use use : m.uses()) {
                List<Value> aliases = aliasesThrough(use);
                if (aliases == null) {
                    return null;
                }
                for (Value a : aliases) {
                    if (members.add(a)) {
                        work.add(a);
                    }
                }
            }
        }
        return members;
    }

    /**
     * The results of {@code use}'s op that may alias the used value afterwards; null when the use lets it escape
     * (or the analysis cannot tell).
     */
    private List<Value> aliasesThrough(Use use) {
        Operation user = use.user();
        if (user.block() != block || user == block.terminator()) {
            return null;
        }
        return user.getInterface(Aliasing.class).flatMap(a -> a.aliasesOf(user, use.index()))
                .<List<Value>>map(List::copyOf).orElse(null);
    }

    private static boolean isTensor(Value v) {
        return v.type() instanceof TorchType t && t.isSubtypeOf(TensorType.TENSOR);
    }
}
