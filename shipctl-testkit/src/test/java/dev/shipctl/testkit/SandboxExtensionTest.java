package dev.shipctl.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.sandbox.Account;
import dev.shipctl.sandbox.Accounts;
import dev.shipctl.sandbox.Password;
import dev.shipctl.sandbox.Sandbox;
import dev.shipctl.sandbox.SandboxEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link SandboxExtension}: registered as tests register it, and driven by hand to see it start and stop sandboxes. */
@Timeout(60)
class SandboxExtensionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.configuredBy(b -> b.shipName("Registered"));

    @Test
    void aRegisteredExtensionServesTheTestOnLoopback() throws Exception {
        assertThat(SANDBOX.host()).isEqualTo("127.0.0.1");
        assertThat(SANDBOX.sandbox().shipName()).isEqualTo("Registered");
        try (Socket client = new Socket(SANDBOX.host(), SANDBOX.loginPort())) {
            assertThat(client.getInputStream().read()).as("the 0x03 greeting").isNotEqualTo(-1);
        }
    }

    @Test
    void eachTestGetsASandboxOfItsOwnClosedAfterIt() throws Exception {
        SandboxExtension extension = SandboxExtension.withDemoAccounts();
        extension.beforeEach(null);
        Sandbox first = extension.sandbox();
        try (Socket client = connected(first)) {
            extension.afterEach(null);
            assertThat(first.connectionCount()).isZero();
            assertThat(drain(client.getInputStream())).as("the sandbox hung up").isTrue();
        }
        assertThatThrownBy(extension::sandbox).isInstanceOf(IllegalStateException.class).hasMessageContaining("outside a test");

        extension.beforeEach(null);
        try {
            assertThat(extension.sandbox()).isNotSameAs(first);
        } finally {
            extension.afterEach(null);
        }
    }

    @Test
    void restartClosesTheSandboxAndStartsOneWithTheExtraConfiguration() throws Exception {
        SandboxExtension extension = SandboxExtension.configuredBy(b -> b.shipName("Before")).and(b -> b.blocks(3));
        extension.beforeEach(null);
        try {
            Sandbox before = extension.sandbox();
            assertThat(before.shipName()).isEqualTo("Before");
            try (Socket client = connected(before)) {
                Sandbox after = extension.restart(b -> b.shipName("After"));
                assertThat(drain(client.getInputStream())).as("the first sandbox hung up").isTrue();
                assertThat(after).isSameAs(extension.sandbox());
                assertThat(after.shipName()).isEqualTo("After");
                assertThat(after.blockPort(3)).as("the base configuration still applies").isPositive();
            }
        } finally {
            extension.afterEach(null);
        }
    }

    @Test
    void withAccountsServesThoseAccounts() throws Exception {
        Accounts accounts = Accounts.of(List.of(new Account("solo", new Password.Plain("solo123"), 42000100, false, "Solo", false)));
        SandboxExtension extension = SandboxExtension.withAccounts(accounts);
        extension.beforeEach(null);
        try {
            assertThat(extension.sandbox().accounts()).isSameAs(accounts);
        } finally {
            extension.afterEach(null);
        }
    }

    /** A client on the login port, once the sandbox has it. */
    private static Socket connected(Sandbox sandbox) throws Exception {
        Socket client = new Socket(sandbox.address(), sandbox.loginPort());
        sandbox.events().await(SandboxEvent.Connected.class, e -> true, WAIT);
        return client;
    }

    /** Reads to the end: true once the other side has closed. */
    private static boolean drain(InputStream in) throws Exception {
        byte[] buffer = new byte[4096];
        while (true) {
            try {
                if (in.read(buffer) < 0) return true;
            } catch (java.net.SocketException reset) {
                return true;
            }
        }
    }
}
