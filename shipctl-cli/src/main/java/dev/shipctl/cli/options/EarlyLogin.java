package dev.shipctl.cli.options;

import dev.shipctl.Credentials;
import dev.shipctl.ResumeTicket;
import dev.shipctl.Session;
import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.config.FastPathStore;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fast-path login of a one-shot verb, started while the command line is still being read: picocli builds the
 * verb's model in about as long as the block takes to let the ticket in (tens of milliseconds each), so the two
 * overlap instead of following each other. It starts only when the arguments are a plain form of a verb that logs
 * in first and sends after ({@code announce}, {@code reload-gms}), read here by a few fixed rules (anything else,
 * and nothing starts): flags that shape the login ({@code --trace}, {@code --timeout}, {@code --flavour}, ...) are not
 * among them, the password needs no prompt, and a ticket is kept for that account. The login goes to the ticket's
 * block and nowhere else ({@link ShipClient.Builder#fastPathOnly}): no password is sent.
 *
 * <p>The verb takes the session ({@link #take}) only when the client it built from picocli's parse is the same login
 * (server, settings, ticket); otherwise, and when the verb never asks (a usage error), the session is logged out
 * ({@link #discard}). A failed early login costs nothing but its connection: the verb logs in as it always does.
 */
public final class EarlyLogin {
    /** The verbs that log in before anything else and confirm nothing first. */
    private static final Set<String> VERBS = Set.of("announce", "reload-gms");

    /**
     * An early login as it ended: the client it used, and the session or why there is none. The future of
     * {@link #pending} holds null when no early login applied.
     */
    private record Outcome(ShipClient client, Session session, Exception failure) {}

    /**
     * The early login of the run on this thread: {@code Main.run} starts it, the verb it runs takes it on the same
     * thread (picocli runs the command there), and {@code Main.run} discards what is left. Per thread, so that runs
     * side by side in one JVM (tests) never meet each other's.
     */
    private static final ThreadLocal<CompletableFuture<Outcome>> pending = new ThreadLocal<>();

    /** How many early logins a verb took (for tests). */
    static final AtomicInteger TAKEN = new AtomicInteger();

    private EarlyLogin() {}

    /**
     * The logger, asked for only when something is logged: {@link #start} runs before picocli on the main thread,
     * which must not be the one that sets the logging backend up (Main starts it on another).
     */
    private static Logger log() {
        return LoggerFactory.getLogger(EarlyLogin.class);
    }

    /**
     * The connection options of {@code args} when they are a plain one-shot run of a verb that may log in early;
     * empty for anything the rules here do not know.
     */
    static Optional<ConnectOptions> read(String[] args) {
        if (args.length == 0 || !VERBS.contains(args[0])) return Optional.empty();
        ConnectOptions o = new ConnectOptions();
        Set<String> seen = new HashSet<>();
        int positionals = 0;
        boolean onlyPositionals = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (onlyPositionals || !arg.startsWith("-")) {
                positionals++;
                continue;
            }
            if (arg.equals("--")) {
                onlyPositionals = true;
                continue;
            }
            int eq = arg.startsWith("--") ? arg.indexOf('=') : -1;
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String inline = eq < 0 ? null : arg.substring(eq + 1);
            String key = switch (name) {
                case "-H", "--host" -> "host";
                case "-p", "--port" -> "port";
                case "-u", "--user" -> "user";
                case "--profile" -> "profile";
                case "--password-env" -> "password-env";
                case "--password-file" -> "password-file";
                case "--json" -> "json";
                case "-v", "--verbose" -> "verbose";
                default -> null;
            };
            if (key == null || !seen.add(key)) return Optional.empty();
            if (key.equals("json") || key.equals("verbose")) {
                if (inline != null) return Optional.empty();
                continue;
            }
            String value = inline;
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("-")) return Optional.empty();
                value = args[++i];
            }
            if (value.isEmpty()) return Optional.empty();
            switch (key) {
                case "host" -> o.host = value;
                case "port" -> {
                    if (!value.matches("[0-9]{1,5}") || Integer.parseInt(value) < 1 || Integer.parseInt(value) > 65535) return Optional.empty();
                    o.port = Integer.parseInt(value);
                }
                case "user" -> o.user = value;
                case "profile" -> {
                    if (value.contains(",")) return Optional.empty(); // a fleet
                    o.profile = value;
                }
                case "password-env" -> o.passwordEnv = value;
                default -> o.passwordFile = java.nio.file.Path.of(value);
            }
        }
        boolean textWanted = args[0].equals("announce");
        if (textWanted ? positionals == 0 : positionals > 0) return Optional.empty();
        return Optional.of(o);
    }

    /**
     * Starts the early login for {@code args}, when they allow one (on a thread of its own: even the profile and the
     * ticket are read there); returns at once. Never throws, never prints: whatever stops it, the verb meets again
     * and reports itself.
     */
    public static void start(CliContext ctx, String[] args) {
        pending.remove();
        Optional<ConnectOptions> read = read(args);
        if (read.isEmpty()) return;
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        pending.set(outcome);
        Thread.ofPlatform().daemon().name("shipctl-early-login").start(() -> {
            try {
                outcome.complete(logIn(ctx, read.get()));
            } catch (Throwable t) {
                outcome.completeExceptionally(t);
            }
        });
    }

    /** The early login with these options: null when none applies (no account, a prompt, no ticket that fits). */
    private static Outcome logIn(CliContext ctx, ConnectOptions options) {
        ShipClient client;
        Credentials account;
        try {
            // the verb's own account and password, read as it will read them: no early login where it would stop
            // before logging in (a prompt, a variable that is not set)
            Optional<Credentials> read = options.credentialsWithoutPrompt(ctx);
            if (read.isEmpty()) return null;
            account = read.get();
            ShipClient plain = options.client(ctx).build();
            Optional<ResumeTicket> ticket = FastPathStore.of(ctx).load(plain.host(), plain.port(), account.username());
            if (ticket.isEmpty() || ticket.get().mismatch(plain, account.username()).isPresent()) return null;
            client = plain.newBuilder().resume(ticket.get()).fastPathOnly(true).build(); // the password is never sent
        } catch (RuntimeException e) { // a UserError (a profile that does not exist, a state folder open to others) too
            log().debug("no early login: {}", e.getMessage());
            return null;
        }
        try {
            return new Outcome(client, client.connect(account), null);
        } catch (ShipException | RuntimeException e) {
            return new Outcome(client, null, e);
        }
    }

    /**
     * What the early login leaves the verb whose client is {@code client}: its session, or that it tried this very
     * ticket and failed (the block refused it, say, after another login of the account), or nothing.
     *
     * @param session the session, when the early login arrived and is the verb's own login
     * @param ticketFailed the early login was the verb's own and failed: the fast path with this ticket is tried
     */
    public record Taken(Optional<Session> session, boolean ticketFailed) {
        static final Taken NOTHING = new Taken(Optional.empty(), false);

        /**
         * The client the verb logs in with when there is no session: {@code client}, or the same without its ticket
         * when the early login tried that ticket already (the whole chain at once, not a second refusal first).
         */
        public ShipClient clientFor(ShipClient client) {
            return ticketFailed ? client.newBuilder().resume(null).build() : client;
        }
    }

    /**
     * The session logged in early for this verb, if there is one, it arrived, and {@code client} (the verb's own,
     * with the ticket it loaded) is the same login; else whether that same login failed early (see {@link Taken}).
     * Waits for the early login to end. Once: a second call finds nothing.
     */
    public static Taken take(ShipClient client) {
        Outcome o = outcome();
        if (o == null) return Taken.NOTHING;
        boolean same = sameLogin(o.client(), client);
        if (o.failure() != null) {
            log().debug("the early login failed ({}); the verb logs in itself{}", o.failure().getMessage(),
                    same ? ", by the whole chain" : "");
            return new Taken(Optional.empty(), same);
        }
        if (!same) {
            log().debug("the early login does not fit the verb's options; logging it out");
            o.session().close();
            return Taken.NOTHING;
        }
        TAKEN.incrementAndGet();
        log().debug("the verb takes the session logged in while its command line was read");
        return new Taken(Optional.of(o.session()), false);
    }

    /** Logs out a session logged in early that no verb took (a usage error, a verb that ended before its login). */
    public static void discard() {
        Outcome o = outcome();
        if (o != null && o.session() != null) o.session().close();
    }

    /** The outcome of the pending early login, waited for, and none pending any more; null when there is none. */
    private static Outcome outcome() {
        CompletableFuture<Outcome> p = pending.get();
        pending.remove();
        if (p == null) return null;
        try {
            return p.get();
        } catch (ExecutionException e) {
            return null; // logIn catches what it can: an Error here ends the early login, not the verb
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.thenAccept(o -> {
                if (o != null && o.session() != null) o.session().close();
            });
            return null;
        }
    }

    /** Whether two clients make the same login: server, account's ticket and every setting a login depends on. */
    static boolean sameLogin(ShipClient a, ShipClient b) {
        return a.host().equals(b.host()) && a.port() == b.port()
                && a.flavour().equals(b.flavour()) && a.keyTable().equals(b.keyTable())
                && a.timeout().equals(b.timeout()) && a.deadline().equals(b.deadline())
                && a.ship().equals(b.ship()) && a.block().equals(b.block()) && a.slot() == b.slot()
                && a.trace().isEmpty() && b.trace().isEmpty()
                && a.localAddress().equals(b.localAddress()) && a.reconnect().isEmpty() && b.reconnect().isEmpty()
                && b.resume().isPresent() && Objects.equals(a.resume(), b.resume());
    }
}
