package dev.shipctl;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The session module's package arrows (docs/architecture.md), over its compiled main classes, the root package
 * {@code dev.shipctl} included: the API knows no implementation, the core no family, a family no other family,
 * and only the registry knows every family.
 */
class PackageRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().importPath(Path.of("target", "classes"));
    }

    /**
     * Every package is its own slice. ({@code "dev.shipctl.(**)"} would leave the root package out: its capture
     * needs a dot after {@code dev.shipctl}, so a cycle through the root, like the old
     * {@code dev.shipctl → flavor → internal → dev.shipctl}, would pass.)
     */
    @Test
    void noPackageCycles() {
        slices().matching("(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void layers() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("API").definedBy("dev.shipctl", "dev.shipctl.admin", "dev.shipctl.check")
                .layer("Core").definedBy("dev.shipctl.internal")
                .layer("Admin core").definedBy("dev.shipctl.internal.admin")
                .layer("Families").definedBy("dev.shipctl.internal.tethealla", "dev.shipctl.internal.newserv")
                .layer("Registry").definedBy("dev.shipctl.internal.registry")
                .whereLayer("Registry").mayNotBeAccessedByAnyLayer()
                .whereLayer("Families").mayOnlyBeAccessedByLayers("Registry")
                .whereLayer("Admin core").mayOnlyBeAccessedByLayers("Families")
                .whereLayer("Core").mayOnlyBeAccessedByLayers("Families", "Registry")
                .check(classes);
    }

    @Test
    void theRootPackageKnowsNotTheAdminPackage() {
        noClasses().that().resideInAPackage("dev.shipctl").should().dependOnClassesThat().resideInAPackage("dev.shipctl.admin..")
                .check(classes);
    }

    @Test
    void theRootPackageKnowsNotTheCheckPackage() {
        noClasses().that().resideInAPackage("dev.shipctl").should().dependOnClassesThat().resideInAPackage("dev.shipctl.check..")
                .check(classes);
    }

    /** Checks and lobby walks are built on the public API alone, like any user of the library. */
    @Test
    void theCheckPackageUsesOnlyTheApi() {
        noClasses().that().resideInAPackage("dev.shipctl.check..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.shipctl.internal..", "dev.shipctl.protocol..").check(classes);
    }

    /** The swarm is built on the public API alone, like any bot; HdrHistogram stays inside LatencyHistogram. */
    @Test
    void theSwarmPackageUsesOnlyTheApi() {
        noClasses().that().resideInAPackage("dev.shipctl.swarm..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.shipctl.internal..", "dev.shipctl.protocol..").check(classes);
        noClasses().that().doNotHaveFullyQualifiedName("dev.shipctl.swarm.LatencyHistogram")
                .should().dependOnClassesThat().resideInAPackage("org.HdrHistogram..").check(classes);
    }

    @Test
    void familiesKnowNotEachOther() {
        noClasses().that().resideInAPackage("dev.shipctl.internal.tethealla..")
                .should().dependOnClassesThat().resideInAPackage("dev.shipctl.internal.newserv..").check(classes);
        noClasses().that().resideInAPackage("dev.shipctl.internal.newserv..")
                .should().dependOnClassesThat().resideInAPackage("dev.shipctl.internal.tethealla..").check(classes);
    }

    @Test
    void theSessionDependsOnlyOnTheProtocolCoreSlf4jHdrHistogramAndTheJdk() {
        // jdk.net: ExtendedSocketOptions (TCP_QUICKACK), a JDK module that every runtime image shipctl makes includes;
        // org.HdrHistogram: the swarm's latency histograms
        noClasses().should().dependOnClassesThat()
                .resideOutsideOfPackages("dev.shipctl..", "java..", "jdk.net..", "org.slf4j..", "org.HdrHistogram..")
                .check(classes);
    }
}
