package kiln.runtime.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import kiln.dialects.torch.schema.OperatorRegistry;
import kiln.runtime.interp.kernels.KernelRegistry;
import org.junit.jupiter.api.Test;

/** Every kernel is registered under an overload PyTorch has, so that schema matching can reach it. */
class KernelRegistryTest {
    @Test
    void everyKernelNamesARealOverload() {
        OperatorRegistry schemas = OperatorRegistry.standard();
        KernelRegistry kernels = KernelRegistry.standard();
        List<String> unknown = kernels.overloads().stream().filter(o -> schemas.lookup(o).isEmpty()).toList();
        assertEquals(List.of(), unknown, "kernels registered under overloads that have no schema");
        System.out.printf("%d kernels registered%n", kernels.overloads().size());
    }
}
