package kiln.lowering.conversion;

import kiln.lowering.PassProvider;
import kiln.lowering.PassRegistry;

/** Registers the passes of the conversion framework itself. */
public final class ConversionPasses implements PassProvider {
    @Override
    public void register(PassRegistry registry) {
        registry.register(ReconcileUnrealizedCastsPass.NAME, new ReconcileUnrealizedCastsPass().summary(),
                ReconcileUnrealizedCastsPass::new);
    }
}
