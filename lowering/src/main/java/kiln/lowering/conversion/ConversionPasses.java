package kiln.lowering.conversion;

import kiln.lowering.PassProvider;
import kiln.lowering.PassRegistry;

/** Registers the passes of the conversion framework itself. */
public final class ConversionPasses implements PassProvider {
    @Override
    public void register(PassRegistry registry) {
        ReconcileUnrealizedCastsPass pass = new ReconcileUnrealizedCastsPass();
        registry.register(pass.name(), pass.summary(), options -> {
            PassOptions.none(pass.name(), options);
            return new ReconcileUnrealizedCastsPass();
        });
    }
}
