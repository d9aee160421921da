package dev.shipctl.fuzz;

import dev.shipctl.protocol.registry.Packets;
import dev.shipctl.protocol.cipher.BbCipher;
import dev.shipctl.protocol.cipher.KeyTable;
import dev.shipctl.protocol.frame.FrameReader;
import dev.shipctl.protocol.fuzz.FrameScript.Step;
import dev.shipctl.protocol.packet.login.ServerInit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A loopback server that plays a fuzz input's side of a conversation, one {@link Round} per input: every connection
 * gets a valid 0x03, then the input's steps up to the next hang-up (the round's first connection the first group,
 * the second the second, …), encrypted with that 0x03's server key; then the server stops sending and waits for the
 * client to close. Every 0x19 the client will see is pointed back at this server, so redirects are followed here and
 * nowhere else.
 *
 * <p>One listener serves every round: a new port per input would run the machine out of ports, each closed
 * connection holding its port in TIME_WAIT for a minute.
 */
final class ScriptedServer implements AutoCloseable {
    /** How long a connection waits for the client to close once its steps are sent. */
    static final Duration CLIENT_CLOSE = Duration.ofSeconds(20);

    private final ServerSocket listener;
    private volatile Round round;

    ScriptedServer() throws IOException {
        listener = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().name("scripted-server-accept").start(this::acceptLoop);
    }

    /** Serves the next connections from this script; the previous round must be over. */
    Round play(ServerInit init, List<Step> steps) {
        Round r = new Round(Packets.encode(init), BbCipher.fromServerKey(KeyTable.tethealla(), init.serverKey()), groups(steps));
        round = r;
        return r;
    }

    /** The connections of one input. */
    final class Round {
        private final byte[] init;
        private final BbCipher serverCipher;
        private final List<List<Step>> groups;
        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private final List<CompletableFuture<Boolean>> closedByClient = new CopyOnWriteArrayList<>();

        private Round(byte[] init, BbCipher serverCipher, List<List<Step>> groups) {
            this.init = init;
            this.serverCipher = serverCipher;
            this.groups = groups;
        }

        /**
         * Waits until the client has closed every connection it opened in this round.
         *
         * @return how many connections it left open for {@link #CLIENT_CLOSE}
         */
        long connectionsLeftOpen() throws InterruptedException {
            long open = 0;
            for (CompletableFuture<Boolean> closed : closedByClient) {
                try {
                    if (!closed.get(CLIENT_CLOSE.toSeconds() + 5, TimeUnit.SECONDS)) open++;
                } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                    open++;
                }
            }
            return open;
        }

        int connections() {
            return closedByClient.size();
        }

        /** Closes what is still open of this round. */
        void end() throws IOException {
            for (Socket s : sockets) s.close();
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The steps of each connection: cut after every hang-up step. */
    private static List<List<Step>> groups(List<Step> steps) {
        List<List<Step>> groups = new ArrayList<>();
        List<Step> current = new ArrayList<>();
        for (Step s : steps) {
            current.add(s);
            if (s.hangUp()) {
                groups.add(current);
                current = new ArrayList<>();
            }
        }
        if (!current.isEmpty()) groups.add(current);
        return groups;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                return;
            }
            Round r = round;
            if (r == null) {
                closeQuietly(s);
                continue;
            }
            r.sockets.add(s);
            int n = r.closedByClient.size();
            List<Step> group = n < r.groups.size() ? r.groups.get(n) : List.of();
            CompletableFuture<Boolean> closed = new CompletableFuture<>();
            r.closedByClient.add(closed);
            Thread.ofVirtual().name("scripted-server-" + n).start(() -> serve(r, s, group, closed));
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    private void serve(Round r, Socket socket, List<Step> group, CompletableFuture<Boolean> closed) {
        try (socket) {
            socket.getOutputStream().write(r.init);
            socket.getOutputStream().write(wire(r.serverCipher, group));
            socket.shutdownOutput();
            closed.complete(drainUntilClosed(socket));
        } catch (IOException e) {
            closed.complete(true); // the client closed while we wrote: reset or broken pipe
        }
    }

    /** Reads what the client sends until it closes (true) or {@link #CLIENT_CLOSE} passes (false). */
    private static boolean drainUntilClosed(Socket socket) throws IOException {
        socket.setSoTimeout(200);
        long deadline = System.nanoTime() + CLIENT_CLOSE.toNanos();
        InputStream in = socket.getInputStream();
        byte[] sink = new byte[4096];
        while (System.nanoTime() < deadline) {
            try {
                if (in.read(sink) < 0) return true;
            } catch (SocketTimeoutException e) {
                // still open; look again
            }
        }
        return false;
    }

    /** The group's steps zero-padded to 8, redirects pointed here, encrypted. */
    private byte[] wire(BbCipher serverCipher, List<Step> group) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Step s : group) {
            out.writeBytes(s.packet());
            out.writeBytes(new byte[((s.packet().length + 7) & ~7) - s.packet().length]);
        }
        byte[] plain = out.toByteArray();
        pointRedirectsHere(plain);
        serverCipher.encrypt(plain, 0, plain.length);
        return plain;
    }

    /**
     * Walks the plaintext as the client's frame reader will (size fields may lie, so a step is not a frame) and
     * rewrites the address and port of every 0x19 it will decode.
     */
    private void pointRedirectsHere(byte[] plain) {
        int at = 0;
        while (at + 8 <= plain.length) {
            int size = (plain[at] & 0xFF) | (plain[at + 1] & 0xFF) << 8;
            int command = (plain[at + 2] & 0xFF) | (plain[at + 3] & 0xFF) << 8;
            if (size < 8 || ((size + 7) & ~7) > FrameReader.DEFAULT_MAX_FRAME) return;
            if (command == 0x19 && at + 0x0E <= plain.length) {
                plain[at + 0x08] = 127;
                plain[at + 0x09] = 0;
                plain[at + 0x0A] = 0;
                plain[at + 0x0B] = 1;
                plain[at + 0x0C] = (byte) port();
                plain[at + 0x0D] = (byte) (port() >>> 8);
            }
            at += (size + 7) & ~7;
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        Round r = round;
        if (r != null) r.end();
    }
}
