package dev.shipctl.cli.diagnostics;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A byte-for-byte relay on loopback in front of a server's ports, for {@code shipctl bench}: it rewrites nothing, and
 * notes per run (between two {@link #reset()}s) when a client first connected, when the last byte came from the
 * server, how many connections were made and whether one went to the login port. Connections of an earlier run that
 * are still closing do not count. Its threads are daemons and end when {@link #close()} closes the sockets.
 */
final class BenchRelay implements AutoCloseable {
    /** What one run looked like through the relay; times are {@link System#nanoTime()}, 0 when it did not happen. */
    record Seen(long firstConnect, long lastServerByte, int connections, boolean loginPort) {}

    private final List<ServerSocket> listeners = new ArrayList<>();
    private final List<Socket> open = new ArrayList<>();
    private final AtomicInteger generation = new AtomicInteger();
    private final AtomicLong firstConnect = new AtomicLong();
    private final AtomicLong lastServerByte = new AtomicLong();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean loginPort;
    private volatile boolean closed;

    /**
     * Listens on each key of {@code routes} and forwards to its value; {@code login} is the listening address of the
     * login port. Port 0 in a key takes a free port ({@link #port(InetSocketAddress)} says which).
     */
    BenchRelay(Map<InetSocketAddress, InetSocketAddress> routes, InetSocketAddress login) throws IOException {
        try {
            for (Map.Entry<InetSocketAddress, InetSocketAddress> r : routes.entrySet()) {
                ServerSocket s = new ServerSocket();
                listeners.add(s);
                s.bind(r.getKey(), 50);
                boolean isLogin = r.getKey().equals(login);
                InetSocketAddress to = r.getValue();
                Thread.ofPlatform().daemon().name("bench-relay-" + s.getLocalPort()).start(() -> accept(s, to, isLogin));
            }
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    /** One listening port in front of {@code target} on 127.0.0.1 (a real server's login port). */
    static BenchRelay inFrontOf(InetSocketAddress target) throws IOException {
        InetSocketAddress listen = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        return new BenchRelay(Map.of(listen, target), listen);
    }

    /** The port the relay listens on for the route whose listening address was {@code listen}. */
    int port(InetSocketAddress listen) {
        for (ServerSocket s : listeners) {
            if (s.getInetAddress().equals(listen.getAddress()) && (listen.getPort() == 0 || s.getLocalPort() == listen.getPort())) {
                return s.getLocalPort();
            }
        }
        throw new IllegalArgumentException("no such route: " + listen);
    }

    /** Starts a new run: what earlier connections do from now on is not counted. */
    void reset() {
        generation.incrementAndGet();
        firstConnect.set(0);
        lastServerByte.set(0);
        connections.set(0);
        loginPort = false;
    }

    /** What the run since the last {@link #reset()} looked like. */
    Seen seen() {
        return new Seen(firstConnect.get(), lastServerByte.get(), connections.get(), loginPort);
    }

    private void accept(ServerSocket server, InetSocketAddress to, boolean isLogin) {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            int run = generation.get();
            firstConnect.compareAndSet(0, System.nanoTime());
            connections.incrementAndGet();
            if (isLogin) loginPort = true;
            Socket upstream = new Socket();
            if (!track(client) || !track(upstream)) {
                quietly(client);
                quietly(upstream);
                return;
            }
            try {
                upstream.connect(to, 5_000);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
            } catch (IOException e) {
                quietly(client); // the client sees the server as unreachable, as it would without the relay
                quietly(upstream);
                continue;
            }
            pipe(client, upstream, run, false);
            pipe(upstream, client, run, true);
        }
    }

    private synchronized boolean track(Socket s) {
        if (closed) return false;
        open.removeIf(Socket::isClosed);
        open.add(s);
        return true;
    }

    private void pipe(Socket from, Socket to, int run, boolean fromServer) {
        Thread.ofPlatform().daemon().name("bench-relay-pipe").start(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (from; to) {
                InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream();
                for (int n; (n = in.read(buffer)) > 0; ) {
                    if (fromServer && generation.get() == run) lastServerByte.set(System.nanoTime());
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed: closing both (try-with-resources) ends the other direction too
            }
        });
    }

    private static void quietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // nothing to do
        }
    }

    @Override
    public void close() {
        List<java.io.Closeable> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(listeners);
            all.addAll(open);
        }
        for (java.io.Closeable c : all) {
            try {
                c.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
