package dev.shipctl.protocol;

import dev.shipctl.protocol.registry.Packets;
import dev.shipctl.protocol.captures.Captures;
import dev.shipctl.protocol.captures.Captures.Captured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the seed inputs of the protocol's fuzz targets from the captured traffic and the codec examples, into
 * src/test/resources (Jazzer's inputs directories). Not a test: it runs only when asked, see docs/fuzzing.md:
 * {@code ./mvnw -pl shipctl-protocol test -Dtest=FuzzSeeds -Dfuzz.writeSeeds=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "fuzz.writeSeeds", matches = "true")
class FuzzSeeds {
    static final Path RESOURCES = Path.of("src/test/resources/dev/shipctl/protocol");

    @Test
    void write() throws IOException {
        writeFrameReaderSeeds(RESOURCES.resolve("frame/FrameReaderFuzzTestInputs/frames"));
        writePacketSeeds(RESOURCES.resolve("PacketsFuzzTestInputs/roundTrip"));
    }

    /**
     * FrameReaderFuzzTest: each captured connection as its plaintext (mode 3: the 0x03 in the clear, the rest
     * encrypted by the test), the server's side and the client's side, handed out whole and one byte at a time.
     */
    static void writeFrameReaderSeeds(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (String server : List.of("tethealla", "newserv")) {
            for (String stage : List.of("login", server.equals("tethealla") ? "block" : "game")) {
                ByteArrayOutputStream fromServer = new ByteArrayOutputStream(), fromClient = new ByteArrayOutputStream();
                for (Captured c : Captures.stage(server, stage)) {
                    byte[] p = c.plain();
                    boolean init = c.command() == 0x03;
                    ByteArrayOutputStream to = c.sender() == Direction.SERVER ? fromServer : fromClient;
                    to.writeBytes(p);
                    if (!init) to.writeBytes(new byte[((p.length + 7) & ~7) - p.length]);
                }
                write(dir, server + "-" + stage + "-server-side", readerPrefix(3, 0), fromServer.toByteArray());
                write(dir, server + "-" + stage + "-client-side-byte-by-byte", readerPrefix(2 | 1 << 2, 0), fromClient.toByteArray());
            }
        }
        // the largest frame Tethealla's buffer takes, then a header one byte over it, under the default limit
        byte[] big = new byte[64000 + 8];
        big[0] = 0;
        big[1] = (byte) 0xFA;
        big[2] = 0x06;
        big[64000] = 1;
        big[64001] = (byte) 0xFA;
        write(dir, "largest-frame-then-one-over", readerPrefix(2, 0), big);
        // a custom limit of 0x44 with Tethealla's E6 (0x44 bytes, 0x48 on the wire)
        write(dir, "e6-at-a-limit-of-0x48", readerPrefix(2, 0x48), Captures.packet("tethealla", "login", "02-S-E6.hex").plain());
    }

    /** PacketsFuzzTest: one captured packet of each command, server and direction, and every codec example. */
    static void writePacketSeeds(Path dir) throws IOException {
        Files.createDirectories(dir);
        Set<String> seen = new HashSet<>();
        for (String server : List.of("tethealla", "newserv")) {
            for (Captured c : Captures.all(server)) {
                String name = server + "-" + (c.sender() == Direction.SERVER ? "S" : "C") + "-" + Integer.toHexString(c.command()).toUpperCase();
                if (!seen.add(name)) continue;
                write(dir, name, packetPrefix(c.sender() == Direction.SERVER ? 1 : 0, 0), c.plain());
            }
        }
        int n = 0;
        for (Packet p : PacketCodecTest.examples().map(a -> (Packet) a.get()[1]).toList()) {
            byte[] bytes = Packets.encode(p);
            write(dir, "example-%02d-%s".formatted(n++, p.getClass().getSimpleName()), packetPrefix(p.command().direction() == Direction.SERVER ? 1 : 0, 0), bytes);
        }
        // a chat that fills the whole frame limit (flag 4: decoded at the size given, 64000), and a size over it
        byte[] chat = new byte[0xFFFF];
        chat[0] = (byte) 0xFF;
        chat[1] = (byte) 0xFF;
        chat[2] = 0x06;
        for (int i = 0x10; i < chat.length; i++) chat[i] = (byte) ('A' + i % 26);
        write(dir, "chat-at-the-frame-limit", packetPrefix(1 | 4, 64000), chat);
        write(dir, "chat-over-the-frame-limit", packetPrefix(1 | 4, 0xFFFF), java.util.Arrays.copyOf(chat, 0x20));
    }

    /** FrameReaderFuzzTest's {@code [mode u8][limit u16 LE]}. */
    private static byte[] readerPrefix(int mode, int limit) {
        return new byte[] {(byte) mode, (byte) limit, (byte) (limit >>> 8)};
    }

    /** PacketsFuzzTest's {@code [flags u8][command u8][size u16 LE]}, the command byte unused. */
    private static byte[] packetPrefix(int flags, int size) {
        return new byte[] {(byte) flags, 0, (byte) size, (byte) (size >>> 8)};
    }

    static void write(Path dir, String name, byte[] prefix, byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(prefix);
        out.writeBytes(body);
        Files.write(dir.resolve(name), out.toByteArray());
    }
}
