package dev.shipctl.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The protocol module's package arrows (docs/architecture.md), over its compiled main classes, the root package
 * {@code dev.shipctl.protocol} included: the records depend on the root package, the registry on both, and the
 * root package on neither.
 */
class PackageRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().importPath(Path.of("target", "classes"));
    }

    /**
     * Every package is its own slice: {@code "dev.shipctl.protocol.(**)"} would leave the root package out, and the
     * old cycle ({@code protocol → packet.* → protocol}, through the registry) went through it.
     */
    @Test
    void noPackageCycles() {
        slices().matching("(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theRootPackageKnowsNeitherTheRecordsNorTheRegistry() {
        noClasses().that().resideInAPackage("dev.shipctl.protocol")
                .should().dependOnClassesThat().resideInAnyPackage("dev.shipctl.protocol.packet..", "dev.shipctl.protocol.registry..")
                .check(classes);
    }

    @Test
    void onlyTheRegistryListsTheRecords() {
        noClasses().that().resideOutsideOfPackages("dev.shipctl.protocol.packet..", "dev.shipctl.protocol.registry..")
                .should().dependOnClassesThat().resideInAPackage("dev.shipctl.protocol.packet..")
                .check(classes);
    }

    @Test
    void theProtocolDependsOnTheJdkOnly() {
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages("dev.shipctl.protocol..", "java..").check(classes);
    }
}
