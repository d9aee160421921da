package dev.shipctl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.protocol.Direction;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.registry.Packets;
import dev.shipctl.protocol.cipher.BbCipher;
import dev.shipctl.protocol.cipher.KeyTable;
import dev.shipctl.protocol.frame.Frame;
import dev.shipctl.protocol.frame.FrameReader;
import dev.shipctl.protocol.frame.FrameWriter;
import dev.shipctl.protocol.packet.keepalive.ServerPing;
import dev.shipctl.protocol.packet.login.ServerInit;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/** A minimal test-only Blue Burst client over the protocol core: one connection, frames in and out, nothing else. */
final class TestClient implements AutoCloseable {
    final Socket socket;
    final ServerInit init;
    final Frame initFrame;
    private final FrameReader reader;
    private final FrameWriter writer;
    /** Every frame received, in order (the 0x03 first). */
    final List<Frame> received = new ArrayList<>();

    private TestClient(InetAddress from, int port) throws Exception {
        socket = from == null ? new Socket(InetAddress.getLoopbackAddress(), port) : new Socket(InetAddress.getLoopbackAddress(), port, from, 0);
        socket.setSoTimeout(10_000);
        reader = new FrameReader(socket.getInputStream());
        writer = new FrameWriter(socket.getOutputStream());
        initFrame = reader.readPlain();
        received.add(initFrame);
        init = (ServerInit) Packets.decode(Direction.SERVER, initFrame);
        reader.decryptWith(BbCipher.fromServerKey(KeyTable.tethealla(), init.serverKey()));
        writer.encryptWith(BbCipher.fromServerKey(KeyTable.tethealla(), init.clientKey()));
    }

    static TestClient connect(int port) throws Exception {
        return new TestClient(null, port);
    }

    /** A connection from another loopback address (127.0.0.2, …), as a client on another machine looks to the server. */
    static TestClient connectFrom(InetAddress from, int port) throws Exception {
        return new TestClient(from, port);
    }

    /** A plain socket that skips the 0x03 handshake, for hostile tests. */
    static Socket raw(int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(10_000);
        return s;
    }

    void send(Packet packet) throws IOException {
        writer.write(Packets.encode(packet));
    }

    void sendBytes(byte[] packet) throws IOException {
        writer.write(packet);
    }

    OutputStream rawOut() throws IOException {
        return socket.getOutputStream();
    }

    /** The next frame, or null at EOF. */
    Frame nextFrame() throws Exception {
        Frame f = reader.read();
        if (f != null) received.add(f);
        return f;
    }

    /** The next packet that is not a server ping; fails at EOF. */
    Packet next() throws Exception {
        while (true) {
            Frame f = nextFrame();
            assertThat(f).as("a packet, not the end of the connection").isNotNull();
            Packet p = Packets.decode(Direction.SERVER, f);
            if (!(p instanceof ServerPing)) return p;
        }
    }

    /** The next non-ping frame. */
    Frame nextNonPing() throws Exception {
        while (true) {
            Frame f = nextFrame();
            assertThat(f).as("a packet, not the end of the connection").isNotNull();
            if (f.command() != 0x1D) return f;
        }
    }

    <T extends Packet> T expect(Class<T> type) throws Exception {
        Packet p = next();
        assertThat(p).isInstanceOf(type);
        return type.cast(p);
    }

    /** Skips packets until one of {@code type}. */
    <T extends Packet> T until(Class<T> type) throws Exception {
        while (true) {
            Packet p = next();
            if (type.isInstance(p)) return type.cast(p);
        }
    }

    /** Reads until the server closes; returns the packets that came before (pings excluded). */
    List<Packet> readToEnd() throws Exception {
        List<Packet> out = new ArrayList<>();
        while (true) {
            Frame f;
            try {
                f = nextFrame();
            } catch (java.net.SocketException | java.io.EOFException e) {
                return out; // reset by the server counts as closed
            }
            if (f == null) return out;
            Packet p = Packets.decode(Direction.SERVER, f);
            if (!(p instanceof ServerPing)) out.add(p);
        }
    }

    /** Whether the server closed the connection within the socket timeout. */
    boolean closedByServer() throws Exception {
        try {
            readToEnd();
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
