package io.github.camelmessenger.send;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The component's packages depend one way: {@code error} <- {@code validation} <- {@code model} <- the rest (the
 * component classes, the Graph API client, error routing, the endpoint builder), and no two packages depend on each
 * other. Keeps the wire model and its rules usable on their own, and new code from closing a loop.
 */
class PackageStructureTest {

    private static final String ROOT = "io.github.camelmessenger.send";

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);

    @Test
    void packagesDependOneWay() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("error").definedBy(ROOT + ".error..")
                .layer("validation").definedBy(ROOT + ".validation..")
                .layer("model").definedBy(ROOT + ".model..")
                .layer("component").definedBy(ROOT, ROOT + ".graph..", ROOT + ".routing..", ROOT + ".dsl..")
                .whereLayer("component").mayNotBeAccessedByAnyLayer()
                .whereLayer("model").mayOnlyBeAccessedByLayers("component")
                .whereLayer("validation").mayOnlyBeAccessedByLayers("model", "component")
                .check(CLASSES);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().assignedFrom(new TopLevelPackages()).should().beFreeOfCycles().check(CLASSES);
    }

    /** One slice per package below the root (with its subpackages), and one for the root itself. */
    private static final class TopLevelPackages implements SliceAssignment {

        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (!name.startsWith(ROOT)) {
                return SliceIdentifier.ignore();
            }
            String below = name.substring(ROOT.length());
            return SliceIdentifier.of(below.isEmpty() ? "(component)" : below.substring(1).split("\\.")[0]);
        }

        @Override
        public String getDescription() {
            return "the top-level packages of " + ROOT;
        }
    }
}
