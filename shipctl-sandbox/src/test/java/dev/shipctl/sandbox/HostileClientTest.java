package dev.shipctl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.protocol.cipher.BbCipher;
import dev.shipctl.protocol.cipher.KeyTable;
import dev.shipctl.protocol.packet.chat.ClientChat;
import dev.shipctl.protocol.packet.chat.ServerTextMessage;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hostile clients lose their connection; a player in a lobby keeps playing; the server keeps serving. */
class HostileClientTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final MutableClock clock = new MutableClock();
    private Sandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.builder().loginPort(0).clock(clock).tickInterval(Duration.ofMillis(10))
                .loginTimeout(Duration.ofSeconds(30)).build().start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static boolean closes(Socket s) throws Exception {
        InputStream in = s.getInputStream();
        try {
            while (in.read() >= 0) {
                // drain until the server closes
            }
        } catch (java.net.SocketException reset) {
            // a reset is a close as well
        }
        return true;
    }

    private void stillPlaying(TestClient player) throws Exception {
        clock.advance(Duration.ofSeconds(1));
        player.send(new ClientChat(0, "/bank"));
        assertThat(player.until(ServerTextMessage.class).text()).startsWith("\tEBank: ");
    }

    @Test
    void hostileClientsAreDroppedWhileAPlayerKeepsPlaying() throws Exception {
        try (TestClient player = Chain.lobby(sandbox, "player1", "player123")) {
            // 1. an encrypted header announcing 0xFFF8 bytes
            try (TestClient c = TestClient.connect(sandbox.blockPort(1))) {
                byte[] header = {(byte) 0xF8, (byte) 0xFF, (byte) 0x93, 0, 0, 0, 0, 0};
                BbCipher.fromServerKey(KeyTable.tethealla(), c.init.clientKey()).encrypt(header, 0, 8);
                c.rawOut().write(header);
                assertThat(closes(c.socket)).isTrue();
            }
            sandbox.events().await(SandboxEvent.Disconnected.class, e -> e.reason().startsWith("hostile"), WAIT);
            stillPlaying(player);

            // 2. garbage on every port
            Random random = new Random(7);
            for (int port : new int[] {sandbox.loginPort(), sandbox.characterPort(), sandbox.shipPort(), sandbox.blockPort(2)}) {
                try (Socket s = TestClient.raw(port)) {
                    byte[] junk = new byte[4096];
                    random.nextBytes(junk);
                    s.getOutputStream().write(junk);
                    s.shutdownOutput();
                    assertThat(closes(s)).isTrue();
                }
            }
            stillPlaying(player);

            // 3. a connection that never logs in
            try (Socket s = TestClient.raw(sandbox.loginPort())) {
                sandbox.events().await(SandboxEvent.Connected.class, e -> e.remote().getPort() == s.getLocalPort(), WAIT);
                clock.advance(Duration.ofSeconds(31));
                assertThat(closes(s)).isTrue();
            }
            SandboxEvent.Disconnected timedOut = sandbox.events().await(SandboxEvent.Disconnected.class, e -> e.reason().startsWith("no login"), WAIT);
            assertThat(timedOut.role()).isEqualTo(Role.LOGIN);
            stillPlaying(player);

            // 4. a flood of connections to the login process (the player has nothing open there): the 7th
            //    closes the IP's oldest
            List<Socket> flood = new ArrayList<>();
            try {
                for (int i = 0; i < 7; i++) {
                    Socket s = TestClient.raw(sandbox.loginPort());
                    flood.add(s);
                    sandbox.events().await(SandboxEvent.Connected.class, e -> e.remote().getPort() == s.getLocalPort(), WAIT);
                }
                assertThat(closes(flood.getFirst())).isTrue();
                SandboxEvent.Disconnected oldest = sandbox.events().await(SandboxEvent.Disconnected.class,
                        e -> e.reason().startsWith("more than 6"), WAIT);
                assertThat(oldest.role()).isEqualTo(Role.LOGIN);
            } finally {
                for (Socket s : flood) s.close();
            }
            stillPlaying(player);
        }
        assertThat(sandbox.events().history()).filteredOn(e -> e instanceof SandboxEvent.Disconnected d && d.guildCard() == 42000002
                && d.role() == Role.BLOCK && !d.reason().equals("client closed the connection")).isEmpty();
    }

    @Test
    void aSeventhShipConnectionClosesTheOldest() throws Exception {
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 7; i++) {
                Socket s = TestClient.raw(i % 2 == 0 ? sandbox.shipPort() : sandbox.blockPort(1));
                sockets.add(s);
                sandbox.events().await(SandboxEvent.Connected.class, e -> e.remote().getPort() == s.getLocalPort(), WAIT);
            }
            assertThat(closes(sockets.getFirst())).isTrue();
            SandboxEvent.Disconnected oldest = sandbox.events().await(SandboxEvent.Disconnected.class,
                    e -> e.reason().startsWith("more than 6"), WAIT);
            assertThat(oldest.role()).isEqualTo(Role.SHIP);
            assertThat(sandbox.connectionCount()).isEqualTo(6);
        } finally {
            for (Socket s : sockets) s.close();
        }
    }
}
