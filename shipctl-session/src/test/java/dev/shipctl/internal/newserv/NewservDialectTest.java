package dev.shipctl.internal.newserv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.ServerFlavour;
import dev.shipctl.ShipException;
import dev.shipctl.admin.BanType;
import dev.shipctl.internal.admin.AdminDialect;
import dev.shipctl.internal.admin.AdminDialect.Reading;
import dev.shipctl.internal.tethealla.TetheallaDialect;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** newserv's spelling of the verbs (protocol notes §5.9) and its reading of replies. */
class NewservDialectTest {
    private final NewservDialect d = NewservDialect.INSTANCE;

    @Test
    void isTheDialectOfTheNewservFlavour() {
        assertThat(ServerFlavour.named("newserv")).containsSame(Newserv.FLAVOUR);
        assertThat(Newserv.FLAVOUR.commandPrefix()).isEqualTo('$');
    }

    @Test
    void announcementVariants() throws Exception {
        assertThat(d.announce(false)).isEqualTo(new NewservDialect.Announcement("$ann ", "account flag ANNOUNCE", true, false));
        assertThat(d.announce(true)).isEqualTo(d.announce(false));
        assertThat(d.announce(false, true, false)).isEqualTo(new NewservDialect.Announcement("$ann? ", "account flag ANNOUNCE", false, false));
        assertThat(d.announce(false, false, true)).isEqualTo(new NewservDialect.Announcement("$ann! ", "account flag ANNOUNCE", true, true));
        assertThat(d.announce(false, true, true)).isEqualTo(new NewservDialect.Announcement("$ann?! ", "account flag ANNOUNCE", false, true));
    }

    @Test
    void tetheallaRefusesTheVariantsAndDurations() {
        assertThatThrownBy(() -> TetheallaDialect.INSTANCE.announce(false, true, false))
                .isInstanceOf(ShipException.Unsupported.class).hasMessageContaining("one kind of announcement");
        assertThatThrownBy(() -> TetheallaDialect.INSTANCE.banFor(1, Duration.ofDays(1)))
                .isInstanceOf(ShipException.Unsupported.class).hasMessageContaining("without --duration");
    }

    @Test
    void kickBanAndEventLines() {
        assertThat(d.kick(11579568).line()).isEqualTo("$kick 11579568");
        assertThat(d.kick(0xFFFFFFFE).line()).isEqualTo("$kick 4294967294");
        assertThat(d.banFor(11579568, Duration.ofDays(7)).line()).isEqualTo("$ban 1w 11579568");
        assertThat(d.event(3).line()).isEqualTo("$event 3");
    }

    @Test
    void durationsUseTheLargestExactUnit() {
        assertThat(NewservDialect.duration(Duration.ofSeconds(90))).isEqualTo("90");
        assertThat(NewservDialect.duration(Duration.ofMinutes(30))).isEqualTo("30m");
        assertThat(NewservDialect.duration(Duration.ofHours(12))).isEqualTo("12h");
        assertThat(NewservDialect.duration(Duration.ofDays(3))).isEqualTo("3d");
        assertThat(NewservDialect.duration(Duration.ofDays(365))).isEqualTo("1y");
        assertThatThrownBy(() -> NewservDialect.duration(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NewservDialect.duration(Duration.ofMillis(1500))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void versWithoutAnEquivalentSaySoAndWhatToDoInstead() {
        assertThatThrownBy(() -> d.ban(BanType.GUILD_CARD, 1)).isInstanceOf(ShipException.Unsupported.class).hasMessageContaining("--duration");
        assertThatThrownBy(() -> d.ban(BanType.IP, 1)).isInstanceOf(ShipException.Unsupported.class).hasMessageContaining("no ipban");
        assertThatThrownBy(() -> d.ban(BanType.HARDWARE, 1)).isInstanceOf(ShipException.Unsupported.class).hasMessageContaining("no hwban");
        assertThatThrownBy(() -> d.checkUnban(BanType.GUILD_CARD, 7)).isInstanceOf(ShipException.Unsupported.class)
                .hasMessageContaining("update-account 7 unban");
        assertThatThrownBy(d::dcall).isInstanceOf(ShipException.Unsupported.class).hasMessageContaining("disconnects everyone");
        assertThatThrownBy(d::reloadGms).isInstanceOf(ShipException.Unsupported.class).hasMessageContaining("no local GM list");
        assertThatThrownBy(d::reloadMasks).isInstanceOf(ShipException.Unsupported.class);
        assertThatThrownBy(d::reloadConfig).isInstanceOf(ShipException.Unsupported.class);
    }

    @Test
    void readsRefusalsAndConfirmationsAfterNormalising() {
        String permission = AdminDialect.normalise("\tC6You do not have\npermission to\nrun this command.");
        assertThat(d.read("$ann hi", permission)).isEqualTo(Reading.REFUSES);
        assertThat(d.read("$nope", AdminDialect.normalise("\tC6Unknown command"))).isEqualTo(Reading.REFUSES);
        assertThat(d.read("$kick 5", AdminDialect.normalise("\tC6Failed:\nclient not found"))).isEqualTo(Reading.REFUSES);
        assertThat(d.read("$kick 5", AdminDialect.normalise("\tC6You do not have\nsufficient privileges."))).isEqualTo(Reading.REFUSES);
        assertThat(d.read("$kick 5", AdminDialect.normalise("\tC6playerbb kicked off"))).isEqualTo(Reading.CONFIRMS);
        assertThat(d.read("$ban 1d 5", AdminDialect.normalise("\tC6playerbb banned"))).isEqualTo(Reading.CONFIRMS);
        assertThat(d.read("$li", "Lobby 1 ...")).isEqualTo(Reading.NEITHER);
        assertThat(TetheallaDialect.INSTANCE.read("/dc 5", permission)).isEqualTo(Reading.NEITHER);
    }

    @Test
    void commandsStartWithDollarAndFitAChatPacket() {
        d.checkCommand("$li");
        assertThatThrownBy(() -> d.checkCommand("/announce")).hasMessageContaining("start with '$'");
        assertThatThrownBy(() -> d.checkCommand("$ann a\tb")).hasMessageContaining("U+0009");
        int max = NewservDialect.maxCommandLength();
        d.checkCommand("$" + "x".repeat(max - 1));
        assertThatThrownBy(() -> d.checkCommand("$" + "x".repeat(max))).hasMessageContaining("at most " + max);
    }
}
