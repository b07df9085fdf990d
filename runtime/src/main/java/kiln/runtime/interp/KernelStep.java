package kiln.runtime.interp;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import kiln.dialects.ir.Operation;
import kiln.dialects.ir.Value;
import kiln.dialects.torch.schema.AliasInfo;
import kiln.dialects.torch.schema.Argument;
import kiln.dialects.torch.schema.FunctionSchema;
import kiln.runtime.interp.kernels.Kernel;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.Values;
import kiln.runtime.tensor.Donation;
import kiln.runtime.tensor.Storage;
import kiln.runtime.tensor.Tensor;

/**
 * An operator op bound to its kernel: reads the operand slots, calls the kernel, writes the result slots. Where
 * {@link ReleaseAnalysis} found temporaries, it also notes which results the kernel made fresh ({@code fresh}:
 * result indexes) and disqualifies the temporaries that its results outside their alias sets come to share
 * ({@code watch}); a {@link Release} step after the last use hands the fresh ones back. After the kernel, the
 * storages of the operands its schema writes ({@code written}: operand indexes, {@code Tensor(a!)}, tensors of a
 * written list) get their version bumped ({@link Storage#bumpVersion()}). Temporaries that die here and that nothing
 * aliases ({@code donate}: slots, for one-pass elementwise kernels only) are offered to the kernel's output
 * allocation ({@link Donation}); a result written over one is as fresh as if the kernel had made it.
 */
record KernelStep(Operation op, int[] in, int[] out, Kernel kernel, int[] written, int[] fresh, Watch[] watch,
        int[] donate) implements Step {
    private static final int[] NONE = {};
    private static final Watch[] NO_WATCH = {};

    /** A temporary in slot {@code root} that this op uses: it stays fresh unless a value in {@code results} shares it. */
    record Watch(int root, int[] results) {
    }

    KernelStep(Operation op, int[] in, int[] out, Kernel kernel, FunctionSchema schema) {
        this(op, in, out, kernel, writtenOperands(schema, in.length), NONE, NO_WATCH, NONE);
    }

    KernelStep withReleases(int[] freshResults, Watch[] watches, int[] donors) {
        return new KernelStep(op, in, out, kernel, written, freshResults, watches, donors);
    }

    /** The indexes of the operands that {@code schema} (null: none known) writes, among the first {@code n}. */
    static int[] writtenOperands(FunctionSchema schema, int n) {
        if (schema == null) {
            return NONE;
        }
        List<Argument> args = schema.arguments();
        return IntStream.range(0, Math.min(n, args.size()))
                .filter(i -> args.get(i).aliasInfo().filter(KernelStep::writes).isPresent()).toArray();
    }

    private static boolean writes(AliasInfo info) {
        return info.isWrite() || info.containedTypes().stream().anyMatch(KernelStep::writes);
    }

    @Override
    public void run(Frame frame) {
        Object[] s = frame.slots;
        Object[] args = new Object[in.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = s[in[i]];
        }
        long mark = fresh.length > 0 ? Storage.nextSerial() : 0;
        Storage[] donors = donate.length > 0 ? donors(frame) : null;
        Object result;
        if (written.length == 0 && donors == null) {
            result = kernel.call(args);
        } else {
            if (donors != null) {
                Donation.offer(donors.clone());
            }
            try {
                result = kernel.call(args);
            } finally {
                if (donors != null) {
                    Donation.withdraw();
                }
                for (int i : written) {
                    Values.forEachTensor(args[i], t -> t.storage().bumpVersion());
                }
            }
        }
        if (out.length == 1) {
            s[out[0]] = result;
        } else if (out.length > 1) {
            Object[] results = (Object[]) result;
            for (int i = 0; i < out.length; i++) {
                s[out[i]] = results[i];
            }
        }
        if (fresh.length > 0) {
            markFresh(frame, mark, donors);
        }
        if (watch.length > 0) {
            checkWatched(frame);
        }
    }


    /** The storages of the donatable temporaries still marked fresh; null when there are none. */
    private Storage[] donors(Frame frame) {
        boolean[] f = frame.fresh();
        Storage[] out = new Storage[donate.length];
        int n = 0;
        for (int slot : donate) {
            if (f[slot] && frame.slots[slot] instanceof Tensor t) {
                out[n++] = t.storage();
            }
        }
        return n == 0 ? null : Arrays.copyOf(out, n);
    }

    /**
     * Notes which results live in storage the kernel made, or in the storage of a donor (a temporary that dies
     * here and that nothing else reaches: whether the kernel wrote over it or handed it back, the result is now
     * its only holder), and that no other result shares.
     */
    private void markFresh(Frame frame, long mark, Storage[] donors) {
        boolean[] f = frame.fresh();
        for (int i : fresh) {
            int slot = out[i];
            f[slot] = frame.slots[slot] instanceof Tensor t && (t.storage().serial() >= mark
                    || donors != null && Arrays.asList(donors).contains(t.storage()))
                    && !sharedBy(t.storage(), out, slot, frame);
        }
    }

    /** Disqualifies the watched temporaries that a result of this op outside their alias set now shares. */
    private void checkWatched(Frame frame) {
        boolean[] f = frame.fresh();
        for (Watch w : watch) {
            if (f[w.root()] && frame.slots[w.root()] instanceof Tensor t && sharedBy(t.storage(), w.results(), -1,
                    frame)) {
                f[w.root()] = false;
            }
        }
    }

    /** Whether a value in {@code slots} other than slot {@code except} holds a tensor over {@code storage}. */
    private static boolean sharedBy(Storage storage, int[] slots, int except, Frame frame) {
        for (int slot : slots) {
            if (slot != except && Values.anyTensor(frame.slots[slot], t -> t.storage() == storage)) {
                return true;
            }
        }
        return false;
    }

    /**
     * After the last use of a temporary's alias set: hands the storage of each root still marked fresh back to
     * the buffer pool and clears the slots of its alias set ({@code members[i]} for {@code roots[i]}, the slot of
     * {@code values.get(i)}).
     */
    record Release(Operation op, int[] roots, int[][] members, List<Value> values) implements Step {
        @Override
        public void run(Frame frame) {
            boolean[] f = frame.fresh();
            for (int i = 0; i < roots.length; i++) {
                int root = roots[i];
                if (f[root] && frame.slots[root] instanceof Tensor t) {
                    f[root] = false;
                    for (int m : members[i]) {
                        frame.slots[m] = null;
                    }
                    t.storage().release();
                }
            }
        }
    }

    /** A step for an op without a kernel: running it is an error that says why. */
    record Unsupported(Operation op, String reason) implements Step {
        @Override
        public void run(Frame frame) {
            throw new ScriptException("builtins.NotImplementedError", reason);
        }
    }
}
