package kiln.lowering.torch;

import kiln.lowering.PassProvider;
import kiln.lowering.PassRegistry;

/** Registers the passes over the torch dialect. */
public final class TorchPasses implements PassProvider {
    @Override
    public void register(PassRegistry registry) {
        registry.register(CreateFusionGroupsPass.NAME, "put chains of fusible ops into prim::FusionGroup subgraphs, as NNC's fuser does",
                CreateFusionGroupsPass.OPTIONS, CreateFusionGroupsPass::new);
        registry.register(ConstantPoolingPass.NAME, new ConstantPoolingPass().summary(), ConstantPoolingPass::new);
        registry.register(ConstantPropagationPass.NAME, new ConstantPropagationPass().summary(),
                ConstantPropagationPass::new);
        registry.register(InlinePass.NAME, new InlinePass().summary(), InlinePass::new);
        registry.register(NormalizeOpsPass.NAME, "replace operator aliases by their canonical operator",
                () -> new NormalizeOpsPass(kiln.dialects.torch.TorchDialect.registry()));
    }
}
