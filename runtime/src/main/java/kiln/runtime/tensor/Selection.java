package kiln.runtime.tensor;

/**
 * The two selection algorithms PyTorch's CPU kernels use to find the k-th smallest element of a row, reproduced
 * step for step because which of several equal values they report (and so its index) depends on their swaps:
 * ATen's own quickselect ({@code quick_select_template}, for {@code kthvalue}) and libstdc++'s
 * {@code std::nth_element} (introselect, for {@code median}). NaN orders as the largest value.
 */
final class Selection {
    private final double[] values;
    private final int[] indices;

    /** A working copy of the row {@code in[base .. base + n)} with its indices. */
    private Selection(double[] in, int base, int n) {
        values = new double[n];
        indices = new int[n];
        for (int j = 0; j < n; j++) {
            values[j] = in[base + j];
            indices[j] = j;
        }
    }

    /** {@code a > b}, NaN above everything: ATen's {@code gt_or_nan}. */
    private static boolean greater(double a, double b) {
        return Double.isNaN(a) && !Double.isNaN(b) || a > b;
    }

    private void swap(int a, int b) {
        double v = values[a];
        values[a] = values[b];
        values[b] = v;
        int i = indices[a];
        indices[a] = indices[b];
        indices[b] = i;
    }

    /** The index in the row of the k-th smallest element (0-based k) by ATen's quickselect. */
    static int quickSelect(double[] in, int base, int n, int k) {
        Selection s = new Selection(in, base, n);
        s.quickSelect(k);
        return s.indices[k];
    }

    private void quickSelect(int k) {
        int l = 0;
        int r = values.length - 1;
        while (r > l) {
            if (r == l + 1) {
                if (greater(values[l], values[r])) {
                    swap(l, r);
                }
                return;
            }
            swap(l + (r - l) / 2, l + 1);
            if (greater(values[l + 1], values[r])) {
                swap(l + 1, r);
            }
            if (greater(values[l], values[r])) {
                swap(l, r);
            }
            if (greater(values[l + 1], values[l])) {
                swap(l + 1, l);
            }
            int i = l + 1;
            int j = r;
            double pivot = values[l];
            while (true) {
                do {
                    i++;
                } while (greater(pivot, values[i]));
                do {
                    j--;
                } while (greater(values[j], pivot));
                if (j < i) {
                    break;
                }
                swap(i, j);
            }
            swap(l, j);
            if (j <= k) {
                l = i;
            }
            if (j >= k) {
                r = j - 1;
            }
        }
    }

    /** The index in the row of the k-th smallest element by libstdc++'s {@code std::nth_element}. */
    static int nthElement(double[] in, int base, int n, int k) {
        Selection s = new Selection(in, base, n);
        int depth = 2 * (31 - Integer.numberOfLeadingZeros(Math.max(1, n)));
        int first = 0;
        int last = n;
        while (last - first > 3) {
            if (depth-- == 0) {
                s.insertionSort(first, last);
                return s.indices[k];
            }
            int cut = s.partitionPivot(first, last);
            if (cut <= k) {
                first = cut;
            } else {
                last = cut;
            }
        }
        s.insertionSort(first, last);
        return s.indices[k];
    }

    private boolean less(int a, int b) {
        return greater(values[b], values[a]);
    }

    private int partitionPivot(int first, int last) {
        int mid = first + (last - first) / 2;
        int a = first + 1;
        int c = last - 1;
        if (less(a, mid)) {
            swap(first, less(mid, c) ? mid : less(a, c) ? c : a);
        } else {
            swap(first, less(a, c) ? a : less(mid, c) ? c : mid);
        }
        int lo = first + 1;
        int hi = last;
        while (true) {
            while (less(lo, first)) {
                lo++;
            }
            hi--;
            while (less(first, hi)) {
                hi--;
            }
            if (lo >= hi) {
                return lo;
            }
            swap(lo, hi);
            lo++;
        }
    }

    private void insertionSort(int first, int last) {
        for (int i = first + 1; i < last; i++) {
            for (int j = i; j > first && less(j, j - 1); j--) {
                swap(j, j - 1);
            }
        }
    }
}
