package dev.shipctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.Cli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-line warning before a password goes to a non-loopback host (issue 11, finding 7). No connection is made:
 * no password is available, so each run stops with exit 9 right after the warning would be printed.
 */
class NetworkWarningTest {
    static final String WARNING = "shipctl: warning: the password crosses the network to 192.0.2.1 in a form anyone on the path can read"
            + " (see docs/security.md); silence with --no-network-warning or profile setting network_warning = false";

    @TempDir
    Path config;

    @Test
    void aRemoteHostIsWarnedAboutOnceBeforeThePasswordIsReadALoopbackOneNot() {
        Cli.Run run = new Cli(config).run("check", "-H", "192.0.2.1", "-u", "player1");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(run.err().lines().toList()).hasSize(2).first().isEqualTo(WARNING);
        assertThat(run.err().lines().toList().getLast()).startsWith("shipctl: no password");

        for (String host : new String[] {"127.0.0.1", "localhost", "127.0.0.7", "::1"}) {
            Cli.Run local = new Cli(config).run("announce", "-H", host, "-u", "gmadmin", "hello");
            assertThat(local.exitCode()).as(host).isEqualTo(ExitCodes.CONFIG);
            assertThat(local.err()).as(host).doesNotContain("warning").startsWith("shipctl: no password");
        }
    }

    @Test
    void theFlagOrTheProfileSilenceIt() {
        Cli cli = new Cli(config);
        Cli.Run flagged = cli.run("who", "-H", "192.0.2.1", "-u", "player1", "--no-network-warning");
        assertThat(flagged.err()).doesNotContain("warning").startsWith("shipctl: no password");

        assertThat(cli.run("profile", "add", "tunnel", "--host", "192.0.2.1", "--user", "gmadmin", "--no-network-warning").exitCode()).isZero();
        assertThat(cli.run("profile", "add", "plain", "--host", "192.0.2.1", "--user", "gmadmin").exitCode()).isZero();
        assertThat(cli.run("profile", "show", "tunnel", "--json").out()).contains("\"network_warning\":false");

        Cli.Run silenced = cli.run("reload-gms", "--profile", "tunnel");
        assertThat(silenced.exitCode()).isEqualTo(ExitCodes.CONFIG);
        assertThat(silenced.err()).doesNotContain("warning").startsWith("shipctl: no password");
        assertThat(cli.run("reload-gms", "--profile", "plain").err()).startsWith(WARNING + System.lineSeparator());
    }
}
