package dev.shipctl.cli;

import dev.shipctl.cli.config.FastPathStore;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.options.ConnectOptions;
import dev.shipctl.cli.terminal.Terminal;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code logout}: forgets the fast-path tickets ({@link FastPathStore}) of an account, or all of them. */
@Command(name = "logout", mixinStandardHelpOptions = true,
        description = {"Forget the fast-path ticket of an account (or all of them).", "",
            "After a full login the one-shot verbs (check, who, announce, command, reload-gms, kick, ban, ...) keep a ticket: "
                + "the account's guild card, the server's security token and client config, and the ship and block joined. "
                + "The next run goes straight to the block with it (one connection, no password on the wire) until the "
                + "account logs in on the login server again; then the block answers \"Security violation.\" and shipctl "
                + "takes the whole chain once and keeps the new ticket. --full-login skips the ticket for one run.", "",
            "A ticket lets whoever reads it into the block as that account, without the password, until the account's next "
                + "full login: it is a credential. It lives in the state folder ($XDG_STATE_HOME/shipctl/fast-path, else "
                + "~/.local/state/shipctl/fast-path; %%LOCALAPPDATA%%\\shipctl\\fast-path on Windows), one file per account and "
                + "server, mode 600 in a folder of mode 700, and is never printed. logout deletes it; a full login of the "
                + "account elsewhere (the game client, or shipctl --full-login) makes it worthless on the server too."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipctl logout -u gmadmin                  # gmadmin on 127.0.0.1:12000",
            "  shipctl logout --profile home",
            "  shipctl logout --all                       # every ticket of every account and server"})
public final class LogoutCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = {"-H", "--host"}, paramLabel = "HOST", description = "Login server address (default 127.0.0.1).")
    String host;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "Login port (default 12000).")
    Integer port;

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "Account name.")
    String user;

    @Option(names = "--profile", paramLabel = "NAME", description = "The server and account of a saved profile. Default: $SHIPCTL_PROFILE.")
    String profile;

    @Option(names = "--all", description = "Forget every ticket, of every account and server.")
    boolean all;

    LogoutCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        FastPathStore store = FastPathStore.of(ctx);
        Terminal term = ctx.terminal();
        if (all) {
            if (host != null || port != null || user != null || profile != null) {
                throw UserError.usage("--all forgets every ticket: give it alone, or name one account without it");
            }
            int n = store.forgetAll();
            term.out().println("Forgot " + n + " fast-path ticket" + (n == 1 ? "" : "s") + ".");
            return ExitCodes.OK;
        }
        ConnectOptions where = new ConnectOptions();
        where.host = host;
        where.port = port;
        where.user = user;
        where.profile = profile;
        String name = where.resolvedUser(ctx).orElseThrow(() ->
                UserError.usage("whose ticket? give --user NAME (or --profile NAME), or --all"));
        String h = where.resolvedHost(ctx);
        int p = where.resolvedPort(ctx);
        boolean forgot = store.forget(h, p, name);
        term.out().println(forgot ? "Forgot the fast-path ticket of " + name + " on " + h + ":" + p + "."
                : "No fast-path ticket of " + name + " on " + h + ":" + p + " was kept.");
        return ExitCodes.OK;
    }
}
