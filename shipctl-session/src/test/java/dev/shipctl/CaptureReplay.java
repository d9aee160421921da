package dev.shipctl;

import dev.shipctl.protocol.captures.Captures.Captured;
import dev.shipctl.protocol.Direction;
import dev.shipctl.protocol.registry.Packets;
import dev.shipctl.protocol.ProtocolException;
import dev.shipctl.protocol.cipher.BbCipher;
import dev.shipctl.protocol.cipher.KeyTable;
import dev.shipctl.protocol.frame.Frame;
import dev.shipctl.protocol.frame.FrameReader;
import dev.shipctl.protocol.frame.FrameWriter;
import dev.shipctl.protocol.packet.login.ServerInit;
import java.io.IOException;
import java.net.Socket;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * Plays one captured connection on a socket, as the real server played it: the server's packets as recorded (keyed
 * with the recorded 0x03), and one client packet read wherever the capture has one. Shared by the replay peers.
 */
final class CaptureReplay {
    private final FrameReader in;
    private final FrameWriter out;

    CaptureReplay(Socket socket) throws IOException {
        in = new FrameReader(socket.getInputStream());
        out = new FrameWriter(socket.getOutputStream());
    }

    /** Something to do before a given file is played (a test's hold, for example). */
    interface BeforeFile {
        void before(Captured next) throws InterruptedException;
    }

    /**
     * Plays {@code packets} up to and including {@code lastFile} (null: all of them).
     *
     * @param rewrite applied to every server packet before it is sent (redirects to the peer's own ports)
     * @param received each client packet read
     * @return true when the capture played through (or to {@code lastFile}); false when the client closed first
     */
    boolean play(List<Captured> packets, String lastFile, UnaryOperator<byte[]> rewrite, BeforeFile beforeFile,
                 Consumer<Frame> received) throws IOException, ProtocolException, InterruptedException {
        for (Captured c : packets) {
            beforeFile.before(c);
            if (c.sender() == Direction.SERVER) {
                byte[] bytes = rewrite.apply(c.plain());
                out.write(bytes);
                if (c.command() == 0x03) {
                    ServerInit init = (ServerInit) Packets.decode(Direction.SERVER, bytes, bytes.length);
                    out.encryptWith(BbCipher.fromServerKey(KeyTable.tethealla(), init.serverKey()));
                    in.decryptWith(BbCipher.fromServerKey(KeyTable.tethealla(), init.clientKey()));
                }
            } else {
                Frame f = in.read();
                if (f == null) return false;
                received.accept(f);
            }
            if (c.file().equals(lastFile)) break;
        }
        return true;
    }

    /** Sends a packet of the test's own, encrypted as the capture's were. */
    void send(byte[] packet) throws IOException {
        out.write(packet);
    }

    /** Reads until the client leaves, handing each packet on. */
    void holdUntilClosed(Consumer<Frame> received) throws IOException, ProtocolException {
        Frame f;
        while ((f = in.read()) != null) received.accept(f);
    }
}
