package dev.shipctl.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.Direction;
import dev.shipctl.protocol.registry.Packets;
import dev.shipctl.protocol.ProtocolException;
import dev.shipctl.protocol.cipher.BbCipher;
import dev.shipctl.protocol.cipher.KeyTable;
import dev.shipctl.protocol.frame.Frame;
import dev.shipctl.protocol.frame.FrameReader;
import dev.shipctl.protocol.packet.keepalive.ServerPing;
import dev.shipctl.protocol.packet.login.ServerInit;
import dev.shipctl.testkit.HostileServer.Behaviour;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each hostile behaviour, read with the protocol core's own frame reader, and the server's bounds. */
@Timeout(30)
class HostileServerTest {
    /** A client's view of one connection: the 0x03 read and the reader keyed with its server key. */
    record Opened(Socket socket, FrameReader reader, ServerInit init, int initSize) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    static Opened open(HostileServer server) throws Exception {
        Socket s = new Socket(server.address(), server.port());
        s.setSoTimeout(10_000);
        FrameReader reader = new FrameReader(new BufferedInputStream(s.getInputStream(), 1 << 16));
        Frame first = reader.readPlain();
        ServerInit init = (ServerInit) Packets.decode(Direction.SERVER, first);
        reader.decryptWith(BbCipher.fromServerKey(KeyTable.tethealla(), init.serverKey()));
        return new Opened(s, reader, init, first.size());
    }

    @ParameterizedTest
    @EnumSource(value = Behaviour.class, names = "NO_INIT", mode = EnumSource.Mode.EXCLUDE)
    void everyBehaviourButOneOpensWithAValidTetheallaInit(Behaviour behaviour) throws Exception {
        try (HostileServer server = HostileServer.start(behaviour); Opened c = open(server)) {
            assertThat(c.initSize()).isEqualTo(ServerInit.BASE_SIZE);
            assertThat(c.init().banner()).startsWith("Tethealla");
            assertThat(c.init().copyright()).isEqualTo(ServerInit.COPYRIGHT);
        }
    }

    @Test
    void silentSendsNothingAfterItsInit() throws Exception {
        try (HostileServer server = HostileServer.start(Behaviour.SILENT); Opened c = open(server)) {
            c.socket().getOutputStream().write(new byte[0xB8]);
            c.socket().setSoTimeout(300);
            assertThatThrownBy(() -> c.socket().getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void noInitSendsNothingAtAll() throws Exception {
        try (HostileServer server = HostileServer.start(Behaviour.NO_INIT); Socket s = new Socket(server.address(), server.port())) {
            s.setSoTimeout(300);
            assertThatThrownBy(() -> s.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void closeAfterInitClosesRightAfterIt() throws Exception {
        try (HostileServer server = HostileServer.start(Behaviour.CLOSE_AFTER_INIT); Opened c = open(server)) {
            assertThat(c.reader().read()).as("a clean end between frames").isNull();
        }
    }

    @Test
    void hugeSizeAnnouncesAFrameAboveEveryLimit() throws Exception {
        try (HostileServer server = HostileServer.start(Behaviour.HUGE_SIZE); Socket s = new Socket(server.address(), server.port())) {
            s.setSoTimeout(10_000);
            byte[] init = s.getInputStream().readNBytes(ServerInit.BASE_SIZE);
            ServerInit decoded = (ServerInit) Packets.decode(Direction.SERVER, init, init.length);
            byte[] header = s.getInputStream().readNBytes(8);
            BbCipher.fromServerKey(KeyTable.tethealla(), decoded.serverKey()).decrypt(header, 0, 8);
            assertThat((header[0] & 0xFF) | (header[1] & 0xFF) << 8).isEqualTo(0xFFFF);
        }
        try (HostileServer server = HostileServer.start(Behaviour.HUGE_SIZE); Opened c = open(server)) {
            assertThatThrownBy(() -> c.reader().read()).isInstanceOf(ProtocolException.BadFrameSize.class);
        }
    }

    @Test
    void unknownFrameFloodNeverEnds() throws Exception {
        assertThat(Command.find(Direction.SERVER, HostileServer.UNKNOWN_COMMAND)).isEmpty();
        try (HostileServer server = HostileServer.start(Behaviour.UNKNOWN_FRAME_FLOOD); Opened c = open(server)) {
            for (int i = 0; i < 20_000; i++) {
                Frame f = c.reader().read();
                assertThat(f.size()).isEqualTo(8);
                assertThat(f.command()).isEqualTo(HostileServer.UNKNOWN_COMMAND);
            }
        }
    }

    @Test
    void bigFrameFloodSendsTheLargestFramesForever() throws Exception {
        try (HostileServer server = HostileServer.start(Behaviour.BIG_FRAME_FLOOD); Opened c = open(server)) {
            for (int i = 0; i < 50; i++) {
                Frame f = c.reader().read();
                assertThat(f.size()).isEqualTo(FrameReader.DEFAULT_MAX_FRAME);
                assertThat(f.command()).isEqualTo(HostileServer.UNKNOWN_COMMAND);
            }
        }
    }

    @Test
    void pingFloodSendsAPingEveryFewMilliseconds() throws Exception {
        try (HostileServer server = HostileServer.start(Behaviour.PING_FLOOD); Opened c = open(server)) {
            long start = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                assertThat(Packets.decode(Direction.SERVER, c.reader().read())).isInstanceOf(ServerPing.class);
                c.socket().getOutputStream().write(new byte[8]); // answers are read and ignored
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("paced, not a burst").isGreaterThanOrEqualTo(Duration.ofMillis(99 * 5));
        }
    }

    @Test
    void garbageIsNotAFrameStreamUnderTheAnnouncedKeys() throws Exception {
        try (HostileServer server = HostileServer.start(Behaviour.GARBAGE); Opened c = open(server)) {
            assertThatThrownBy(() -> {
                for (int i = 0; i < 10_000; i++) Packets.decode(Direction.SERVER, c.reader().read());
            }).isInstanceOf(ProtocolException.class);
        }
    }

    @Test
    void connectionsAreBoundedAndCloseEndsThem() throws Exception {
        HostileServer server = HostileServer.builder().behaviour(Behaviour.SILENT).maxConnections(1).start();
        try (server; Opened first = open(server); Socket second = new Socket(server.address(), server.port())) {
            second.setSoTimeout(10_000);
            assertThat(second.getInputStream().read()).as("over the limit: closed at accept").isEqualTo(-1);
            assertThat(server.openConnections()).isEqualTo(1);
            server.close();
            assertThat(first.socket().getInputStream().read()).isEqualTo(-1);
        }
        int port = server.port();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("hostile-" + port + "-"));
        assertThat(server.accepted()).isEqualTo(2);
    }

    @Test
    void behavioursThatSendNoInitAreMarked() {
        assertThat(EnumSet.allOf(Behaviour.class).stream().filter(b -> !b.sendsInit())).containsExactly(Behaviour.NO_INIT);
    }
}
