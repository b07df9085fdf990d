package kiln.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The conversion framework knows no dialect (conversions between two live in its subpackages), and the arith
 * dialect depends on the core IR only.
 */
class ConversionLayeringTest {
    private static final JavaClasses KILN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("kiln");

    @Test
    void theConversionFrameworkIsDialectAgnostic() {
        noClasses().that().resideInAPackage("kiln.lowering.conversion")
                .should().dependOnClassesThat().resideInAnyPackage("kiln.dialects.torch..", "kiln.dialects.arith..",
                        "kiln.lowering.conversion.torchtoarith..")
                .check(KILN);
    }

    @Test
    void arithDependsOnTheCoreOnly() {
        noClasses().that().resideInAPackage("kiln.dialects.arith..")
                .should().dependOnClassesThat().resideInAnyPackage("kiln.dialects.torch..", "kiln.lowering..",
                        "kiln.runtime..")
                .check(KILN);
    }
}
