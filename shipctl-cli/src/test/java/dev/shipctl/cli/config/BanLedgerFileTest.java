package dev.shipctl.cli.config;

import static dev.shipctl.cli.fixtures.FileModes.chmod;
import static dev.shipctl.cli.fixtures.FileModes.mode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.admin.BanLedger;
import dev.shipctl.admin.BanType;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.common.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ban ledger's file: what it keeps, how it reads back, and that it stays private. */
class BanLedgerFileTest {
    @TempDir
    Path dir;

    private BanLedgerFile ledger() {
        return new BanLedgerFile(dir.resolve("state/bans/host_12000.ledger"));
    }

    @Test
    void theLastEntryOfAShipTypeAndGuildCardIsWhatItKnowsAndItSurvivesTheProcess() throws Exception {
        Instant t0 = Instant.parse("2026-12-06T10:00:00Z");
        BanLedgerFile ledger = ledger();
        assertThat(ledger.last("Ship 1", BanType.GUILD_CARD, 42000002)).isEmpty();

        ledger.record(new BanLedger.Entry("Ship 1", BanType.GUILD_CARD, 42000002, true, t0));
        ledger.record(new BanLedger.Entry("Ship 2", BanType.GUILD_CARD, 42000002, true, t0));
        ledger.record(new BanLedger.Entry("Ship 1", BanType.IP, 42000002, true, t0, Optional.of(t0.plusSeconds(60))));
        ledger.record(new BanLedger.Entry("Ship 1", BanType.GUILD_CARD, 42000002, false, t0.plusSeconds(5)));

        BanLedgerFile reread = ledger();
        assertThat(reread.last("Ship 1", BanType.GUILD_CARD, 42000002)).get().extracting(BanLedger.Entry::banned).isEqualTo(false);
        assertThat(reread.last("Ship 2", BanType.GUILD_CARD, 42000002)).get().extracting(BanLedger.Entry::banned).isEqualTo(true);
        assertThat(reread.last("Ship 1", BanType.IP, 42000002)).get().extracting(BanLedger.Entry::until)
                .isEqualTo(Optional.of(t0.plusSeconds(60)));
        assertThat(reread.last("Ship 1", BanType.HARDWARE, 42000002)).isEmpty();
        assertThat(reread.entries()).hasSize(4);
        assertThat(Files.readString(reread.file())).contains("GUILD_CARD 42000002 lifted 2026-12-06T10:00:05Z Ship+1\n");
        assertThat(mode(reread.file())).isEqualTo("0600");
        assertThat(mode(reread.file().getParent())).isEqualTo("0700");
    }

    @Test
    void aLineThatDoesNotReadIsSkipped() throws Exception {
        BanLedgerFile ledger = ledger();
        ledger.record(new BanLedger.Entry("S", BanType.GUILD_CARD, 1, true, Instant.EPOCH));
        Files.writeString(ledger.file(), "GUILD_CARD x banned nonsense S\nGUILD_CARD 2 banned 1970-01-01T00:00:00Z S\n",
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(ledger.entries()).extracting(BanLedger.Entry::guildCard).containsExactly(1, 2);
    }

    @Test
    void aLedgerOthersCanWriteIsRefusedNotTrusted() throws Exception {
        BanLedgerFile ledger = ledger();
        ledger.record(new BanLedger.Entry("S", BanType.GUILD_CARD, 1, true, Instant.EPOCH));
        chmod(ledger.file(), "rw-rw-rw-");
        assertThatThrownBy(() -> ledger.last("S", BanType.GUILD_CARD, 1)).isInstanceOf(UserError.class)
                .satisfies(e -> assertThat(((UserError) e).exitCode()).isEqualTo(ExitCodes.CONFIG)).hasMessageContaining("chmod 600");
    }
}
