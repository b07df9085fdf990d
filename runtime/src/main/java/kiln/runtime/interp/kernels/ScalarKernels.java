package kiln.runtime.interp.kernels;

import kiln.dialects.torch.scalar.ScalarException;
import kiln.dialects.torch.scalar.ScalarFunction;
import kiln.dialects.torch.scalar.ScalarOps;
import kiln.dialects.torch.scalar.ScalarResults;
import kiln.runtime.interp.value.ScriptException;

/**
 * Kernels of TorchScript's scalar operators (int, float, bool and str arithmetic, comparisons, conversions, the
 * {@code math} functions, the scalar {@code str} methods): one per overload of {@link ScalarOps}, the table
 * constant propagation folds by too. The results of an overload with several returns ({@code divmod}) are handed
 * back one per result, and a Python exception the table raises becomes a {@link ScriptException} of the same
 * class.
 */
final class ScalarKernels {
    private ScalarKernels() {
    }

    static void register(KernelRegistry r) {
        ScalarOps table = ScalarOps.standard();
        for (String overload : table.overloads()) {
            r.register(overload, kernel(table.lookup(overload).orElseThrow()));
        }
    }

    private static Kernel kernel(ScalarFunction f) {
        return a -> {
            try {
                Object result = f.apply(a);
                return result instanceof ScalarResults several ? several.values().toArray() : result;
            } catch (ScalarException e) {
                throw ScriptException.from(e);
            }
        };
    }
}
