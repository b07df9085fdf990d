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
import kiln.runtime.interp.value.ScriptDict;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptList;
import kiln.runtime.interp.value.ScriptTuple;
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
        Storage[] offer = donors == null ? null : donors.clone();
        Object result;
        if (written.length == 0 && offer == null) {
            result = kernel.call(args);
        } else {
            if (offer != null) {
                Donation.offer(offer);
            }
            try {
                result = kernel.call(args);
            } finally {
                if (offer != null) {
                    Donation.withdraw();
                }
                for (int i : written) {
                    bumpVersions(args[i]);
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
            markFresh(frame, mark, donors, offer);
        }
        if (watch.length > 0) {
            checkWatched(frame);
        }
    }

    /** Records a write into the storage of each tensor of a written operand. */
    private static void bumpVersions(Object value) {
        switch (value) {
            case Tensor t -> t.storage().bumpVersion();
            case ScriptList l -> l.items().forEach(KernelStep::bumpVersions);
            case null, default -> {
            }
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
     * Notes which results live in storage the kernel made, or that was donated to it ({@code donors[i]} taken
     * where {@code left[i]} is null), and that no other result shares.
     */
    private void markFresh(Frame frame, long mark, Storage[] donors, Storage[] left) {
        boolean[] f = frame.fresh();
        for (int i : fresh) {
            int slot = out[i];
            f[slot] = frame.slots[slot] instanceof Tensor t && (t.storage().serial() >= mark
                    || taken(t.storage(), donors, left)) && !sharedBy(t.storage(), out, slot, frame);
        }
    }

    private static boolean taken(Storage storage, Storage[] donors, Storage[] left) {
        if (donors != null) {
            for (int i = 0; i < donors.length; i++) {
                if (donors[i] == storage && left[i] == null) {
                    return true;
                }
            }
        }
        return false;
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
            if (slot != except && holds(frame.slots[slot], storage)) {
                return true;
            }
        }
        return false;
    }

    private static boolean holds(Object value, Storage storage) {
        return switch (value) {
            case Tensor t -> t.storage() == storage;
            case ScriptList l -> l.items().stream().anyMatch(v -> holds(v, storage));
            case ScriptTuple t -> t.elements().stream().anyMatch(v -> holds(v, storage));
            case ScriptDict d -> d.entries().values().stream().anyMatch(v -> holds(v, storage));
            case null, default -> false;
        };
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
