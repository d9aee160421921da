package dev.shipctl.internal;

import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import dev.shipctl.TraceListener;
import dev.shipctl.protocol.Direction;
import dev.shipctl.protocol.Hex;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.registry.Packets;
import dev.shipctl.protocol.ProtocolException;
import dev.shipctl.protocol.cipher.BbCipher;
import dev.shipctl.protocol.cipher.KeyTable;
import dev.shipctl.protocol.frame.Frame;
import dev.shipctl.protocol.frame.FrameReader;
import dev.shipctl.protocol.frame.FrameWriter;
import dev.shipctl.protocol.Texts;
import dev.shipctl.protocol.packet.keepalive.ClientPing;
import dev.shipctl.protocol.packet.keepalive.ServerPing;
import dev.shipctl.protocol.packet.login.ServerInit;
import dev.shipctl.protocol.packet.login.ServerMessageBox;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import jdk.net.ExtendedSocketOptions;

/**
 * One TCP connection to a Blue Burst port: reads the server's 0x03, keys both ciphers, then sends and receives
 * packets. Every read is bounded by the current {@link Deadline} (the stage's, supplied by the login chain): a read
 * still waiting when it passes is ended by {@link DeadlineTimer}, which closes the socket, so a server that sends one
 * byte a second, or keeps sending packets nobody waits for, cannot hold a wait past it. Every I/O failure becomes a
 * {@link ShipException} naming the stage; a connection whose deadline ended a read is closed. A connection that
 * fails while opening closes its socket. Reads happen on one thread at a time; sends may come from any thread.
 */
public final class Connection implements AutoCloseable {
    /** Bytes of the read buffer: what a session held in a lobby keeps per connection besides its two ciphers. */
    static final int INPUT_BUFFER = 2 << 10;

    private final String label;
    private final Socket socket;
    private final DeadlineInput input;
    private final FrameReader reader;
    private final FrameWriter writer;
    private final ServerInit init;
    private final int initSize;
    private final Optional<TraceListener> trace;
    private final KeyCheck keys;
    private volatile Supplier<Deadline> deadline;
    private volatile Stage stage;
    private volatile String lastMessageBox;
    // the last whole packet received, for messages: its command and size, formatted only when a message needs them
    private volatile long lastPacket = -1;
    private long packetBytes;
    private boolean received;

    /**
     * Whether the key table has been proven right on this chain (an encrypted packet from the server decrypted and
     * made sense). Until then a silent or closing server hints at the table; after, it does not.
     */
    public static final class KeyCheck {
        private volatile boolean proven;

        void proven() {
            proven = true;
        }

        boolean isProven() {
            return proven;
        }
    }

    private Connection(String label, Socket socket, Stage stage, KeyTable table, Optional<TraceListener> trace,
                       Supplier<Deadline> deadline, KeyCheck keys) throws ShipException {
        this.label = label;
        this.socket = socket;
        this.stage = stage;
        this.trace = trace;
        this.deadline = deadline;
        this.keys = keys;
        try {
            socket.setTcpNoDelay(true);
            this.input = new DeadlineInput(socket.getInputStream());
            // 2 KiB in: a frame's header and the small packets of lobby life come several to a read, and a body as
            // large as the buffer or larger is read into its own array past it (the login's big packets: key config,
            // character, lobby). 8 KiB cost 6 KiB more per session held and read no faster (10,000-session swarms,
            // alternated: 854 against 877 logins/s, medians of three; 59 against 52 KiB). Nothing out: the writer sends each
            // packet whole with one write, so a buffer would only copy it (and cost 4 KiB per connection held)
            this.reader = new FrameReader(new BufferedInputStream(input, INPUT_BUFFER));
            this.writer = new FrameWriter(socket.getOutputStream());
            Frame first = reader.readPlain();
            if (first == null) throw new ShipException.ConnectionLost(stage, "the server closed the connection on " + label + " before sending its keys");
            traceIn(first.data());
            if (first.command() != 0x03) {
                throw new ShipException.ProtocolViolation(stage, "expected the 0x03 key packet on " + label + ", got "
                        + Hex.command(first.command()) + ": is this a Blue Burst port?", null);
            }
            this.init = (ServerInit) Packets.decode(Direction.SERVER, first);
            this.initSize = first.size();
        } catch (SocketTimeoutException e) {
            close();
            throw timeout("the server's 0x03 keys on " + label);
        } catch (ProtocolException e) {
            close();
            throw new ShipException.ProtocolViolation(stage, "the first packet on " + label + " is not a Blue Burst 0x03: "
                    + e.getMessage(), e);
        } catch (EOFException e) {
            close();
            throw new ShipException.ConnectionLost(stage, "the server closed the connection on " + label + " in the middle of its 0x03 keys");
        } catch (IOException e) {
            close();
            throw new ShipException.ConnectionLost(stage, "connection failed on " + label + " while waiting for 0x03: " + e.getMessage());
        } catch (ShipException | RuntimeException | Error e) {
            close();
            throw e;
        }
        BbCipher.Pair ciphers = BbCipher.fromServerKeys(table, init.serverKey(), init.clientKey());
        reader.decryptWith(ciphers.first());
        writer.encryptWith(ciphers.second());
    }

    /**
     * {@link dev.shipctl.ShipClient#prepare()}'s part here: initialises the packet registry (which reads every record's
     * command), the cipher with the bundled key table, and the socket classes a connection uses.
     */
    public static void prepare() {
        Packets.encode(new ClientPing());
        byte[] block = new byte[8];
        BbCipher.fromSeed(KeyTable.tethealla(), new byte[BbCipher.SEED_LENGTH]).encrypt(block, 0, block.length);
        new InetSocketAddress(InetAddress.getLoopbackAddress(), ShipClient.DEFAULT_PORT).getHostString();
        ExtendedSocketOptions.TCP_QUICKACK.name();
    }

    /**
     * Connects and reads the 0x03, both within {@code deadline}.
     *
     * @param deadline the deadline of each wait, asked again before every read (the chain moves it stage by stage)
     * @param keys shared by the connections of one login chain
     */
    public static Connection open(String label, String host, int port, Stage stage, KeyTable table,
                                  Optional<TraceListener> trace, Supplier<Deadline> deadline, KeyCheck keys) throws ShipException {
        return open(label, host, port, Optional.empty(), stage, table, trace, deadline, keys);
    }

    /** As {@link #open(String, String, int, Stage, KeyTable, Optional, Supplier, KeyCheck)}, from {@code local} when given. */
    public static Connection open(String label, String host, int port, Optional<InetAddress> local, Stage stage, KeyTable table,
                                  Optional<TraceListener> trace, Supplier<Deadline> deadline, KeyCheck keys) throws ShipException {
        String name = label + ":" + port;
        Deadline d = deadline.get();
        if (d.passed()) throw new ShipException.StageTimeout(stage, "a TCP connection to " + host + ":" + port, d.limit(),
                d.whole() ? "the deadline of the whole login passed" : "");
        // a direct socket: Blue Burst speaks to its server straight, and a plain Socket would ask the proxy selector
        // (and build a URI for it) at every connect, six a login
        Socket socket = new Socket(Proxy.NO_PROXY);
        try {
            if (local.isPresent()) socket.bind(new InetSocketAddress(local.get(), 0));
            socket.connect(new InetSocketAddress(host, port), d.remainingMillisForSocket());
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new ShipException.StageTimeout(stage, "a TCP connection to " + host + ":" + port, d.limit());
        } catch (IOException | RuntimeException e) {
            closeQuietly(socket);
            if (resetAfterHandshake(e)) {
                throw new ShipException.ConnectionLost(stage, "connection reset on " + name + " as it was opened");
            }
            throw new ShipException.ConnectFailed(stage, host + ":" + port, e);
        }
        return new Connection(name, socket, stage, table, trace, deadline, keys);
    }

    /**
     * Whether {@code connect()} failed with a reset, which can come only after the handshake (a port nobody listens on
     * refuses, a {@link ConnectException}): the server accepted and reset at once, before {@code connect()} returned.
     * That server was reached and dropped us, as when the reset comes a moment later, while we wait for its 0x03.
     */
    static boolean resetAfterHandshake(Exception e) {
        return e instanceof SocketException && !(e instanceof ConnectException)
                && e.getMessage() != null && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("reset");
    }

    public ServerInit init() {
        return init;
    }

    public int initSize() {
        return initSize;
    }

    public String label() {
        return label;
    }

    public void stage(Stage stage) {
        this.stage = stage;
    }

    /** The text of the last 0x1A this connection received. */
    public Optional<String> lastMessageBox() {
        return Optional.ofNullable(lastMessageBox);
    }

    /** Bytes of the whole packets received so far on this connection after the 0x03 (headers included). */
    public long packetBytesReceived() {
        return packetBytes;
    }

    /** The last whole packet received: its command and size ("0x1D (8 bytes)"). */
    public Optional<String> lastPacket() {
        long last = lastPacket;
        return last < 0 ? Optional.empty() : Optional.of(Hex.command((int) (last >>> 32)) + " (" + (int) last + " bytes)");
    }

    /** Where the deadline of each read comes from from now on; {@link Deadline#NONE} waits for ever (lobby mode). */
    public void deadline(Supplier<Deadline> deadline) {
        this.deadline = deadline;
    }

    public void send(Packet packet) throws ShipException {
        byte[] bytes = Packets.encode(packet);
        try {
            traceOut(bytes);
            input.answered(); // before the write: data read meanwhile stays owed (the segment may leave before it came)
            writer.write(bytes);
        } catch (IOException e) {
            throw new ShipException.ConnectionLost(stage, lastMessageBox != null ? lastMessageBox
                    : "could not send " + Hex.command(packet.command() == null ? bytes[2] & 0xFF : packet.command().code())
                      + ": " + e.getMessage());
        }
    }

    /**
     * The next packet, answering server pings on the way unless {@code answerPings} is false.
     *
     * @param waitingFor what the caller waits for, for the timeout message
     * @throws ShipException.StageTimeout the deadline passed before a whole packet arrived
     */
    public Packet receive(String waitingFor, boolean answerPings) throws ShipException {
        if (deadline.get().passed()) throw timeout(waitingFor + " on " + label);
        Frame frame;
        try {
            frame = reader.read();
        } catch (SocketTimeoutException e) {
            throw timeout(waitingFor + " on " + label);
        } catch (ProtocolException e) {
            throw new ShipException.ProtocolViolation(stage, e.getMessage() + " on " + label
                    + (received || keys.isProven() ? "" : " — the first encrypted packet makes no sense: wrong key table?"), e);
        } catch (EOFException e) {
            throw lost("in the middle of a packet");
        } catch (IOException e) {
            if (socket.isClosed()) throw new ShipException.ConnectionLost(stage, "connection closed");
            throw lost(e.getMessage());
        }
        if (frame == null) throw lost(null);
        traceIn(frame.data());
        Packet packet;
        try {
            packet = Packets.decode(Direction.SERVER, frame);
        } catch (ProtocolException e) {
            throw new ShipException.ProtocolViolation(stage, e.getMessage() + " on " + label
                    + (received || keys.isProven() ? "" : " — the first encrypted packet makes no sense: wrong key table?"), e);
        }
        received = true;
        packetBytes += frame.size();
        keys.proven();
        lastPacket = ((long) frame.command() << 32) | frame.size();
        if (packet instanceof ServerMessageBox box) lastMessageBox = Texts.display(box.text()).strip();
        if (answerPings && packet instanceof ServerPing) {
            send(new ClientPing());
        }
        return packet;
    }

    /** A timeout naming what did arrive meanwhile, so a dripping server reads differently from a silent one. */
    private ShipException.StageTimeout timeout(String waitingFor) {
        Deadline d = deadline.get();
        long bytes = input.bytes() - initSize; // what came after the 0x03, or before it while waiting for it
        String progress;
        if (bytes == 0) {
            progress = "nothing received" + keyHint();
        } else {
            progress = bytes + " byte" + (bytes == 1 ? "" : "s") + " received"
                    + lastPacket().map(last -> ", the last whole packet " + last).orElse(", not one whole packet");
        }
        if (d.whole()) progress += "; the deadline of the whole login passed";
        return new ShipException.StageTimeout(stage, waitingFor, d.limit(), progress);
    }

    private ShipException lost(String detail) {
        if (lastMessageBox != null) return new ShipException.ConnectionLost(stage, lastMessageBox);
        if (!received) {
            return new ShipException.ConnectionLost(stage, "closed " + label + " before any answer" + keyHint());
        }
        return new ShipException.ConnectionLost(stage, detail);
    }

    /**
     * A server that cannot decrypt our first packet says nothing, or closes, without a single byte of answer: before
     * any encrypted answer on this chain, the key table is a likely cause. Never said once the table is proven.
     */
    private String keyHint() {
        return init == null || received || keys.isProven() || input.bytes() > initSize ? "" : " (no encrypted answer yet: wrong key table? see --key-file)";
    }

    private void traceIn(byte[] data) {
        trace.ifPresent(t -> t.onPacket(Instant.now(), label, Direction.SERVER, TraceRedaction.server(data)));
    }

    private void traceOut(byte[] data) {
        trace.ifPresent(t -> t.onPacket(Instant.now(), label, Direction.CLIENT, TraceRedaction.client(data)));
    }

    public boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() {
        if (input != null) input.stopTimer(); // null when the constructor failed before making it
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /**
     * The socket's input, giving each read what is left of the deadline as its timeout and refusing to read once it
     * has passed. Counts what arrived, for timeout messages.
     */
    private final class DeadlineInput extends FilterInputStream {
        private volatile long bytes;

        private static final long NOT_WAITING = Long.MAX_VALUE; // Deadline.NONE's instant: never watched

        private boolean quickAck;
        // data arrived since this side last sent: its acknowledgement is still owed (delayed by the kernel)
        private volatile boolean ackOwed;
        // guarded by this: the deadline a read waits under (NOT_WAITING between reads), whether the timer ended one,
        // and the timer armed for the deadline at timerAt
        private long waitingUntil = NOT_WAITING;
        private boolean expired;
        private Future<?> timer;
        private long timerAt;

        DeadlineInput(InputStream in) {
            super(in);
            quickAck = socket.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
        }

        long bytes() {
            return bytes;
        }

        @Override
        public int read() throws IOException {
            Deadline d = arm();
            int b;
            try {
                b = super.read();
            } catch (IOException e) {
                throw settle(d, e);
            }
            IOException ended = settle(d, null); // the data came, but the deadline closed the socket meanwhile
            if (ended != null) throw ended;
            if (b >= 0) {
                bytes++;
                ackOwed = true;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Deadline d = arm();
            int n;
            try {
                n = super.read(b, off, len);
            } catch (IOException e) {
                throw settle(d, e);
            }
            IOException ended = settle(d, null); // the data came, but the deadline closed the socket meanwhile
            if (ended != null) throw ended;
            if (n > 0) {
                bytes += n;
                ackOwed = true;
            }
            return n;
        }

        /** A packet goes out: it carries the acknowledgement of what has arrived. */
        void answered() {
            ackOwed = false;
        }

        /**
         * Before waiting for more: acknowledges what arrived since this side last sent, at once instead of after the
         * kernel's delayed-ACK timer (about 40 ms on Linux). Servers that write a reply in more than one segment
         * (Tethealla's block answers 0x61 so) otherwise wait for that ACK under Nagle's algorithm. Linux leaves
         * quick-ACK mode by itself, so it is set before each such wait; a packet sent since carried the ACK, and then
         * nothing is done (the common case: an answer, then a wait for the next reply). Nothing either where the
         * option does not exist (not Linux).
         */
        private void quickAck() {
            if (!quickAck || !ackOwed) return;
            ackOwed = false;
            try {
                socket.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
            } catch (IOException | UnsupportedOperationException e) {
                quickAck = false;
            }
        }

        /**
         * Before a read: refuses once the deadline has passed, else has the timer end the read at the deadline. The
         * read itself has no socket timeout: a timed read would arm and cancel a timer of the JDK's at every wait
         * (a login waits about forty times), where this one is armed once per deadline, a stage's.
         */
        private Deadline arm() throws IOException {
            Deadline d = deadline.get();
            if (d.passed()) throw new SocketTimeoutException("deadline passed");
            if (d.isNone()) {
                stopTimer();
            } else {
                synchronized (this) {
                    if (expired) throw new SocketTimeoutException("deadline passed");
                    waitingUntil = d.at();
                    if (timer == null || timerAt != d.at()) {
                        if (timer != null) timer.cancel(false);
                        long at = d.at();
                        timer = DeadlineTimer.schedule(() -> expire(at), at - System.nanoTime());
                        timerAt = at;
                    }
                }
            }
            quickAck();
            return d;
        }

        /**
         * After a read under {@code d}: whether the timer ended it (then the read's own exception, if any, is the
         * closed socket's, and a {@link SocketTimeoutException} is what happened).
         *
         * @return what to throw: the timeout if the deadline ended the read, else {@code failure} (null when the read
         *         worked)
         */
        private IOException settle(Deadline d, IOException failure) {
            if (d.isNone()) return failure;
            synchronized (this) {
                waitingUntil = NOT_WAITING;
                if (expired) {
                    SocketTimeoutException timeout = new SocketTimeoutException("deadline passed");
                    if (failure != null) timeout.addSuppressed(failure);
                    return timeout;
                }
            }
            return failure;
        }

        /** The timer's task for the deadline at {@code at}: closes the socket if a read is still waiting under it. */
        private void expire(long at) {
            synchronized (this) {
                if (waitingUntil != at || expired) return;
                expired = true;
            }
            closeQuietly(socket);
        }

        synchronized void stopTimer() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }
    }
}
