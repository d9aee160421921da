package dev.shipctl.testkit;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on this machine that forwards each port to a target and misbehaves on the connections its
 * {@link FaultPlan} picks: refuse, reset, drop, truncate, stall, delay, drip, corrupt, inject (see {@link Fault}).
 *
 * <p>To put a whole login chain behind it, run the server on 127.0.0.1 ports P and have it advertise 127.0.0.2 in
 * its redirects, and mirror the same port numbers from 127.0.0.2 to 127.0.0.1:
 *
 * <pre>{@code
 * Sandbox sandbox = Sandbox.builder().loginPort(0).advertise(InetAddress.getByName("127.0.0.2")).build().start();
 * try (FaultProxy proxy = FaultProxy.builder()
 *         .mirror(InetAddress.getByName("127.0.0.2"), sandbox.address(), loginPort, characterPort, shipPort, block1)
 *         .plan(FaultPlan.onConnection(6, Fault.stall().after(Direction.CLIENT, 0xB8)))
 *         .build().start()) {
 *     ... the client connects to 127.0.0.2:loginPort ...
 * }
 * }</pre>
 *
 * <p>Bounded: at most {@link Builder#maxConnections} connections at a time (more are closed at accept), one
 * buffer of {@link Builder#bufferSize} bytes per direction per connection, one thread per port plus two per
 * connection plus one timer. It closes itself after {@link Builder#lifetime} so a forgotten proxy does not outlive
 * its test; {@link #close()} closes every socket and joins every thread. Listens on and forwards to loopback only.
 */
public final class FaultProxy implements AutoCloseable {
    /** A listening address and where its connections go; both on loopback. */
    public record Route(InetSocketAddress listen, InetSocketAddress target) {
        public Route {
            if (!listen.getAddress().isLoopbackAddress()) throw new IllegalArgumentException("the proxy listens on loopback only: " + listen);
            if (!target.getAddress().isLoopbackAddress()) throw new IllegalArgumentException("the proxy forwards to loopback only: " + target);
        }
    }

    /** A fault that took effect, on which connection. */
    public record Fired(ConnectionInfo connection, Fault fault) {}

    private final List<Route> routes;
    private final int maxConnections;
    private final int bufferSize;
    private final Duration connectTimeout;
    private final Duration lifetime;
    private volatile FaultPlan plan;

    private final Object lock = new Object();
    private final List<ServerSocket> listeners = new ArrayList<>();
    private final List<Thread> acceptors = new ArrayList<>();
    private final Set<ProxiedConnection> open = new HashSet<>();
    private final Set<Thread> threads = new HashSet<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refusedOverLimit = new AtomicInteger();
    private final List<Fired> fired = new CopyOnWriteArrayList<>();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private boolean started;
    private boolean closed;

    private FaultProxy(Builder b) {
        this.routes = List.copyOf(b.routes);
        this.maxConnections = b.maxConnections;
        this.bufferSize = b.bufferSize;
        this.connectTimeout = b.connectTimeout;
        this.lifetime = b.lifetime;
        this.plan = b.plan;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds every route and starts accepting.
     *
     * @throws IOException a port could not be bound (nothing is left listening then)
     */
    public FaultProxy start() throws IOException {
        synchronized (lock) {
            if (started) throw new IllegalStateException("already started");
            started = true;
            try {
                for (Route r : routes) {
                    ServerSocket s = new ServerSocket();
                    listeners.add(s);
                    s.bind(r.listen(), 50);
                }
            } catch (IOException e) {
                closeListeners();
                closed = true;
                closedLatch.countDown();
                throw new IOException("the fault proxy cannot listen on every port: " + e.getMessage(), e);
            }
            for (int i = 0; i < routes.size(); i++) {
                ServerSocket s = listeners.get(i);
                Route r = routes.get(i);
                acceptors.add(startThread("fault-proxy-" + s.getLocalPort() + "-accept", () -> acceptLoop(s, r)));
            }
            startThread("fault-proxy-" + listeners.getFirst().getLocalPort() + "-lifetime", this::closeAtEndOfLifetime);
        }
        return this;
    }

    /** Switches the plan: connections accepted from now on follow {@code next}; open ones keep their faults. */
    public void plan(FaultPlan next) {
        this.plan = Objects.requireNonNull(next);
    }

    /** The addresses the proxy listens on (or listened on), in the order of the routes (useful with port 0). */
    public List<InetSocketAddress> addresses() {
        synchronized (lock) {
            List<InetSocketAddress> out = new ArrayList<>();
            for (ServerSocket s : listeners) out.add((InetSocketAddress) s.getLocalSocketAddress());
            return out;
        }
    }

    /**
     * Stops listening on {@code port}: new connections there are refused by the system (ECONNREFUSED), as when the
     * server is down; open connections go on. Does nothing when the port is not listening.
     */
    public void stopListening(int port) {
        List<Thread> stopping = new ArrayList<>();
        synchronized (lock) {
            for (int i = 0; i < listeners.size(); i++) {
                if (listeners.get(i).getLocalPort() != port) continue;
                closeQuietly(listeners.get(i));
                if (acceptors.get(i) != null) stopping.add(acceptors.get(i));
            }
        }
        // The kernel keeps the port listening until a thread blocked in accept() on it has returned: wait for it.
        for (Thread t : stopping) {
            if (t == Thread.currentThread()) continue;
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Listens on {@code port} again after {@link #stopListening}.
     *
     * @throws IOException the port was taken meanwhile
     */
    public void resumeListening(int port) throws IOException {
        synchronized (lock) {
            if (closed) throw new IllegalStateException("the proxy is closed");
            for (int i = 0; i < listeners.size(); i++) {
                ServerSocket old = listeners.get(i);
                if (old.getLocalPort() != port || !old.isClosed()) continue;
                Route r = routes.get(i);
                ServerSocket s = new ServerSocket();
                try {
                    s.bind(new InetSocketAddress(r.listen().getAddress(), port), 50);
                } catch (IOException e) {
                    s.close();
                    throw e;
                }
                listeners.set(i, s);
                acceptors.set(i, startThread("fault-proxy-" + port + "-accept", () -> acceptLoop(s, r)));
            }
        }
    }

    /** Connections accepted so far (all ports; including those closed at accept). */
    public int accepted() {
        return accepted.get();
    }

    /** Connections closed at accept because {@link Builder#maxConnections} were open. */
    public int refusedOverLimit() {
        return refusedOverLimit.get();
    }

    /** Connections currently forwarded. */
    public int openConnections() {
        synchronized (lock) {
            return open.size();
        }
    }

    /** Every fault that took effect so far, in order. */
    public List<Fired> fired() {
        return List.copyOf(fired);
    }

    /** Stops listening, closes every connection and joins every thread. Idempotent. */
    @Override
    public void close() {
        List<ProxiedConnection> toClose;
        List<Thread> toJoin;
        synchronized (lock) {
            closed = true;
            closeListeners();
            toClose = new ArrayList<>(open);
            toJoin = new ArrayList<>(threads);
        }
        closedLatch.countDown();
        toClose.forEach(c -> c.closeAll(false));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        for (Thread t : toJoin) {
            if (t == Thread.currentThread()) continue;
            t.interrupt();
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---- internals ----------------------------------------------------------------------------------------

    private void acceptLoop(ServerSocket server, Route route) {
        while (true) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            ConnectionInfo info = new ConnectionInfo(accepted.incrementAndGet(), server.getLocalPort(),
                    (InetSocketAddress) client.getRemoteSocketAddress());
            ProxiedConnection c = new ProxiedConnection(this, info, client, route.target(), plan.faultsFor(info), bufferSize,
                    connectTimeout);
            synchronized (lock) {
                if (!closed && open.size() < maxConnections) {
                    open.add(c);
                    startThread("fault-proxy-" + info.port() + "-" + info.number(), c::run);
                    continue;
                }
            }
            refusedOverLimit.incrementAndGet();
            closeQuietly(client);
        }
    }

    private void closeAtEndOfLifetime() {
        try {
            if (!closedLatch.await(lifetime.toMillis(), TimeUnit.MILLISECONDS)) close();
        } catch (InterruptedException e) {
            // closing
        }
    }

    /** Starts a proxy thread that deregisters itself when done; null when the proxy is closed. */
    Thread startThread(String name, Runnable body) {
        synchronized (lock) {
            if (closed) return null;
            Thread t = Thread.ofPlatform().name(name).daemon().unstarted(() -> {
                try {
                    body.run();
                } finally {
                    synchronized (lock) {
                        threads.remove(Thread.currentThread());
                    }
                }
            });
            threads.add(t);
            t.start();
            return t;
        }
    }

    void fired(ConnectionInfo connection, Fault fault) {
        fired.add(new Fired(connection, fault));
    }

    void ended(ProxiedConnection c) {
        synchronized (lock) {
            open.remove(c);
        }
    }

    private void closeListeners() {
        listeners.forEach(FaultProxy::closeQuietly);
    }

    static void closeQuietly(java.io.Closeable s) {
        if (s == null) return;
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /**
     * Configures a proxy. Defaults: no routes, a healthy plan, 64 connections, 16 KiB buffers, 2 s to connect to a
     * target, a lifetime of 5 minutes.
     */
    public static final class Builder {
        private final List<Route> routes = new ArrayList<>();
        private int maxConnections = 64;
        private int bufferSize = 16 * 1024;
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration lifetime = Duration.ofMinutes(5);
        private FaultPlan plan = FaultPlan.healthy();

        private Builder() {}

        /** Forwards connections to {@code listen} to {@code target}. */
        public Builder route(InetSocketAddress listen, InetSocketAddress target) {
            routes.add(new Route(listen, target));
            return this;
        }

        /** For each port, forwards {@code listenHost:port} to {@code targetHost:port}. */
        public Builder mirror(InetAddress listenHost, InetAddress targetHost, int... ports) {
            for (int p : ports) route(new InetSocketAddress(listenHost, p), new InetSocketAddress(targetHost, p));
            return this;
        }

        public Builder plan(FaultPlan plan) {
            this.plan = Objects.requireNonNull(plan);
            return this;
        }

        /** Connections forwarded at a time; one more is closed at accept. */
        public Builder maxConnections(int n) {
            if (n < 1) throw new IllegalArgumentException("maxConnections must be at least 1");
            this.maxConnections = n;
            return this;
        }

        /** Bytes read at a time, per direction and connection. */
        public Builder bufferSize(int bytes) {
            if (bytes < 1) throw new IllegalArgumentException("bufferSize must be positive");
            this.bufferSize = bytes;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = positive(d);
            return this;
        }

        /** The proxy closes itself this long after it started. */
        public Builder lifetime(Duration d) {
            this.lifetime = positive(d);
            return this;
        }

        public FaultProxy build() {
            if (routes.isEmpty()) throw new IllegalStateException("no routes: add one with route() or mirror()");
            return new FaultProxy(this);
        }

        private static Duration positive(Duration d) {
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("duration must be positive: " + d);
            return d;
        }
    }
}
