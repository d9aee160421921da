package dev.shipctl.cli.sandbox;

import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.common.Stopper;
import dev.shipctl.cli.common.HandOver;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.options.DurationConverter;
import dev.shipctl.cli.options.PasswordSource;
import dev.shipctl.cli.output.Logging;
import dev.shipctl.cli.terminal.Terminal;
import dev.shipctl.sandbox.Accounts;
import dev.shipctl.sandbox.LocalGms;
import dev.shipctl.sandbox.Sandbox;
import dev.shipctl.sandbox.UnsafeFileException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the built-in Tethealla-compatible server in the foreground. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Run the built-in sandbox server (Tethealla-compatible) in the foreground.", "",
            "A login server, character server, ship and blocks on this machine, for trying shipctl without a real",
            "server. Runs until Ctrl-C or SIGTERM.",
            "Without --accounts it creates demo accounts (gmadmin, player1, localgm) and prints them; their passwords",
            "are public, so they are served on a loopback address only: --bind anything else needs --accounts FILE.",
            "An accounts file must be yours and private (chmod 600). It is a test server: see docs/security.md."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipctl sandbox                                  demo accounts on 127.0.0.1:12000",
            "  shipctl sandbox --port 0                         any free ports (printed)",
            "  shipctl sandbox --accounts accounts.toml --local-gms localgms.ini --state state.json",
            "  shipctl sandbox --hash-password                  a password_hash for accounts.toml (prompts)",
            "  shipctl sandbox --port 0 --advertise 127.0.0.2   redirects name 127.0.0.2 (a proxy in front, same ports)",
            "  # then, in another terminal:",
            "  SHIPCTL_PASSWORD=player123 shipctl check -u player1"})
public final class SandboxCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "Address to listen on (default 127.0.0.1; anything but loopback needs --accounts).")
    String bind = "127.0.0.1";

    @Option(names = "--advertise", paramLabel = "HOST",
            description = "IPv4 address the 0x19 redirects name (default: the --bind address; 127.0.0.1 when binding 0.0.0.0). "
                    + "For a proxy or NAT in front of the sandbox: it must forward the same port numbers.")
    String advertise;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "Login port; the character server takes PORT+1 (default 12000; 0 = any free port).")
    int port = 12000;

    @Option(names = "--ship-port", paramLabel = "PORT", description = "Ship port; blocks take the next ones (default 5278; 0 = any free port).")
    int shipPort = 5278;

    @Option(names = "--blocks", paramLabel = "N", description = "Blocks on the ship (default 2).")
    int blocks = 2;

    @Option(names = "--accounts", paramLabel = "FILE",
            description = "Accounts TOML file, mode 600 (see docs/sandbox.md); default: demo accounts, on loopback only.")
    Path accounts;

    @Option(names = "--local-gms", paramLabel = "FILE", description = "Tethealla localgms.ini; default: localgm has every right.")
    Path localGms;

    @Option(names = "--state", paramLabel = "FILE",
            description = "Keep ship bans and created characters in FILE (JSON) across restarts; default: in memory only.")
    Path state;

    @Option(names = "--max-connections-per-ip", paramLabel = "N", description = "As Tethealla, the oldest connection of an IP is closed past this (default 6).")
    int maxPerIp = 6;

    @Option(names = "--ping-interval", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Ping a client after this long without its 0x1D (default 60s, as Tethealla).")
    Duration pingInterval;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Drop a client after this long without its 0x1D (default 180s, as Tethealla).")
    Duration idleTimeout;

    @Option(names = "--hash-password",
            description = "Print a password_hash (PBKDF2-HMAC-SHA256, 600000 iterations) for an accounts file and exit"
                    + " (reads $SHIPCTL_PASSWORD, or prompts without echo).")
    boolean hashPassword;

    /** For a swarm too big to share its process with its server: generated accounts, the password from the environment. */
    @Option(names = "--generated-accounts", paramLabel = "N", hidden = true,
            description = "N generated accounts (swarm00000...), password from $" + HandOver.GENERATED_PASSWORD + "; the log says warnings only.")
    Integer generatedAccounts;

    @Option(names = "--key-pool", paramLabel = "N",
            description = "For load tests: draw the 0x03 keys from a pool of N pairs, each keyed once, instead of fresh keys "
                    + "for every connection (what swarm --sandbox does; clients key every connection all the same).")
    int keyPool;

    @Option(names = "--stop-after", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop by itself after this long (for scripts).")
    Duration stopAfter;

    SandboxCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        if (hashPassword) {
            char[] password = PasswordSource.defaults(ctx.env()).read(ctx.env(), ctx.console().orElse(null));
            try {
                ctx.terminal().out().println(Accounts.hashPassword(new String(password))); // its API takes a String
            } finally {
                java.util.Arrays.fill(password, '\0');
            }
            return ExitCodes.OK;
        }
        InetAddress address = address();
        if (accounts == null && !address.isLoopbackAddress()) {
            throw UserError.config("--bind " + bind + " is not a loopback address, and the demo accounts' passwords are public"
                    + " (gmadmin is a GM): give --accounts FILE");
        }
        Sandbox.Builder b = Sandbox.builder().bind(address).loginPort(port).shipPort(shipPort).blocks(blocks)
                .maxConnectionsPerIp(maxPerIp);
        if (keyPool < 0) throw UserError.usage("--key-pool: " + keyPool + " pairs; give 0 (fresh keys) or more");
        b.keyPool(keyPool);
        if (advertise != null) b.advertise(advertised());
        if (pingInterval != null) b.pingInterval(pingInterval);
        if (idleTimeout != null) b.idleTimeout(idleTimeout);
        if (accounts != null) b.accounts(loadAccounts());
        if (generatedAccounts != null) {
            String password = ctx.env().get(HandOver.GENERATED_PASSWORD);
            if (accounts != null || password == null || password.isEmpty()) {
                throw UserError.usage("--generated-accounts needs $" + HandOver.GENERATED_PASSWORD + " and no --accounts");
            }
            b.accounts(Accounts.generated("swarm", generatedAccounts, password));
        }
        if (localGms != null) b.localGms(loadLocalGms());
        else if (accounts == null && generatedAccounts == null) b.localGms(LocalGms.demo());
        if (state != null) {
            try {
                b.stateFile(state);
            } catch (IOException e) {
                throw UserError.config("cannot use the state file: " + e.getMessage());
            }
        }
        Sandbox sandbox = b.build();
        // A server's log: one line per login, refusal and dropped client (hostile ones included); -v adds debug.
        Logging.level("dev.shipctl.sandbox", Logging.verbose() ? ch.qos.logback.classic.Level.DEBUG
                : generatedAccounts != null ? ch.qos.logback.classic.Level.WARN : ch.qos.logback.classic.Level.INFO);
        try {
            sandbox.start();
        } catch (IOException e) {
            throw UserError.config(e.getMessage() + " (is another server running? try --port 0 --ship-port 0)");
        }
        try (Stopper stop = new Stopper("sandbox")) {
            Terminal term = ctx.terminal();
            term.out().println(term.bold("shipctl sandbox") + " — a Tethealla-compatible server on this machine");
            sandbox.describePorts().forEach(line -> term.out().println("  " + line));
            if (advertise != null) {
                term.out().println("  redirects  name " + advertised().getHostAddress() + " (--advertise): clients reach every port but the login port there");
            }
            term.out().println("Accounts:");
            sandbox.describeAccounts().forEach(line -> term.out().println("  " + line));
            term.out().println(sandbox.stateFile().map(f -> "State: bans and created characters are kept in " + f)
                    .orElse("State: in memory only (--state FILE keeps bans and created characters)"));
            term.out().println(term.dim("Ctrl-C stops it."));
            term.out().flush();
            if (!address.isLoopbackAddress()) {
                term.err().println("shipctl: warning: passwords sent to this sandbox cross the network in a form anyone on the path can read"
                        + " (see docs/security.md)");
            }
            try {
                if (stopAfter != null) {
                    stop.pause(stopAfter);
                } else {
                    stop.awaitStop();
                }
            } finally {
                Thread.interrupted(); // a stop request: the sandbox's own threads still get their time to end
                sandbox.close();
            }
            term.out().println("sandbox stopped");
            term.out().flush();
        }
        return ExitCodes.OK;
    }

    private InetAddress address() {
        try {
            return InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw UserError.usage("--bind " + bind + ": unknown address");
        }
    }

    /** The --advertise address: IPv4, since a 0x19 redirect carries four bytes. */
    private InetAddress advertised() {
        InetAddress a;
        try {
            a = InetAddress.getByName(advertise);
        } catch (UnknownHostException e) {
            throw UserError.usage("--advertise " + advertise + ": unknown address");
        }
        if (!(a instanceof java.net.Inet4Address)) {
            throw UserError.usage("--advertise " + advertise + ": redirects carry IPv4 addresses; give one");
        }
        return a;
    }

    private Accounts loadAccounts() {
        try {
            return Accounts.load(accounts);
        } catch (UnsafeFileException e) {
            throw UserError.config("the accounts file " + e.getMessage());
        } catch (IOException e) {
            throw UserError.config("cannot read the accounts file " + accounts + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw UserError.config("the accounts file " + accounts + " is not valid: " + e.getMessage());
        }
    }

    private LocalGms loadLocalGms() {
        try {
            return LocalGms.load(localGms);
        } catch (IOException e) {
            throw UserError.config("cannot read the local GM file " + localGms + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw UserError.config("the local GM file " + localGms + " is not valid: " + e.getMessage());
        }
    }
}
