package dev.shipctl.sandbox;

import dev.shipctl.protocol.cipher.BbCipher;
import dev.shipctl.protocol.frame.FrameReader;
import dev.shipctl.protocol.frame.FrameWriter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client connection: its socket, cipher streams, an outbound queue drained by its own writer thread (so no
 * handler ever blocks on a slow client), and the session state the handlers keep: who the client is (account,
 * guild card, security record, character, lobby), plus one state object per concern ({@link CharacterSteps} on the
 * character port, {@link LobbyEntry}, {@link Announcement} and the {@link OncePerSecond} limits on blocks,
 * {@link FloodMeter} everywhere). Session state is guarded by the server lock; the I/O parts are thread-safe.
 */
final class Connection {
    /** Tethealla disconnects a client whose unsent data would pass this. */
    static final int MAX_QUEUED_BYTES = 64000;
    /** The most bytes of queued packets the writer gathers into one write. */
    private static final int BURST_BYTES = 16 << 10;
    private static final byte[] FLUSH_AND_CLOSE = new byte[0];
    private static final byte[] STOP = new byte[0];

    final long id;
    final Role role;
    final int block;
    final Socket socket;
    final InetSocketAddress remote;
    final Instant connectedAt;
    final FrameReader reader;
    private final FrameWriter writer;
    private final LinkedBlockingQueue<byte[]> outbox = new LinkedBlockingQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final CountDownLatch readerDone = new CountDownLatch(1);
    private volatile boolean closing;
    volatile String closeReason;
    Thread readerThread;
    Thread writerThread;

    // ---- session state, guarded by the server lock ----
    boolean sentLogin;
    boolean authenticated;
    Account account;
    int guildCard;
    boolean gm;
    SecurityRecord record;
    byte[] hardwareId = new byte[8];
    Instant lastClientPing;
    /** Character port only. */
    final CharacterSteps characterSteps = new CharacterSteps();
    StoredCharacter character;
    final LobbyEntry lobbyEntry = new LobbyEntry();
    Lobby lobby;
    int clientId = -1;
    final OncePerSecond chatLimit = new OncePerSecond();
    final OncePerSecond mailLimit = new OncePerSecond();
    final OncePerSecond lobbyChangeLimit = new OncePerSecond();
    final Announcement announcement = new Announcement();
    boolean bankCommon;
    /** Touched only by the reader thread. */
    final FloodMeter flood = new FloodMeter();

    Connection(long id, Role role, int block, Socket socket, Instant connectedAt) throws IOException {
        this.id = id;
        this.role = role;
        this.block = block;
        this.socket = socket;
        this.remote = (InetSocketAddress) socket.getRemoteSocketAddress();
        this.connectedAt = connectedAt;
        this.lastClientPing = connectedAt;
        this.reader = new FrameReader(socket.getInputStream());
        this.writer = new FrameWriter(socket.getOutputStream());
    }

    InetAddress address() {
        return remote.getAddress();
    }

    boolean closing() {
        return closing;
    }

    /** Writes the unencrypted 0x03 and switches both directions to the cipher. Called once, before the writer starts. */
    void start(byte[] init, BbCipher serverCipher, BbCipher clientCipher) throws IOException {
        writer.write(init);
        writer.encryptWith(serverCipher);
        reader.decryptWith(clientCipher);
    }

    /**
     * Queues a packet; drops the connection if the queue would pass {@link #MAX_QUEUED_BYTES}. The array is only read
     * (the writer encrypts a copy), so one may go to many connections.
     */
    void send(byte[] packet) {
        if (closing) return;
        if (queued.addAndGet(packet.length) > MAX_QUEUED_BYTES) {
            drop("send queue over " + MAX_QUEUED_BYTES + " bytes (client not reading)");
            return;
        }
        outbox.add(packet);
    }

    /** Sends {@code last} (if not null), then closes once it is written; further input is ignored. */
    void sendAndClose(byte[] last, String reason) {
        if (closing) return;
        if (last != null) send(last);
        if (closing) return;
        closeReason = reason;
        closing = true;
        outbox.add(FLUSH_AND_CLOSE);
    }

    /** Closes at once, discarding queued output. */
    void drop(String reason) {
        if (closeReason == null) closeReason = reason;
        closing = true;
        outbox.add(STOP);
        closeQuietly();
    }

    void readerFinished() {
        readerDone.countDown();
        outbox.add(STOP);
        closeQuietly();
    }

    /** The writer thread's body. */
    void writeLoop(long lingerMillis) {
        List<byte[]> burst = new ArrayList<>();
        try {
            while (true) {
                // the packets queued together (a handler's answer is often several) go out in one write
                byte[] marker = null;
                int bytes = 0;
                for (byte[] packet = outbox.take(); packet != null; packet = bytes < BURST_BYTES ? outbox.poll() : null) {
                    if (packet == STOP || packet == FLUSH_AND_CLOSE) {
                        marker = packet;
                        break;
                    }
                    burst.add(packet);
                    bytes += packet.length;
                }
                if (!burst.isEmpty()) {
                    queued.addAndGet(-bytes);
                    writer.write(burst);
                    burst.clear();
                }
                if (marker == STOP) return;
                if (marker == FLUSH_AND_CLOSE) {
                    socket.shutdownOutput();
                    readerDone.await(lingerMillis, TimeUnit.MILLISECONDS);
                    closeQuietly();
                    return;
                }
            }
        } catch (IOException e) {
            drop("write failed: " + e.getMessage());
        } catch (InterruptedException e) {
            closeQuietly();
        }
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing left to do
        }
    }

    /**
     * "#12 block3 127.0.0.2:40000 (user)", for log lines: a connection is passed to the logger as the argument, so
     * this is built only when the line is written (a closed connection's debug line is not, at info).
     */
    @Override
    public String toString() {
        return "#%d %s%s %s%s".formatted(id, role.label(), role == Role.BLOCK ? String.valueOf(block) : "",
                remote.getAddress().getHostAddress() + ":" + remote.getPort(),
                account != null ? " (" + account.user() + ")" : "");
    }
}
