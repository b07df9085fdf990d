package kiln.runtime.interp;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import kiln.dialects.ir.Block;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Use;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.schema.Argument;
import kiln.dialects.torch.schema.FunctionSchema;
import kiln.dialects.torch.types.TensorType;
import kiln.dialects.torch.types.TorchType;

/**
 * Finds the tensors of a block whose storage can go back to the buffer pool as soon as their last user has run,
 * instead of when the garbage collector notices them: a fresh temporary between two kernels. A value qualifies
 * when
 * <ul>
 * <li>an operator op of this block makes it, and its schema's return is not an alias ({@code Tensor}, not
 * {@code Tensor(a)});</li>
 * <li>every use is an operator op of this very block (not a nested block, a list, a tuple, an attribute, a call
 * or the block's outputs) whose schema argument is not an alias either, so no view of it outlives the use.</li>
 * </ul>
 * Schemas promise less than this needs (a kernel may hand back its input, as dropout at inference does), so the
 * interpreter checks at run time too: the producing kernel must have made the storage ({@link
 * kiln.runtime.tensor.Storage#serial()}), and no user's results may share it. A mistake here cannot
 * read freed memory: a released storage's segment is closed, so a later access fails loudly.
 */
final class ReleaseAnalysis {
    /**
     * What to do around one op.
     *
     * @param freshResults indexes of its results to check for freshness when it runs
     * @param watched      candidate values it uses: a result of it that shares one's storage disqualifies it
     * @param releaseAfter the watched values whose last use it is, to release once it has run
     */
    record Plan(int[] freshResults, List<Value> watched, List<Value> releaseAfter) {
    }

    private ReleaseAnalysis() {
    }

    /** The ops of {@code block} that have something to do, given the schema each operator op was bound by. */
    static Map<Operation, Plan> of(Block block, Map<Operation, FunctionSchema> schemas) {
        Map<Operation, List<Integer>> fresh = new IdentityHashMap<>();
        Map<Operation, List<Value>> watch = new IdentityHashMap<>();
        Map<Operation, List<Value>> release = new IdentityHashMap<>();
        Map<Operation, Integer> position = new IdentityHashMap<>();
        for (Operation op : block.ops()) {
            position.put(op, position.size());
        }
        Operation terminator = block.terminator();
        for (Operation producer : block.ops()) {
            FunctionSchema schema = schemas.get(producer);
            if (schema == null || producer == terminator) {
                continue;
            }
            for (int i = 0; i < producer.numResults(); i++) {
                Value v = producer.result(i);
                if (!isTensor(v) || i >= schema.returns().size() || schema.returns().get(i).aliasInfo().isPresent()) {
                    continue;
                }
                Operation last = lastPlainUse(v, block, schemas, position);
                if (last != null) {
                    fresh.computeIfAbsent(producer, k -> new ArrayList<>()).add(i);
                    release.computeIfAbsent(last, k -> new ArrayList<>()).add(v);
                    for (Use use : v.uses()) {
                        List<Value> w = watch.computeIfAbsent(use.user(), k -> new ArrayList<>());
                        if (!w.contains(v)) {
                            w.add(v);
                        }
                    }
                }
            }
        }
        Map<Operation, Plan> out = new IdentityHashMap<>();
        for (Operation op : block.ops()) {
            List<Integer> f = fresh.get(op);
            List<Value> w = watch.get(op);
            if (f != null || w != null) {
                out.put(op, new Plan(f == null ? new int[0] : f.stream().mapToInt(Integer::intValue).toArray(),
                        w == null ? List.of() : w, release.getOrDefault(op, List.of())));
            }
        }
        return out;
    }

    private static boolean isTensor(Value v) {
        return v.type() instanceof TorchType t && t.isSubtypeOf(TensorType.TENSOR);
    }

    /**
     * The last of {@code v}'s users when each is an operator op of {@code block} that takes it through a
     * non-aliasing argument; null when some use does not qualify (or there is none).
     */
    private static Operation lastPlainUse(Value v, Block block, Map<Operation, FunctionSchema> schemas,
            Map<Operation, Integer> position) {
        Operation last = null;
        for (Use use : v.uses()) {
            Operation user = use.user();
            FunctionSchema schema = schemas.get(user);
            if (user.block() != block || schema == null || user == block.terminator()) {
                return null;
            }
            List<Argument> args = schema.arguments();
            int at = use.index();
            if (at >= args.size() || args.get(at).aliasInfo().isPresent()) {
                return null;
            }
            if (last == null || position.get(last) < position.get(user)) {
                last = user;
            }
        }
        return last;
    }
}
