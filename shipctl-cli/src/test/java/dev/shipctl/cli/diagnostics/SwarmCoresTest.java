package dev.shipctl.cli.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

class SwarmCoresTest {

    @Test
    void readsTheSessionsOfASandboxSwarmOnly() {
        assertThat(SwarmCores.sandboxSwarmSessions(new String[] {"--sandbox", "--sessions", "10000"})).isEqualTo(10000);
        assertThat(SwarmCores.sandboxSwarmSessions(new String[] {"--sessions=250", "--ramp", "50/s", "--sandbox"})).isEqualTo(250);
        assertThat(SwarmCores.sandboxSwarmSessions(new String[] {"--sandbox"}))
                .as("the default with --sandbox").isEqualTo(SwarmCommand.DEFAULT_SESSIONS);
        assertThat(SwarmCores.sandboxSwarmSessions(new String[] {"--sessions", "10000", "-H", "ship.example"}))
                .as("a server of the user's").isZero();
        assertThat(SwarmCores.sandboxSwarmSessions(new String[] {"merge", "--sandbox", "a.json"})).isZero();
        assertThat(SwarmCores.sandboxSwarmSessions(new String[] {"--sandbox", "--sessions", "many"})).as("picocli's to refuse").isZero();
        assertThat(SwarmCores.sandboxSwarmSessions(new String[] {"--", "--sandbox"})).isZero();
        assertThat(SwarmCores.sandboxSwarmSessions(new String[0])).isZero();
    }

    @Test
    void theTwoSharesCoverTheCoresWithAtLeastOneEach() {
        assertThat(SwarmCores.clientShare(1)).isEqualTo(1);
        assertThat(SwarmCores.sandboxShare(1)).isEqualTo(1);
        assertThat(SwarmCores.clientShare(2) + SwarmCores.sandboxShare(2)).isEqualTo(2);
        assertThat(SwarmCores.clientShare(7) + SwarmCores.sandboxShare(7)).isEqualTo(7);
        assertThat(SwarmCores.clientShare(16)).isEqualTo(8);
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void setsTheParallelismOnlyWhenTheSandboxGetsItsOwnProcessAndNobodySetItBefore() {
        String before = System.getProperty(SwarmCores.PARALLELISM);
        try {
            System.clearProperty(SwarmCores.PARALLELISM);
            SwarmCores.configure(new String[] {"--sandbox", "--sessions", "10"});
            assertThat(System.getProperty(SwarmCores.PARALLELISM)).as("10 sessions: the sandbox runs in this process").isNull();

            SwarmCores.configure(new String[] {"--sandbox", "--sessions", "1000000"});
            assertThat(SwarmCommand.sandboxInOwnProcess(1_000_000)).isTrue();
            assertThat(System.getProperty(SwarmCores.PARALLELISM))
                    .isEqualTo(Integer.toString(SwarmCores.clientShare(Runtime.getRuntime().availableProcessors())));

            System.setProperty(SwarmCores.PARALLELISM, "7");
            SwarmCores.configure(new String[] {"--sandbox", "--sessions", "1000000"});
            assertThat(System.getProperty(SwarmCores.PARALLELISM)).as("the user's own setting").isEqualTo("7");
        } finally {
            if (before == null) System.clearProperty(SwarmCores.PARALLELISM);
            else System.setProperty(SwarmCores.PARALLELISM, before);
        }
    }
}
