package kiln.lowering.conversion.torchtoarith;

import kiln.lowering.PassProvider;
import kiln.lowering.PassRegistry;

/** Registers {@code convert-torch-to-arith}. */
public final class TorchToArithPasses implements PassProvider {
    @Override
    public void register(PassRegistry registry) {
        registry.register(TorchToArithPass.NAME, new TorchToArithPass().summary(), TorchToArithPass.OPTIONS,
                TorchToArithPass::new);
    }
}
