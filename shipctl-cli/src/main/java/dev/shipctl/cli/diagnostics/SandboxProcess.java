package dev.shipctl.cli.diagnostics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code shipctl sandbox} in a JVM of its own, on free loopback ports, for the training run of the startup cache and
 * for a swarm too big to share a process (and its open files) with its server. It stops by itself (its
 * {@code --stop-after}) if this process dies first; {@link #close} stops it.
 */
final class SandboxProcess implements AutoCloseable {
    private final Process process;
    private final int loginPort;

    private SandboxProcess(Process process, int loginPort) {
        this.process = process;
        this.loginPort = loginPort;
    }

    /** Starts one with these extra arguments and environment; returns once it listens. */
    static SandboxProcess start(Map<String, String> env, String... extra) throws IOException {
        return start(List.of(), env, extra);
    }

    /** As {@link #start(Map, String...)}, with these JVM options first ({@code SHIPCTL_SANDBOX_JAVA_OPTS} after them). */
    static SandboxProcess start(List<String> jvmOptions, Map<String, String> env, String... extra) throws IOException {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC"));
        command.addAll(jvmOptions);
        // the sandbox's own JVM options (a tuning knob for load tests: heap sizes, a flight recording), split on spaces
        String opts = System.getenv("SHIPCTL_SANDBOX_JAVA_OPTS");
        if (opts != null && !opts.isBlank()) command.addAll(List.of(opts.strip().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.shipctl.cli.Main", "sandbox", "--port", "0", "--ship-port", "0"));
        command.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("JAVA_TOOL_OPTIONS"); // the AOT cache's own options, when the JDK sets them, are not the sandbox's
        pb.environment().putAll(env);
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        try {
            return new SandboxProcess(p, loginPort(p));
        } catch (IOException | RuntimeException e) {
            p.destroyForcibly();
            throw e;
        }
    }

    int loginPort() {
        return loginPort;
    }

    /** The login port from the sandbox's first lines ({@code "  login      127.0.0.1:PORT  (...)"}). */
    private static int loginPort(Process server) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] words = line.strip().split("\\s+");
            if (words.length >= 2 && words[0].equals("login") && words[1].startsWith("127.0.0.1:")) {
                Thread.ofVirtual().start(() -> drain(in)); // the sandbox never blocks on a full pipe
                return Integer.parseInt(words[1].substring("127.0.0.1:".length()));
            }
        }
        throw new IOException("the sandbox stopped before it listened");
    }

    private static void drain(BufferedReader in) {
        try {
            in.transferTo(java.io.Writer.nullWriter());
        } catch (IOException e) {
            // the sandbox stopped
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
