package kiln.runtime.backend;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import kiln.dialects.torch.types.ScalarType;

/**
 * What a backend can run.
 *
 * @param devices the devices it runs on ({@code cpu}, {@code cuda})
 * @param dtypes  the tensor element types its kernels take
 * @param ops     the operator overloads it implements, named as PyTorch names them ({@code aten::add.Tensor},
 *                {@code aten::relu} for a default overload), sorted; a backend that falls back to the interpreter for
 *                the rest lists only its own
 */
public record Capabilities(Set<String> devices, Set<ScalarType> dtypes, Set<String> ops) {
    public Capabilities {
        devices = Set.copyOf(devices);
        dtypes = Set.copyOf(dtypes);
        ops = Collections.unmodifiableSortedSet(new TreeSet<>(ops));
    }

    public boolean supports(String overloadedName) {
        return ops.contains(overloadedName);
    }
}
