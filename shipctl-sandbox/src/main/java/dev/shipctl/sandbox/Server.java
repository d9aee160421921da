package dev.shipctl.sandbox;

import dev.shipctl.protocol.registry.Packets;
import dev.shipctl.protocol.ProtocolException;
import dev.shipctl.protocol.frame.Frame;
import dev.shipctl.protocol.packet.login.ServerRedirect;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running sandbox: listeners, connections (their reader and writer threads), the per-second tick, and the
 * dispatch of each client frame to the {@link PortHandler} of its port role: {@link LoginPort},
 * {@link CharacterPort}, or {@link ShipSide} for the ship and block ports. Every handler runs under the server lock;
 * sends only queue, so holding it never waits on a client. The one slow step, checking a 0x93's password, runs
 * before the lock is taken, in the {@link LoginGate}.
 */
final class Server {
    static final Logger LOG = LoggerFactory.getLogger("dev.shipctl.sandbox");
    private static final long LINGER_MILLIS = 2000;

    private final Settings settings;
    private final KeyPool keys;
    final SandboxEvents events = new SandboxEvents();
    private final ReentrantLock lock = new ReentrantLock();
    final ShipSide ship;
    final CharacterStore characters;
    final LoginPort loginPort;
    private final CharacterPort characterPort;
    private final Connections connections = new Connections();
    final InjectedFailures failures = new InjectedFailures(this);
    private final LoginGate gate;
    private final Timeouts timeouts;
    private final AtomicLong ids = new AtomicLong();
    private final List<ServerSocket> listeners = new ArrayList<>();
    private final Map<Role, List<Integer>> ports = new EnumMap<>(Role.class);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    private Thread ticker;

    Server(Settings settings) {
        this.settings = settings;
        this.keys = new KeyPool(settings.keyTable(), settings::keyVectorSource, settings.keyPool());
        this.gate = new LoginGate(settings);
        this.timeouts = new Timeouts(settings);
        this.characters = new CharacterStore(settings.accounts(), settings.state());
        this.ship = new ShipSide(this, settings);
        this.loginPort = new LoginPort(this, settings.random());
        this.characterPort = new CharacterPort(this, settings);
    }

    /** Runs {@code work} under the server lock, which every handler holds; sends only queue, so it never waits on a client. */
    <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** {@link #locked(Supplier)} for work without a result. */
    void locked(Runnable work) {
        locked(() -> {
            work.run();
            return null;
        });
    }

    // ------------------------------------------------------------------ what Sandbox asks (each takes the lock)

    SandboxEvents events() {
        return events;
    }

    List<String> describeAccounts() {
        return locked(() -> settings.accounts().describe(ship.localGms()));
    }

    void failAt(LoginStep step, SandboxEffect effect) {
        locked(() -> failures.set(step, effect));
    }

    void clearFailures() {
        locked(failures::clear);
    }

    int localGmRights(int guildCard) {
        return locked(() -> ship.localGms().rights(guildCard));
    }

    /** Drops every open connection of a guild card without a message; returns how many. */
    int cut(int guildCard) {
        return locked(() -> {
            List<Connection> theirs = connections.ofGuildCard(guildCard);
            for (Connection c : theirs) {
                c.drop("cut (Sandbox.cut)");
                ship.left(c); // at once, as the server knows it cut them: a quick new login must not meet its old self
            }
            return theirs.size();
        });
    }

    int connectionCount() {
        return locked(connections::size);
    }

    /** The open connections; under the server lock. */
    Connections connections() {
        return connections;
    }

    /**
     * Writes bans and created characters to the state file, if there is one (called under the server lock after
     * every change, and at close). A failed write is logged and retried at the next change; serving goes on.
     */
    void persist() {
        if (settings.state() == null) return;
        try {
            StateFile.write(settings.state().path(), ship.bans.list(), characters.created());
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot write the state file {}: {}", settings.state().path(), e.toString());
        }
    }

    // ------------------------------------------------------------------ lifecycle

    void start() throws IOException {
        running = true;
        try {
            int login = settings.loginPort();
            bind(Role.LOGIN, 0, login);
            bind(Role.CHARACTER, 0, settings.characterPort());
            int shipPort = settings.shipPort();
            bind(Role.SHIP, 0, shipPort);
            for (int n = 1; n <= settings.blocks(); n++) bind(Role.BLOCK, n, shipPort == 0 ? 0 : shipPort + n);
        } catch (IOException e) {
            close();
            throw e;
        }
        ticker = Thread.ofVirtual().name("sandbox-tick").start(this::tickLoop);
        for (String line : describePorts()) LOG.debug("listening: {}", line);
    }

    private static final int ACCEPT_BACKLOG = 4096;
    private static final long ACCEPT_RETRY_MILLIS = 50;
    /** Whether an accept failed and none has worked since (its warning said once). */
    private volatile boolean acceptFailing;

    private void bind(Role role, int block, int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        try {
            // a queue deep enough for a swarm's burst of logins: with 64 the kernel dropped the SYNs of a 1,000/s ramp
            // and their connects waited out its 1 s retransmit (the kernel caps it at net.core.somaxconn)
            server.bind(new InetSocketAddress(settings.bind(), port), ACCEPT_BACKLOG);
        } catch (IOException e) {
            server.close();
            throw new IOException("cannot listen on %s:%d for the %s port: %s".formatted(settings.bind().getHostAddress(), port, role.label(), e.getMessage()), e);
        }
        listeners.add(server);
        ports.computeIfAbsent(role, r -> new ArrayList<>()).add(server.getLocalPort());
        Thread t = Thread.ofVirtual().name("sandbox-accept-" + role.label() + (block > 0 ? block : "")).start(() -> acceptLoop(server, role, block));
        synchronized (threads) {
            threads.add(t);
        }
    }

    int port(Role role, int index) {
        return ports.get(role).get(index);
    }

    List<String> describePorts() {
        String host = settings.bind().getHostAddress();
        List<String> out = new ArrayList<>();
        out.add("login      %s:%d  (Tethealla login server; clients start here)".formatted(host, port(Role.LOGIN, 0)));
        out.add("character  %s:%d  (character server)".formatted(host, port(Role.CHARACTER, 0)));
        out.add("ship       %s:%d  (ship \"%s\", block list)".formatted(host, port(Role.SHIP, 0), settings.shipName()));
        for (int n = 1; n <= settings.blocks(); n++) {
            out.add("block %-4d %s:%d  (BLOCK%02d, 15 lobbies)".formatted(n, host, port(Role.BLOCK, n - 1), n));
        }
        return out;
    }

    void close() {
        running = false;
        for (ServerSocket s : listeners) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        List<Connection> all = locked(connections::all);
        for (Connection c : all) c.drop("sandbox closing");
        gate.close();
        if (ticker != null) ticker.interrupt();
        List<Thread> toJoin = new ArrayList<>();
        synchronized (threads) {
            toJoin.addAll(threads);
        }
        if (ticker != null) toJoin.add(ticker);
        locked(this::persist);
        for (Connection c : all) {
            if (c.readerThread != null) toJoin.add(c.readerThread);
            if (c.writerThread != null) toJoin.add(c.writerThread);
        }
        for (Thread t : toJoin) {
            try {
                if (!t.join(Duration.ofSeconds(5))) LOG.warn("thread {} did not stop within 5 s", t.getName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ------------------------------------------------------------------ connections

    private void acceptLoop(ServerSocket server, Role role, int block) {
        while (running) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!running || server.isClosed()) return;
                // out of file descriptors (a swarm of thousands in one process), say: the port stays open and is
                // tried again a moment later, as connections close; one line per burst, not one per attempt
                if (!acceptFailing) LOG.warn("accept failed on the {} port: {} (trying again)", role.label(), e.getMessage());
                acceptFailing = true;
                try {
                    Thread.sleep(ACCEPT_RETRY_MILLIS);
                } catch (InterruptedException stop) {
                    return;
                }
                continue;
            }
            if (acceptFailing) {
                acceptFailing = false;
                LOG.warn("accepting on the {} port again", role.label());
            }
            try {
                socket.setTcpNoDelay(true);
                Connection c = new Connection(ids.incrementAndGet(), role, block, socket, settings.clock().instant());
                admit(c);
            } catch (IOException | RuntimeException e) {
                LOG.warn("could not set up a connection on the {} port: {}", role.label(), e.toString());
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // gone already
                }
            }
        }
    }

    private void admit(Connection c) {
        // the threads exist before the connection is listed, and the reader starts before the lock is let go: close()
        // lists the connections under the lock, and must find every listed one's threads to wait for
        c.readerThread = Thread.ofVirtual().name("sandbox-read-" + c.id).unstarted(() -> readLoop(c));
        c.writerThread = Thread.ofVirtual().name("sandbox-write-" + c.id).unstarted(() -> c.writeLoop(LINGER_MILLIS));
        lock.lock();
        try {
            if (!running) {
                c.drop("sandbox closing");
                return;
            }
            if (c.role.shipSide() && ship.dcallActive()) {
                c.drop("refused during /dcall");
                LOG.info("{} refused: /dcall in progress", c);
                return;
            }
            List<Connection> sameIp = connections.sameSideAtMost(c.address(), c.role) < settings.maxConnectionsPerIp()
                    ? List.of() : connections.sameSideFrom(c.address(), c.role);
            int excess = sameIp.size() + 1 - settings.maxConnectionsPerIp();
            for (int i = 0; i < excess; i++) {
                Connection oldest = sameIp.get(i);
                LOG.info("{} closed: more than {} connections from {}", oldest, settings.maxConnectionsPerIp(), c.address().getHostAddress());
                oldest.drop("more than " + settings.maxConnectionsPerIp() + " connections from this IP");
            }
            connections.add(c);
            events.publish(new SandboxEvent.Connected(c.id, c.role, c.block, c.remote));
            c.readerThread.start();
        } finally {
            lock.unlock();
        }
    }

    private void readLoop(Connection c) {
        String reason = null;
        try {
            KeyPool.Keys keys = this.keys.next();
            c.start(TethPackets.init(c.role.shipSide() ? TethPackets.SHIP_BANNER : TethPackets.GATE_BANNER, keys.server(), keys.client()),
                    keys.ciphers().first(), keys.ciphers().second());
            c.writerThread.start();
            while (true) {
                Frame frame = c.reader.read();
                if (frame == null) {
                    reason = "client closed the connection";
                    break;
                }
                if (c.closing()) continue;
                LoginGate.Check check = gate.check(c, frame); // before the lock: it may hash
                lock.lock();
                try {
                    if (!c.closing() && !floodCheck(c, frame)) handle(c, frame, check);
                } finally {
                    lock.unlock();
                }
            }
        } catch (ProtocolException e) {
            reason = "hostile input: " + e.getMessage();
            LOG.info("{} dropped, {}", c, reason);
        } catch (EOFException e) {
            reason = "client closed in the middle of a packet";
        } catch (SocketException e) {
            reason = c.closeReason != null ? c.closeReason : "connection reset";
        } catch (IOException e) {
            reason = "read failed: " + e.getMessage();
        } catch (InterruptedException e) {
            reason = "interrupted";
        } catch (RuntimeException e) {
            reason = "internal error: " + e;
            LOG.warn("{} dropped after an internal error", c, e);
        } finally {
            if (c.writerThread != null && !c.writerThread.isAlive() && c.writerThread.getState() == Thread.State.NEW) {
                c.writerThread.start();
            }
            c.readerFinished();
            finish(c, c.closeReason != null ? c.closeReason : reason);
        }
    }

    /** Tethealla's flood limits, per clock second. Returns true (and drops) when exceeded. */
    private boolean floodCheck(Connection c, Frame frame) {
        boolean over = c.flood.over(settings.clock().instant().getEpochSecond(), frame.size(), c.role.shipSide());
        if (over) {
            LOG.info("{} dropped for possible DDOS ({} packets, {} bytes this second)", c, c.flood.packets(), c.flood.bytes());
            c.drop("flood: over Tethealla's per-second limits");
        }
        return over;
    }

    private void finish(Connection c, String reason) {
        locked(() -> {
            connections.remove(c);
            ship.left(c);
        });
        LOG.debug("{} closed: {}", c, reason);
        events.publish(new SandboxEvent.Disconnected(c.id, c.role, c.guildCard, reason == null ? "closed" : reason));
    }

    /**
     * Sends 1A and closes; for refused logins. The event is published first: a client that has seen the refusal
     * finds it in the history (after the send, a quick client could finish before it was there).
     */
    void reject(Connection c, LoginStep stage, String user, String text) {
        events.publish(new SandboxEvent.LoginRejected(c.id, stage, user, text));
        c.sendAndClose(TethPackets.messageBox(text), text);
    }

    // ------------------------------------------------------------------ dispatch

    private void handle(Connection c, Frame frame, LoginGate.Check check) throws ProtocolException {
        PortHandler handler = switch (c.role) {
            case LOGIN -> loginPort;
            case CHARACTER -> characterPort;
            case SHIP, BLOCK -> ship;
        };
        handler.handle(c, frame, check);
    }

    long now() {
        return settings.clock().instant().getEpochSecond();
    }

    Instant instant() {
        return settings.clock().instant();
    }

    byte[] redirect(Role role, int index) {
        return Packets.encode(new ServerRedirect(settings.advertise().getAddress(), port(role, index)));
    }

    // ------------------------------------------------------------------ tick

    private void tickLoop() {
        long nanos = settings.tickInterval().toNanos();
        while (running) {
            try {
                Thread.sleep(Duration.ofNanos(nanos));
            } catch (InterruptedException e) {
                return;
            }
            lock.lock();
            try {
                tick();
            } catch (RuntimeException e) {
                LOG.warn("tick failed", e);
            } finally {
                lock.unlock();
            }
        }
    }

    private void tick() {
        Instant now = instant();
        gate.prune(now);
        for (Connection c : connections.all()) timeouts.check(c, now);
        ship.tick(now);
    }
}
