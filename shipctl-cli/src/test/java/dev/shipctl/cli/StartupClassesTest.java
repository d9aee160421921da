package dev.shipctl.cli;

import dev.shipctl.cli.fixtures.ShipctlProcess;
import dev.shipctl.cli.options.ConnectOptions;
import dev.shipctl.cli.output.LogSetup;
import dev.shipctl.cli.output.OutputOptions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.sandbox.Sandbox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One-shot verbs load only what they use: shipctl runs as a real process with the JVM's class-load log
 * ({@code -Xlog:class+load}), and the test reads which classes it loaded. No Logback XML configuration (Joran, its
 * model, the JDK's XML parser), no Jackson, JLine or Prometheus in {@code --version}, a plain {@code check} or
 * {@code announce}; {@code --version} starts neither Logback nor
 * any command's model.
 */
class StartupClassesTest {
    /** Packages a one-shot verb without {@code --json} never needs. */
    private static final List<String> NOT_ONE_SHOT = List.of(
            "ch.qos.logback.core.joran.", // Logback's XML configurator ...
            "ch.qos.logback.classic.joran.",
            "ch.qos.logback.core.model.", // ... and the model it builds
            "com.sun.org.apache.xerces.", // the JDK's XML parser
            "javax.xml.parsers.",
            "tools.jackson.",
            "org.jline.",
            "io.prometheus.");
    /**
     * Logback's {@code joran.spi} holds two small types its core uses outside Joran: the exception in the signature of
     * the initializer that finds {@link LogSetup}, and the console appender's target. Loaded with them; no Joran.
     */
    private static final String JORAN_SPI = "ch.qos.logback.core.joran.spi.";
    private static final Pattern LOADED = Pattern.compile("\\[class,load\\s*\\] (\\S+) source:");

    @TempDir
    Path home;

    @Test
    void versionStartsNeitherLoggingNorAnyCommand() throws Exception {
        Run run = shipctl(List.of(), "--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("shipctl ");
        assertThat(unwanted(run.classes())).isEmpty();
        assertThat(run.classes()).isNotEmpty()
                .contains(Main.class.getName())
                // no command's model: picocli would read the commands' mixins (the connect and output options)
                .doesNotContain("ch.qos.logback.classic.LoggerContext", ConnectOptions.class.getName(), OutputOptions.class.getName());
    }

    @Test
    void plainCheckAndAnnounceLoadNoXmlConfigurationJsonTerminalOrMetricsLibrary() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().loginPort(0).shipPort(0).build().start()) {
            String port = String.valueOf(sandbox.loginPort());
            Run check = shipctl(List.of("SHIPCTL_PASSWORD=gmadmin123"), "check", "-p", port, "-u", "gmadmin");
            assertThat(check.exitCode()).as(check.err()).isZero();
            assertThat(unwanted(check.classes())).isEmpty();
            // the log watched is the right one: the session asks for its loggers, so Logback started, configured by LogSetup
            assertThat(check.classes()).contains("ch.qos.logback.classic.LoggerContext", LogSetup.class.getName());

            Run announce = shipctl(List.of("SHIPCTL_PASSWORD=gmadmin123"), "announce", "-p", port, "-u", "gmadmin", "restart at 5");
            assertThat(announce.exitCode()).as(announce.err()).isZero();
            assertThat(unwanted(announce.classes())).isEmpty();
            // the logging backend is set up on a second thread while this one builds the command line; what another
            // thread logs meanwhile is replayed once it is ready, without SLF4J's notice of it on stderr
            assertThat(check.err() + announce.err()).doesNotContain("SLF4J");

            // and what is asked for is loaded: --json brings Jackson
            Run json = shipctl(List.of("SHIPCTL_PASSWORD=gmadmin123"), "check", "-p", port, "-u", "gmadmin", "--json");
            assertThat(json.exitCode()).as(json.err()).isZero();
            assertThat(json.classes()).anyMatch(c -> c.startsWith("tools.jackson."));
        }
    }

    /**
     * Colour is JLine's {@code AttributedString} (issue 15: no hand-written escapes), loaded only when colour is on: a
     * plain {@code check} off a terminal loads no JLine (above); {@code --color=always} loads JLine's styling classes
     * of {@code org.jline.utils} and nothing else of it (no terminal, no line reader). Measured: the first styled
     * string costs about 5 ms (16 classes, with the colour palette), against about a second for the whole check.
     */
    @Test
    void colourLoadsOnlyJLinesStylingClasses() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().loginPort(0).shipPort(0).build().start()) {
            String port = String.valueOf(sandbox.loginPort());
            Run check = shipctl(List.of("SHIPCTL_PASSWORD=gmadmin123"), "check", "--color=always", "-p", port, "-u", "gmadmin");
            assertThat(check.exitCode()).as(check.err()).isZero();
            assertThat(check.out()).contains("\u001b[32mOK\u001b[0m");
            List<String> jline = check.classes().stream().filter(c -> c.startsWith("org.jline.")).toList();
            assertThat(jline).contains("org.jline.utils.AttributedString", "org.jline.utils.AttributedStyle")
                    .allMatch(c -> c.startsWith("org.jline.utils.") || c.equals("org.jline.JdkConsoleProviderImpl"));
            assertThat(unwanted(check.classes())).allMatch(c -> c.startsWith("org.jline."));
        }
    }

    private static List<String> unwanted(List<String> classes) {
        return classes.stream().filter(c -> !c.startsWith(JORAN_SPI))
                .filter(c -> NOT_ONE_SHOT.stream().anyMatch(c::startsWith)).toList();
    }

    private record Run(int exitCode, String out, String err, List<String> classes) {}

    /** shipctl in a JVM of its own, with this test's class path, logging every class it loads to a file. */
    private Run shipctl(List<String> env, String... args) throws Exception {
        Path log = home.resolve("classes-" + args[0] + "-" + System.nanoTime() + ".log");
        Path out = home.resolve("stdout.txt");
        Path err = home.resolve("stderr.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xlog:class+load=info:file=" + log,
                "-cp", ShipctlProcess.classPath(), Main.class.getName())); // the module path too: the tests run inside the module
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        for (String e : env) {
            int eq = e.indexOf('=');
            pb.environment().put(e.substring(0, eq), e.substring(eq + 1));
        }
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("shipctl " + String.join(" ", args) + " did not end within 120 s");
        }
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = LOADED.matcher(line);
            if (m.find()) classes.add(m.group(1));
        }
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err), classes);
    }
}
