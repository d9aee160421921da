package dev.shipctl.cli.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shipctl sandbox} refuses what would expose accounts (issue 11, finding 5); each run stops before it listens. */
class SandboxSecurityCommandTest {
    @TempDir
    Path config;

    private Path accounts(String mode, String body) throws Exception {
        Path f = config.resolve("accounts.toml");
        Files.writeString(f, body);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        return f;
    }

    @Test
    void theDemoAccountsAreRefusedOnAnAddressOtherThanLoopback() {
        for (String bind : new String[] {"192.0.2.1", "0.0.0.0", "::"}) {
            Cli.Run run = new Cli(config).run("sandbox", "--bind", bind, "--port", "0", "--ship-port", "0", "--stop-after", "1s");
            assertThat(run.exitCode()).as(bind).isEqualTo(ExitCodes.CONFIG);
            assertThat(run.err()).as(bind).isEqualTo("shipctl: --bind " + bind + " is not a loopback address, and the demo accounts'"
                    + " passwords are public (gmadmin is a GM): give --accounts FILE" + System.lineSeparator());
            assertThat(run.out()).as("nothing started, nothing printed").isEmpty();
        }
    }

    @Test
    void anAccountsFileOthersCanReadIsRefused() throws Exception {
        Path f = accounts("rw-r--r--", "[[accounts]]\nuser = \"admin\"\npassword = \"s3cret-pass\"\nguild_card = 1\n");
        Cli.Run run = new Cli(config).run("sandbox", "--port", "0", "--ship-port", "0", "--accounts", f.toString(), "--stop-after", "1s");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(run.err()).isEqualTo("shipctl: the accounts file " + f + " is open to other users (rw-r--r--); run: chmod 600 " + f
                + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aHashWithTooFewIterationsIsRefused() throws Exception {
        String weak = "pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        Path f = accounts("rw-------", "[[accounts]]\nuser = \"admin\"\npassword_hash = \"" + weak + "\"\nguild_card = 1\n");
        Cli.Run run = new Cli(config).run("sandbox", "--port", "0", "--ship-port", "0", "--accounts", f.toString(), "--stop-after", "1s");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(run.err()).startsWith("shipctl: the accounts file " + f + " is not valid: ")
                .contains("210000 PBKDF2 iterations are too few: at least 600000").contains("--hash-password").hasLineCount(1);
    }

    @Test
    void aRealAccountsFilesPasswordsAreNeverPrinted() throws Exception {
        Path f = accounts("rw-------", "[[accounts]]\nuser = \"admin\"\npassword = \"s3cret-pass\"\nguild_card = 1\n");
        Cli.Run run = new Cli(config).run("sandbox", "--port", "0", "--ship-port", "0", "--accounts", f.toString(), "--stop-after", "1ms");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("admin").contains("(plain text)").doesNotContain("s3cret-pass");
        assertThat(run.err()).doesNotContain("s3cret-pass");

        Cli.Run demo = new Cli(config).run("sandbox", "--port", "0", "--ship-port", "0", "--stop-after", "1ms");
        assertThat(demo.out()).as("the demo accounts' passwords are public").contains("gmadmin123");
    }

    @Test
    void hashPasswordUsesOwaspsIterationCount() {
        Cli.Run run = new Cli(config).env("SHIPCTL_PASSWORD", "hunter22").run("sandbox", "--hash-password");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("pbkdf2-sha256$600000$");
    }
}
