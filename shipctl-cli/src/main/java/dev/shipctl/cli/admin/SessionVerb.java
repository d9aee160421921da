package dev.shipctl.cli.admin;

import dev.shipctl.cli.options.EarlyLogin;
import dev.shipctl.cli.options.FastLogin;
import dev.shipctl.Session;
import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.admin.Admin;
import dev.shipctl.admin.AdminResult;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.options.ConnectOptions;
import dev.shipctl.cli.options.DurationConverter;
import dev.shipctl.cli.output.OutputOptions;
import java.time.Duration;
import dev.shipctl.cli.config.BanLedgerFile;
import dev.shipctl.cli.options.Confirmation;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * A verb that acts through a session in a lobby: one thin picocli class per verb says what to do with an
 * {@link Admin}; this class does the rest. Run alone ({@code shipctl ban 42000002}) it logs in, acts and leaves.
 * Run by {@code shipctl shell} or {@code shipctl run} it uses the session those keep open ({@link #attach}). Alone,
 * it takes the fast path when the last login kept a ticket ({@link FastLogin}; {@code --full-login} turns it off).
 */
abstract class SessionVerb implements Callable<Integer> {
    protected final CliContext ctx;

    @Mixin
    ConnectOptions connect;

    @Mixin
    OutputOptions output;

    @Mixin
    FastLogin fastLogin;

    @Option(names = "--wait", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for the server's replies (default 3s; command: 2s).")
    Duration wait;

    private VerbHost host;

    SessionVerb(CliContext ctx) {
        this.ctx = ctx;
    }

    /** Does the work. */
    abstract AdminResult perform(Admin admin, Duration wait) throws ShipException, InterruptedException;

    /** One operation of a verb. */
    interface Step {
        AdminResult perform(Admin admin, Duration wait) throws ShipException, InterruptedException;
    }

    /** The operations, in order: {@link #perform} alone unless the verb acts on many targets ({@code ban 1 2 3}). */
    List<Step> steps() {
        return List.of(this::perform);
    }

    /** Whether a failed step lets the next ones run (many targets: each gets its own line; the first failure's code). */
    boolean keepsGoing() {
        return false;
    }

    /** Asks for confirmation before anything is sent (or logged in), when the verb needs it; see {@link Confirmation}. */
    void confirm() {}

    /**
     * Checks the options before anything is sent (before the login, when run alone).
     *
     * @throws IllegalArgumentException or {@link dev.shipctl.cli.common.UserError} for options that cannot work
     */
    void validate() {}

    /**
     * Runs a verb that prints its own progress (an announcement countdown) instead of one {@link AdminResult}.
     *
     * @return the exit code, or null for a verb that is one result ({@link #perform}, printed by {@link VerbOutput})
     */
    Integer performAndPrint(Admin admin, Duration wait, boolean json, Integer line, VerbHost host)
            throws ShipException, InterruptedException {
        return null;
    }

    /** The wait when {@code --wait} is not given. */
    Duration defaultWait() {
        return Admin.DEFAULT_WAIT;
    }

    /** The shell or script this verb runs in; null when run alone. */
    VerbHost host() {
        return host;
    }

    /** Runs the next {@link #call()} against a session kept open by a shell or script. */
    void attach(VerbHost host) {
        this.host = host;
    }

    @Override
    public Integer call() throws Exception {
        Duration w = wait != null ? wait : defaultWait();
        boolean json = host != null ? host.json() || output.json() : output.json();
        Integer line = host != null ? host.lineNumber() : null;
        String name = getClass().getAnnotation(picocli.CommandLine.Command.class).name();
        try {
            validate();
        } catch (IllegalArgumentException e) {
            return VerbOutput.failure(ctx, json, line, name, e.getMessage(), dev.shipctl.cli.common.ExitCodes.USAGE);
        } catch (dev.shipctl.cli.common.UserError e) {
            return VerbOutput.failure(ctx, json, line, name, e.getMessage(), e.exitCode());
        }
        if (host != null) {
            return VerbOutput.run(ctx, json, line, this, () -> host.admin(), w);
        }
        Session[] opened = new Session[1];
        try {
            return VerbOutput.run(ctx, output.json(), null, this, () -> {
                ShipClient built = connect.client(ctx).build();
                dev.shipctl.Credentials credentials = connect.credentials(ctx);
                ShipClient client = fastLogin.prepare(ctx, built, credentials.username(), true);
                try {
                    // the login started while the command line was read, when it is this very login
                    EarlyLogin.Taken early = EarlyLogin.take(client);
                    opened[0] = early.session().isPresent() ? early.session().get() : early.clientFor(client).connect(credentials);
                } catch (ShipException e) {
                    fastLogin.failed(ctx);
                    throw e;
                }
                fastLogin.arrived(ctx, opened[0]);
                return Admin.of(opened[0]).useLedger(BanLedgerFile.of(ctx, client.host(), client.port()));
            }, w);
        } finally {
            if (opened[0] != null) opened[0].close();
        }
    }

    /** What keeps a session open for verbs: the shell or a script. */
    interface VerbHost {
        /** The admin of the open session, logging in (again) if needed. */
        Admin admin() throws ShipException;

        boolean json();

        /** The script line being run, for output; null in the shell. */
        Integer lineNumber();
    }
}
