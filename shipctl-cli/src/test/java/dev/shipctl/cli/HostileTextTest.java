package dev.shipctl.cli;

import static dev.shipctl.cli.terminal.TerminalTextTest.assertSafe;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.shipctl.Credentials;
import dev.shipctl.Session;
import dev.shipctl.ShipClient;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.cli.output.Json;
import dev.shipctl.protocol.packet.chat.ClientChat;
import dev.shipctl.sandbox.Account;
import dev.shipctl.sandbox.Accounts;
import dev.shipctl.sandbox.Password;
import dev.shipctl.sandbox.SandboxEffect;
import dev.shipctl.sandbox.LoginStep;
import dev.shipctl.testkit.SandboxExtension;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * End to end against a hostile sandbox: its ship name and a character's name carry escape sequences, that player
 * chats and mails them (as a modified client can), and login refusals quote them. Whatever shipctl shows a person
 * (shell, who, check, verbs, error lines, --http, hook environments) carries no control character; JSON keeps the
 * exact values.
 */
class HostileTextTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final int GM = 42000001;
    static final int EVIL = 42000004;

    /** The review's reproduction: window title, cursor up, erase line, a line of its own. */
    static final String CHAT = "\u001b]0;title\u0007\u001b[1A\u001b[2Kfake line";
    static final String CHAT_SHOWN = "\\x1b]0;title\\x07\\x1b[1A\\x1b[2Kfake line";
    static final String MAIL = "\u009b2J\u001b[31mred\u202Eevil\r\nsecond line";
    static final String MAIL_SHOWN = "\\x9b2J\\x1b[31mred\\u202eevil second line"; // the shell joins a message's lines
    static final String SHIP = "\u001b]0;t\u0007Sh\u009b"; // short: the ship list's entry adds " (N)" to a 16-character field
    static final String SHIP_SHOWN = "\\x1b]0;t\\x07Sh\\x9b";
    static final String NAME = "\u001b[2KEvil\u0007";
    static final String NAME_SHOWN = "\\x1b[2KEvil\\x07";
    static final String BOX = "\u001b]0;boxed\u0007\u001b[2KOK    fake success line";
    static final String BOX_SHOWN = "\\x1b]0;boxed\\x07\\x1b[2KOK    fake success line";

    @TempDir
    Path config;

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.withAccounts(Accounts.of(List.of(
            new Account("gmadmin", new Password.Plain("gmadmin123"), GM, true, "GMBot", false),
            new Account("evil", new Password.Plain("evil123"), EVIL, false, NAME, false)))).and(b -> b.shipName(SHIP));
    Cli gm;

    @BeforeEach
    void start() throws Exception {
        gm = new Cli(config).env("SHIPCTL_PASSWORD", "gmadmin123").env("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    String port() {
        return String.valueOf(SANDBOX.loginPort());
    }

    /** The hostile player, in the first lobby of block 1. */
    Session evil() throws Exception {
        return ShipClient.builder().server("127.0.0.1", SANDBOX.loginPort()).block("1").build().connect(new Credentials("evil", "evil123"));
    }

    /** Chat as a modified client sends it: the session API itself refuses control characters in chat. */
    static void chatRaw(Session s, String text) throws Exception {
        s.send(new ClientChat(EVIL, text));
    }

    /** The error is one line of stderr (progress lines aside), quoting the refusal as text. */
    static void assertOneSafeLine(String stderr) {
        assertSafe(stderr);
        assertThat(stderr.lines().filter(l -> !l.startsWith("Looking around"))).hasSize(1)
                .allSatisfy(l -> assertThat(l).startsWith("shipctl: ").contains(BOX_SHOWN));
    }

    // ---- a GM's live views ---------------------------------------------------------------------------------

    @Test
    void aGmsShellShowsHostileChatMailNamesAndShipAsText() throws Exception {
        Cli.Running shell = new Cli(config).env("SHIPCTL_PASSWORD", "gmadmin123").start("shell", "-p", port(), "-u", "gmadmin", "--block", "1");
        Cli.Lines out = shell.out();
        Cli.Lines err = shell.err();
        // off a terminal the shell writes no prompt (the prompt with this ship's name: TerminalTest's promptsAreSafe...)
        assertThat(err.awaitText("In lobby 1 as GMBot", WAIT)).as("in the lobby\n" + err).isTrue();

        try (Session evil = evil()) {
            assertThat(out.awaitText("+ " + NAME_SHOWN + " (42000004) joined", WAIT)).as(out.toString()).isTrue();
            chatRaw(evil, CHAT);
            assertThat(out.awaitText("[" + NAME_SHOWN + "] " + CHAT_SHOWN, WAIT)).as(out.toString()).isTrue();
            evil.mail(GM, MAIL);
            assertThat(out.awaitText("mail from " + NAME_SHOWN + ": " + MAIL_SHOWN, WAIT)).as(out.toString()).isTrue();
        }
        shell.type("kick 42000004\n"); // gone already: an error line quoting nothing hostile
        shell.endInput();
        assertThat(shell.exitCode()).isZero();

        // JLine's own redraw (a carriage return, spaces over the prompt, a carriage return) is the one control it writes
        String shown = out.text().replaceAll("\r *\r", "");
        assertSafe(shown);
        assertSafe(err.text());
        assertThat(shown.lines()).noneMatch(l -> l.startsWith("fake line") || l.startsWith("second line"));
    }

    @Test
    void listenPrintsNoControlCharacterAndKeepsEveryValueExactly() throws Exception {
        Cli.Running listen = gm.start("listen", "-p", port(), "-u", "gmadmin", "--block", "1");
        JsonNode connected = json(listen.out().await(l -> l.contains("\"kind\":\"connected\"")));
        assertThat(connected.get("ship").asString()).isEqualTo(SHIP);

        try (Session evil = evil()) {
            assertThat(json(listen.out().await(l -> l.contains("\"joined\""))).get("who").get("name").asString()).isEqualTo(NAME);
            chatRaw(evil, CHAT);
            assertThat(json(listen.out().await(l -> l.contains("\"chat\""))).get("text").asString()).isEqualTo(CHAT);
            evil.mail(GM, MAIL);
            assertThat(json(listen.out().await(l -> l.contains("\"mail\""))).get("text").asString()).isEqualTo(MAIL);
        }
        listen.out().await(l -> l.contains("\"left\""));
        assertThat(listen.stop()).isZero();

        assertSafe(String.join("\n", listen.out().all()));
        assertSafe(String.join("\n", listen.err().all()));
    }

    @Test
    void whoShowsHostileNamesAsTextAndItsJsonKeepsThem() throws Exception {
        try (Session evil = evil()) {
            Cli.Run text = gm.run("who", "-p", port(), "-u", "gmadmin");
            // the whole chain again: the fast path would skip the ship list this test reads
            Cli.Run json = gm.run("who", "-p", port(), "-u", "gmadmin", "--json", "--full-login");

            assertThat(text.exitCode()).as(text.err()).isZero();
            assertSafe(text.out());
            assertSafe(text.err());
            assertThat(text.out()).contains(SHIP_SHOWN, "    " + NAME_SHOWN + "  42000004");
            JsonNode o = Json.MAPPER.readTree(json.out());
            assertSafe(json.out());
            assertThat(o.get("ships").get(0).get("name").asString()).isEqualTo(SHIP);
            assertThat(o.get("lobbies").get(0).get("players").get(0).get("name").asString()).isEqualTo(NAME);
        }
    }

    @Test
    void checkShowsTheHostileShipAndNamesAsText() throws Exception {
        try (Session evil = evil()) {
            Cli.Run run = gm.run("check", "-p", port(), "-u", "gmadmin");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertSafe(run.out());
            assertSafe(run.err());
            assertThat(run.out()).contains("ships", SHIP_SHOWN + " (", NAME_SHOWN + " (42000004)").containsPattern("(?m)^OK .*" + java.util.regex.Pattern.quote(SHIP_SHOWN));
        }
    }

    @Test
    void aVerbsTranscriptAndSummaryShowTheNameAsText() throws Exception {
        try (Session evil = evil()) {
            Cli.Run run = gm.run("kick", "-p", port(), "-u", "gmadmin", "--block", "1", "42000004");

            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
            assertSafe(run.out());
            assertThat(run.out()).contains(NAME_SHOWN);
        }
    }

    // ---- the one-line error on stderr ----------------------------------------------------------------------

    @Test
    void aRefusalQuotingEscapesIsOneSafeLineForEveryKindOfCommand() throws Exception {
        SANDBOX.sandbox().failAt(LoginStep.LOGIN, SandboxEffect.messageBox(BOX));

        Cli.Run verb = gm.run("announce", "-p", port(), "-u", "gmadmin", "hello");
        assertThat(verb.exitCode()).isEqualTo(ExitCodes.LOGIN_REFUSED);
        assertOneSafeLine(verb.err());
        assertThat(verb.err()).contains(BOX_SHOWN);

        Cli.Run who = gm.run("who", "-p", port(), "-u", "gmadmin"); // Main's exception handler
        assertThat(who.exitCode()).isEqualTo(ExitCodes.LOGIN_REFUSED);
        assertOneSafeLine(who.err());
        assertThat(who.err()).contains(BOX_SHOWN);

        Cli.Run listen = gm.run("listen", "-p", port(), "-u", "gmadmin", "--once");
        assertThat(listen.exitCode()).isEqualTo(ExitCodes.LOGIN_REFUSED);
        assertOneSafeLine(listen.err());
        assertThat(listen.err()).contains(BOX_SHOWN);

        Path script = Files.writeString(config.resolve("s.shipctl"), "announce hello\n");
        Cli.Run run = gm.run("run", "-p", port(), "-u", "gmadmin", script.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.LOGIN_REFUSED);
        assertSafe(run.err());
        assertThat(run.err()).contains("shipctl: line 1: ", BOX_SHOWN);

        Cli.Run check = gm.run("check", "-p", port(), "-u", "gmadmin");
        assertThat(check.exitCode()).isEqualTo(ExitCodes.LOGIN_REFUSED);
        assertSafe(check.out());
        assertThat(check.out()).containsPattern("(?m)^FAIL .*" + java.util.regex.Pattern.quote(BOX_SHOWN));
        assertThat(check.out().lines()).noneMatch(l -> l.startsWith("OK"));
    }

    // ---- --http and --on-change ----------------------------------------------------------------------------

    @Test
    void namesReadThroughHttpAreShownAsText() throws Exception {
        String body = """
                {"Clients":[{"ID":1,"AccountID":7,"Name":"\\u001b[2Kadmin\\u0007","Version":"BB\\u009b","Level":1,"LobbyID":1}],
                "Games":[],"Server":{"Uptime":"\\u001b]0;up\\u0007","LobbyCount":20,"GameCount":0,"ClientCount":1,
                "ServerName":"\\u001b[1Anewserv"}}""";
        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/y/summary", ex -> {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        api.start();
        try {
            String url = "http://127.0.0.1:" + api.getAddress().getPort();
            Cli.Run check = gm.run("check", "-p", port(), "-u", "gmadmin", "--http", url);
            Cli.Run who = gm.run("who", "-p", port(), "-u", "gmadmin", "--http", url);

            for (Cli.Run run : List.of(check, who)) {
                assertThat(run.exitCode()).as(run.err()).isZero();
                assertSafe(run.out());
                assertThat(run.out()).contains("\\x1b[2Kadmin\\x07", "\\x1b[1Anewserv");
            }
            assertThat(check.out()).contains("up \\x1b]0;up\\x07");
            assertThat(who.out()).contains("BB\\x9b");
        } finally {
            api.stop(0);
        }
    }

    @Test
    void anOnChangeHookGetsTheErrorByTheSameRule() throws Exception {
        Path seen = config.resolve("hook.txt");
        Cli.Running watch = gm.start("watch", "-p", port(), "-u", "gmadmin", "--interval", "100ms", "--timeout", "2s",
                "--on-change", "printf '%s|%s' \"$SHIPCTL_ERROR\" \"$SHIPCTL_SERVER\" > '" + seen + "'");
        watch.out().await(l -> l.contains("up"));

        SANDBOX.sandbox().failAt(LoginStep.LOGIN, SandboxEffect.messageBox(BOX));
        watch.err().await(l -> l.contains("on-change up -> down:login"));
        assertThat(watch.stop()).isZero();

        String env = Files.readString(seen, StandardCharsets.UTF_8);
        assertSafe(env);
        assertThat(env).contains(BOX_SHOWN, "|127.0.0.1:" + port());
        assertSafe(String.join("\n", watch.out().all()));
        assertThat(String.join("\n", watch.out().all())).contains("DOWN", BOX_SHOWN);
    }

    static JsonNode json(String line) {
        return Json.MAPPER.readTree(line);
    }
}
