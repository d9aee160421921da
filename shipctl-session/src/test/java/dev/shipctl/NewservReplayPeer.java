package dev.shipctl;

import dev.shipctl.protocol.captures.Captures;
import dev.shipctl.protocol.frame.Frame;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A scripted peer that replays packets captured from a real newserv on one port, as newserv runs the whole flow on
 * one port: each accepted connection plays the next captured connection, sending the server's packets as recorded
 * (with the recorded 0x03 keys) and reading one client packet wherever the capture has one. 0x19 redirects are
 * rewritten to this peer's port. What the client sent is kept, per connection, for assertions.
 */
final class NewservReplayPeer implements AutoCloseable {
    /**
     * One connection's script: the capture directory, the last file to replay before just holding on (null: to the
     * end, then close as the server did), and a file to hold before until {@link #release()} (null: none), so a
     * test decides when a packet that came much later on the real server (an idle ping) arrives.
     */
    record Script(String stage, String lastFile, String holdBefore) {
        Script(String stage) {
            this(stage, null, null);
        }

        Script(String stage, String lastFile) {
            this(stage, lastFile, null);
        }
    }

    /** What the client sent on one connection, decrypted. */
    record Received(String stage, List<Frame> frames) {}

    private final ServerSocket socket;
    private final ConcurrentLinkedQueue<Script> scripts;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.Semaphore held = new java.util.concurrent.Semaphore(0);

    NewservReplayPeer(List<Script> plan) throws IOException {
        socket = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        scripts = new ConcurrentLinkedQueue<>(plan);
        Thread.ofVirtual().start(this::acceptLoop);
    }

    /** Lets a script go on past its {@code holdBefore} file. */
    void release() {
        held.release();
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Client packets per connection, in the order the connections were accepted. */
    List<Received> received() {
        return List.copyOf(received);
    }

    /** Every client packet, in order. */
    List<Frame> frames() {
        return received.stream().flatMap(r -> r.frames().stream()).toList();
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket s = socket.accept();
                open.add(s);
                Script script = scripts.poll();
                if (script == null) {
                    s.close();
                    continue;
                }
                Received got = new Received(script.stage(), new CopyOnWriteArrayList<>());
                received.add(got);
                Thread.ofVirtual().start(() -> replay(s, script, got));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void replay(Socket s, Script script, Received got) {
        try (s) {
            CaptureReplay replay = new CaptureReplay(s);
            boolean played = replay.play(Captures.stage("newserv", script.stage()), script.lastFile(), this::rewrite,
                    c -> {
                        if (c.file().equals(script.holdBefore())) held.acquire();
                    },
                    got.frames()::add);
            // a capture played to its end: newserv closed the connection, or the client did
            if (played && script.lastFile() != null) replay.holdUntilClosed(got.frames()::add);
        } catch (Exception e) {
            // the client closed the connection: the script ends here
        }
    }

    /** Points recorded 0x19 redirects at this peer's port. */
    private byte[] rewrite(byte[] packet) {
        if ((packet[2] & 0xFF) != 0x19) return packet;
        byte[] copy = Arrays.copyOf(packet, packet.length);
        copy[0x08] = 127;
        copy[0x09] = 0;
        copy[0x0A] = 0;
        copy[0x0B] = 1;
        copy[0x0C] = (byte) port();
        copy[0x0D] = (byte) (port() >>> 8);
        return copy;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        for (Socket s : open) s.close();
    }
}
