package dev.shipctl.protocol;

import dev.shipctl.protocol.registry.Packets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.protocol.ProtocolException.MalformedPacket;
import dev.shipctl.protocol.packet.lobby.ClientPlayerData;
import dev.shipctl.protocol.packet.lobby.ServerFullCharacter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The 0x61 against the genuine client's (a 2022 session in newserv's tests, src/test/resources/vectors/bb-client-2022)
 * and the layout of newserv's C_CharacterData_BB_61_98: which E7 field lands where, the auto-reply tail, the sizes
 * the decoder takes.
 */
class ClientPlayerDataTest {
    /** A packet from the vectors: a zero-filled packet of the stated size with the listed rows. */
    static byte[] vector(String file) throws IOException {
        String text;
        try (InputStream in = ClientPlayerDataTest.class.getResourceAsStream("/vectors/bb-client-2022/" + file)) {
            if (in == null) throw new IllegalStateException("vector " + file + " missing from the test class path");
            text = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        byte[] packet = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("# size: 0x")) packet = new byte[Integer.parseInt(line.substring(10).strip(), 16)];
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] parts = line.split("\\|");
            byte[] row = Hex.parse(parts[1]);
            System.arraycopy(row, 0, packet, Integer.parseInt(parts[0].strip(), 16), row.length);
        }
        return packet;
    }

    /** A character whose E7 has {@code value} in every byte from {@code from} to {@code to}. */
    static ServerFullCharacter characterWith(int from, int to, int value) {
        byte[] data = ServerFullCharacter.create(42000001, "GMBot", 9, 3, 5).data();
        Arrays.fill(data, from, to, (byte) value);
        return new ServerFullCharacter(data);
    }

    static ServerFullCharacter characterWithAutoReply(String text) {
        byte[] data = ServerFullCharacter.create(42000001, "GMBot", 9, 3, 5).data();
        byte[] utf16 = text.getBytes(StandardCharsets.UTF_16LE);
        System.arraycopy(utf16, 0, data, 0x29F4, Math.min(utf16.length, 0x158));
        return new ServerFullCharacter(data);
    }

    @Test
    void theGenuineClientsAnswerIsRebuiltFromTheE7BeforeIt() throws Exception {
        byte[] e7 = vector("S-E7.hex");
        byte[] sent = vector("C-61.hex");
        assertThat(sent).hasSize(0x830);
        ServerFullCharacter character = (ServerFullCharacter) Packets.decode(Direction.SERVER, e7, e7.length);

        assertThat(Packets.encode(ClientPlayerData.from(character))).isEqualTo(sent);
    }

    @Test
    void theGenuineClientsAnswerDecodesAndReencodes() throws Exception {
        byte[] sent = vector("C-61.hex");
        ClientPlayerData p = (ClientPlayerData) Packets.decode(Direction.CLIENT, sent, sent.length);
        assertThat(p.formatVersion()).isEqualTo(3);
        assertThat(p.clientForm()).isTrue();
        assertThat(p.autoReply()).isEmpty();
        assertThat(p.body()).hasSize(0x828);
        assertThat(Packets.encode(p)).isEqualTo(sent);
    }

    @Test
    void eachE7FieldLandsAtItsOffset() {
        // {E7 from, E7 to, 61 offset}: inventory, display data, challenge and battle records, choice search, info board
        int[][] fields = {{0x008, 0x354, 0x008}, {0x354, 0x4E4, 0x354}, {0x2CC0, 0x2E00, 0x4E8}, {0x2CA4, 0x2CBC, 0x628},
                {0x2E28, 0x2E40, 0x640}, {0x2B4C, 0x2CA4, 0x658}};
        for (int[] f : fields) {
            byte[] b = Packets.encode(ClientPlayerData.from(characterWith(f[0], f[1], 0xA5)));
            assertThat(b).as("field from E7 0x%X", f[0]).hasSize(0x830);
            int length = f[1] - f[0];
            byte[] filled = new byte[length];
            Arrays.fill(filled, (byte) 0xA5);
            assertThat(Arrays.copyOfRange(b, f[2], f[2] + length)).as("E7 0x%X at 0x%X", f[0], f[2]).isEqualTo(filled);
            // and nowhere else: outside the field only what ServerFullCharacter.create put into the display data
            byte[] plain = Packets.encode(ClientPlayerData.from(ServerFullCharacter.create(42000001, "GMBot", 9, 3, 5)));
            for (int i = 8; i < b.length; i++) {
                if (i < f[2] || i >= f[2] + length) assertThat(b[i]).as("byte 0x%X", i).isEqualTo(plain[i]);
            }
        }
    }

    @Test
    void whatTheE7DoesNotCarryIsZero() {
        // every byte of the E7 set but the auto-reply's first unit (a NUL: off): client id (0x4E4), blocked senders
        // (0x7B0..0x827) and the auto-reply flag stay 0
        byte[] data = new byte[ServerFullCharacter.SIZE];
        Arrays.fill(data, (byte) 0x5A);
        data[0x29F4] = data[0x29F5] = 0;
        System.arraycopy(Hex.parse("9c 39 e7 00"), 0, data, 0, 4);
        byte[] b = Packets.encode(ClientPlayerData.from(new ServerFullCharacter(data)));
        assertThat(Hex.bytes(b, 0x4E4, 4)).isEqualTo("00 00 00 00");
        assertThat(Arrays.copyOfRange(b, 0x7B0, 0x82C)).containsOnly(0);
        assertThat(Hex.bytes(b, 0, 8)).isEqualTo("30 08 61 00 03 00 00 00");
        assertThat(Hex.bytes(b, 0x82C, 4)).isEqualTo("00 00 00 00"); // the auto-reply's NUL and padding
    }

    @Test
    void anAutoReplyIsOnAndCarriedWithItsNulPaddedToFour() throws Exception {
        for (String text : new String[] {"\tEAway", "\tEAwa", "x"}) {
            ClientPlayerData p = ClientPlayerData.from(characterWithAutoReply(text));
            byte[] b = Packets.encode(p);
            int textBytes = 2 * text.length();
            assertThat(b).as(text).hasSize(0x82C + ((textBytes + 2 + 3) & ~3));
            assertThat(Hex.bytes(b, 0x828, 4)).isEqualTo("01 00 00 00");
            assertThat(new String(b, 0x82C, textBytes, StandardCharsets.UTF_16LE)).isEqualTo(text);
            assertThat(Arrays.copyOfRange(b, 0x82C + textBytes, b.length)).containsOnly(0);
            assertThat(p.autoReply()).contains(text);
            ClientPlayerData back = (ClientPlayerData) Packets.decode(Direction.CLIENT, b, b.length);
            assertThat(back.autoReply()).contains(text);
        }
    }

    @Test
    void aFullAutoReplyFieldWithoutNulGetsOne() {
        String full = "a".repeat(0xAC);
        byte[] b = Packets.encode(ClientPlayerData.from(characterWithAutoReply(full)));
        assertThat(b).hasSize(0x82C + 0x15C);
        assertThat(Hex.bytes(b, 0x82C + 0x158, 4)).isEqualTo("00 00 00 00");
    }

    @Test
    void theOldFormStillDecodes() throws Exception {
        byte[] old = Packets.encode(new ClientPlayerData(3, new byte[0x368]));
        ClientPlayerData p = (ClientPlayerData) Packets.decode(Direction.CLIENT, old, old.length);
        assertThat(p.clientForm()).isFalse();
        assertThat(p.autoReply()).isEmpty();
        assertThat(Packets.encode(p)).isEqualTo(old);
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 0x368, 0x371, 0x378, 0x828, 0x82B})
    void otherSizesAreRejectedNamingTheExpectedOnes(int size) {
        byte[] b = new byte[size];
        b[0] = (byte) size;
        b[1] = (byte) (size >>> 8);
        b[2] = 0x61;
        assertThatThrownBy(() -> Packets.decode(Direction.CLIENT, b, size)).isInstanceOf(MalformedPacket.class)
                .hasMessageContaining("size is 0x%X, expected 0x82C to 0xFFFF (or shipctl's old 0x370)".formatted(size));
        assertThatThrownBy(() -> new ClientPlayerData(3, new byte[size - 8])).isInstanceOf(IllegalArgumentException.class);
    }
}
