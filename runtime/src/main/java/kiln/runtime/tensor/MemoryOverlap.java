package kiln.runtime.tensor;

import java.util.Arrays;

/** ATen's MemoryOverlap.cpp: whether a written tensor overlaps itself or an input. */
final class MemoryOverlap {
    enum Status { NO, FULL, PARTIAL, TOO_HARD }

    private MemoryOverlap() {
    }

    /** {@code has_internal_overlap} answering YES: some element is reached twice (a broadcast dim). */
    static boolean hasInternalOverlap(Tensor t) {
        if (t.isNonOverlappingAndDense()) {
            return false;
        }
        for (int d = 0; d < t.dim(); d++) {
            if (t.stridesRaw()[d] == 0 && t.sizesRaw()[d] > 1) {
                return true;
            }
        }
        return false;
    }

    /** {@code get_overlap_status}. */
    static Status status(Tensor a, Tensor b) {
        if (a == b) {
            return Status.FULL;
        }
        if (a.numel() == 0 || b.numel() == 0) {
            return Status.NO;
        }
        if (!a.isNonOverlappingAndDense() || !b.isNonOverlappingAndDense()) {
            return Status.TOO_HARD;
        }
        if (a.isAliasOf(b)) {
            long aBegin = a.storageOffset() * a.elementSize();
            long aEnd = aBegin + a.numel() * a.elementSize();
            long bBegin = b.storageOffset() * b.elementSize();
            long bEnd = bBegin + b.numel() * b.elementSize();
            if (aBegin == bBegin && aEnd == bEnd) {
                return Arrays.equals(a.stridesRaw(), b.stridesRaw()) ? Status.FULL : Status.PARTIAL;
            }
            if (aBegin < bEnd && bBegin < aEnd) {
                return Status.PARTIAL;
            }
        }
        return Status.NO;
    }
}
