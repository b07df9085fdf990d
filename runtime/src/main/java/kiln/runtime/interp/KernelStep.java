package kiln.runtime.interp;

import kiln.dialects.ir.Operation;
import kiln.runtime.interp.kernels.Kernel;
import kiln.runtime.interp.value.ScriptException;
import kiln.runtime.interp.value.ScriptList;
import kiln.runtime.interp.value.ScriptTuple;
import kiln.runtime.tensor.Storage;
import kiln.runtime.tensor.Tensor;

/**
 * An operator op bound to its kernel: reads the operand slots, calls the kernel, writes the result slots. Where
 * {@link ReleaseAnalysis} found temporaries, it also notes which results the kernel made fresh ({@code fresh}:
 * result indexes), drops those that its results come to share ({@code watch}: slots) and, once it has run, hands
 * back the storage of the fresh tensors whose last use it is ({@code release}: slots).
 */
record KernelStep(Operation op, int[] in, int[] out, Kernel kernel, int[] fresh, int[] watch, int[] release)
        implements Step {
    private static final int[] NONE = {};
    /**
     * Storages smaller than this are left to the garbage collector: handing one back closes its loan's shared
     * arena, a handshake with every thread that costs more than the page faults a small fresh buffer saves
     * (system property {@code kiln.interp.releaseBytes}; 8 MiB measured best on the bench workloads).
     */
    private static final long RELEASE_MIN_BYTES = Long.getLong("kiln.interp.releaseBytes", 8L << 20);

    KernelStep(Operation op, int[] in, int[] out, Kernel kernel) {
        this(op, in, out, kernel, NONE, NONE, NONE);
    }

    KernelStep withReleases(int[] freshResults, int[] watchSlots, int[] releaseSlots) {
        return new KernelStep(op, in, out, kernel, freshResults, watchSlots, releaseSlots);
    }

    @Override
    public void run(Frame frame) {
        Object[] s = frame.slots;
        Object[] args = new Object[in.length];
        for (int i = 0; i < args.length; i++) {
            args[i] = s[in[i]];
        }
        long mark = fresh.length > 0 ? Storage.nextSerial() : 0;
        Object result = kernel.call(args);
        if (out.length == 1) {
            s[out[0]] = result;
        } else if (out.length > 1) {
            Object[] results = (Object[]) result;
            for (int i = 0; i < out.length; i++) {
                s[out[i]] = results[i];
            }
        }
        if (fresh.length > 0) {
            markFresh(frame, mark);
        }
        if (watch.length > 0) {
            watchAndRelease(frame);
        }
    }

    /** Notes which results live in storage the kernel made (and no other result shares). */
    private void markFresh(Frame frame, long mark) {
        boolean[] f = frame.fresh();
        for (int i : fresh) {
            f[out[i]] = frame.slots[out[i]] instanceof Tensor t && t.storage().serial() >= mark
                    && !sharedWithResults(t.storage(), out[i], frame);
        }
    }

    /**
     * Disqualifies the watched temporaries that a result of this op now shares, then hands back those whose last
     * use this was.
     */
    private void watchAndRelease(Frame frame) {
        boolean[] f = frame.fresh();
        for (int slot : watch) {
            if (f[slot] && frame.slots[slot] instanceof Tensor t && sharedWithResults(t.storage(), -1, frame)) {
                f[slot] = false;
            }
        }
        for (int slot : release) {
            if (f[slot] && frame.slots[slot] instanceof Tensor t && t.storage().byteSize() >= RELEASE_MIN_BYTES) {
                f[slot] = false;
                frame.slots[slot] = null;
                t.storage().release();
            }
        }
    }

    /** Whether a result of this op other than slot {@code except} holds a tensor over {@code storage}. */
    private boolean sharedWithResults(Storage storage, int except, Frame frame) {
        for (int slot : out) {
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
            case null, default -> false;
        };
    }

    /** A step for an op without a kernel: running it is an error that says why. */
    record Unsupported(Operation op, String reason) implements Step {
        @Override
        public void run(Frame frame) {
            throw new ScriptException("builtins.NotImplementedError", reason);
        }
    }
}
