package dev.shipctl.admin;

import static dev.shipctl.admin.ScriptedSession.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.Durations;
import dev.shipctl.SessionEvent;
import dev.shipctl.ShipException;
import dev.shipctl.admin.AdminResult.Outcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@link Admin} on newserv, against a scripted session that answers as newserv does (protocol notes §5.9): the
 * spelling of each operation, what confirms it, what is a refusal, and what newserv cannot do.
 */
class NewservAdminTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration SHORT = Duration.ofMillis(200);
    private static final String NO_PERMISSION = "\tC6You do not have\npermission to\nrun this command.";

    private static ScriptedSession answering(Map<String, List<SessionEvent>> replies) {
        return new ScriptedSession("newserv", line -> replies.getOrDefault(line, List.of()));
    }

    private static SessionEvent announcement(String text) {
        return new SessionEvent.Announcement(Instant.now(), text);
    }

    @Test
    void theSessionsFamilyDoesItsAdministration() {
        assertThat(Admin.of(answering(Map.of())).commandNames()).startsWith("ann", "ann?");
    }

    @Test
    void announcementsAreOneCommandConfirmedByTheCopyThisSessionGets() throws Exception {
        ScriptedSession s = answering(Map.of(
                "$ann Restart soon", List.of(announcement("GMBot: Restart soon")),
                "$ann? quiet", List.of(announcement("quiet")),
                "$ann! by mail", List.of(new SessionEvent.Mail(Instant.now(), ScriptedSession.GUILD_CARD, "GMBot", "by mail"))));
        Admin admin = Admin.of(s);

        assertThat(admin.announce("Restart soon", true, WAIT).outcome()).isEqualTo(Outcome.DONE);
        assertThat(admin.announce("quiet", false, true, false, WAIT).outcome()).isEqualTo(Outcome.DONE);
        assertThat(admin.announce("by mail", false, false, true, WAIT).replies()).extracting(AdminResult.Exchange::label).containsExactly("81");
        assertThat(s.sent).containsExactly("$ann Restart soon", "$ann? quiet", "$ann! by mail");
    }

    @Test
    void aRefusalEndsTheWaitAndSilenceIsNoBroadcast() {
        Admin admin = Admin.of(answering(Map.of("$ann hi", List.of(text(NO_PERMISSION)))));
        assertThatThrownBy(() -> admin.announce("hi", false, WAIT)).isInstanceOf(ShipException.NoReply.class)
                .hasMessage("refused: the server answered $ann hi with \"You do not have permission to run this command.\"");
        assertThatThrownBy(() -> admin.announce("unheard", false, SHORT)).isInstanceOf(ShipException.NoReply.class)
                .hasMessageStartingWith("no broadcast: does this account have the right to $ann?").hasMessageContaining("account flag ANNOUNCE");
    }

    @Test
    void kickAndTimedBanAreConfirmedByTheTargetsName() throws Exception {
        ScriptedSession s = answering(Map.of(
                "$kick 42000002", List.of(text("\tC6Player1 kicked off")),
                "$ban 1w 42000002", List.of(text("\tC6Player1 banned")),
                "$ban 1d 42000009", List.of(text("\tC6Failed:\nclient not found"))));
        Admin admin = Admin.of(s);

        assertThat(admin.kick(42000002, WAIT).summary()).isEqualTo("kicked guild card 42000002: the server answered \"Player1 kicked off\"");
        assertThat(admin.banFor(42000002, Duration.ofDays(7), WAIT).summary())
                .isEqualTo("guild card 42000002 is banned for " + Durations.format(Duration.ofDays(7)) + " (and was disconnected)");
        assertThatThrownBy(() -> admin.banFor(42000009, Duration.ofDays(1), WAIT)).isInstanceOf(ShipException.NoReply.class)
                .hasMessageContaining("Failed: client not found");
    }

    @Test
    void aSecondTimedBanOfAPlayerNewservDisconnectedIsUnchangedWhenTheLedgerKnowsOfTheBan() throws Exception {
        // newserv: the first $ban disconnects the player; the next finds no such client (banned players cannot log in)
        java.util.concurrent.atomic.AtomicInteger bans = new java.util.concurrent.atomic.AtomicInteger();
        ScriptedSession s = new ScriptedSession("newserv", line -> line.startsWith("$ban ")
                ? List.of(text(bans.getAndIncrement() == 0 ? "\tC6Player1 banned" : "\tC6Failed:\nclient not found"))
                : List.of());
        Admin admin = Admin.of(s);

        assertThat(admin.banFor(42000002, Duration.ofDays(7), WAIT).outcome()).isEqualTo(Outcome.DONE);
        assertThat(admin.ledger().last("", BanType.GUILD_CARD, 42000002)).get()
                .satisfies(e -> assertThat(e.until()).get().matches(u -> u.isAfter(Instant.now().plus(Duration.ofDays(6)))));
        AdminResult again = admin.banFor(42000002, Duration.ofDays(7), WAIT);
        assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(again.summary()).startsWith("guild card 42000002 is still banned: shipctl's ledger says").contains("until");

        Admin fresh = Admin.of(new ScriptedSession("newserv", line -> List.of(text("\tC6Failed:\nclient not found"))));
        assertThatThrownBy(() -> fresh.banFor(42000002, Duration.ofDays(7), WAIT)).isInstanceOf(ShipException.NoReply.class)
                .hasMessageContaining("client not found");
        fresh.ledger().record(new BanLedger.Entry("", BanType.GUILD_CARD, 42000002, true, Instant.now().minus(Duration.ofDays(2)),
                java.util.Optional.of(Instant.now().minus(Duration.ofDays(1)))));
        assertThatThrownBy(() -> fresh.banFor(42000002, Duration.ofDays(7), WAIT)).as("a ban that ran out is no excuse")
                .isInstanceOf(ShipException.NoReply.class);
    }

    @Test
    void anEventIsConfirmedByTheEventChangeAndARawCommandByAnyReplyButARefusal() throws Exception {
        ScriptedSession s = answering(Map.of(
                "$event 3", List.of(new SessionEvent.LobbyEventChanged(Instant.now(), 3)),
                "$li", List.of(text("Lobby 1: 2 players")),
                "$nope", List.of(text("\tC6Unknown command"))));
        Admin admin = Admin.of(s);

        assertThat(admin.event(3, WAIT).outcome()).isEqualTo(Outcome.DONE);
        assertThat(admin.command("$li", SHORT).outcome()).isEqualTo(Outcome.REPLIED);
        assertThatThrownBy(() -> admin.command("$nope", SHORT)).isInstanceOf(ShipException.NoReply.class).hasMessageContaining("Unknown command");
        assertThatThrownBy(() -> admin.command("/bank", SHORT)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start with '$'");
    }

    @Test
    void whatNewservHasNoCommandForSaysWhatToDoInsteadAndSendsNothing() {
        ScriptedSession s = answering(Map.of());
        Admin admin = Admin.of(s);
        List<Executable> verbs = List.of(
                () -> admin.ban(42000002, WAIT), () -> admin.unban(42000002, WAIT), () -> admin.ipban(42000002, WAIT),
                () -> admin.hwban(42000002, WAIT), () -> admin.dcall(WAIT), () -> admin.reloadGms(WAIT),
                () -> admin.reloadMasks(WAIT), () -> admin.reloadConfig(WAIT));
        for (Executable verb : verbs) {
            assertThatThrownBy(verb::execute).isInstanceOf(ShipException.Unsupported.class);
        }
        assertThatThrownBy(() -> admin.unban(7, WAIT)).hasMessageContaining("update-account 7 unban");
        assertThatThrownBy(() -> admin.ban(7, WAIT)).hasMessageContaining("--duration");
        assertThat(s.sent).isEmpty();
    }
}
