import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Start-up figures of one-shot shipctl runs (README, "Performance"): median of interleaved runs of a hello-world JVM,
 * {@code shipctl --version}, and one-shot {@code check} and {@code announce} against a sandbox on loopback, for one
 * or more ways of starting shipctl, with the overhead split: process start to the first TCP connect (JVM start and
 * shipctl's own init), connect to the verdict line on stdout (network: the login chain and the verb), verdict to
 * process exit (logout and JVM exit). The connect is seen by a relay in front of the sandbox's login port.
 *
 * <p>Usage (JDK 25): {@code java .ci/StartupFigures.java [--runs N] NAME=COMMAND...}, e.g.
 * {@code java .ci/StartupFigures.java --runs 10 launcher=./shipctl}. COMMAND is split on spaces; the first one also
 * runs the sandbox ({@code COMMAND sandbox ...}, stopped at the end). Our own code, for this repository.
 */
public final class StartupFigures {
    private record Variant(String name, List<String> command) {}

    private record Sample(double wall, double connect, double verdict) {}

    public static void main(String[] args) throws Exception {
        int runs = 10;
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs")) {
                runs = Integer.parseInt(args[++i]);
            } else {
                int eq = args[i].indexOf('=');
                variants.add(new Variant(args[i].substring(0, eq), List.of(args[i].substring(eq + 1).split(" "))));
            }
        }
        if (variants.isEmpty()) throw new IllegalArgumentException("usage: StartupFigures [--runs N] NAME=COMMAND...");

        Path hello = Files.createTempDirectory("startup-hello");
        Files.writeString(hello.resolve("Hello.java"), "public class Hello { public static void main(String[] a) { System.out.println(\"hello\"); } }");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        run(List.of(Path.of(System.getProperty("java.home"), "bin", "javac").toString(), "-d", hello.toString(), hello.resolve("Hello.java").toString()), Map.of(), null);
        List<String> helloCommand = List.of(java, "-XX:+UseSerialGC", "-cp", hello.toString(), "Hello");

        List<String> sandboxCommand = new ArrayList<>(variants.getFirst().command());
        sandboxCommand.addAll(List.of("sandbox", "--port", "0", "--ship-port", "0", "--stop-after", "30m"));
        ProcessBuilder spb = new ProcessBuilder(sandboxCommand).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process sandbox = spb.start();
        try (Relay relay = new Relay(loginPort(sandbox))) {
            String port = String.valueOf(relay.port());
            Map<String, String> env = Map.of("SHIPCTL_PASSWORD", "gmadmin123", "NO_COLOR", "1");
            Map<String, List<Sample>> samples = new LinkedHashMap<>();
            // one warm-up round (page cache, startup caches built), not counted
            for (int round = -1; round < runs; round++) {
                add(samples, round, "hello-world JVM", run(helloCommand, Map.of(), null));
                for (Variant v : variants) {
                    add(samples, round, v.name() + ": --version", run(with(v, "--version"), env, null));
                    relay.reset();
                    Sample check = run(with(v, "check", "-p", port, "-u", "gmadmin"), env, relay);
                    add(samples, round, v.name() + ": check", check);
                    relay.reset();
                    Sample announce = run(with(v, "announce", "-p", port, "-u", "gmadmin", "startup figures"), env, relay);
                    add(samples, round, v.name() + ": announce", announce);
                }
            }
            System.out.printf("%-34s %9s %15s %13s %13s %11s%n", "median of " + runs + " interleaved runs", "wall",
                    "start->connect", "network", "verdict->exit", "overhead");
            samples.forEach((name, list) -> {
                double wall = median(list.stream().mapToDouble(Sample::wall).toArray());
                if (list.getFirst().connect() < 0) {
                    System.out.printf("%-34s %6.0f ms%n", name, wall);
                    return;
                }
                double toConnect = median(list.stream().mapToDouble(Sample::connect).toArray());
                double network = median(list.stream().mapToDouble(s -> s.verdict() - s.connect()).toArray());
                double tail = median(list.stream().mapToDouble(s -> s.wall() - s.verdict()).toArray());
                double overhead = median(list.stream().mapToDouble(s -> s.connect() + s.wall() - s.verdict()).toArray());
                System.out.printf("%-34s %6.0f ms %12.0f ms %10.0f ms %10.0f ms %8.0f ms%n", name, wall, toConnect, network, tail, overhead);
            });
        } finally {
            sandbox.destroy();
            sandbox.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static List<String> with(Variant v, String... args) {
        List<String> c = new ArrayList<>(v.command());
        c.addAll(Arrays.asList(args));
        return c;
    }

    private static void add(Map<String, List<Sample>> samples, int round, String name, Sample s) {
        if (round >= 0) samples.computeIfAbsent(name, k -> new ArrayList<>()).add(s);
    }

    /** One process: wall ms to exit; with a relay, ms to the first connect and to the last line on stdout. */
    private static Sample run(List<String> command, Map<String, String> env, Relay relay) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        long start = System.nanoTime();
        Process p = pb.start();
        p.getOutputStream().close();
        long lastLine = start;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            while (out.readLine() != null) lastLine = System.nanoTime();
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) throw new IllegalStateException(command + " did not end");
        long end = System.nanoTime();
        if (p.exitValue() != 0) throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue());
        if (relay == null) return new Sample(ms(end - start), -1, -1);
        return new Sample(ms(end - start), ms(relay.firstConnect() - start), ms(lastLine - start));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static int loginPort(Process sandbox) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(sandbox.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            String[] words = line.strip().split("\\s+");
            if (words.length >= 2 && words[0].equals("login") && words[1].startsWith("127.0.0.1:")) {
                Thread.ofPlatform().daemon().start(() -> {
                    try {
                        in.transferTo(java.io.Writer.nullWriter());
                    } catch (IOException e) {
                        // stopped
                    }
                });
                return Integer.parseInt(words[1].substring("127.0.0.1:".length()));
            }
        }
        throw new IOException("the sandbox stopped before it listened");
    }

    /** A loopback relay in front of the login port that notes when a client first connects. */
    private static final class Relay implements AutoCloseable {
        private final ServerSocket server;
        private final AtomicLong firstConnect = new AtomicLong();
        private final int target;

        Relay(int target) throws IOException {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            this.target = target;
            Thread.ofPlatform().daemon().start(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        void reset() {
            firstConnect.set(0);
        }

        long firstConnect() {
            return firstConnect.get();
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket client = server.accept();
                    firstConnect.compareAndSet(0, System.nanoTime());
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                    pipe(client.getInputStream(), upstream.getOutputStream(), upstream);
                    pipe(upstream.getInputStream(), client.getOutputStream(), client);
                } catch (IOException e) {
                    // closed
                }
            }
        }

        private static void pipe(InputStream in, OutputStream out, Socket to) {
            Thread.ofPlatform().daemon().start(() -> {
                try (to) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // one side closed
                }
            });
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    private StartupFigures() {}
}
