package dev.shipctl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.shipctl.protocol.fuzz.FrameScript;
import dev.shipctl.protocol.packet.chat.ClientChat;
import dev.shipctl.protocol.packet.chat.ServerTextMessage;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.protocol.packet.login.ServerSecurityData;
import dev.shipctl.protocol.packet.menu.ServerMenu;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.slf4j.LoggerFactory;

/**
 * Fuzz target: the sandbox's handling of client packets. A test client walks to a point of the login chain (a bare
 * connection on some port, logged in on the character server or the ship, in a lobby), sends the fuzz input's
 * packets, hangs up and waits for the sandbox to close the connection. No handler may throw (the sandbox would log an
 * internal error and drop the client), no thread may die of an exception, and a normal login must still reach a lobby
 * and get an answer to a chat command afterwards: after every input in regression mode, every {@value #CHECK_EVERY}
 * inputs while fuzzing, and at the end.
 *
 * <p>Input: {@code [where u8][account u8]} then a {@link FrameScript} (the client's packets; a hang-up step is the
 * last one sent). {@code where mod 8} picks a {@link Where}; {@code account mod 3} picks gmadmin (a global GM),
 * player1 or localgm (a local GM) for the points that need a login. One sandbox serves many inputs, so state such as
 * a created character carries over; it is replaced every {@value #RESTART_EVERY} inputs, and after a {@code /dcall}
 * (which rightly refuses ship connections until it has run its course).
 */
class SandboxFuzzTest {
    static final int CHECK_EVERY = 100;
    static final int RESTART_EVERY = 1000;
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final boolean FUZZING = System.getenv("JAZZER_FUZZ") != null && !System.getenv("JAZZER_FUZZ").isBlank();
    private static final String[][] ACCOUNTS = {{"gmadmin", "gmadmin123"}, {"player1", "player123"}, {"localgm", "localgm123"}};
    private static final List<String> failures = new CopyOnWriteArrayList<>();
    private static final MutableClock clock = new MutableClock();
    private static Sandbox sandbox;
    private static int inputs;

    /** Where on the chain the fuzzed packets go. */
    enum Where {
        /** Login port, handshake only. */
        LOGIN_PORT,
        /** Character port, handshake only. */
        CHARACTER_PORT,
        /** Character port, first connection of the chain: a 0x93 with token 0 accepted (character data stage). */
        CHARACTER_DATA,
        /** Character port with the token: a 0x93 for slot 0 accepted (select and create stage). */
        CHARACTER_SELECT,
        /** Ship port, handshake only. */
        SHIP_PORT,
        /** Ship port after the character server: logged in, block list received. */
        SHIP_LOGGED_IN,
        /** Block 1, handshake only. */
        BLOCK_PORT,
        /** Block 1, in a lobby. */
        LOBBY
    }

    @BeforeAll
    static void start() throws IOException {
        Logger sandboxLog = (Logger) LoggerFactory.getLogger("dev.shipctl.sandbox");
        AppenderBase<ILoggingEvent> failuresOnly = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                if (e.getLevel().isGreaterOrEqual(Level.WARN) && e.getThrowableProxy() != null) {
                    failures.add(e.getFormattedMessage() + ": " + e.getThrowableProxy().getClassName() + ": " + e.getThrowableProxy().getMessage());
                }
            }
        };
        failuresOnly.start();
        sandboxLog.addAppender(failuresOnly);
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> failures.add("thread " + t.getName() + " died: " + e));
        sandbox = newSandbox();
    }

    @AfterAll
    static void stop() throws Exception {
        try (SilentCloseable loopbackOnly = allowLoopbackOnly()) {
            normalLoginStillWorks();
            assertThat(failures).isEmpty();
        } finally {
            sandbox.close();
        }
    }

    private static Sandbox newSandbox() throws IOException {
        return Sandbox.builder().loginPort(0).clock(clock).tickInterval(Duration.ofMillis(10)).blocks(2)
                .maxConnectionsPerIp(64).loginTimeout(Duration.ofSeconds(30)).build().start();
    }

    @FuzzTest(maxDuration = "30s")
    void clientPackets(byte[] input) throws Exception {
        if (input.length < 2) return;
        try (SilentCloseable loopbackOnly = allowLoopbackOnly()) {
            play(input);
        }
    }

    private static void play(byte[] input) throws Exception {
        Where where = Where.values()[(input[0] & 0xFF) % Where.values().length];
        String[] account = ACCOUNTS[(input[1] & 0xFF) % ACCOUNTS.length];
        List<FrameScript.Step> steps = FrameScript.parse(input, 2);
        int before = sandbox.events().history().size();
        long id;
        try (TestClient c = reach(where, account[0], account[1])) {
            int localPort = c.socket.getLocalPort();
            id = sandbox.events().await(SandboxEvent.Connected.class, e -> e.remote().getPort() == localPort, WAIT).connection();
            for (FrameScript.Step step : steps) {
                try {
                    c.sendBytes(step.packet());
                } catch (IOException closedByTheSandbox) {
                    break;
                }
                if (step.hangUp()) break;
            }
            hangUpAndDrain(c);
        }
        sandbox.events().await(SandboxEvent.Disconnected.class, e -> e.connection() == id, WAIT);
        assertThat(failures).as("failures inside the sandbox").isEmpty();
        List<SandboxEvent> history = sandbox.events().history();
        List<SandboxEvent> events = history.subList(before, history.size());
        assertThat(events).filteredOn(e -> e instanceof SandboxEvent.Disconnected d && d.reason().startsWith("internal error")).isEmpty();

        boolean dcall = events.stream()
                .anyMatch(e -> e instanceof SandboxEvent.CommandHandled h && GmCommands.Line.parse(h.command()).name().equals("dcall"));
        inputs++;
        if (!FUZZING || inputs % CHECK_EVERY == 0) {
            if (!dcall) normalLoginStillWorks();
        }
        if (dcall || inputs % RESTART_EVERY == 0) {
            sandbox.close();
            sandbox = newSandbox();
        }
    }

    /** A test client at {@code where}, its handshake done (and its login, where one is needed). */
    private static TestClient reach(Where where, String user, String password) throws Exception {
        return switch (where) {
            case LOGIN_PORT -> TestClient.connect(sandbox.loginPort());
            case CHARACTER_PORT -> TestClient.connect(sandbox.characterPort());
            case SHIP_PORT -> TestClient.connect(sandbox.shipPort());
            case BLOCK_PORT -> TestClient.connect(sandbox.blockPort(1));
            case CHARACTER_DATA -> {
                Chain chain = new Chain(user, password);
                TestClient c = TestClient.connect(chain.loginPort(sandbox.loginPort()));
                c.send(Chain.login(chain.security, user, password, 0, ClientLogin.NO_SLOT, chain.security.config()));
                c.expect(ServerSecurityData.class);
                yield c;
            }
            case CHARACTER_SELECT -> {
                Chain chain = new Chain(user, password);
                int port = chain.loginPort(sandbox.loginPort());
                try (TestClient first = TestClient.connect(port)) {
                    first.send(Chain.login(chain.security, user, password, 0, ClientLogin.NO_SLOT, chain.security.config()));
                    ServerSecurityData e6 = first.expect(ServerSecurityData.class);
                    chain.security = new Chain.Security(e6.guildCard(), e6.securityToken(), e6.clientConfig());
                }
                TestClient c = TestClient.connect(port);
                c.send(Chain.login(chain.security, user, password, 1, 0, chain.security.config()));
                c.expect(ServerSecurityData.class);
                yield c;
            }
            case SHIP_LOGGED_IN -> {
                Chain chain = new Chain(user, password);
                int port = chain.character(chain.loginPort(sandbox.loginPort()));
                TestClient c = TestClient.connect(port);
                c.send(Chain.login(chain.security, "", "", 5, 0, chain.security.config()));
                c.expect(ServerSecurityData.class);
                c.expect(ServerMenu.class);
                yield c;
            }
            case LOBBY -> Chain.lobby(sandbox, user, password);
        };
    }

    /** Stops sending and reads until the sandbox closes the connection (a reset counts). */
    private static void hangUpAndDrain(TestClient c) throws IOException {
        try {
            c.socket.shutdownOutput();
            InputStream in = c.socket.getInputStream();
            byte[] sink = new byte[4096];
            while (in.read(sink) >= 0) {
                // what the sandbox answered does not matter here
            }
        } catch (SocketException reset) {
            // closed with a reset: closed all the same
        }
    }

    /** player1 reaches a lobby and gets the answer to /bank. */
    private static void normalLoginStillWorks() throws Exception {
        clock.advance(Duration.ofSeconds(2));
        try (TestClient player = Chain.lobby(sandbox, "player1", "player123")) {
            player.send(new ClientChat(0, "/bank"));
            assertThat(player.until(ServerTextMessage.class).text()).as("a normal login after fuzzed packets").startsWith("\tEBank: ");
        }
    }

    /**
     * Jazzer reports any network connection as a finding unless allowed, and resets what is allowed before every
     * input: allow loopback, and only loopback, for the duration of one input.
     */
    static SilentCloseable allowLoopbackOnly() {
        return BugDetectors.allowNetworkConnections((host, port) -> loopback(host));
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.ofLiteral(host).isLoopbackAddress();
        } catch (IllegalArgumentException notALiteral) {
            return host.equals("localhost");
        }
    }
}
