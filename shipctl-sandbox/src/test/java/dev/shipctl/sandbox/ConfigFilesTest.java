package dev.shipctl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigFilesTest {
    @Test
    void accountsTomlWithPlainAndHashedPasswords() {
        String hash = Accounts.hashPassword("s3cret");
        assertThat(hash).startsWith("pbkdf2-sha256$600000$");
        Accounts accounts = Accounts.parse("""
                [[accounts]]
                user = "gmadmin"
                password = "gmadmin123"
                guild_card = 42000001
                gm = true
                character = "GMBot"

                [[accounts]]
                user = "alice"
                password_hash = "%s"
                guild_card = 42000010
                character = "Alice"
                """.formatted(hash), "test");
        assertThat(accounts.all()).hasSize(2);
        Account alice = accounts.byUser("alice").orElseThrow();
        assertThat(alice.password().matches("s3cret")).isTrue();
        assertThat(alice.password().matches("S3cret")).isFalse();
        assertThat(alice.gm()).isFalse();
        assertThat(accounts.byGuildCard(42000001).orElseThrow().gm()).isTrue();
        assertThat(alice.toString()).doesNotContain("s3cret").doesNotContain(hash);
    }

    @Test
    void badAccountsFilesAreRejectedWithTheirPlace() {
        assertThatThrownBy(() -> Accounts.parse("[[accounts]]\nuser = \"a\"\nguild_card = 1\n", "f.toml"))
                .hasMessageContaining("f.toml: account #1 (a)").hasMessageContaining("password");
        assertThatThrownBy(() -> Accounts.parse("[[accounts]]\nuser = \"a\"\npassword = \"x\"\nguild_card = 1\ncolour = 3\n", "f.toml"))
                .hasMessageContaining("f.toml");
        assertThatThrownBy(() -> Accounts.parse("""
                [[accounts]]
                user = "a"
                password = "x"
                guild_card = 1
                [[accounts]]
                user = "b"
                password = "x"
                guild_card = 1
                """, "f.toml")).hasMessageContaining("guild card 1 is listed twice");
        assertThatThrownBy(() -> Password.Pbkdf2.parse("md5$1$aa$bb")).hasMessageContaining("pbkdf2-sha256$");
    }

    @Test
    void demoAccountsMatchTheTestPeer() {
        assertThat(Accounts.demo().describe(LocalGms.demo())).hasSize(3)
                .anyMatch(l -> l.startsWith("gmadmin") && l.contains("gmadmin123") && l.contains("42000001") && l.contains("GM"))
                .anyMatch(l -> l.startsWith("localgm") && l.contains("local GM") && l.contains("LocalGM"));
    }

    @Test
    void localGmsIniAndAppendOnlyMerge() {
        LocalGms gms = LocalGms.parse("""
                ; comment
                [localgms]
                42000003,1   # a local GM

                bad line
                [gmrights]
                1,2112
                """);
        assertThat(gms.rights(42000003)).isEqualTo(2112);
        assertThat(gms.has(42000003, LocalGms.ANNOUNCE)).isTrue();
        assertThat(gms.has(42000003, LocalGms.BAN)).isTrue();
        assertThat(gms.has(42000003, LocalGms.DC)).isFalse();
        assertThat(gms.rights(42000002)).isZero();
        LocalGms merged = gms.merge(LocalGms.parse("[localgms]\n42000004,2\n[gmrights]\n2,16\n"));
        assertThat(merged.rights(42000003)).isEqualTo(2112);
        assertThat(merged.rights(42000004)).isEqualTo(16);
    }

    @Test
    void commandParsingFollowsTethealla() {
        assertThat(GmCommands.Line.parse("/dc 42000002").args()).containsExactly(42000002);
        assertThat(GmCommands.Line.parse("/item 00010000,00000000").args()).containsExactly(10000, 0);
        assertThat(GmCommands.Line.parse("/ban").args()).isEmpty();
        assertThat(GmCommands.Line.parse("/ban,12").name()).isEqualTo("ban");
        assertThat(GmCommands.atoi(" 12abc")).isEqualTo(12);
        assertThat(GmCommands.atoi("junk")).isZero();
    }

    @Test
    void portsAreDescribedOnePerLine() throws Exception {
        try (Sandbox sandbox = Sandbox.builder().loginPort(0).blocks(3).build().start()) {
            assertThat(sandbox.describePorts()).hasSize(6)
                    .first().asString().contains("127.0.0.1:" + sandbox.loginPort());
            assertThat(sandbox.blockPort(3)).isPositive();
        }
    }
}
