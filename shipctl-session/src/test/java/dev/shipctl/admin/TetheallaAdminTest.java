package dev.shipctl.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.Credentials;
import dev.shipctl.EventStream;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.admin.AdminResult.Exchange;
import dev.shipctl.admin.AdminResult.Outcome;
import dev.shipctl.sandbox.LocalGms;
import dev.shipctl.sandbox.SandboxEvent;
import dev.shipctl.testkit.SandboxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link Admin} on Tethealla through the Java API, against the sandbox: each operation confirmed by the server's
 * reply, and the family's two quirks (announce mode followed from every toggle reply, bans that toggle).
 */
class TetheallaAdminTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration SHORT = Duration.ofSeconds(1);
    // a raw command waits all of its wait for more replies: the default, not WAIT
    private static final int PLAYER1 = 42000002;

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.configuredBy(b -> b.localGms(LocalGms.demo()));
    private final List<Session> sessions = new ArrayList<>();

    @AfterEach
    void stop() {
        sessions.forEach(Session::close);
    }

    private Session login(String user, String password, String block) throws ShipException {
        Session s = ShipClient.builder().server("127.0.0.1", SANDBOX.loginPort()).timeout(WAIT).block(block).build()
                .connect(new Credentials(user, password));
        sessions.add(s);
        return s;
    }

    private Admin gm() throws ShipException {
        return Admin.of(login("gmadmin", "gmadmin123", "1"));
    }

    private Session player(String block) throws ShipException {
        return login("player1", "player123", block);
    }

    private long handled(String command) {
        return SANDBOX.sandbox().events().history().stream()
                .filter(e -> e instanceof SandboxEvent.CommandHandled c && c.command().equals(command)).count();
    }

    private static List<String> sent(AdminResult r) {
        return r.transcript().stream().filter(x -> x.direction() == Exchange.Direction.SENT).map(x -> x.label() + " " + x.text()).toList();
    }

    @Test
    void oneAdminPerSessionOfTheSessionsFamily() throws Exception {
        Admin admin = gm();
        assertThat(Admin.of(admin.session())).isSameAs(admin);
        assertThat(admin.commandNames()).startsWith("announce", "global");
    }

    @Test
    void anAnnouncementIsConfirmedByItsBroadcastAndAPlayerSeesIt() throws Exception {
        Session player = player("1");
        try (EventStream events = player.events()) {
            AdminResult r = gm().announce("Restart in 5 minutes", false, WAIT);

            assertThat(r.outcome()).isEqualTo(Outcome.DONE);
            assertThat(sent(r)).containsExactly("chat /announce", "mail Restart in 5 minutes");
            assertThat(r.replies()).extracting(Exchange::label).containsExactly("B0", "EE");
            assertThat(events.next(SessionEvent.Announcement.class, WAIT)).get()
                    .extracting(SessionEvent.Announcement::text).isEqualTo("[GM]GMBot: Restart in 5 minutes");
        }
    }

    @Test
    void announceModeSwitchedOnByARawCommandIsNotToggledOffByTheNextAnnouncement() throws Exception {
        Admin admin = gm();
        AdminResult raw = admin.command("/announce", Admin.DEFAULT_WAIT);
        assertThat(raw.replies()).extracting(Exchange::text).containsExactly("Announce by sending a mail.");

        AdminResult r = admin.announce("hello", false, WAIT);

        assertThat(sent(r)).as("the mode is on already: only the mail").containsExactly("mail hello");
        assertThat(handled("/announce")).isEqualTo(1);
    }

    @Test
    void aGlobalAnnouncementSwitchesTheLocalModeOffFirst() throws Exception {
        Admin admin = gm();
        admin.command("/announce", Admin.DEFAULT_WAIT);

        AdminResult r = admin.announce("everyone", true, WAIT);

        assertThat(sent(r)).containsExactly("chat /global", "chat /global", "mail everyone");
        assertThat(r.verb()).isEqualTo("announce-global");
    }

    @Test
    void withoutTheRightNoBroadcastAndNothingAnnounced() throws Exception {
        Admin admin = Admin.of(player("1"));
        assertThatThrownBy(() -> admin.announce("hello", false, SHORT))
                .isInstanceOf(ShipException.NoReply.class).hasMessageStartingWith("no broadcast: does this account have the right to /announce?");
        assertThat(SANDBOX.sandbox().events().history()).noneMatch(e -> e instanceof SandboxEvent.Announced);
    }

    @Test
    void whatTheServerCannotCarryIsRefusedBeforeSendingAndVariantsAreNewservs() throws Exception {
        Admin admin = gm();
        assertThatThrownBy(() -> admin.announce("x".repeat(171), false, WAIT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 170");
        assertThatThrownBy(() -> admin.command("/bänk", WAIT)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> admin.announce("hi", false, true, false, WAIT)).isInstanceOf(ShipException.Unsupported.class);
        assertThatThrownBy(() -> admin.banFor(PLAYER1, Duration.ofDays(1), WAIT)).isInstanceOf(ShipException.Unsupported.class)
                .hasMessageContaining("without --duration");
        assertThat(SANDBOX.sandbox().events().history()).noneMatch(e -> e instanceof SandboxEvent.CommandHandled);
    }

    @Test
    void aRawCommandCollectsItsRepliesAndSilenceIsNoReply() throws Exception {
        AdminResult bank = gm().command("/bank", Admin.DEFAULT_WAIT);
        assertThat(bank.outcome()).isEqualTo(Outcome.REPLIED);
        assertThat(bank.replies()).extracting(Exchange::label, Exchange::text).containsExactly(org.assertj.core.groups.Tuple.tuple("B0", "Bank: Common"));

        Admin player = Admin.of(player("1"));
        assertThatThrownBy(() -> player.command("/updatelocalgms", SHORT)).isInstanceOf(ShipException.NoReply.class)
                .hasMessageContaining("silence");
    }

    @Test
    void reloadsAreConfirmedByTheirReplyText() throws Exception {
        Admin admin = gm();
        assertThat(admin.reloadGms(WAIT).outcome()).isEqualTo(Outcome.DONE);
        assertThat(admin.reloadMasks(WAIT).replies()).extracting(Exchange::text).containsExactly("IP ban masks file reloaded.");
        assertThatThrownBy(() -> admin.reloadConfig(SHORT)).as("kotori-like servers have no /reloadconfig")
                .isInstanceOf(ShipException.NoReply.class).hasMessageContaining("PSONOVA");
    }

    @Test
    void aKickIsConfirmedByTheLeavingOnlyWhenThePlayerIsInTheLobby() throws Exception {
        Session here = player("1");
        Admin admin = gm();
        AdminResult kicked = admin.kick(PLAYER1, WAIT);
        assertThat(kicked.outcome()).isEqualTo(Outcome.DONE);
        assertThat(kicked.summary()).startsWith("kicked Player1");
        assertThat(here.awaitDisconnect(WAIT)).isPresent();

        Session elsewhere = player("2");
        assertThat(admin.kick(PLAYER1, SHORT).outcome()).isEqualTo(Outcome.UNCONFIRMED);
        assertThat(elsewhere.awaitDisconnect(WAIT)).isPresent();
    }

    @Test
    void anEventIsConfirmedByTheEventChange() throws Exception {
        Admin admin = gm();
        AdminResult r = admin.event(3, WAIT);
        assertThat(r.outcome()).isEqualTo(Outcome.DONE);
        assertThat(r.replies()).extracting(Exchange::label).contains("DA");
        assertThatThrownBy(() -> admin.event(256, WAIT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void banThenUnbanOfAPlayerInTheLobbyAndTheLedgerRemembersBoth() throws Exception {
        Session player = player("1");
        Admin admin = gm();
        awaitInLobby(admin);

        assertThat(admin.ban(PLAYER1, WAIT).summary()).isEqualTo("guild card 42000002 is now banned (and was disconnected)");
        assertThat(player.awaitDisconnect(WAIT)).isPresent();
        assertThat(admin.ledger().last("Sandbox", BanType.GUILD_CARD, PLAYER1)).get().extracting(BanLedger.Entry::banned).isEqualTo(true);
        AdminResult unban = admin.unban(PLAYER1, WAIT);

        assertThat(unban.outcome()).isEqualTo(Outcome.DONE);
        assertThat(unban.replies()).extracting(Exchange::text).containsExactly("Ban removed.");
        assertThat(admin.ledger().last("Sandbox", BanType.GUILD_CARD, PLAYER1)).get().extracting(BanLedger.Entry::banned).isEqualTo(false);
        player("2"); // can log in again
    }

    @Test
    void banTwiceStaysBannedAndUnbanTwiceStaysLifted() throws Exception {
        player("1");
        Admin admin = gm();
        awaitInLobby(admin);
        admin.ban(PLAYER1, WAIT);

        AdminResult again = admin.ban(PLAYER1, WAIT);
        assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(again.transcript()).isEmpty();
        assertThat(again.summary()).contains("already banned").contains("ledger").contains("nothing sent");
        assertThat(handled("/ban 42000002")).isEqualTo(1);
        assertThatThrownBy(() -> player("1")).isInstanceOf(ShipException.class); // still banned

        assertThat(admin.unban(PLAYER1, WAIT).outcome()).isEqualTo(Outcome.DONE);
        AdminResult unbanAgain = admin.unban(PLAYER1, WAIT);
        assertThat(unbanAgain.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(unbanAgain.transcript()).isEmpty();
        assertThat(handled("/ban 42000002")).isEqualTo(2);
        player("2"); // not banned
    }

    @Test
    void aBanOfAPlayerNotSeenIsWithheldUnlessForcedAndThenTheServerDecides() throws Exception {
        Admin admin = gm();
        assertThatThrownBy(() -> admin.ban(PLAYER1, SHORT)).isInstanceOf(ShipException.Withheld.class)
                .hasMessageContaining("not sent").hasMessageContaining("it would LIFT the ban")
                .hasMessageContaining("shipctl's ledger has nothing on guild card 42000002").hasMessageContaining("--force");
        assertThat(handled("/ban 42000002")).isZero();

        assertThatThrownBy(() -> admin.setBan(BanType.GUILD_CARD, PLAYER1, true, true, SHORT)).isInstanceOf(ShipException.NoReply.class)
                .hasMessageContaining("guild card 42000002 is not online on this ship");

        Session elsewhere = player("2");
        assertThatThrownBy(() -> admin.ban(PLAYER1, SHORT)).isInstanceOf(ShipException.Withheld.class);
        assertThat(elsewhere.isOpen()).isTrue();
        assertThat(admin.setBan(BanType.GUILD_CARD, PLAYER1, true, true, WAIT).outcome()).isEqualTo(Outcome.DONE);
        assertThat(elsewhere.awaitDisconnect(WAIT)).isPresent();
    }

    @Test
    void anUnbanNotKnownToBeNeededIsWithheldForcedOfAPlayerOnlineElsewhereItIsUndoneAndInTheLobbyNothingIsSent() throws Exception {
        Session elsewhere = player("2");
        Admin admin = gm();
        assertThatThrownBy(() -> admin.unban(PLAYER1, WAIT)).isInstanceOf(ShipException.Withheld.class)
                .hasMessageContaining("it would BAN and disconnect them");
        assertThat(handled("/ban 42000002")).isZero();
        assertThat(elsewhere.isOpen()).isTrue();

        AdminResult forced = admin.setBan(BanType.GUILD_CARD, PLAYER1, false, true, WAIT);
        assertThat(forced.outcome()).isEqualTo(Outcome.DONE);
        assertThat(forced.replies()).extracting(Exchange::text).containsExactly("User has been banned.", "Ban removed.");
        assertThat(handled("/ban 42000002")).isEqualTo(2);

        player("1");
        awaitInLobby(admin);
        AdminResult here = admin.unban(PLAYER1, WAIT);
        assertThat(here.outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(here.transcript()).isEmpty();
        assertThat(handled("/ban 42000002")).isEqualTo(2);
    }

    @Test
    void aForcedBanOfAPlayerSomeoneElseBannedSaysLoudlyThatTheToggleLiftedIt() throws Exception {
        player("1");
        Admin other = gm();
        awaitInLobby(other);
        other.ban(PLAYER1, WAIT);

        Admin admin = Admin.of(login("localgm", "localgm123", "2")); // its own ledger knows nothing
        assertThatThrownBy(() -> admin.ban(PLAYER1, SHORT)).isInstanceOf(ShipException.Withheld.class);
        assertThatThrownBy(() -> admin.setBan(BanType.GUILD_CARD, PLAYER1, true, true, SHORT)).isInstanceOf(ShipException.NoReply.class)
                .hasMessageContaining("was already banned").hasMessageContaining("THE BAN IS NOW LIFTED");
        assertThat(handled("/ban 42000002")).as("ban, forced toggle off, correction").isEqualTo(3);
        assertThat(admin.ledger().last("Sandbox", BanType.GUILD_CARD, PLAYER1)).get().extracting(BanLedger.Entry::banned).isEqualTo(false);
    }

    @Test
    void aLedgerSharedBetweenSessionsIsWhatTheNextOneKnows() throws Exception {
        BanLedger shared = BanLedger.inMemory();
        player("1");
        Admin first = gm().useLedger(shared);
        awaitInLobby(first);
        first.ban(PLAYER1, WAIT);
        first.session().close();

        Admin second = gm().useLedger(shared);
        assertThat(second.ban(PLAYER1, WAIT).outcome()).isEqualTo(Outcome.UNCHANGED);
        assertThat(second.unban(PLAYER1, WAIT).outcome()).isEqualTo(Outcome.DONE);
        assertThat(handled("/ban 42000002")).isEqualTo(2);
    }

    @Test
    void ipAndHardwareBansOfAPlayerInTheLobbyWork() throws Exception {
        player("1");
        Admin admin = gm();
        awaitInLobby(admin);
        assertThat(admin.hwban(PLAYER1, WAIT).replies()).extracting(Exchange::text).containsExactly("User has been HW banned.");
        assertThat(admin.ledger().last("Sandbox", BanType.HARDWARE, PLAYER1)).isPresent();
    }

    private static void awaitInLobby(Admin admin) throws Exception {
        try (EventStream events = admin.session().events()) {
            if (admin.session().lobby().players().stream().anyMatch(p -> p.guildCard() == PLAYER1)) return;
            events.next(e -> e instanceof SessionEvent.PlayerJoined j && j.player().guildCard() == PLAYER1, WAIT).orElseThrow();
        }
    }
}
