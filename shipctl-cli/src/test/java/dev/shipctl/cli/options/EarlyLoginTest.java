package dev.shipctl.cli.options;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.ShipClient;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.cli.terminal.Terminal;
import dev.shipctl.sandbox.Sandbox;
import dev.shipctl.sandbox.SandboxEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The login a one-shot verb starts while picocli reads its command line: when it starts, who takes it, and its end. */
class EarlyLoginTest {
    @TempDir
    Path config;

    Sandbox sandbox;
    Cli cli;

    @BeforeEach
    void start() throws Exception {
        sandbox = Sandbox.builder().loginPort(0).build().start();
        cli = new Cli(config).env("SHIPCTL_PASSWORD", "gmadmin123");
    }

    @AfterEach
    void stop() {
        EarlyLogin.discard();
        sandbox.close();
    }

    String port() {
        return String.valueOf(sandbox.loginPort());
    }

    /** The connections the sandbox saw, by role, in order. */
    List<String> connections() {
        return sandbox.events().history().stream().filter(e -> e instanceof SandboxEvent.Connected)
                .map(e -> ((SandboxEvent.Connected) e).role().name()).toList();
    }

    long announcements() {
        return sandbox.events().history().stream().filter(e -> e instanceof SandboxEvent.Announced).count();
    }

    @Test
    void aPlainAnnounceWithAKeptTicketTakesTheLoginStartedWhileItsCommandLineWasRead() {
        Cli.Run first = cli.run("announce", "-p", port(), "-u", "gmadmin", "first");
        assertThat(first.exitCode()).as(first.err()).isZero();
        int connectionsBefore = connections().size();
        int taken = EarlyLogin.TAKEN.get();

        Cli.Run second = cli.run("announce", "-p", port(), "-u", "gmadmin", "--json", "second", "one");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("second one");
        assertThat(EarlyLogin.TAKEN.get()).isEqualTo(taken + 1);
        // one login, straight to the block: the verb did not log in a second time beside the early one
        assertThat(connections().subList(connectionsBefore, connections().size())).containsExactly("BLOCK");
        assertThat(announcements()).isEqualTo(2);
    }

    @Test
    void whenTheBlockRefusesTheEarlyLoginTheVerbTakesTheWholeChainAtOnceAndKeepsTheNewTicket() throws Exception {
        assertThat(cli.run("announce", "-p", port(), "-u", "gmadmin", "first").exitCode()).isZero();
        // another login of the account on the login server: the kept ticket is void
        try (var other = ShipClient.builder().server("127.0.0.1", sandbox.loginPort()).build()
                .connect(new dev.shipctl.Credentials("gmadmin", "gmadmin123"))) {
            assertThat(other.isOpen()).isTrue();
        }
        int before = connections().size();
        Cli.Run run = cli.run("announce", "-p", port(), "-u", "gmadmin", "after another login");
        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> seen = connections().subList(before, connections().size());
        // one refusal (the early login's), then the whole chain: the verb did not try the void ticket a second time
        assertThat(seen.getFirst()).isEqualTo("BLOCK");
        assertThat(seen.get(1)).isEqualTo("LOGIN");
        assertThat(seen.stream().filter(r -> r.equals("BLOCK")).count()).isEqualTo(2); // the refused one, the chain's own
        // and the next run goes straight to the block again, with the ticket that login kept
        int taken = EarlyLogin.TAKEN.get();
        assertThat(cli.run("announce", "-p", port(), "-u", "gmadmin", "again").exitCode()).isZero();
        assertThat(EarlyLogin.TAKEN.get()).isEqualTo(taken + 1);
    }

    @Test
    void withoutAKeptTicketNothingStartsEarlyAndTheVerbLogsInAsEver() {
        int taken = EarlyLogin.TAKEN.get();
        Cli.Run run = cli.run("reload-gms", "-p", port(), "-u", "gmadmin");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(EarlyLogin.TAKEN.get()).isEqualTo(taken);
        assertThat(connections()).startsWith("LOGIN");
    }

    @Test
    void anEarlyLoginNoVerbTakesIsLoggedOut() throws Exception {
        assertThat(cli.run("reload-gms", "-p", port(), "-u", "gmadmin").exitCode()).isZero();
        List<SandboxEvent> earlier = sandbox.events().history();
        EarlyLogin.start(context(Map.of("SHIPCTL_PASSWORD", "gmadmin123")), new String[] {"announce", "-p", port(), "-u", "gmadmin", "hi"});
        EarlyLogin.discard();
        List<SandboxEvent> after = sandbox.events().history().subList(earlier.size(), sandbox.events().history().size());
        assertThat(after).anyMatch(e -> e instanceof SandboxEvent.ReachedLobby);
        awaitEarlyLoginsEnd(earlier);
        assertThat(sandbox.connectionCount()).isZero();
    }

    @Test
    void anEarlyLoginThatIsNotTheVerbsOwnIsLoggedOutAndNotTaken() throws Exception {
        assertThat(cli.run("reload-gms", "-p", port(), "-u", "gmadmin").exitCode()).isZero();
        List<SandboxEvent> earlier = sandbox.events().history();
        EarlyLogin.start(context(Map.of("SHIPCTL_PASSWORD", "gmadmin123")), new String[] {"announce", "-p", port(), "-u", "gmadmin", "hi"});
        ShipClient other = ShipClient.builder().server("127.0.0.1", sandbox.loginPort()).timeout(Duration.ofSeconds(9)).build();
        assertThat(EarlyLogin.take(other)).isEqualTo(EarlyLogin.Taken.NOTHING);
        awaitEarlyLoginsEnd(earlier);
        assertThat(EarlyLogin.take(other)).isEqualTo(EarlyLogin.Taken.NOTHING); // once
    }

    /**
     * Waits for the early login's block connection to end: the first lobby arrival not among the {@code earlier}
     * events (records, each with its connection's number), then that connection's end. Not any block connection's end:
     * the verb run before the early login left one in the history, and {@code await} matches past events too.
     */
    private void awaitEarlyLoginsEnd(List<SandboxEvent> earlier) throws Exception {
        long early = sandbox.events().await(SandboxEvent.ReachedLobby.class, r -> !earlier.contains(r), Duration.ofSeconds(10)).connection();
        sandbox.events().await(SandboxEvent.Disconnected.class, d -> d.connection() == early, Duration.ofSeconds(10));
    }

    @Test
    void noEarlyLoginWhenThePasswordWouldBeAskedFor() {
        assertThat(cli.run("reload-gms", "-p", port(), "-u", "gmadmin").exitCode()).isZero();
        int before = connections().size();
        EarlyLogin.start(context(Map.of()), new String[] {"announce", "-p", port(), "-u", "gmadmin", "hi"});
        assertThat(EarlyLogin.take(ShipClient.builder().build())).isEqualTo(EarlyLogin.Taken.NOTHING);
        assertThat(connections()).hasSize(before);
    }

    CliContext context(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("XDG_STATE_HOME", config.resolve("state").toString());
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        return new CliContext(new Terminal(quiet, quiet, false), all, Optional.empty(), config);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "announce -p 12000 -u localgm hello world",
        "announce --port=12000 --user=localgm -- -a text that looks like an option",
        "announce -H 127.0.0.1 -u localgm --json -v hi",
        "announce --profile home hi",
        "announce -u localgm --password-env PW --password-file pw.txt hi",
        "reload-gms -u localgm --json",
    })
    void plainFormsOfTheVerbsMayLogInEarly(String line) {
        assertThat(EarlyLogin.read(line.split(" "))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "announce -p 12000 -u localgm",                      // no text: a usage error to come
        "reload-gms -u localgm extra",                       // a word the verb does not take
        "announce --trace t.jsonl -u localgm hi",            // shapes the login (the trace must see it all)
        "announce --timeout 1s -u localgm hi",
        "announce --flavour tethealla -u localgm hi",
        "announce --full-login -u localgm hi",
        "announce --countdown 5m -u localgm hi",             // not a plain announcement
        "announce --profile a,b hi",                         // a fleet
        "announce -p 99999 -u localgm hi",                   // a port picocli refuses
        "announce -p12000 -u localgm hi",                    // forms left to picocli
        "announce -p 12000 -p 12001 -u localgm hi",          // given twice
        "announce -u -p hi",                                 // an option where a value belongs
        "announce --json=yes -u localgm hi",
        "--color never announce -u localgm hi",              // the verb first, or nothing
        "ban -u localgm 42000002",                           // verbs that may ask first
        "command -u localgm /bank",
    })
    void anythingElseLogsInWhenTheVerbRuns(String line) {
        assertThat(EarlyLogin.read(line.split(" "))).isEmpty();
    }

    @Test
    void theSameLoginIsTheSameServerSettingsAndTicket() {
        ShipClient a = ShipClient.builder().server("127.0.0.1", 12000).build();
        assertThat(EarlyLogin.sameLogin(a, a)).as("no ticket: never the same fast path").isFalse();
        var ship = new dev.shipctl.ResumeTicket.Hop(new dev.shipctl.MenuItem("Sandbox", 1, 1, Optional.empty()), 1, "127.0.0.1", 5278);
        var block = new dev.shipctl.ResumeTicket.Hop(new dev.shipctl.MenuItem("BLOCK01", 2, 1, Optional.empty()), 1, "127.0.0.1", 5279);
        var ticket = new dev.shipctl.ResumeTicket("tethealla", "127.0.0.1", 12000, "gmadmin", 0, 42000003, 7,
                new byte[dev.shipctl.ResumeTicket.CONFIG_SIZE], ship, block);
        ShipClient withTicket = a.newBuilder().resume(ticket).build();
        assertThat(EarlyLogin.sameLogin(withTicket, withTicket.newBuilder().build())).isTrue();
        assertThat(EarlyLogin.sameLogin(withTicket, withTicket.newBuilder().timeout(Duration.ofSeconds(9)).build())).isFalse();
        assertThat(EarlyLogin.sameLogin(withTicket, withTicket.newBuilder().server("127.0.0.2", 12000).build())).isFalse();
        assertThat(EarlyLogin.sameLogin(withTicket, withTicket.newBuilder().block("2").build())).isFalse();
        assertThat(EarlyLogin.sameLogin(withTicket, withTicket.newBuilder().trace((at, connection, sender, packet) -> {}).build())).isFalse();
    }
}
