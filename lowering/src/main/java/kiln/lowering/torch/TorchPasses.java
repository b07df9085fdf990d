package kiln.lowering.torch;

import kiln.lowering.PassProvider;
import kiln.lowering.PassRegistry;

/** Registers the passes over the torch dialect. */
public final class TorchPasses implements PassProvider {
    @Override
    public void register(PassRegistry registry) {
        registry.register(ConstantPoolingPass.NAME, new ConstantPoolingPass().summary(),
                options -> new ConstantPoolingPass());
        registry.register(ConstantPropagationPass.NAME, new ConstantPropagationPass().summary(),
                options -> new ConstantPropagationPass());
        registry.register(NormalizeOpsPass.NAME, "replace operator aliases by their canonical operator",
                options -> new NormalizeOpsPass(kiln.dialects.torch.TorchDialect.registry()));
    }
}
