package kiln.cli;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Module dependencies point one way (ARCHITECTURE.md): dialects ← lowering / runtime ← backends ← cli / conformance /
 * bench, with the frontend above lowering (it runs PyTorch's cleanup passes on what it emits). Layers that have
 * no code yet are optional.
 */
class ArchitectureTest {
    private static final JavaClasses KILN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("kiln");

    @Test
    void layersDependDownwardOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("dialects").definedBy("kiln.dialects..")
                .layer("frontend").definedBy("kiln.frontend..")
                .layer("lowering").definedBy("kiln.lowering..")
                .layer("runtime").definedBy("kiln.runtime..")
                .layer("backends").definedBy("kiln.backends..")
                .layer("tools").definedBy("kiln.cli..", "kiln.conformance..", "kiln.bench..")
                .whereLayer("tools").mayNotBeAccessedByAnyLayer()
                .whereLayer("backends").mayOnlyBeAccessedByLayers("tools")
                .whereLayer("frontend").mayOnlyBeAccessedByLayers("backends", "tools")
                .whereLayer("lowering").mayOnlyBeAccessedByLayers("frontend", "backends", "tools")
                .whereLayer("runtime").mayOnlyBeAccessedByLayers("backends", "tools")
                .whereLayer("dialects").mayOnlyBeAccessedByLayers("frontend", "lowering", "runtime", "backends",
                        "tools")
                .check(KILN);
    }

    /** libtorch and ONNX Runtime are the bench's peers (bench/ module): Kiln itself never needs them. */
    @Test
    void onlyTheBenchUsesLibtorchOrOnnxRuntime() {
        noClasses().that().resideOutsideOfPackage("kiln.bench..")
                .should().dependOnClassesThat().resideInAnyPackage("org.bytedeco..", "ai.onnxruntime..",
                        "org.openjdk.jmh..")
                .check(KILN);
    }

    @Test
    void coreIrImportsNoDialect() {
        noClasses().that().resideInAPackage("kiln.dialects.ir..")
                .should().dependOnClassesThat().resideInAnyPackage("kiln.dialects.torch..", "kiln.dialects.texpr..",
                        "kiln.dialects.loops..")
                .check(KILN);
    }
}
