package dev.shipctl.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows of docs/architecture.md, as a test. Between modules: cli → session → protocol, sandbox → protocol,
 * testkit → sandbox and protocol (and JUnit's API, for its extension), and the protocol core depends on nothing but
 * the JDK. Inside the CLI: the packages' layers (verbs on top of options, config, output, common and terminal; no
 * verb package knows another, but for the shell running the admin verbs), no package cycle, and nothing of the
 * library's or the protocol's insides.
 */
class ModuleRulesTest {
    /** Every shipctl module's main classes. */
    private static JavaClasses all;
    /** The CLI's main classes. */
    private static JavaClasses cli;

    @BeforeAll
    static void importClasses() throws IOException {
        all = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importLocations(shipctlLocations());
        cli = new ClassFileImporter().importPath(Path.of("target", "classes"));
    }

    /**
     * The modules' jars and class folders, from the module path (the tests run inside the CLI's module) and the class
     * path (test-only modules such as the testkit).
     */
    private static Set<Location> shipctlLocations() throws IOException {
        Set<Location> locations = new LinkedHashSet<>();
        for (String property : List.of("jdk.module.path", "java.class.path")) {
            String value = System.getProperty(property, "");
            for (String entry : value.split(File.pathSeparator)) {
                if (entry.isBlank()) continue;
                Path p = Path.of(entry).toAbsolutePath().normalize();
                String name = p.getFileName().toString();
                boolean module = name.startsWith("shipctl-") && name.endsWith(".jar") && !name.endsWith("-tests.jar");
                boolean classes = name.equals("classes") && p.getParent() != null && p.getParent().getFileName().toString().equals("target");
                if (module) locations.add(Location.of(new JarFile(p.toFile())));
                if (classes) locations.add(Location.of(p));
            }
        }
        return locations;
    }

    @Test
    void protocolCoreUsesOnlyTheJdk() {
        classes().that().resideInAPackage("dev.shipctl.protocol..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.shipctl.protocol..", "java..")
                .check(all);
    }

    @Test
    void sessionKnowsNothingOfTheCommandLineOrTheSandbox() {
        noClasses().that().resideInAnyPackage("dev.shipctl", "dev.shipctl.internal..", "dev.shipctl.admin..", "dev.shipctl.check..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.shipctl.cli..", "dev.shipctl.sandbox..",
                        "picocli..", "org.jline..", "tools.jackson..", "io.prometheus..", "ch.qos.logback..")
                .check(all);
    }

    @Test
    void sandboxUsesOnlyTheProtocolCore() {
        noClasses().that().resideInAPackage("dev.shipctl.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.shipctl", "dev.shipctl.internal..",
                        "dev.shipctl.admin..", "dev.shipctl.check..", "dev.shipctl.cli..", "picocli..")
                .check(all);
    }

    @Test
    void noCyclesBetweenModules() {
        slices().matching("dev.shipctl.(*)..").should().beFreeOfCycles().check(all);
    }

    /**
     * Health checks, lobby walks and events are the library's: the verbs that show them only format, and hold no
     * protocol logic (packet records, command numbers, decoding).
     */
    @Test
    void checkWhoWatchAndEventsHoldNoProtocolLogic() {
        noClasses().that().haveNameMatching("dev\\.shipctl\\.cli\\.(diagnostics\\.(CheckCommand|WhoCommand|WatchCommand|WatchMetrics|ListenCommand)"
                        + "|output\\.(CheckJson|EventJson))(\\$.*)?")
                .should().dependOnClassesThat().resideInAPackage("dev.shipctl.protocol..")
                .check(cli);
    }

    /**
     * The CLI uses the library's API and the protocol's public values (a command's name for {@code trace}, the key
     * table {@code ShipClient.Builder.keyTable} takes, the text rules), never the library's implementation nor the
     * protocol's machinery: codecs, framing, the cipher itself.
     */
    @Test
    void theCliUsesNoInsides() {
        noClasses().that().resideInAPackage("dev.shipctl.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.shipctl.internal..", "dev.shipctl.protocol.codec..",
                        "dev.shipctl.protocol.frame..", "dev.shipctl.protocol.internal..")
                .check(cli);
        noClasses().that().resideInAPackage("dev.shipctl.cli..")
                .should().dependOnClassesThat(resideInAPackage("dev.shipctl.protocol.cipher..")
                        .and(not(nameMatching("dev\\.shipctl\\.protocol\\.cipher\\.KeyTable(\\$.*)?"))))
                .check(cli);
    }

    @Test
    void testKitUsesOnlyTheProtocolCoreTheSandboxAndJUnit() {
        classes().that().resideInAPackage("dev.shipctl.testkit..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("dev.shipctl.testkit..", "dev.shipctl.protocol..",
                        "dev.shipctl.sandbox..", "org.junit.jupiter.api..", "java..")
                .check(all);
    }

    /**
     * Every package of the CLI is its own slice, the root included ({@code "dev.shipctl.cli.(*).."} would leave
     * {@code Main}'s package out of the check).
     */
    @Test
    void noPackageCyclesInTheCli() {
        slices().matching("(**)").should().beFreeOfCycles().check(cli);
    }

    /**
     * Main wires the verbs; the verb packages use the shared ones below them and not each other (but for the shell,
     * which runs the admin verbs on one login); the shared packages know no verb: options over config over output
     * over common over terminal.
     */
    @Test
    void cliLayers() {
        // the fleet runner, under Main, uses the shared packages as a verb package does
        String[] verbs = {"Admin", "Diagnostics", "Community", "Interactive", "Sandbox", "Fleet", "Status"};
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Main").definedBy("dev.shipctl.cli")
                .layer("Fleet").definedBy("dev.shipctl.cli.fleet..")
                .layer("Interactive").definedBy("dev.shipctl.cli.interactive..")
                .layer("Admin").definedBy("dev.shipctl.cli.admin..")
                .layer("Diagnostics").definedBy("dev.shipctl.cli.diagnostics..")
                .layer("Sandbox").definedBy("dev.shipctl.cli.sandbox..")
                .layer("Community").definedBy("dev.shipctl.cli.community")
                // the status server, which the verbs that watch servers feed: under them, over the shared packages
                .layer("Status").definedBy("dev.shipctl.cli.community.status..")
                .layer("Options").definedBy("dev.shipctl.cli.options..")
                .layer("Config").definedBy("dev.shipctl.cli.config..")
                .layer("Output").definedBy("dev.shipctl.cli.output..")
                .layer("Common").definedBy("dev.shipctl.cli.common..")
                .layer("Terminal").definedBy("dev.shipctl.cli.terminal..")
                .whereLayer("Main").mayNotBeAccessedByAnyLayer()
                .whereLayer("Fleet").mayOnlyBeAccessedByLayers("Main")
                .whereLayer("Interactive").mayOnlyBeAccessedByLayers("Main")
                .whereLayer("Admin").mayOnlyBeAccessedByLayers("Main", "Interactive")
                .whereLayer("Diagnostics").mayOnlyBeAccessedByLayers("Main")
                .whereLayer("Sandbox").mayOnlyBeAccessedByLayers("Main")
                .whereLayer("Community").mayOnlyBeAccessedByLayers("Main")
                .whereLayer("Status").mayOnlyBeAccessedByLayers("Main", "Diagnostics", "Community")
                .whereLayer("Options").mayOnlyBeAccessedByLayers(with("Main", verbs))
                .whereLayer("Config").mayOnlyBeAccessedByLayers(with("Main", verbs, "Options"))
                .whereLayer("Output").mayOnlyBeAccessedByLayers(with("Main", verbs, "Options", "Config"))
                .whereLayer("Common").mayOnlyBeAccessedByLayers(with("Main", verbs, "Options", "Config", "Output"))
                .whereLayer("Terminal").mayOnlyBeAccessedByLayers(with("Main", verbs, "Options", "Config", "Output", "Common"))
                .check(cli);
    }

    private static String[] with(String first, String[] verbs, String... more) {
        List<String> layers = new java.util.ArrayList<>(List.of(first));
        layers.addAll(List.of(verbs));
        layers.addAll(List.of(more));
        return layers.toArray(String[]::new);
    }
}
