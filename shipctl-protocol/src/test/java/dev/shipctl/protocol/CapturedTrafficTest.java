package dev.shipctl.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.protocol.captures.Captures;
import dev.shipctl.protocol.captures.Captures.Captured;
import dev.shipctl.protocol.cipher.BbCipher;
import dev.shipctl.protocol.cipher.KeyTable;
import dev.shipctl.protocol.frame.Frame;
import dev.shipctl.protocol.frame.FrameReader;
import dev.shipctl.protocol.frame.FrameWriter;
import dev.shipctl.protocol.packet.login.ServerInit;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every captured connection of every real server, at the wire level: the framing and the cipher reproduce the
 * bytes that crossed the socket in both directions, and no password was committed.
 */
class CapturedTrafficTest {
    static Stream<Arguments> connections() {
        return Captures.servers().stream()
                .flatMap(server -> Captures.stages(server).stream().map(stage -> Arguments.of(server, stage)));
    }

    static BbCipher cipher(Captured init, boolean serverKey) throws ProtocolException {
        ServerInit p = (ServerInit) init.decode();
        return BbCipher.fromServerKey(KeyTable.tethealla(), serverKey ? p.serverKey() : p.clientKey());
    }

    /** Server packets: the wire bytes of a connection, fed to FrameReader with the 0x03's server key, give the packets. */
    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("connections")
    void serverStreamDecryptsWithTheKeysOfItsOwn03(String server, String stage) throws Exception {
        List<Captured> conn = Captures.stage(server, stage);
        Captured first = conn.getFirst();
        assertThat(first.command()).isEqualTo(0x03);
        assertThat(first.wire()).isEqualTo(first.plain()); // 0x03 is sent in the clear

        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<Captured> fromServer = conn.stream().filter(c -> c.sender() == Direction.SERVER).toList();
        fromServer.forEach(c -> stream.writeBytes(c.wire()));
        FrameReader reader = new FrameReader(new ByteArrayInputStream(stream.toByteArray()));
        assertThat(reader.readPlain().data()).isEqualTo(first.plain());
        reader.decryptWith(cipher(first, true));
        for (Captured c : fromServer.subList(1, fromServer.size())) {
            assertThat(c.wire().length).as(c.toString()).isEqualTo((c.plain().length + 7) & ~7);
            Frame f = reader.read();
            assertThat(f.data()).as(c.toString()).isEqualTo(c.plain());
        }
        assertThat(reader.read()).isNull();
    }

    /** Client packets: FrameWriter with the 0x03's client key gives exactly the bytes the server accepted. */
    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("connections")
    void clientPacketsEncryptToTheCapturedWireBytes(String server, String stage) throws Exception {
        List<Captured> conn = Captures.stage(server, stage);
        BbCipher client = cipher(conn.getFirst(), false);
        for (Captured c : conn) {
            if (c.sender() != Direction.CLIENT) continue;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            FrameWriter writer = new FrameWriter(out);
            writer.encryptWith(client);
            writer.write(c.plain());
            assertThat(out.toByteArray()).as(c.toString()).isEqualTo(c.wire());
        }
    }

    /** Every committed 0x93 has "REDACTED" where the password was. */
    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("connections")
    void noPasswordIsCommitted(String server, String stage) {
        byte[] expected = new byte[0x30];
        System.arraycopy("REDACTED".getBytes(StandardCharsets.US_ASCII), 0, expected, 0, 8);
        for (Captured c : Captures.stage(server, stage)) {
            if (c.command() != 0x93) continue;
            assertThat(Arrays.copyOfRange(c.plain(), 0x4C, 0x7C)).as(c.toString()).isEqualTo(expected);
        }
    }
}
