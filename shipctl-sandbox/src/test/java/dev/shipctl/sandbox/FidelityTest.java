package dev.shipctl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.protocol.frame.Frame;
import dev.shipctl.protocol.packet.chat.ClientChat;
import dev.shipctl.protocol.packet.chat.ClientSimpleMail;
import dev.shipctl.protocol.packet.chat.SimpleMail;
import dev.shipctl.protocol.packet.login.ClientLogin;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replays the scenario recorded from the real Tethealla (see the headers of captures/packets/tethealla/*.hex in
 * shipctl-protocol's test resources) against a sandbox configured like the test peer, and compares the packets
 * field by field. Ignored bytes are listed per packet: random keys, tokens and sixtyfours, ephemeral ports, the
 * clock, and leftover memory on the real server.
 */
class FidelityTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final MutableClock clock = new MutableClock();
    private Sandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.builder().loginPort(0).shipName("TestShip").welcome("Tethealla test peer (loopback only)")
                .localGms(LocalGms.demo()).clock(clock).tickInterval(Duration.ofMillis(10)).build().start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static Frame first(List<Frame> frames, int command) {
        return frames.stream().filter(f -> f.command() == command).findFirst().orElseThrow(() -> new AssertionError("no " + Integer.toHexString(command)));
    }

    private Frame reply(TestClient c, String command, int expectedCommand) throws Exception {
        clock.advance(Duration.ofSeconds(1));
        c.send(new ClientChat(0, command));
        while (true) {
            Frame f = c.nextNonPing();
            if (f.command() == expectedCommand) return f;
        }
    }

    private Frame next(TestClient c, int command) throws Exception {
        while (true) {
            Frame f = c.nextNonPing();
            if (f.command() == command) return f;
        }
    }

    @Test
    void loginErrorsMatchTheRealServer() throws Exception {
        try (TestClient c = TestClient.connect(sandbox.loginPort())) {
            Capture.load("login-03-init").assertSameAs(c.initFrame, 0x68, 0xC8);
            c.send(Chain.login(null, "player1", "wrong", 0, 0xFF, ClientLogin.versionConfig()));
            Capture.load("login-1A-bad-password").assertSameAs(c.nextFrame());
        }
        try (TestClient c = TestClient.connect(sandbox.loginPort())) {
            c.send(Chain.login(null, "player1", "player123", 0, 0xFF, new byte[0x28]));
            Capture.load("login-1A-too-old").assertSameAs(c.nextFrame());
        }
        try (TestClient c = TestClient.connect(sandbox.shipPort())) {
            assertThat(new String(c.initFrame.data(), 0x54, 20, StandardCharsets.US_ASCII)).isEqualTo("Tethealla Ship v.144");
            c.send(Chain.login(new Chain.Security(42000002, 0x12345678, new byte[0x28]), "", "", 5, 0, new byte[0x28]));
            Capture.load("ship-1A-security-violation").assertSameAs(c.nextFrame());
        }
    }

    @Test
    void chainLobbyChatAndCommandsMatchTheRealServer() throws Exception {
        try (TestClient gm = Chain.lobby(sandbox, "gmadmin", "gmadmin123")) {
            TestClient[] out = new TestClient[1];
            Chain player = Chain.toLobby(sandbox, "player1", "player123", out);
            try (TestClient pl = out[0]) {
                Capture.load("login-E6").assertSameAs(first(player.frames.get("login"), 0xE6), 0x38, 0x40);
                Capture.load("login-19").assertSameAs(first(player.frames.get("login"), 0x19), 0x0C, 0x0E);
                Capture.load("char1-E6").assertSameAs(first(player.frames.get("char1"), 0xE6), 0x14, 0x18, 0x38, 0x40);
                // preview: the peer's character (made by its own tool) has 0.5 proportions and per-character counters at 0x7C and 0x84 (play time); the rest must match
                Capture.load("char1-E5-preview").assertSameAs(first(player.frames.get("char1"), 0xE5), 0x5C, 0x64, 0x7C, 0x80, 0x84, 0x88);
                Capture.load("char2-E4-select").assertSameAs(first(player.frames.get("char2"), 0xE4));
                Frame b1 = first(player.frames.get("char3"), 0xB1);
                assertThat(b1.size()).isEqualTo(Capture.load("char3-B1-time").data().length);
                assertThat(new String(b1.data(), 8, 24, StandardCharsets.US_ASCII)).matches("\\d{4}:\\d\\d:\\d\\d: \\d\\d:\\d\\d:\\d\\d\\.000");
                Capture.load("char3-A0-ship-list").assertSameAs(first(player.frames.get("char3"), 0xA0));
                Capture.load("char3-EE-welcome").assertSameAs(first(player.frames.get("char3"), 0xEE));
                Capture.load("ship-07-block-list").assertSameAs(first(player.frames.get("ship"), 0x07), 0x32, 0x34);
                Capture.load("block-83-lobby-list").assertSameAs(first(player.frames.get("block"), 0x83));
                Capture.load("block-95").assertSameAs(first(player.frames.get("block"), 0x95));
                assertLobbyRecords(Capture.load("block-67-two-players"), first(player.frames.get("block"), 0x67));
                Capture.load("block-60-6F84").assertSameAs(next(pl, 0x60));
                assertLobbyRecords(Capture.load("block-68-add-player"), next(gm, 0x68));

                clock.advance(Duration.ofSeconds(1));
                pl.send(new ClientChat(0, "hello there"));
                Capture.load("block-06-chat").assertSameAs(next(pl, 0x06), 0x0B, 0x0C);

                Capture.load("block-B0-announce-on").assertSameAs(reply(gm, "/announce", 0xB0));
                gm.send(new ClientSimpleMail(new SimpleMail(42000001, "GMBot", 0, "", "Sandbox probe $C6colour")));
                Capture.load("block-EE-announcement").assertSameAs(next(gm, 0xEE));
                Capture.load("block-EE-announcement").assertSameAs(next(pl, 0xEE));
                Capture.load("block-B0-bank-common").assertSameAs(reply(pl, "/bank", 0xB0));
                Capture.load("block-B0-updatelocalgms").assertSameAs(reply(gm, "/updatelocalgms", 0xB0));
                Capture.load("block-B0-ban-no-argument").assertSameAs(reply(gm, "/ban", 0xB0));
                Capture.load("block-B0-global-on").assertSameAs(reply(gm, "/global", 0xB0));
                Capture.load("block-B0-announce-cancelled").assertSameAs(reply(gm, "/global", 0xB0));
                Capture.load("block-B0-ban-added").assertSameAs(reply(gm, "/ban 42000002", 0xB0));
                Capture.load("block-69-remove-player").assertSameAs(next(gm, 0x69), 0x09, 0x0A);
                Capture.load("block-B0-ban-removed").assertSameAs(reply(gm, "/ban 42000002", 0xB0));
            }
            try (TestClient again = Chain.lobby(sandbox, "player1", "player123")) {
                new Chain("player1", "player123").loginPort(sandbox.loginPort());
                Capture.load("block-1A-logged-on-again").assertSameAs(next(again, 0x1A));
            }
        }
    }

    @Test
    void localGmNameColourMatchesTheRealServer() throws Exception {
        TestClient[] out = new TestClient[1];
        Chain lg = Chain.toLobby(sandbox, "localgm", "localgm123", out);
        try (TestClient c = out[0]) {
            assertLobbyRecords(Capture.load("block-67-local-gm"), first(lg.frames.get("block"), 0x67));
        }
    }

    /**
     * 0x67/0x68: size, flag and header bytes 0x08..0x0F, then per record the fields a client reads: player tag
     * (high half), guild card, client id, name, the +0x40 word, the guild card text in the display data and the
     * name colour. Inventory and stats depend on the character itself and are not compared.
     */
    private static void assertLobbyRecords(Capture real, Frame actual) {
        byte[] r = real.data(), a = actual.data();
        assertThat(a.length).as(real.name() + ": size").isEqualTo(r.length);
        assertThat(java.util.Arrays.copyOfRange(a, 0, 0x10)).as(real.name() + ": header").isEqualTo(java.util.Arrays.copyOfRange(r, 0, 0x10));
        int records = r[4];
        for (int k = 0; k < records; k++) {
            int at = 0x14 + k * 0x520;
            int[][] fields = {{at + 2, 2}, {at + 4, 4}, {at + 0x1C, 4}, {at + 0x20, 0x20}, {at + 0x40, 4}, {at + 0x3B4, 10}, {at + 0x3CC, 4}};
            for (int[] f : fields) {
                assertThat(java.util.Arrays.copyOfRange(a, f[0], f[0] + f[1]))
                        .as("%s: record %d at +0x%X", real.name(), k, f[0] - at)
                        .isEqualTo(java.util.Arrays.copyOfRange(r, f[0], f[0] + f[1]));
            }
        }
    }
}
