package dev.shipctl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Generated load-test accounts and the blocks a number of sessions needs. */
class GeneratedAccountsTest {
    @Test
    void generatedAccountsAreNumberedPlainTextPlayersWithTheirOwnGuildCards() {
        Accounts accounts = Accounts.generated("bot", 3, "pw");
        assertThat(accounts.all()).extracting(Account::user).containsExactly("bot00000", "bot00001", "bot00002");
        Account last = accounts.byUser("bot00002").orElseThrow();
        assertThat(last.password().matches("pw")).isTrue();
        assertThat(last.password().matches("other")).isFalse();
        assertThat(last.guildCard()).isEqualTo(Accounts.GENERATED_FIRST_GUILD_CARD + 2);
        assertThat(last.gm()).isFalse();
        assertThat(accounts.byGuildCard(Accounts.GENERATED_FIRST_GUILD_CARD + 1)).map(Account::user).contains("bot00001");
        assertThat(accounts.isDemo()).isFalse();
    }

    @Test
    void aCountOrPrefixThatCannotBeServedIsRefused() {
        assertThatThrownBy(() -> Accounts.generated("bot", 0, "pw")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Accounts.generated("bot", 100_000, "pw")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Accounts.generated("averylongname", 1, "pw")).hasMessageContaining("prefix");
    }

    @Test
    void blocksForFillsBlocksOf180AndStopsAt99() {
        assertThat(Sandbox.blocksFor(1)).isEqualTo(2);
        assertThat(Sandbox.blocksFor(360)).isEqualTo(2);
        assertThat(Sandbox.blocksFor(361)).isEqualTo(3);
        assertThat(Sandbox.blocksFor(10_000)).isEqualTo(56);
        assertThatThrownBy(() -> Sandbox.blocksFor(99 * 180 + 1)).hasMessageContaining("99");
    }
}
