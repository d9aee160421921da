package dev.shipctl.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SIGTERM (systemd's stop, {@code kill}) to a long-running command is a clean stop with exit code 0, not the
 * JVM's 143: run as real processes, since a signal cannot be sent to a command running inside the test JVM.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class SignalStopTest {
    private static final long WAIT_SECONDS = 60;

    @TempDir
    Path home;

    @Test
    void sandboxStopsCleanlyOnSigterm() throws Exception {
        Process p = shipctl(List.of(), "sandbox", "--port", "0", "--ship-port", "0");
        Lines out = Lines.of(p, home.resolve("stdout-sandbox.txt"));
        out.await(l -> l.contains("Ctrl-C stops it."));
        p.destroy(); // SIGTERM
        assertThat(p.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        try {
            out.await(l -> l.equals("sandbox stopped"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " stderr: " + java.nio.file.Files.readString(home.resolve("stderr-sandbox.txt")));
        }
    }

    @Test
    void watchAndListenStopCleanlyOnSigterm() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().loginPort(0).shipPort(0).build().start()) {
            String port = String.valueOf(sandbox.loginPort());
            Process watch = shipctl(List.of("SHIPCTL_PASSWORD=player123"), "watch", "-p", port, "-u", "player1", "--interval", "1h", "--json");
            Process listen = shipctl(List.of("SHIPCTL_PASSWORD=localgm123"), "listen", "-p", port, "-u", "localgm");
            Lines.of(watch, home.resolve("stdout-watch.txt")).await(l -> l.contains("\"state\":\"up\""));
            Lines.of(listen, home.resolve("stdout-listen.txt")).await(l -> l.contains("\"connected\""));
            watch.destroy();
            listen.destroy();
            assertThat(watch.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(listen.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(watch.exitValue()).as("watch").isZero();
            assertThat(listen.exitValue()).as("listen").isZero();
        }
    }

    /** shipctl in a JVM of its own, with this test's class path (surefire's class-path jar included). */
    private Process shipctl(List<String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(home.resolve("stderr-" + args[0] + ".txt").toFile())
                .redirectOutput(home.resolve("stdout-" + args[0] + ".txt").toFile());
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        for (String e : env) {
            int eq = e.indexOf('=');
            pb.environment().put(e.substring(0, eq), e.substring(eq + 1));
        }
        Process p = pb.start();
        p.getOutputStream().close();
        return p;
    }

    /**
     * A process's stdout, written to a file (a pipe would lose the last lines: when the process ends, the JDK closes
     * the pipe under a reader blocked on it), read as it grows.
     */
    private record Lines(Path file) {
        static Lines of(Process p, Path file) {
            return new Lines(file);
        }

        /** Waits, checking every 20 ms for at most {@link #WAIT_SECONDS}, until a line matches. */
        void await(Predicate<String> wanted) throws Exception {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            List<String> seen = List.of();
            while (System.nanoTime() < end) {
                seen = java.nio.file.Files.exists(file) ? java.nio.file.Files.readAllLines(file) : List.of();
                if (seen.stream().anyMatch(wanted)) return;
                TimeUnit.MILLISECONDS.sleep(20);
            }
            throw new AssertionError("no such line within " + WAIT_SECONDS + " s; lines: " + seen);
        }
    }
}
