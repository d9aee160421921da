package dev.shipctl.cli;

import dev.shipctl.sandbox.Sandbox;
import dev.shipctl.testkit.FaultPlan;
import dev.shipctl.testkit.FaultProxy;
import dev.shipctl.testkit.HostileServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One server set-up for an end-to-end failure test, and one {@code shipctl check} run against it, measured.
 *
 * <p>The sandbox listens on {@link #SERVER_HOST} ports P and advertises 127.0.0.2 in its redirects; a
 * {@link FaultProxy} listens on 127.0.0.2 with the same port numbers and forwards to the sandbox, so every connection
 * of the login chain goes through the proxy. A port can also be left without a listener (unreachable), or routed to a
 * {@link HostileServer} instead of the sandbox. Or the client talks to a hostile server directly.
 */
final class FaultRig implements AutoCloseable {
    static final InetAddress PROXY_HOST = address("127.0.0.2");
    /**
     * Where the servers listen: loopback, but not 127.0.0.1, whose ports other processes on a shared machine churn
     * through (a port held in TIME_WAIT on 127.0.0.1 cannot be bound there again, and tens of thousands of them made
     * binds to port 0 fail); binds on another address of 127/8 only compete with this test.
     */
    static final InetAddress SERVER_HOST = address("127.0.0.3");

    /** The sandbox's ports, by what they serve. */
    enum Port { LOGIN, CHARACTER, SHIP, BLOCK1, BLOCK2 }

    /** What the client connects to. */
    sealed interface Setup {}

    /**
     * The sandbox behind the proxy.
     *
     * @param plan the proxy's faults
     * @param unrouted ports the proxy does not listen on (connections there are refused by the system)
     * @param hostile a port whose connections go to a hostile server instead of the sandbox
     */
    record Proxied(FaultPlan plan, Set<Port> unrouted, Optional<HostileAt> hostile) implements Setup {}

    /** A port of the chain served by a hostile server. */
    record HostileAt(Port port, HostileServer.Behaviour behaviour) {}

    /** A hostile server on the login port, no sandbox. */
    record Direct(HostileServer.Behaviour behaviour) implements Setup {}

    /** What a run did. {@code exitCode} is empty when it did not end within the hang limit. */
    record Outcome(Optional<Integer> exitCode, String out, String err, Duration elapsed, Duration completedStages,
                   List<ProcessLeaks.TcpSocket> leakedSockets, List<String> leakedThreads) {
        boolean hung() {
            return exitCode.isEmpty();
        }

        /** The stage label of the "FAIL  at <stage>: …" verdict, if any. */
        Optional<String> failedStage() {
            Matcher m = Pattern.compile("(?m)^FAIL  at (.+?): ").matcher(out);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }

        /** Time spent after the last completed stage: the failing stage. */
        Duration failingStage() {
            return elapsed.minus(completedStages);
        }
    }

    private static final Pattern STAGE_ROW = Pattern.compile("(?m)^  \\S.*?\\s{2,}(\\d+\\.\\d) ms(?:\\s|$)");

    private final Sandbox sandbox;
    private final FaultProxy proxy;
    private final HostileServer hostile;
    private final InetSocketAddress loginAddress;
    private final List<InetSocketAddress> clientFacing;

    private FaultRig(Sandbox sandbox, FaultProxy proxy, HostileServer hostile, InetSocketAddress loginAddress,
                     List<InetSocketAddress> clientFacing) {
        this.sandbox = sandbox;
        this.proxy = proxy;
        this.hostile = hostile;
        this.loginAddress = loginAddress;
        this.clientFacing = clientFacing;
    }

    /**
     * Starts the servers. The proxy needs the sandbox's port numbers free on 127.0.0.2; if one is taken there (or a
     * port cannot be had at all: a machine whose ephemeral ports are mostly in TIME_WAIT refuses some binds), the
     * whole set-up starts again on other ports, a few times.
     */
    static FaultRig start(Setup setup, long seed) throws IOException {
        if (setup instanceof Direct d) {
            HostileServer h = HostileServer.builder().bind(SERVER_HOST).behaviour(d.behaviour()).start();
            InetSocketAddress a = new InetSocketAddress(h.address(), h.port());
            return new FaultRig(null, null, h, a, List.of(a));
        }
        Proxied p = (Proxied) setup;
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            Sandbox sandbox = Sandbox.builder().bind(SERVER_HOST).loginPort(0).advertise(PROXY_HOST).random(new Random(seed)).build();
            HostileServer h = null;
            try {
                sandbox.start();
                if (p.hostile().isPresent()) h = HostileServer.builder().bind(SERVER_HOST).behaviour(p.hostile().get().behaviour()).start();
                Map<Port, Integer> ports = ports(sandbox);
                FaultProxy.Builder b = FaultProxy.builder().plan(p.plan()).maxConnections(16);
                List<InetSocketAddress> facing = new ArrayList<>();
                for (Map.Entry<Port, Integer> e : ports.entrySet()) {
                    InetSocketAddress listen = new InetSocketAddress(PROXY_HOST, e.getValue());
                    facing.add(listen);
                    if (p.unrouted().contains(e.getKey())) continue;
                    boolean toHostile = p.hostile().isPresent() && p.hostile().get().port() == e.getKey();
                    b.route(listen, toHostile ? new InetSocketAddress(h.address(), h.port()) : new InetSocketAddress(SERVER_HOST, e.getValue()));
                }
                FaultProxy proxy = b.build().start();
                return new FaultRig(sandbox, proxy, h, new InetSocketAddress(PROXY_HOST, ports.get(Port.LOGIN)), facing);
            } catch (IOException e) {
                last = e;
                sandbox.close();
                if (h != null) h.close();
            }
        }
        throw last;
    }

    private static Map<Port, Integer> ports(Sandbox s) {
        Map<Port, Integer> ports = new EnumMap<>(Port.class);
        ports.put(Port.LOGIN, s.loginPort());
        ports.put(Port.CHARACTER, s.characterPort());
        ports.put(Port.SHIP, s.shipPort());
        ports.put(Port.BLOCK1, s.blockPort(1));
        ports.put(Port.BLOCK2, s.blockPort(2));
        return ports;
    }

    Optional<FaultProxy> proxy() {
        return Optional.ofNullable(proxy);
    }

    /**
     * Runs {@code shipctl check -H host -p port -u player1} plus {@code args} in-process, on a thread of its own
     * thread group, and waits up to {@code hangLimit}. A run still going then is cut by closing the servers (which
     * ends its connections). Sockets still open towards the rig are looked for as soon as the run returns, while
     * the rig's ports are still held (so no other test can have reused them); platform threads left in the run's
     * thread group are looked for after a short grace.
     */
    Outcome check(Path config, Duration hangLimit, String... args) throws InterruptedException {
        List<String> argv = new ArrayList<>(List.of("check", "-H", loginAddress.getAddress().getHostAddress(),
                "-p", String.valueOf(loginAddress.getPort()), "-u", "player1"));
        argv.addAll(List.of(args));
        Cli cli = new Cli(config).env("SHIPCTL_PASSWORD", "player123");
        ThreadGroup group = new ThreadGroup("shipctl-under-test");
        CompletableFuture<Cli.Run> done = new CompletableFuture<>();
        Thread runner = new Thread(group, () -> {
            try {
                done.complete(cli.run(argv.toArray(String[]::new)));
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "shipctl-check");
        runner.setDaemon(true);
        long start = System.nanoTime();
        runner.start();
        Cli.Run run = null;
        Duration elapsed;
        List<ProcessLeaks.TcpSocket> sockets = List.of();
        try {
            run = done.get(hangLimit.toMillis(), TimeUnit.MILLISECONDS);
            elapsed = Duration.ofNanos(System.nanoTime() - start);
            sockets = ProcessLeaks.socketsTo(clientFacing);
        } catch (TimeoutException e) {
            elapsed = Duration.ofNanos(System.nanoTime() - start);
            close(); // ends the run's connections
            try {
                done.get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported as hung either way
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("shipctl threw instead of returning an exit code", e.getCause());
        }
        runner.join(5000);
        List<String> threads = leftThreads(group);
        if (run == null) return new Outcome(Optional.empty(), "", "", elapsed, Duration.ZERO, sockets, threads);
        return new Outcome(Optional.of(run.exitCode()), run.out(), run.err(), elapsed, completedStages(run.out()), sockets, threads);
    }

    /** Platform threads still alive in the group after up to a second (virtual threads have no group of their own). */
    private static List<String> leftThreads(ThreadGroup group) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (true) {
            Thread[] live = new Thread[group.activeCount() + 8];
            int n = group.enumerate(live, true);
            List<String> names = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (live[i].isAlive()) names.add(live[i].getName());
            }
            if (names.isEmpty() || System.nanoTime() > deadline) return names;
            live[0].join(50);
        }
    }

    /** The sum of the stage times in the check's table. */
    private static Duration completedStages(String out) {
        Matcher m = STAGE_ROW.matcher(out);
        double ms = 0;
        while (m.find()) ms += Double.parseDouble(m.group(1));
        return Duration.ofNanos((long) (ms * 1e6));
    }

    @Override
    public void close() {
        if (proxy != null) proxy.close(); // first: its 127.0.0.2 ports go before the sandbox's
        if (sandbox != null) sandbox.close();
        if (hostile != null) hostile.close();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
