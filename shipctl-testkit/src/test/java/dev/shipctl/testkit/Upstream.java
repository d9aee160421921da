package dev.shipctl.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The server behind a proxy under test: on each connection it sends {@link #GREETING} at once, then echoes what it
 * receives (and keeps a copy), and closes when the client closes.
 */
final class Upstream implements AutoCloseable {
    /** 100 bytes: 0, 1, 2, … 99. */
    static final byte[] GREETING = greeting();

    private final ServerSocket listener;
    private final List<Socket> sockets = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
    private volatile int accepted;

    Upstream() throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        start(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    int accepted() {
        return accepted;
    }

    /** The next chunk some connection received, or null after 10 s. */
    byte[] nextReceived() throws InterruptedException {
        return received.poll(10, TimeUnit.SECONDS);
    }

    /** Exactly {@code n} received bytes (from any connection), or what came within 10 s. */
    byte[] receivedBytes(int n) throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (out.size() < n) {
            byte[] chunk = nextReceived();
            if (chunk == null) break;
            out.writeBytes(chunk);
        }
        return out.toByteArray();
    }

    private void acceptLoop() {
        while (true) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                return;
            }
            accepted++;
            synchronized (sockets) {
                sockets.add(s);
            }
            start(() -> echo(s));
        }
    }

    private void echo(Socket s) {
        try (s) {
            OutputStream out = s.getOutputStream();
            out.write(GREETING);
            InputStream in = s.getInputStream();
            byte[] buffer = new byte[4096];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                received.add(java.util.Arrays.copyOf(buffer, n));
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // the proxy closed or reset
        }
    }

    private void start(Runnable r) {
        Thread t = Thread.ofPlatform().name("upstream").daemon().start(r);
        synchronized (threads) {
            threads.add(t);
        }
    }

    @Override
    public void close() throws Exception {
        listener.close();
        synchronized (sockets) {
            for (Socket s : sockets) s.close();
        }
        List<Thread> all;
        synchronized (threads) {
            all = List.copyOf(threads);
        }
        for (Thread t : all) t.join(5000);
    }

    private static byte[] greeting() {
        byte[] b = new byte[100];
        for (int i = 0; i < b.length; i++) b[i] = (byte) i;
        return b;
    }
}
