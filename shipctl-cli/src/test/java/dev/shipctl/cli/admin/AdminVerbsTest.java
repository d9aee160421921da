package dev.shipctl.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.EventStream;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.cli.Main;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.AdminHarness;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.sandbox.LocalGms;
import dev.shipctl.sandbox.Sandbox;
import dev.shipctl.sandbox.SandboxEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Every admin verb end to end: shipctl in-process against the sandbox on ephemeral loopback ports. */
class AdminVerbsTest {
    static final Duration EVENT_WAIT = Duration.ofSeconds(10);

    @TempDir
    Path config;

    AdminHarness h;

    @BeforeEach
    void start() throws Exception {
        h = new AdminHarness(config);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    // ---- announce -----------------------------------------------------------------------------------------

    @Test
    void announceIsConfirmedByTheBroadcastAndSeenByAPlayer() throws Exception {
        Session player = h.player("player1", null);
        try (EventStream events = player.events()) {
            Cli.Run run = h.as("gmadmin", "announce", "Restart in 5 minutes");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("> ", "chat", "/announce", "B0", "Announce by sending a mail.", "mail",
                    "EE", "[GM]GMBot: Restart in 5 minutes").containsPattern("(?m)^OK +announced: \"Restart in 5 minutes\"");
            assertThat(events.next(SessionEvent.Announcement.class, EVENT_WAIT)).get()
                    .extracting(SessionEvent.Announcement::text).isEqualTo("[GM]GMBot: Restart in 5 minutes");
        }
        assertThat(h.sandbox.events().history()).filteredOn(e -> e instanceof SandboxEvent.CommandHandled)
                .as("the toggle is sent exactly once").hasSize(1);
    }

    @Test
    void announceJsonHasTheDocumentedFields() {
        Cli.Run run = h.as("gmadmin", "announce", "--json", "--global", "Double", "EXP");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode o = run.json().getFirst();
        assertThat(o.get("verb").asString()).isEqualTo("announce-global");
        assertThat(o.get("ok").asBoolean()).isTrue();
        assertThat(o.get("outcome").asString()).isEqualTo("done");
        assertThat(o.get("sent").valueStream().map(s -> s.get("type").asString() + " " + s.get("text").asString()).toList())
                .containsExactly("chat /global", "mail Double EXP");
        assertThat(o.get("replies").valueStream().map(s -> s.get("type").asString()).toList()).containsExactly("B0", "EE");
        assertThat(o.get("replies").get(1).get("ms").asDouble()).isNotNegative();
    }

    @Test
    void aPlayerWithoutTheRightGetsExit7AndTheAccountIsNotLeftInAnnounceMode() {
        Cli.Run run = h.as("player1", "announce", "--wait", "1s", "hello");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.NO_REPLY);
        assertThat(run.err()).startsWith("shipctl: no broadcast: does this account have the right to /announce?");
        assertThat(h.sandbox.events().history()).noneMatch(e -> e instanceof SandboxEvent.Announced);
    }

    @Test
    void anAnnouncementTooLongIsRefusedBeforeAnythingIsSent() {
        Cli.Run run = h.as("gmadmin", "announce", "x".repeat(171));

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("171 characters", "at most 170");
        assertThat(h.sandbox.events().history()).noneMatch(e -> e instanceof SandboxEvent.CommandHandled);
    }

    // ---- raw commands -------------------------------------------------------------------------------------

    @Test
    void commandPrintsEveryLabelledReply() {
        Cli.Run run = h.as("gmadmin", "command", "--json", "--", "/bank");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode o = run.json().getFirst();
        assertThat(o.get("outcome").asString()).isEqualTo("replied");
        assertThat(o.get("replies").get(0).get("type").asString()).isEqualTo("B0");
        assertThat(o.get("replies").get(0).get("text").asString()).isEqualTo("Bank: Common");
    }

    @Test
    void silenceIsExit7() {
        Cli.Run run = h.as("player1", "command", "--wait", "1s", "--", "/updatelocalgms");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.NO_REPLY);
        assertThat(run.err()).contains("no reply to /updatelocalgms", "silence");
    }

    @Test
    void aCommandTheServerCannotReadIsRefusedBeforeSending() {
        assertThat(h.as("gmadmin", "command", "--", "/" + "x".repeat(200)).err()).contains("at most 117");
        assertThat(h.as("gmadmin", "command", "--", "/bänk").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(h.sandbox.events().history()).noneMatch(e -> e instanceof SandboxEvent.CommandHandled);
    }

    // ---- named commands -----------------------------------------------------------------------------------

    @Test
    void localGmReloadsTheGmFileAndTheNewRightsApply() throws Exception {
        Path file = config.resolve("localgms.ini");
        Files.writeString(file, "[localgms]\n42000003,1\n[gmrights]\n1,32767\n");
        try (AdminHarness own = new AdminHarness(config.resolve("own"), Sandbox.builder().loginPort(0).localGms(LocalGms.load(file)))) {
            assertThat(own.sandbox.localGmRights(42000002)).isZero();
            Files.writeString(file, "[localgms]\n42000003,1\n42000002,1\n[gmrights]\n1,32767\n");

            Cli.Run run = own.as("localgm", "reload-gms");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("Local GM file reloaded.").containsPattern("(?m)^OK +local GM file reloaded");
            assertThat(own.sandbox.localGmRights(42000002)).isEqualTo(32767);
        }
    }

    @Test
    void reloadMasksAndReloadConfig() {
        assertThat(h.as("gmadmin", "reload-masks").out()).contains("IP ban masks file reloaded.");
        Cli.Run config = h.as("gmadmin", "reload-config", "--wait", "1s");
        assertThat(config.exitCode()).as("kotori-like servers have no /reloadconfig").isEqualTo(ExitCodes.NO_REPLY);
        assertThat(config.err()).contains("/reloadconfig", "PSONOVA");
    }

    @Test
    void kickOfAPlayerInTheLobbyIsConfirmedByTheirLeaving() throws Exception {
        Session player = h.player("player1", "1");

        Cli.Run run = h.as("gmadmin", "kick", "--block", "1", "42000002");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("/dc 42000002", "left").containsPattern("(?m)^OK +kicked Player1");
        assertThat(player.awaitDisconnect(EVENT_WAIT)).isPresent();
    }

    @Test
    void kickOfAPlayerElsewhereIsSentButUnconfirmed() throws Exception {
        Session player = h.player("player1", "2");

        Cli.Run run = h.as("gmadmin", "kick", "--block", "1", "--wait", "1s", "--json", "42000002");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.UNCONFIRMED).isEqualTo(10);
        JsonNode o = run.json().getFirst();
        assertThat(o.get("outcome").asString()).isEqualTo("unconfirmed");
        assertThat(o.get("ok").asBoolean()).isFalse();
        assertThat(o.get("exit_code").asInt()).isEqualTo(10);
        assertThat(player.awaitDisconnect(EVENT_WAIT)).isPresent();
    }

    @Test
    void kickOfAnOfflinePlayerOrWithoutTheRightIsUnconfirmedNotSuccess() {
        Cli.Run offline = h.as("gmadmin", "kick", "--wait", "1s", "42000002");
        assertThat(offline.exitCode()).as(offline.toString()).isEqualTo(ExitCodes.UNCONFIRMED);
        assertThat(offline.out()).containsPattern("(?m)^UNCONFIRMED +sent /dc 42000002");

        Cli.Run noRight = h.as("player1", "kick", "--wait", "1s", "42000001");
        assertThat(noRight.exitCode()).as(noRight.toString()).isEqualTo(ExitCodes.UNCONFIRMED);
    }

    @Test
    void eventIsConfirmedByTheEventChange() throws Exception {
        Session player = h.player("player1", "2");
        try (EventStream events = player.events()) {
            Cli.Run run = h.as("gmadmin", "event", "3");

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).contains("DA", "event 3").containsPattern("(?m)^OK +lobby event set to 3");
            assertThat(events.next(SessionEvent.LobbyEventChanged.class, EVENT_WAIT)).get()
                    .extracting(SessionEvent.LobbyEventChanged::event).isEqualTo(3);
        }
    }

    @Test
    void dcallDisconnectsEveryone() throws Exception {
        Session player = h.player("player1", "1");

        Cli.Run run = h.as("gmadmin", "dcall", "--block", "1", "--wait", "10s", "--yes");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).containsPattern("(?m)^OK +the server is disconnecting everyone");
        assertThat(player.awaitDisconnect(EVENT_WAIT)).isPresent();
    }

    @Test
    void dcallWithoutYesOffATerminalSendsNothingAndExits2() throws Exception {
        Session player = h.player("player1", "1");

        Cli.Run run = h.as("gmadmin", "dcall", "--block", "1");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines()).containsExactly("shipctl: dcall would disconnect everyone on the ship, this session included;"
                + " not on a terminal to ask, so nothing was sent: add --yes to do it");
        assertThat(h.sandbox.events().history()).noneMatch(e -> e instanceof SandboxEvent.CommandHandled);
        assertThat(h.sandbox.events().history()).as("not even a login")
                .noneMatch(e -> e instanceof SandboxEvent.LoginAccepted a && a.user().equals("gmadmin"));
        assertThat(player.isOpen()).isTrue();
    }

    @Test
    void ipbanHwbanAndBanOfManyAskToo() {
        for (String[] verb : new String[][] {{"ipban", "42000002"}, {"hwban", "42000002"}, {"ban", "42000002", "42000003"}}) {
            Cli.Run run = h.as("gmadmin", verb);
            assertThat(run.exitCode()).as(String.join(" ", verb) + "\n" + run).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err()).contains("add --yes");
        }
        assertThat(h.sandbox.events().history()).noneMatch(e -> e instanceof SandboxEvent.CommandHandled);
    }

    @Test
    void gmVerbsWithoutTheRightAreExit7() {
        for (String[] verb : new String[][] {{"reload-gms"}, {"event", "2"}, {"ban", "--force", "42000001"}, {"dcall", "--yes"}}) {
            String[] args = new String[verb.length + 2];
            System.arraycopy(verb, 0, args, 0, verb.length);
            args[verb.length] = "--wait";
            args[verb.length + 1] = "1s";
            Cli.Run run = h.as("player1", args);
            assertThat(run.exitCode()).as(String.join(" ", verb) + "\n" + run).isEqualTo(ExitCodes.NO_REPLY);
        }
    }

    // ---- bans ---------------------------------------------------------------------------------------------

    private long handled(String command) {
        return h.sandbox.events().history().stream()
                .filter(e -> e instanceof SandboxEvent.CommandHandled c && c.command().equals(command)).count();
    }

    @Test
    void banTwiceStaysBannedAndUnbanTwiceStaysLifted() throws Exception {
        Session player = h.player("player1", "1");

        Cli.Run ban = h.as("gmadmin", "ban", "--block", "1", "42000002");
        assertThat(ban.exitCode()).as(ban.toString()).isZero();
        assertThat(ban.out()).contains("User has been banned.").containsPattern("(?m)^OK +guild card 42000002 is now banned");
        assertThat(player.awaitDisconnect(EVENT_WAIT)).isPresent();

        Cli.Run again = h.as("gmadmin", "ban", "--block", "1", "--json", "42000002");
        assertThat(again.exitCode()).as(again.toString()).isZero();
        JsonNode twice = again.json().getFirst();
        assertThat(twice.get("outcome").asString()).isEqualTo("unchanged");
        assertThat(twice.get("sent")).isEmpty();
        assertThat(twice.get("summary").asString()).contains("already banned", "ledger", "nothing sent");
        assertThat(handled("/ban 42000002")).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> h.player("player1", "1")).as("still banned")
                .isInstanceOf(dev.shipctl.ShipException.class);

        Cli.Run unban = h.as("gmadmin", "unban", "--json", "42000002");
        assertThat(unban.exitCode()).as(unban.toString()).isZero();
        JsonNode o = unban.json().getFirst();
        assertThat(o.get("outcome").asString()).isEqualTo("done");
        assertThat(o.get("guild_card").asLong()).isEqualTo(42000002L);
        assertThat(o.get("replies").get(0).get("text").asString()).isEqualTo("Ban removed.");

        Cli.Run unbanAgain = h.as("gmadmin", "unban", "42000002");
        assertThat(unbanAgain.exitCode()).as(unbanAgain.toString()).isZero();
        assertThat(unbanAgain.out()).containsPattern("(?m)^OK +guild card 42000002 is not banned: shipctl's ledger says this ban was lifted");
        assertThat(handled("/ban 42000002")).isEqualTo(2);
        h.player("player1", "2"); // can log in again
    }

    @Test
    void theLedgerIsAPrivateFileInTheStateFolder() throws Exception {
        h.player("player1", "1");
        assertThat(h.as("gmadmin", "ban", "--block", "1", "42000002").exitCode()).isZero();

        Path ledger = config.resolve("state/shipctl/bans/127.0.0.1_" + h.port() + ".ledger");
        assertThat(Files.readString(ledger)).containsPattern("(?m)^GUILD_CARD 42000002 banned \\S+ Sandbox$");
        assertThat(dev.shipctl.cli.fixtures.FileModes.mode(ledger)).isEqualTo("0600");
        assertThat(dev.shipctl.cli.fixtures.FileModes.mode(ledger.getParent())).isEqualTo("0700");
    }

    @Test
    void banOfAnOfflinePlayerSendsNothingAndSaysWhatWasKnown() {
        Cli.Run run = h.as("gmadmin", "ban", "--wait", "1s", "42000002");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().lines()).singleElement().asString()
                .startsWith("shipctl: not sent: /ban 42000002 toggles, and whether guild card 42000002 is banned is unknown (not in this lobby;"
                        + " shipctl's ledger has nothing on guild card 42000002 on ship Sandbox; Tethealla lets no client ask)")
                .contains("--force");
        assertThat(handled("/ban 42000002")).isZero();

        Cli.Run forced = h.as("gmadmin", "ban", "--force", "--wait", "1s", "42000002");
        assertThat(forced.exitCode()).as(forced.toString()).isEqualTo(ExitCodes.NO_REPLY);
        assertThat(forced.err()).contains("guild card 42000002 is not online on this ship");
    }

    @Test
    void aForcedBanOfAPlayerBannedByOthersIsPutBackOrSaidLoudly() throws Exception {
        h.player("player1", "1");
        // banned in game by another GM: shipctl's ledger knows nothing of it
        Session other = h.player("localgm", "1");
        try (EventStream events = other.events()) {
            other.chat("/ban 42000002");
            events.next(e -> e instanceof SessionEvent.TextMessage t && t.text().contains("User has been banned."), EVENT_WAIT).orElseThrow();
        }

        Cli.Run ban = h.as("gmadmin", "ban", "--block", "1", "42000002");
        assertThat(ban.exitCode()).as(ban.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(handled("/ban 42000002")).as("nothing sent: the ban stays").isEqualTo(1);

        Cli.Run forced = h.as("gmadmin", "ban", "--block", "1", "--force", "--wait", "1s", "42000002");
        assertThat(forced.exitCode()).as(forced.toString()).isEqualTo(ExitCodes.NO_REPLY);
        assertThat(forced.err()).contains("was already banned", "THE BAN IS NOW LIFTED");
        assertThat(handled("/ban 42000002")).as("by hand, forced toggle off, correction").isEqualTo(3);
    }

    @Test
    void unbanNotKnownIsWithheldForcedOfAPlayerOnlineElsewhereItIsUndoneAndInTheLobbyNothingIsSent() throws Exception {
        Session elsewhere = h.player("player1", "2");

        Cli.Run unban = h.as("gmadmin", "unban", "--block", "1", "42000002");
        assertThat(unban.exitCode()).as(unban.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(unban.err()).contains("it would BAN and disconnect them");
        assertThat(elsewhere.isOpen()).isTrue();

        Cli.Run forced = h.as("gmadmin", "unban", "--block", "1", "--force", "42000002");
        assertThat(forced.exitCode()).as(forced.toString()).isZero();
        assertThat(forced.out()).contains("User has been banned.", "Ban removed.").contains("the second /ban 42000002 lifted it");
        h.player("player1", "1"); // not banned: logs in

        Cli.Run here = h.as("gmadmin", "unban", "--block", "1", "--json", "42000002");
        assertThat(here.exitCode()).as(here.toString()).isZero();
        assertThat(here.json().getFirst().get("outcome").asString()).isEqualTo("unchanged");
        assertThat(handled("/ban 42000002")).isEqualTo(2);
    }

    @Test
    void banOfManyWithYesGivesALinePerGuildCardAndTheWorstCode() throws Exception {
        h.player("player1", "1");

        Cli.Run run = h.as("gmadmin", "ban", "--block", "1", "--yes", "--json", "42000002", "42000009");

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.json()).hasSize(2);
        assertThat(run.json().get(0).get("outcome").asString()).isEqualTo("done");
        assertThat(run.json().get(1).get("ok").asBoolean()).isFalse();
        assertThat(run.json().get(1).get("error").asString()).contains("42000009", "not sent");
    }

    @Test
    void ipbanAndHwbanOfAPlayerInTheLobbyWithYes() throws Exception {
        h.player("player1", "1");
        Cli.Run hw = h.as("gmadmin", "hwban", "--block", "1", "--yes", "42000002");
        assertThat(hw.exitCode()).as(hw.toString()).isZero();
        assertThat(hw.out()).contains("User has been HW banned.");

        try (AdminHarness other = new AdminHarness(config.resolve("other"))) {
            other.player("player1", "1");
            Cli.Run ip = other.as("gmadmin", "ipban", "--block", "1", "-y", "42000002");
            assertThat(ip.exitCode()).as(ip.toString()).isZero();
            assertThat(ip.out()).contains("User has been IP banned.");
        }
    }

    @Test
    void everyVerbHasHelpWithAnExample() {
        for (String verb : OpenSession.verbNames(new Main(), h.cli().context())) {
            Cli.Run help = h.run(java.util.Map.of(), verb, "--help");
            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).as(verb).contains("Examples:", "shipctl " + verb);
        }
        for (String other : new String[] {"shell", "run", "profile", "profile add"}) {
            Cli.Run help = h.run(java.util.Map.of(), (other + " --help").split(" "));
            assertThat(help.out()).as(other).contains("Examples:");
        }
    }
}
