package kiln.runtime.interp.kernels;

/**
 * One operator overload's implementation: a function of the op's operand values (see the value mapping in
 * {@code kiln.runtime.interp}). It returns the op's result ({@code null} for None or for an op without results),
 * or, for an op with several results ({@code aten::max.dim}), an {@code Object[]} holding one value per result.
 */
@FunctionalInterface
public interface Kernel {
    Object call(Object[] args);

    /**
     * Whether it makes its one output in a single elementwise pass over its inputs ({@code Elementwise}: each input
     * element is read before the output element at the same index is written, and nothing else is made from the
     * inputs first), so that an input dying at the op may donate its storage to the output ({@link
     * kiln.runtime.tensor.Donation}). False unless the kernel was declared with {@link #onePass}.
     */
    default boolean writesInOnePass() {
        return false;
    }

    /** {@code body}, declared as writing its output in one elementwise pass ({@link #writesInOnePass()}). */
    static Kernel onePass(Kernel body) {
        return new OnePass(body);
    }

    /** A kernel that writes its output in one elementwise pass. */
    record OnePass(Kernel body) implements Kernel {
        @Override
        public Object call(Object[] args) {
            return body.call(args);
        }

        @Override
        public boolean writesInOnePass() {
            return true;
        }
    }
}
