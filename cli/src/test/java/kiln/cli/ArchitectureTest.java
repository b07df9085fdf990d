package kiln.cli;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.constantpool.PoolEntry;
import java.lang.classfile.constantpool.StringEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import kiln.dialects.ir.FloatAttr;
import kiln.dialects.torch.DoubleFormat;
import org.junit.jupiter.api.Test;

/**
 * Module dependencies point one way (ARCHITECTURE.md): dialects ← lowering / runtime ← executor / backends ← api ←
 * cli / conformance / bench, with the frontend above lowering (it runs PyTorch's cleanup passes on what it emits);
 * the executor (profiling, guarded specialization) runs lowering's passes and the runtime's interpreter. Layers that
 * have no code yet are optional.
 */
class ArchitectureTest {
    private static final JavaClasses KILN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("kiln");
    private static final String CORE = "kiln.dialects.ir..";

    @Test
    void layersDependDownwardOnly() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("dialects").definedBy("kiln.dialects..")
                .layer("frontend").definedBy("kiln.frontend..")
                .layer("lowering").definedBy("kiln.lowering..")
                .layer("runtime").definedBy("kiln.runtime..")
                .layer("executor").definedBy("kiln.executor..")
                .layer("backends").definedBy("kiln.backends..")
                .layer("api").definedBy("kiln.api..")
                .layer("tools").definedBy("kiln.cli..", "kiln.conformance..", "kiln.bench..")
                .whereLayer("tools").mayNotBeAccessedByAnyLayer()
                .whereLayer("api").mayOnlyBeAccessedByLayers("tools")
                .whereLayer("executor").mayOnlyBeAccessedByLayers("api", "tools")
                .whereLayer("backends").mayOnlyBeAccessedByLayers("api", "tools")
                .whereLayer("frontend").mayOnlyBeAccessedByLayers("backends", "api", "tools")
                .whereLayer("lowering").mayOnlyBeAccessedByLayers("frontend", "executor", "backends", "api", "tools")
                .whereLayer("runtime").mayOnlyBeAccessedByLayers("executor", "backends", "api", "tools")
                .whereLayer("dialects").mayOnlyBeAccessedByLayers("frontend", "lowering", "runtime", "executor",
                        "backends", "api", "tools")
                .check(KILN);
    }

    /**
     * No class of the command line is needed by an application: the API and everything beneath it depend on no tool
     * (kiln.cli, kiln.conformance, kiln.bench) and not on picocli; the conformance runner, a library the CLI and the
     * tests use, depends on no class of the CLI either. (it/ExampleProjectTest builds an application whose class
     * path holds kiln-api's dependencies only.)
     */
    @Test
    void applicationsNeedNoClassOfTheCommandLine() {
        noClasses().that().resideInAnyPackage("kiln.api..", "kiln.dialects..", "kiln.frontend..", "kiln.lowering..",
                        "kiln.runtime..", "kiln.executor..", "kiln.backends..")
                .should().dependOnClassesThat().resideInAnyPackage("kiln.cli..", "kiln.conformance..", "kiln.bench..",
                        "picocli..")
                .check(KILN);
        noClasses().that().resideInAPackage("kiln.conformance..")
                .should().dependOnClassesThat().resideInAnyPackage("kiln.cli..", "picocli..")
                .check(KILN);
    }

    /**
     * The public API (kiln.api) and its service interfaces reach TorchScript archives only through a {@code
     * ModelFormat} found at run time: they use neither the archive glue (kiln.api.internal) nor the frontend or the
     * lowering passes, so that a model format of precompiled code can run with neither on the class path.
     */
    @Test
    void thePublicApiNeedsNoCompiler() {
        noClasses().that().resideInAnyPackage("kiln.api", "kiln.api.spi")
                .should().dependOnClassesThat().resideInAnyPackage("kiln.api.internal..", "kiln.frontend..",
                        "kiln.lowering..")
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

    /** The core knows no dialect: every other package of kiln.dialects is one (or FileCheck, which it needs no more). */
    @Test
    void coreIrDependsOnNoDialect() {
        noClasses().that().resideInAPackage(CORE)
                .should().dependOnClassesThat(resideInAPackage("kiln.dialects..").and(not(resideInAPackage(CORE))))
                .check(KILN);
    }

    /**
     * The core holds no torch syntax either, not even as text: none of its string constants (read from the class
     * files' constant pools, so comments do not count) is TorchScript's op-name form ({@code prim::}, {@code aten::},
     * the {@code ::} namespace separator), graph text ({@code graph(}, {@code annotate(}), a TorchScript type
     * ({@code Tensor}), a printed TorchScript value ({@code True}, {@code False}, {@code None}), or the name of a
     * dialect's package (reflection).
     */
    @Test
    void coreIrHoldsNoTorchSyntax() throws IOException {
        List<String> found = new ArrayList<>();
        int classes = 0;
        for (JavaClass c : KILN) {
            if (!c.getPackageName().equals("kiln.dialects.ir") && !c.getPackageName().startsWith("kiln.dialects.ir.")) {
                continue;
            }
            classes++;
            byte[] bytes;
            try (InputStream in = c.getSource().orElseThrow().getUri().toURL().openStream()) {
                bytes = in.readAllBytes();
            }
            for (PoolEntry e : ClassFile.of().parse(bytes).constantPool()) {
                if (e instanceof StringEntry s && isTorchSyntax(s.stringValue())) {
                    found.add(c.getName() + ": \"" + s.stringValue() + "\"");
                }
            }
        }
        assertTrue(classes > 50, "found the core's classes: " + classes);
        assertEquals(List.of(), found);
    }

    private static final List<String> TORCH_TEXT = List.of("prim::", "aten::", "::", "graph(", "annotate(", "Tensor");
    private static final Set<String> TORCH_VALUES = Set.of("True", "False", "None");
    private static final Pattern DIALECT_PACKAGE = Pattern.compile("kiln[./]dialects[./](?!ir\\b)\\w+");

    private static boolean isTorchSyntax(String constant) {
        return TORCH_TEXT.stream().anyMatch(constant::contains) || TORCH_VALUES.contains(constant.strip())
                || DIALECT_PACKAGE.matcher(constant).find();
    }

    /** Floats print in the core's form (the shortest decimal, as MLIR does), not PyTorch's ({@code 1.}, {@code 3.}). */
    @Test
    void coreFloatsAreNotInPyTorchsFormat() {
        for (double d : new double[] {1.0, 3.0, -2.0, 100.0, 1e20}) {
            String core = new FloatAttr(d).toString();
            assertNotEquals(DoubleFormat.format(d), core);
            assertFalse(core.endsWith("."), core);
            assertEquals(d, Double.parseDouble(core));
        }
    }
}
