package dev.shipctl;

import dev.shipctl.protocol.captures.Captures;
import dev.shipctl.protocol.frame.Frame;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scripted peer that replays packets captured from a real Tethealla: each port serves its captured connections
 * in order, sending the server's packets as recorded (with the recorded 0x03 keys) and reading one client packet
 * wherever the capture has one. 0x19 redirects are rewritten to this peer's own ports. What the client sent is kept
 * for assertions.
 */
final class ReplayPeer implements AutoCloseable {
    enum Port { LOGIN, CHARACTER, SHIP, BLOCK }

    /**
     * One connection's script: the capture directory, the last file to replay, and packets of the test's own to send
     * after it (plain, encrypted here) before just holding on.
     */
    record Script(String stage, String lastFile, List<byte[]> then) {
        Script(String stage, String lastFile) {
            this(stage, lastFile, List.of());
        }
    }

    private final Map<Port, ServerSocket> sockets = new ConcurrentHashMap<>();
    private final Map<Port, ConcurrentLinkedQueue<Script>> scripts = new ConcurrentHashMap<>();
    private final List<Frame> received = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Frame> arrivals = new LinkedBlockingQueue<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    ReplayPeer(Map<Port, List<Script>> plan) throws IOException {
        for (Port port : Port.values()) {
            sockets.put(port, new ServerSocket(0, 8, InetAddress.getLoopbackAddress()));
            scripts.put(port, new ConcurrentLinkedQueue<>(plan.getOrDefault(port, List.of())));
        }
        for (Port port : Port.values()) {
            threads.add(Thread.ofVirtual().start(() -> acceptLoop(port)));
        }
    }

    int port(Port port) {
        return sockets.get(port).getLocalPort();
    }

    /** Client packets received so far, in order, decrypted. */
    List<Frame> received() {
        return List.copyOf(received);
    }

    /** The next client packet with this command not yet taken here, waiting at most {@code wait}; null if none came. */
    Frame next(int command, Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        for (Frame f; (f = arrivals.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS)) != null; ) {
            if (f.command() == command) return f;
        }
        return null;
    }

    private void record(Frame f) {
        received.add(f);
        arrivals.add(f);
    }

    private void acceptLoop(Port port) {
        ServerSocket server = sockets.get(port);
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                Script script = scripts.get(port).poll();
                if (script == null) {
                    s.close();
                    continue;
                }
                Thread.ofVirtual().start(() -> replay(s, script));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void replay(Socket socket, Script script) {
        try (socket) {
            CaptureReplay replay = new CaptureReplay(socket);
            if (replay.play(Captures.stage("tethealla", script.stage()), script.lastFile(), this::rewrite, c -> { }, this::record)) {
                for (byte[] packet : script.then()) replay.send(packet);
                replay.holdUntilClosed(this::record);
            }
        } catch (Exception e) {
            // the client closed the connection: the script ends here
        }
    }

    /** Points recorded 0x19 redirects at this peer: 12001 → character, 5278 → ship, 5279+ → block. */
    private byte[] rewrite(byte[] packet) {
        if ((packet[2] & 0xFF) != 0x19) return packet;
        byte[] copy = Arrays.copyOf(packet, packet.length);
        int recorded = (copy[0x0C] & 0xFF) | (copy[0x0D] & 0xFF) << 8;
        Port target = recorded == 12001 ? Port.CHARACTER : recorded == 5278 ? Port.SHIP : Port.BLOCK;
        int port = port(target);
        copy[0x08] = 127;
        copy[0x09] = 0;
        copy[0x0A] = 0;
        copy[0x0B] = 1;
        copy[0x0C] = (byte) port;
        copy[0x0D] = (byte) (port >>> 8);
        return copy;
    }

    @Override
    public void close() throws IOException {
        for (ServerSocket s : sockets.values()) s.close();
        for (Socket s : open) s.close();
    }
}
