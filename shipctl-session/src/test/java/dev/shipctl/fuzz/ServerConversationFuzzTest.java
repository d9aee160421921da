package dev.shipctl.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.shipctl.Credentials;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.protocol.ProtocolException;
import dev.shipctl.protocol.fuzz.FrameScript;
import dev.shipctl.protocol.packet.login.ServerInit;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Fuzz target: the client state machine fed a server's side of the conversation, through the public API only
 * ({@link ShipClient#connect}) against a {@link ScriptedServer} on loopback. {@code connect} either returns a session
 * or throws a {@link ShipException}, nothing else; a session's reader ends on a {@link ShipException} of its own
 * (never a runtime error) once the server stops; and the client closes every connection it opened.
 *
 * <p>Input: {@code [flags u8]} then a {@link FrameScript} (the server's packets, cut into connections by hang-ups).
 * Flag bits 0–1: the 0x03 every connection starts with (Tethealla login port, newserv, Tethealla ship port, an
 * unknown server). Bits 2–3: the ship and block the client asks for (first, "2", "BLOCK02", "Ship02").
 */
class ServerConversationFuzzTest {
    /** How long each wait of the client may take; the server always hangs up, so no wait should reach it. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String[] CHOICES = {null, "2", "BLOCK02", "Ship02"};

    private static ScriptedServer server;

    @BeforeAll
    static void startServer() throws IOException {
        server = new ScriptedServer();
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    @FuzzTest(maxDuration = "30s")
    void connect(byte[] input) throws Exception {
        if (input.length < 1) return;
        int flags = input[0] & 0xFF;
        String choice = CHOICES[(flags >>> 2) & 3];
        ScriptedServer.Round round = server.play(init(flags & 3), FrameScript.parse(input, 1));
        try (SilentCloseable loopbackOnly = allowLoopbackOnly()) {
            ShipClient client = ShipClient.builder().server("127.0.0.1", server.port()).timeout(TIMEOUT)
                    .ship(choice).block(choice).build();
            Session session = null;
            try {
                session = client.connect(new Credentials("fuzzer", "fuzz-password"));
            } catch (ShipException refused) {
                assertThat(refused.getMessage()).as("a one-line message").isNotBlank().doesNotContain("\n").doesNotContain("fuzz-password");
            }
            if (session != null) {
                try (Session s = session) {
                    // the server has hung up after its last step: the reader must end on its own, with a ShipException
                    Optional<SessionEvent.Disconnected> end = s.awaitDisconnect(Duration.ofSeconds(20));
                    assertThat(end).as("the session notices that the server hung up").isPresent();
                    end.get().cause().ifPresent(ServerConversationFuzzTest::noRuntimeFailure);
                }
            }
            assertThat(round.connectionsLeftOpen()).as("connections the client left open, of %d", round.connections()).isZero();
        } finally {
            round.end();
        }
    }

    /** A session that ended on a protocol violation must owe it to bad bytes, not to a runtime error in the client. */
    private static void noRuntimeFailure(ShipException e) {
        Throwable cause = e.getCause();
        if (cause != null && !(cause instanceof ProtocolException) && !(cause instanceof ShipException)
                && !(cause instanceof java.io.IOException)) {
            throw new AssertionError("the session reader failed on a runtime error: " + e.getMessage(), cause);
        }
    }

    /**
     * Jazzer reports any network connection as a finding unless allowed, and resets what is allowed before every
     * input: allow loopback, and only loopback, for the duration of one input.
     */
    private static SilentCloseable allowLoopbackOnly() {
        return BugDetectors.allowNetworkConnections((host, port) -> loopback(host));
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.ofLiteral(host).isLoopbackAddress();
        } catch (IllegalArgumentException notALiteral) {
            return host.equals("localhost");
        }
    }

    /** The 0x03 of each variant, with fixed keys (the fuzzer cannot guess keys, and need not). */
    static ServerInit init(int variant) {
        byte[] serverKey = new byte[48], clientKey = new byte[48];
        for (int i = 0; i < 48; i++) {
            serverKey[i] = (byte) (0x5A ^ i * 7);
            clientKey[i] = (byte) (0xA5 ^ i * 13);
        }
        return switch (variant) {
            case 0 -> new ServerInit(ServerInit.COPYRIGHT, "Tethealla Gate v.047", serverKey, clientKey, new byte[0]);
            case 1 -> new ServerInit(ServerInit.COPYRIGHT, "", serverKey, clientKey,
                    Arrays.copyOf("This server is in no way affiliated, sponsored, or supported by SEGA Enterprises or SONICTEAM."
                            .getBytes(StandardCharsets.US_ASCII), 0xB4));
            case 2 -> new ServerInit(ServerInit.COPYRIGHT, "Tethealla Ship v.144", serverKey, clientKey, new byte[0]);
            default -> new ServerInit(ServerInit.COPYRIGHT, "Fuzz Gate", serverKey, clientKey, new byte[0]);
        };
    }
}
