/**
 * The {@code shipctl} command line: picocli commands that call the library ({@code dev.shipctl.session}), format
 * what it returns and map it to exit codes. Packages and their arrows: docs/architecture.md.
 *
 * <p>It exports only what the release build uses ({@code Main.commandLine} with a {@code CliContext} and its
 * {@code Terminal}, for the man pages); picocli, Jackson and logback reach the rest by reflection through the
 * {@code opens} below. The runnable {@code shipctl.jar} is shaded and runs on the class path, where this descriptor
 * is left out.
 *
 * <p>JLine and Prometheus ship no descriptor: they are automatic modules, named by their jars' own
 * {@code Automatic-Module-Name} (stable names, not derived from a file name), hence the warning suppressed here.
 */
@SuppressWarnings("requires-automatic")
module dev.shipctl.cli {
    requires dev.shipctl.session;
    requires dev.shipctl.sandbox;
    requires transitive info.picocli; // Main.commandLine returns a picocli CommandLine
    requires org.jline;
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires tools.jackson.dataformat.toml;
    requires com.fasterxml.jackson.annotation;
    requires io.prometheus.metrics.core;
    requires io.prometheus.metrics.model;
    requires io.prometheus.metrics.exporter.httpserver;
    requires com.github.mustachejava; // the status page's and badges' templates (an automatic module)
    requires ch.qos.logback.classic;
    requires ch.qos.logback.core;
    requires org.slf4j;
    requires java.net.http;
    requires jdk.httpserver; // what prometheus' exporter (an automatic module, which declares no requires) serves /metrics with
    requires jdk.management; // swarm: the process's limit of open files (com.sun.management.UnixOperatingSystemMXBean)
    requires jdk.security.auth; // PrivateFiles: the uid a file must belong to (com.sun.security.auth.module.UnixSystem)

    exports dev.shipctl.cli;
    exports dev.shipctl.cli.common;
    exports dev.shipctl.cli.terminal;

    // picocli reads the commands' annotations and sets their fields
    opens dev.shipctl.cli to info.picocli;
    opens dev.shipctl.cli.admin to info.picocli;
    opens dev.shipctl.cli.community to info.picocli;
    opens dev.shipctl.cli.community.status to info.picocli, com.github.mustachejava; // its template views, read by reflection
    opens dev.shipctl.cli.config to info.picocli, tools.jackson.databind;
    opens dev.shipctl.cli.diagnostics to info.picocli, com.github.mustachejava; // swarm --html: its template's views
    opens dev.shipctl.cli.interactive to info.picocli;
    opens dev.shipctl.cli.options to info.picocli;
    opens dev.shipctl.cli.output to info.picocli, ch.qos.logback.core;
    opens dev.shipctl.cli.sandbox to info.picocli;

    // logback finds its set-up (in code, no XML) through the service loader
    provides ch.qos.logback.classic.spi.Configurator with dev.shipctl.cli.output.LogSetup;
}
