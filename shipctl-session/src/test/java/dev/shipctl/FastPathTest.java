package dev.shipctl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.protocol.Direction;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.sandbox.Sandbox;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fast path against the sandbox, which checks the ship's security data as Tethealla does (protocol notes §3.4). */
class FastPathTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Credentials PLAYER = new Credentials("player1", "player123");
    private Sandbox sandbox;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.builder().bind(InetAddress.getLoopbackAddress()).loginPort(0).shipPort(0).blocks(2).build().start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    /** The packets a login sent and received, with the connection each went over. */
    private static final class Recorder implements TraceListener {
        record Seen(String connection, Direction sender, byte[] packet) {
            int command() {
                return (packet[2] & 0xFF) | (packet[3] & 0xFF) << 8;
            }
        }

        final List<Seen> seen = new CopyOnWriteArrayList<>();

        @Override
        public void onPacket(Instant at, String connection, Direction sender, byte[] packet) {
            seen.add(new Seen(connection, sender, packet));
        }

        /** How many connections were opened: each starts with the server's 0x03. */
        long connections() {
            return seen.stream().filter(s -> s.sender() == Direction.SERVER && s.command() == 0x03).count();
        }
    }

    private ShipClient client() {
        return ShipClient.builder().server("127.0.0.1", sandbox.loginPort()).timeout(WAIT).build();
    }

    private ResumeTicket fullLogin() throws ShipException {
        try (Session s = client().connect(PLAYER)) {
            assertThat(s.loginPath()).isEqualTo(LoginPath.FULL);
            return s.resumeTicket().orElseThrow();
        }
    }

    @Test
    void aTicketFromAFullLoginTakesTheNextOneStraightToTheBlockWithoutThePassword() throws Exception {
        ResumeTicket ticket = fullLogin();
        assertThat(ticket.username()).isEqualTo("player1");
        assertThat(ticket.block().host()).isEqualTo("127.0.0.1");
        assertThat(ticket.block().port()).isEqualTo(sandbox.blockPort(1));
        assertThat(ticket.toString()).doesNotContain(Integer.toHexString(ticket.securityToken()))
                .doesNotContain(Integer.toUnsignedString(ticket.securityToken()));

        Recorder wire = new Recorder();
        try (Session s = client().newBuilder().resume(ticket).trace(wire).build().connect(PLAYER)) {
            assertThat(s.loginPath()).isEqualTo(LoginPath.FAST);
            assertThat(s.characterName()).isEqualTo("Player1");
            assertThat(s.block().map(MenuItem::name)).contains(ticket.block().item().name());
            assertThat(s.timings()).extracting(StageTiming::stage).containsExactly(Stage.CONNECT, Stage.BLOCK, Stage.LOBBY);
            assertThat(s.resumeTicket()).isPresent();
        }
        assertThat(wire.connections()).isEqualTo(1);
        assertThat(wire.seen).allMatch(p -> p.connection().startsWith("block"));
        Recorder.Seen login = wire.seen.stream().filter(p -> p.sender() == Direction.CLIENT && p.command() == 0x93).findFirst().orElseThrow();
        // the username field is empty on the wire (the password's is blanked in any trace: ChainStateTest checks it)
        assertThat(new String(login.packet(), StandardCharsets.ISO_8859_1)).doesNotContain("player1");
        // what the trace shows of the security data: nothing
        assertThat(Arrays.copyOfRange(login.packet(), 0x18, 0x1C)).containsOnly(0);
        assertThat(Arrays.copyOfRange(login.packet(), 0x8C, ClientLogin.SIZE)).containsOnly(0);
    }

    @Test
    void fastPathOnlyFailsWithTheBlocksRefusalInsteadOfTakingTheWholeChain() throws Exception {
        ResumeTicket old = fullLogin();
        fullLogin(); // the old ticket is void now
        Recorder wire = new Recorder();
        ShipClient only = client().newBuilder().resume(old).fastPathOnly(true).trace(wire).build();
        assertThat(only.fastPathOnly()).isTrue();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> only.connect(PLAYER))
                .isInstanceOf(ShipException.class).hasMessageContaining("Security violation.");
        assertThat(wire.connections()).isEqualTo(1); // the block alone: nothing on the login port, no password sent
        assertThat(wire.seen).allMatch(p -> p.connection().startsWith("block"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> client().newBuilder().fastPathOnly(true).build().connect(PLAYER))
                .isInstanceOf(ShipException.Unsupported.class).hasMessageContaining("no ticket");
    }

    @Test
    void anotherLoginOfTheAccountInBetweenMakesTheNextFallBackAndSucceedWithANewTicket() throws Exception {
        ResumeTicket old = fullLogin();
        ResumeTicket fresh = fullLogin(); // another login on the login port: the old ticket is void
        assertThat(fresh.securityToken()).isNotEqualTo(old.securityToken());

        Recorder wire = new Recorder();
        ResumeTicket replaced;
        try (Session s = client().newBuilder().resume(old).trace(wire).build().connect(PLAYER)) {
            assertThat(s.loginPath().kind()).isEqualTo(LoginPath.Kind.FALLBACK);
            assertThat(s.loginPath().note()).hasValueSatisfying(n -> assertThat(n).contains("Security violation."));
            assertThat(s.timings().getFirst().stage()).isEqualTo(Stage.CONNECT);
            assertThat(s.timings()).extracting(StageTiming::stage).contains(Stage.LOGIN, Stage.CHARACTER_TOKEN);
            replaced = s.resumeTicket().orElseThrow();
        }
        assertThat(wire.connections()).isEqualTo(1 + 6); // the refused block, then the whole chain
        assertThat(replaced.securityToken()).isNotEqualTo(old.securityToken());
        try (Session s = client().newBuilder().resume(replaced).build().connect(PLAYER)) {
            assertThat(s.loginPath()).isEqualTo(LoginPath.FAST);
        }
    }

    @Test
    void aTicketForAnotherBlockOrAccountIsNotTried() throws Exception {
        ResumeTicket ticket = fullLogin();
        Recorder wire = new Recorder();
        try (Session s = client().newBuilder().resume(ticket).block("2").trace(wire).build().connect(PLAYER)) {
            assertThat(s.loginPath().kind()).isEqualTo(LoginPath.Kind.FULL_CHAIN);
            assertThat(s.loginPath().note()).hasValueSatisfying(n -> assertThat(n).contains("block"));
            assertThat(s.block().map(MenuItem::name)).contains("BLOCK02");
            assertThat(s.resumeTicket().orElseThrow().block().number()).isEqualTo(2);
        }
        assertThat(wire.connections()).isEqualTo(6);
        try (Session s = client().newBuilder().resume(ticket).build().connect(new Credentials("gmadmin", "gmadmin123"))) {
            assertThat(s.loginPath().note()).contains("it is for another account");
        }
    }

    @Test
    void aBlockThatIsNotThereFallsBackToo() throws Exception {
        ResumeTicket ticket = fullLogin();
        ResumeTicket gone = new ResumeTicket(ticket.flavour(), ticket.host(), ticket.port(), ticket.username(), ticket.slot(),
                ticket.guildCard(), ticket.securityToken(), ticket.clientConfig(), ticket.ship(),
                new ResumeTicket.Hop(ticket.block().item(), 1, "127.0.0.1", unusedPort()));
        try (Session s = client().newBuilder().resume(gone).build().connect(PLAYER)) {
            assertThat(s.loginPath().kind()).isEqualTo(LoginPath.Kind.FALLBACK);
            assertThat(s.resumeTicket().orElseThrow().block().port()).isEqualTo(sandbox.blockPort(1));
        }
    }

    private static int unusedPort() throws Exception {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
