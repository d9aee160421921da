package dev.shipctl.testkit;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.Direction;
import dev.shipctl.protocol.registry.Packets;
import dev.shipctl.protocol.cipher.BbCipher;
import dev.shipctl.protocol.cipher.KeyTable;
import dev.shipctl.protocol.frame.FrameReader;
import dev.shipctl.protocol.frame.FrameWriter;
import dev.shipctl.protocol.packet.keepalive.ServerPing;
import dev.shipctl.protocol.packet.login.ServerInit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Blue Burst port that opens like a Tethealla server — a valid 0x03 with its keys, banner "Tethealla Gate" — and
 * then misbehaves in one {@link Behaviour} on every connection. For testing that a client never hangs, never
 * leaks and always says what went wrong.
 *
 * <pre>{@code
 * try (HostileServer server = HostileServer.start(HostileServer.Behaviour.PING_FLOOD)) {
 *     ... connect a client to 127.0.0.1:server.port() ...
 * }
 * }</pre>
 *
 * <p>Bounded: at most {@link Builder#maxConnections} at a time (more are closed at accept), up to two threads per
 * connection (the behaviour, while it sends; a reader that drains and closes when the client leaves) plus an
 * acceptor and a timer.
 * Closes itself after {@link Builder#lifetime}; {@link #close()} closes every socket and joins every thread.
 */
public final class HostileServer implements AutoCloseable {
    /** A command no Blue Burst server sends and shipctl does not know (checked by the tests). */
    public static final int UNKNOWN_COMMAND = 0x00F7;
    /** The largest frame a Tethealla client buffer takes (protocol notes §1). */
    public static final int BIG_FRAME = FrameReader.DEFAULT_MAX_FRAME;

    /** What the server does after (or instead of) its 0x03. */
    public enum Behaviour {
        /** A valid 0x03, then nothing: reads and ignores whatever the client sends. */
        SILENT(true),
        /** A valid 0x03, then endless random bytes, not encrypted with the announced keys. */
        GARBAGE(true),
        /** A valid 0x03, then an encrypted header announcing 0xFFFF bytes, then nothing. */
        HUGE_SIZE(true),
        /** A valid 0x03, then endless encrypted 8-byte frames of {@link #UNKNOWN_COMMAND}. */
        UNKNOWN_FRAME_FLOOD(true),
        /** A valid 0x03, then an encrypted 0x1D ping every {@link Builder#pingInterval} (5 ms), forever. */
        PING_FLOOD(true),
        /** A valid 0x03, then endless encrypted {@link #BIG_FRAME}-byte frames of {@link #UNKNOWN_COMMAND}. */
        BIG_FRAME_FLOOD(true),
        /** A valid 0x03, then the connection closed (FIN). */
        CLOSE_AFTER_INIT(true),
        /** Accepts and never sends anything, not even a 0x03. */
        NO_INIT(false);

        private final boolean sendsInit;

        Behaviour(boolean sendsInit) {
            this.sendsInit = sendsInit;
        }

        /** Whether the server sends a valid 0x03 first. */
        public boolean sendsInit() {
            return sendsInit;
        }
    }

    private final Settings settings;
    private final ServerSocket listener;
    private final Object lock = new Object();
    private final Set<Socket> open = new HashSet<>();
    private final Set<Thread> threads = new HashSet<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private boolean closed;

    private record Settings(Behaviour behaviour, KeyTable keyTable, int maxConnections, Duration pingInterval, Duration lifetime) {}

    private HostileServer(Settings settings, ServerSocket listener) {
        this.settings = settings;
        this.listener = listener;
    }

    /** A server on a free loopback port with the default settings. */
    public static HostileServer start(Behaviour behaviour) throws IOException {
        return builder().behaviour(behaviour).start();
    }

    public static Builder builder() {
        return new Builder();
    }

    public int port() {
        return listener.getLocalPort();
    }

    public InetAddress address() {
        return listener.getInetAddress();
    }

    public Behaviour behaviour() {
        return settings.behaviour;
    }

    /** Connections accepted so far (including those closed at accept). */
    public int accepted() {
        return accepted.get();
    }

    /** Connections currently open. */
    public int openConnections() {
        synchronized (lock) {
            return open.size();
        }
    }

    /** Stops listening, closes every connection and joins every thread. Idempotent. */
    @Override
    public void close() {
        java.util.List<Socket> sockets;
        java.util.List<Thread> toJoin;
        synchronized (lock) {
            closed = true;
            sockets = java.util.List.copyOf(open);
            toJoin = java.util.List.copyOf(threads);
        }
        closedLatch.countDown();
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        sockets.forEach(FaultProxy::closeQuietly);
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

    private void startThreads() {
        startThread("hostile-" + port() + "-accept", this::acceptLoop);
        startThread("hostile-" + port() + "-lifetime", () -> {
            try {
                if (!closedLatch.await(settings.lifetime.toMillis(), TimeUnit.MILLISECONDS)) close();
            } catch (InterruptedException e) {
                // closing
            }
        });
    }

    private void acceptLoop() {
        while (true) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                return;
            }
            int n = accepted.incrementAndGet();
            synchronized (lock) {
                if (!closed && open.size() < settings.maxConnections) {
                    open.add(s);
                    String name = "hostile-" + port() + "-" + n;
                    startThread(name, () -> misbehave(s, n));
                    startThread(name + "-drain", () -> drain(s));
                    continue;
                }
            }
            FaultProxy.closeQuietly(s);
        }
    }

    /** Reads and drops what the client sends; when it leaves, the connection is closed. */
    private void drain(Socket s) {
        byte[] buffer = new byte[4096];
        try {
            InputStream in = s.getInputStream();
            while (in.read(buffer) >= 0) {
                // ignored
            }
        } catch (IOException e) {
            // reset or closed
        } finally {
            closeConnection(s);
        }
    }

    private void misbehave(Socket s, int connection) {
        try {
            s.setTcpNoDelay(true);
            OutputStream out = s.getOutputStream();
            Random random = new Random(connection);
            byte[] serverKey = new byte[BbCipher.SEED_LENGTH];
            byte[] clientKey = new byte[BbCipher.SEED_LENGTH];
            random.nextBytes(serverKey);
            random.nextBytes(clientKey);
            if (settings.behaviour.sendsInit()) {
                out.write(Packets.encode(new ServerInit(ServerInit.COPYRIGHT, "Tethealla Gate v.047", serverKey, clientKey, new byte[0])));
                out.flush();
            }
            BbCipher cipher = BbCipher.fromServerKey(settings.keyTable, serverKey);
            switch (settings.behaviour) {
                case SILENT, NO_INIT -> { } // the drain keeps the connection open until the client leaves
                case CLOSE_AFTER_INIT -> s.shutdownOutput(); // FIN; the drain closes once the client has gone
                case HUGE_SIZE -> out.write(encrypted(cipher, header(0xFFFF, 0xE6)));
                case GARBAGE -> {
                    byte[] garbage = new byte[4096];
                    while (true) {
                        random.nextBytes(garbage);
                        out.write(garbage);
                    }
                }
                case UNKNOWN_FRAME_FLOOD -> {
                    byte[] frames = repeat(encrypted(cipher, header(8, UNKNOWN_COMMAND)), 512);
                    while (true) out.write(frames);
                }
                case BIG_FRAME_FLOOD -> {
                    byte[] frame = new byte[BIG_FRAME];
                    System.arraycopy(header(BIG_FRAME, UNKNOWN_COMMAND), 0, frame, 0, 8);
                    byte[] wire = encrypted(cipher, frame);
                    while (true) out.write(wire);
                }
                case PING_FLOOD -> {
                    FrameWriter writer = new FrameWriter(out);
                    writer.encryptWith(cipher);
                    byte[] ping = Packets.encode(new ServerPing());
                    while (true) {
                        writer.write(ping);
                        Thread.sleep(settings.pingInterval);
                    }
                }
            }
        } catch (IOException e) {
            // the client left, or the server is closing
        } catch (InterruptedException e) {
            // closing
        }
    }

    private static byte[] header(int size, int command) {
        return new byte[] {(byte) size, (byte) (size >>> 8), (byte) command, (byte) (command >>> 8), 0, 0, 0, 0};
    }

    private static byte[] encrypted(BbCipher cipher, byte[] plain) {
        byte[] wire = plain.clone();
        cipher.encrypt(wire, 0, wire.length);
        return wire;
    }

    private static byte[] repeat(byte[] unit, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(unit.length * times);
        for (int i = 0; i < times; i++) out.writeBytes(unit);
        return out.toByteArray();
    }

    private void closeConnection(Socket s) {
        FaultProxy.closeQuietly(s);
        synchronized (lock) {
            open.remove(s);
        }
    }

    private void startThread(String name, Runnable body) {
        synchronized (lock) {
            if (closed) return;
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
        }
    }

    /**
     * Configures a hostile server. Defaults: loopback, a free port, {@link Behaviour#SILENT}, the bundled Tethealla
     * key table, 16 connections, a ping every 5 ms, a lifetime of 5 minutes.
     */
    public static final class Builder {
        private InetAddress bind = InetAddress.getLoopbackAddress();
        private int port;
        private Behaviour behaviour = Behaviour.SILENT;
        private KeyTable keyTable;
        private int maxConnections = 16;
        private Duration pingInterval = Duration.ofMillis(5);
        private Duration lifetime = Duration.ofMinutes(5);

        private Builder() {}

        /** A loopback address to listen on. */
        public Builder bind(InetAddress address) {
            if (!address.isLoopbackAddress()) throw new IllegalArgumentException("a hostile server listens on loopback only");
            this.bind = address;
            return this;
        }

        public Builder port(int port) {
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port);
            this.port = port;
            return this;
        }

        public Builder behaviour(Behaviour behaviour) {
            this.behaviour = Objects.requireNonNull(behaviour);
            return this;
        }

        /** The table its encrypted frames use (the client must use the same one). */
        public Builder keyTable(KeyTable table) {
            this.keyTable = Objects.requireNonNull(table);
            return this;
        }

        public Builder maxConnections(int n) {
            if (n < 1) throw new IllegalArgumentException("maxConnections must be at least 1");
            this.maxConnections = n;
            return this;
        }

        public Builder pingInterval(Duration d) {
            this.pingInterval = positive(d);
            return this;
        }

        /** The server closes itself this long after it started. */
        public Builder lifetime(Duration d) {
            this.lifetime = positive(d);
            return this;
        }

        /**
         * Binds and starts serving.
         *
         * @throws IOException the port could not be bound
         */
        public HostileServer start() throws IOException {
            KeyTable table = keyTable != null ? keyTable : KeyTable.tethealla();
            ServerSocket s = new ServerSocket();
            try {
                s.bind(new InetSocketAddress(bind, port), 50);
            } catch (IOException e) {
                s.close();
                throw e;
            }
            HostileServer server = new HostileServer(new Settings(behaviour, table, maxConnections, pingInterval, lifetime), s);
            server.startThreads();
            return server;
        }

        private static Duration positive(Duration d) {
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("duration must be positive: " + d);
            return d;
        }
    }

    static {
        if (Command.find(Direction.SERVER, UNKNOWN_COMMAND).isPresent()) {
            throw new ExceptionInInitializerError("UNKNOWN_COMMAND is a known command now: pick another");
        }
    }
}
