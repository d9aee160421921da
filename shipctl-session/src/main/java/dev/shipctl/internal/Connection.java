package dev.shipctl.internal;

import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import dev.shipctl.TraceListener;
import dev.shipctl.protocol.Direction;
import dev.shipctl.protocol.Hex;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.Packets;
import dev.shipctl.protocol.ProtocolException;
import dev.shipctl.protocol.cipher.BbCipher;
import dev.shipctl.protocol.cipher.KeyTable;
import dev.shipctl.protocol.frame.Frame;
import dev.shipctl.protocol.frame.FrameReader;
import dev.shipctl.protocol.frame.FrameWriter;
import dev.shipctl.protocol.packet.Texts;
import dev.shipctl.protocol.packet.keepalive.ClientPing;
import dev.shipctl.protocol.packet.keepalive.ServerPing;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.protocol.packet.login.ServerInit;
import dev.shipctl.protocol.packet.login.ServerMessageBox;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * One TCP connection to a Blue Burst port: reads the server's 0x03, keys both ciphers, then sends and receives
 * packets. Waits are bounded by the client timeout; every I/O failure becomes a {@link ShipException} naming the
 * stage. Reads happen on one thread at a time; sends may come from any thread.
 */
public final class Connection implements AutoCloseable {
    private final String label;
    private final Socket socket;
    private final FrameReader reader;
    private final FrameWriter writer;
    private final ServerInit init;
    private final int initSize;
    private final Optional<TraceListener> trace;
    private volatile Stage stage;
    private volatile String lastMessageBox;
    private boolean received;

    private Connection(String label, Socket socket, Stage stage, KeyTable table, Optional<TraceListener> trace, Duration timeout)
            throws ShipException {
        this.label = label;
        this.socket = socket;
        this.stage = stage;
        this.trace = trace;
        try {
            socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            socket.setTcpNoDelay(true);
            this.reader = new FrameReader(new BufferedInputStream(socket.getInputStream(), 1 << 16));
            this.writer = new FrameWriter(new BufferedOutputStream(socket.getOutputStream(), 1 << 12));
            Frame first = reader.readPlain();
            if (first == null) throw new ShipException.ConnectionLost(stage, "the server closed the connection before sending its keys");
            traceIn(first.data());
            if (first.command() != 0x03) {
                throw new ShipException.ProtocolViolation(stage, "expected the 0x03 key packet, got " + Hex.command(first.command())
                        + ": is this a Blue Burst port?", null);
            }
            this.init = (ServerInit) Packets.decode(Direction.SERVER, first);
            this.initSize = first.size();
        } catch (SocketTimeoutException e) {
            close();
            throw new ShipException.StageTimeout(stage, "the server's 0x03 keys on " + label, timeout);
        } catch (ProtocolException e) {
            close();
            throw new ShipException.ProtocolViolation(stage, "the first packet on " + label + " is not a Blue Burst 0x03: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            close();
            throw new ShipException.ConnectionLost(stage, "connection failed while waiting for 0x03: " + e.getMessage());
        }
        reader.decryptWith(BbCipher.fromServerKey(table, init.serverKey()));
        writer.encryptWith(BbCipher.fromServerKey(table, init.clientKey()));
    }

    /** Connects and reads the 0x03. */
    public static Connection open(String label, String host, int port, Stage stage, KeyTable table,
                                  Optional<TraceListener> trace, Duration timeout) throws ShipException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
        } catch (SocketTimeoutException e) {
            closeQuietly(socket);
            throw new ShipException.StageTimeout(stage, "a TCP connection to " + host + ":" + port, timeout);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new ShipException.ConnectFailed(stage, host + ":" + port, e);
        }
        return new Connection(label + ":" + port, socket, stage, table, trace, timeout);
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

    /** Sets how long reads wait; zero waits forever (lobby mode, where keepalives detect dead peers). */
    public void readTimeout(Duration timeout) {
        try {
            socket.setSoTimeout((int) timeout.toMillis());
        } catch (SocketException e) {
            // the socket is closed; the next read reports it
        }
    }

    public void send(Packet packet) throws ShipException {
        byte[] bytes = Packets.encode(packet);
        try {
            traceOut(bytes);
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
     */
    public Packet receive(String waitingFor, Duration timeout, boolean answerPings) throws ShipException {
        {
            Frame frame;
            try {
                frame = reader.read();
            } catch (SocketTimeoutException e) {
                throw new ShipException.StageTimeout(stage, waitingFor + " on " + label + keyHint(), timeout);
            } catch (ProtocolException e) {
                throw new ShipException.ProtocolViolation(stage, e.getMessage()
                        + (received ? "" : " — the first encrypted packet makes no sense: wrong key table?"), e);
            } catch (EOFException e) {
                throw lost();
            } catch (IOException e) {
                if (socket.isClosed()) throw new ShipException.ConnectionLost(stage, "connection closed");
                throw lost();
            }
            if (frame == null) throw lost();
            traceIn(frame.data());
            Packet packet;
            try {
                packet = Packets.decode(Direction.SERVER, frame);
            } catch (ProtocolException e) {
                throw new ShipException.ProtocolViolation(stage, e.getMessage()
                        + (received ? "" : " — the first encrypted packet makes no sense: wrong key table?"), e);
            }
            received = true;
            if (packet instanceof ServerMessageBox box) lastMessageBox = Texts.display(box.text()).strip();
            if (answerPings && packet instanceof ServerPing) {
                send(new ClientPing());
            }
            return packet;
        }
    }

    private ShipException lost() {
        if (lastMessageBox == null && !received) {
            return new ShipException.ConnectionLost(stage, "closed before any answer" + keyHint());
        }
        return new ShipException.ConnectionLost(stage, lastMessageBox);
    }

    /**
     * A server that cannot decrypt our first packet says nothing, or closes: before any encrypted answer, the key
     * table is the likely cause.
     */
    private String keyHint() {
        return received ? "" : " (no encrypted answer yet: wrong key table? see --key-file)";
    }

    private void traceIn(byte[] data) {
        trace.ifPresent(t -> t.onPacket(Instant.now(), label, Direction.SERVER, data));
    }

    private void traceOut(byte[] data) {
        trace.ifPresent(t -> {
            byte[] copy = data;
            if (data.length >= ClientLogin.SIZE && (data[2] & 0xFF) == 0x93 && data[3] == 0) {
                copy = data.clone();
                Arrays.fill(copy, 0x4C, 0x7C, (byte) 0);
            }
            t.onPacket(Instant.now(), label, Direction.CLIENT, copy);
        });
    }

    public boolean isOpen() {
        return !socket.isClosed();
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
