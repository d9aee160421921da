package dev.shipctl.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module arrows, as a test: cli → session → protocol, sandbox → protocol, testkit → sandbox and protocol (and
 * JUnit's API, for its extension), and the protocol core depends on nothing but the JDK.
 */
class ModuleRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.shipctl");
    }

    @Test
    void protocolCoreUsesOnlyTheJdk() {
        classes().that().resideInAPackage("dev.shipctl.protocol..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.shipctl.protocol..", "java..")
                .check(classes);
    }

    @Test
    void sessionKnowsNothingOfTheCommandLineOrTheSandbox() {
        noClasses().that().resideInAnyPackage("dev.shipctl", "dev.shipctl.internal..", "dev.shipctl.admin..", "dev.shipctl.check..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.shipctl.cli..", "dev.shipctl.sandbox..",
                        "picocli..", "org.jline..", "tools.jackson..", "io.prometheus..", "ch.qos.logback..")
                .check(classes);
    }

    @Test
    void sandboxUsesOnlyTheProtocolCore() {
        noClasses().that().resideInAPackage("dev.shipctl.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.shipctl", "dev.shipctl.internal..",
                        "dev.shipctl.admin..", "dev.shipctl.check..", "dev.shipctl.cli..", "picocli..")
                .check(classes);
    }

    /**
     * Health checks, lobby walks and events are the library's: the verbs that show them only format, and hold no
     * protocol logic (packet records, command numbers, decoding).
     */
    @Test
    void checkWhoWatchAndEventsHoldNoProtocolLogic() {
        noClasses().that().haveNameMatching(
                        "dev\\.shipctl\\.cli\\.(CheckCommand|CheckJson|WhoCommand|WatchCommand|WatchMetrics|EventJson|ListenCommand)(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("dev.shipctl.protocol..")
                .check(classes);
    }

    @Test
    void testKitUsesOnlyTheProtocolCoreTheSandboxAndJUnit() {
        classes().that().resideInAPackage("dev.shipctl.testkit..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.shipctl.testkit..", "dev.shipctl.protocol..",
                        "dev.shipctl.sandbox..", "org.junit.jupiter.api..", "java..")
                .check(classes);
    }

    @Test
    void noCyclesBetweenModules() {
        slices().matching("dev.shipctl.(*)..").should().beFreeOfCycles().check(classes);
    }
}
