package dev.shipctl.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.shipctl.Credentials;
import dev.shipctl.Session;
import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.sandbox.Sandbox;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * How many sessions one client JVM holds in lobbies, and what each costs: starts a sandbox in a JVM of its own
 * ({@link SandboxHost}), opens {@code N} sessions with {@code K} concurrent openers, each a full login (six TCP
 * connections) to a lobby, and prints sessions held, time to open them and logins per second, client heap per idle
 * session (heap in use after a GC, less the heap before the first session), the sandbox's heap per session (the same
 * in its own JVM), and threads alive on each side. Then closes every session.
 *
 * <pre>
 * shipctl-bench/run-scale [N] [K] [MODE]     (defaults 1000 sessions, 32 openers, MODE many: the client's
 *                                           manySessions mode; MODE one: a session's threads as a one-shot verb's)
 * </pre>
 */
public final class SessionScale {
    private SessionScale() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int k = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        boolean many = args.length <= 2 || !args[2].equals("one");
        System.out.printf("machine: %d cores, %s; Java %s; %d sessions, %d openers, %s mode%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.arch"), Runtime.version(), n, k,
                many ? "manySessions" : "one-shot");
        String javaCommand = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(javaCommand, "-Xmx2g"));
        String hostOptions = System.getenv("SCALE_HOST_JAVA_OPTIONS"); // e.g. a flight recording of the sandbox side
        if (hostOptions != null && !hostOptions.isBlank()) command.addAll(List.of(hostOptions.trim().split("\\s+")));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SandboxHost.class.getName(), String.valueOf(n)));
        Process host = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (BufferedReader hostOut = new BufferedReader(new InputStreamReader(host.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter hostIn = new PrintWriter(host.getOutputStream(), true, StandardCharsets.UTF_8)) {
            String[] ready = expect(hostOut, "ready");
            int port = Integer.parseInt(ready[1]);
            int blocks = Integer.parseInt(ready[2]);
            ShipClient client = ShipClient.builder().server("127.0.0.1", port).timeout(Duration.ofSeconds(30))
                    .manySessions(many).build();
            for (int i = 0; i < 20; i++) client.connect(new Credentials(SandboxHost.user(0), "pw")).close(); // warm-up
            long clientBefore = heapAfterGc();
            hostIn.println("measure");
            long serverBefore = Long.parseLong(expect(hostOut, "measured")[1]);

            AtomicReferenceArray<Session> sessions = new AtomicReferenceArray<>(n);
            Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
            AtomicInteger next = new AtomicInteger();
            long start = System.nanoTime();
            Duration clientCpu0 = cpu(ProcessHandle.current()), hostCpu0 = cpu(host.toHandle());
            List<Thread> openers = IntStream.range(0, k).mapToObj(w -> Thread.ofVirtual().start(() -> {
                for (int i; (i = next.getAndIncrement()) < n; ) {
                    try {
                        sessions.set(i, client.newBuilder().block(String.valueOf(1 + i / Sandbox.PLAYERS_PER_BLOCK)).build()
                                .connect(new Credentials(SandboxHost.user(i), "pw")));
                    } catch (ShipException | RuntimeException e) {
                        errors.computeIfAbsent(e.getClass().getSimpleName() + ": " + e.getMessage(), x -> new AtomicInteger()).incrementAndGet();
                    }
                }
            })).toList();
            for (Thread t : openers) t.join();
            double seconds = (System.nanoTime() - start) / 1e9;
            Duration clientCpu = cpu(ProcessHandle.current()).minus(clientCpu0), hostCpu = cpu(host.toHandle()).minus(hostCpu0);
            int held = 0;
            for (int i = 0; i < n; i++) if (sessions.get(i) != null && sessions.get(i).isOpen()) held++;

            long clientAfter = heapAfterGc();
            int platformThreads = ManagementFactory.getThreadMXBean().getThreadCount();
            int allThreads = allThreads();
            hostIn.println("measure");
            String[] server = expect(hostOut, "measured");
            long serverAfter = Long.parseLong(server[1]);

            System.out.printf("sessions held: %d of %d in lobbies (%d blocks); opened in %.2f s = %.0f logins/s with %d openers%n",
                    held, n, blocks, seconds, n / seconds, k);
            System.out.printf("client heap: %.1f MiB for the sessions = %.1f KiB per idle session; threads alive: %d platform, %d in all (virtual included)%n",
                    (clientAfter - clientBefore) / 1048576.0, (clientAfter - clientBefore) / 1024.0 / Math.max(1, held),
                    platformThreads, allThreads);
            System.out.printf("sandbox heap: %.1f MiB for the sessions = %.1f KiB per session; %s platform threads; %s connections%n",
                    (serverAfter - serverBefore) / 1048576.0, (serverAfter - serverBefore) / 1024.0 / Math.max(1, held),
                    server[2], server[3]);
            System.out.printf("CPU while opening: client %.2f s, sandbox %.2f s (of %.2f s on %d cores)%n",
                    clientCpu.toMillis() / 1e3, hostCpu.toMillis() / 1e3, seconds, Runtime.getRuntime().availableProcessors());
            if (System.getenv("SCALE_HISTOGRAM") != null) histogram(25); // where the client's heap goes
            if (!errors.isEmpty()) System.out.println("errors: " + new TreeMap<>(errors));

            long closeStart = System.nanoTime();
            AtomicInteger closeNext = new AtomicInteger();
            List<Thread> closers = IntStream.range(0, k).mapToObj(w -> Thread.ofVirtual().start(() -> {
                for (int i; (i = closeNext.getAndIncrement()) < n; ) if (sessions.get(i) != null) sessions.get(i).close();
            })).toList();
            for (Thread t : closers) t.join();
            System.out.printf("closed in %.2f s; threads alive after: %d platform, %d in all%n",
                    (System.nanoTime() - closeStart) / 1e9, ManagementFactory.getThreadMXBean().getThreadCount(), allThreads());
            hostIn.println("quit");
        } finally {
            if (!host.waitFor(10, TimeUnit.SECONDS)) host.destroy();
        }
    }

    /** The first lines of the client's class histogram (what {@code jcmd PID GC.class_histogram} prints). */
    private static void histogram(int lines) throws Exception {
        Object text = ManagementFactory.getPlatformMBeanServer().invoke(
                new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        text.toString().lines().limit(lines).forEach(System.out::println);
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static String[] expect(BufferedReader in, String word) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            String[] parts = line.split(" ");
            if (parts[0].equals(word)) return parts;
        }
        throw new IOException("the sandbox host ended before '" + word + "'");
    }

    /** Heap in use after a GC has settled (several rounds, until it stops falling). */
    static long heapAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long last = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            long used = memory.getHeapMemoryUsage().getUsed();
            if (used >= last - (64 << 10)) return Math.min(used, last);
            last = used;
        }
        return last;
    }

    /** Threads alive, virtual ones included: the entries of a JSON thread dump. */
    static int allThreads() throws IOException {
        Path file = Files.createTempFile("shipctl-threads", ".json");
        Files.delete(file);
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            Matcher m = Pattern.compile("\"tid\"").matcher(Files.readString(file));
            int count = 0;
            while (m.find()) count++;
            return count;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
