package kiln.frontend.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import kiln.frontend.archive.TorchArchive;
import kiln.frontend.pickle.TensorRef;
import kiln.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

/** Module trees of real archives: classes, parameters, buffers, submodules, exported methods. */
class ModuleLoaderTest {

    @Test
    void everyArchiveLoadsAsAModuleTree() throws Exception {
        int modules = 0;
        for (Path p : Fixtures.list(Fixtures.models(), ".pt")) {
            if (p.getFileName().toString().endsWith(".io.pt")) {
                continue;
            }
            try (TorchArchive a = TorchArchive.open(p)) {
                ScriptModule root = ModuleLoader.load(a).root();
                assertEquals(a.module().className(), root.scriptClass().name());
                assertTrue(root.methods().contains("forward"), p + " has a forward");
                modules++;
            }
        }
        assertEquals(20, modules);
    }

    @Test
    void resnet18HasTorchvisionsParametersAndBuffers() throws Exception {
        try (TorchArchive a = TorchArchive.open(Fixtures.models().resolve("resnet18.pt"))) {
            ScriptModule root = ModuleLoader.load(a).root();
            var params = root.namedParameters();
            assertEquals(62, params.size());
            assertEquals(11_689_512L, params.values().stream().mapToLong(TensorRef::numel).sum());
            ScriptModule bn1 = root.submodules().get("bn1");
            assertEquals(List.of("running_mean", "running_var", "num_batches_tracked"), List.copyOf(bn1.buffers().keySet()));
            assertEquals("layer1.0.conv1", root.submodules().get("layer1").submodules().get("0").submodules()
                    .get("conv1").path());
            assertEquals(List.of(64L, 3L, 7L, 7L), root.submodules().get("conv1").parameters().get("weight").sizes());
        }
    }

    @Test
    void exportedMethodsAreListed() throws Exception {
        try (TorchArchive a = TorchArchive.open(Fixtures.models().resolve("with_export.pt"))) {
            assertTrue(ModuleLoader.load(a).root().methods().contains("predict"));
        }
    }
}
