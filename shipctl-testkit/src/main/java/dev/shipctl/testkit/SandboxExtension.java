package dev.shipctl.testkit;

import dev.shipctl.sandbox.Accounts;
import dev.shipctl.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh {@link Sandbox} for every test of a class, on loopback and on ports the system picks; closed (threads
 * joined) after the test, whatever its outcome.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final SandboxExtension SANDBOX = SandboxExtension.withDemoAccounts();
 *
 * @Test
 * void reachesALobby() throws Exception {
 *     ShipClient client = ShipClient.builder().server(SANDBOX.host(), SANDBOX.loginPort()).build();
 *     ...
 *     SANDBOX.sandbox().events().await(SandboxEvent.ReachedLobby.class, e -> true, WAIT);
 * }
 * }</pre>
 *
 * <p>Static or instance field alike, the sandbox lives for one test: a test's injected failures, bans and cut
 * connections never reach the next one. Anything else a test needs is one {@link #configuredBy} away (local GMs,
 * a test clock, a ship name); {@link #restart} swaps the sandbox mid-test for one configured differently.
 */
public final class SandboxExtension implements BeforeEachCallback, AfterEachCallback {
    private final UnaryOperator<Sandbox.Builder> configuration;
    private volatile Sandbox sandbox;

    private SandboxExtension(UnaryOperator<Sandbox.Builder> configuration) {
        this.configuration = configuration;
    }

    /** A sandbox with {@link Accounts#demo()} (player1, gmadmin, localgm, …) and the builder's other defaults. */
    public static SandboxExtension withDemoAccounts() {
        return configuredBy(UnaryOperator.identity());
    }

    /** A sandbox serving these accounts. */
    public static SandboxExtension withAccounts(Accounts accounts) {
        Objects.requireNonNull(accounts);
        return configuredBy(b -> b.accounts(accounts));
    }

    /**
     * A sandbox configured by {@code configuration}, applied after the extension's own settings (loopback, every port
     * 0): {@code SandboxExtension.configuredBy(b -> b.localGms(LocalGms.demo()))}.
     */
    public static SandboxExtension configuredBy(UnaryOperator<Sandbox.Builder> configuration) {
        return new SandboxExtension(Objects.requireNonNull(configuration));
    }

    /** This extension's configuration followed by {@code more}. */
    public SandboxExtension and(UnaryOperator<Sandbox.Builder> more) {
        Objects.requireNonNull(more);
        return new SandboxExtension(b -> more.apply(configuration.apply(b)));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        sandbox = start(configuration);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Sandbox running = sandbox;
        sandbox = null;
        if (running != null) running.close();
    }

    /** The running sandbox. */
    public Sandbox sandbox() {
        Sandbox running = sandbox;
        if (running == null) throw new IllegalStateException("no sandbox outside a test (register the extension with @RegisterExtension)");
        return running;
    }

    /** The address clients connect to, as text: {@code 127.0.0.1}. */
    public String host() {
        return sandbox().address().getHostAddress();
    }

    /** The login port, where clients start. */
    public int loginPort() {
        return sandbox().loginPort();
    }

    /**
     * Closes the running sandbox and starts one configured by this extension's configuration followed by
     * {@code more} (a test clock, other timeouts); it is closed after the test like the first.
     *
     * @return the new sandbox
     */
    public Sandbox restart(UnaryOperator<Sandbox.Builder> more) {
        Objects.requireNonNull(more);
        sandbox().close();
        sandbox = null;
        try {
            sandbox = start(b -> more.apply(configuration.apply(b)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restart the sandbox: " + e.getMessage(), e);
        }
        return sandbox;
    }

    private static Sandbox start(UnaryOperator<Sandbox.Builder> configuration) throws IOException {
        Sandbox.Builder base = Sandbox.builder().loginPort(0).characterPort(0).shipPort(0);
        return configuration.apply(base).build().start();
    }
}
