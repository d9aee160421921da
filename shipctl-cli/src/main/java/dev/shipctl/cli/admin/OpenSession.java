package dev.shipctl.cli.admin;

import dev.shipctl.Durations;
import dev.shipctl.EventStream;
import dev.shipctl.ReconnectPolicy;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.SessionListener;
import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import dev.shipctl.admin.Admin;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.Commands;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.config.BanLedgerFile;
import dev.shipctl.cli.options.ConnectOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.impl.DefaultParser;
import picocli.CommandLine;

/**
 * One login kept open for many verbs: what {@code shell} and {@code run} share. It runs a line of input through
 * the same picocli commands as the one-shot verbs ({@link Commands}), handing each {@link SessionVerb} this
 * session instead of letting it connect. Logs in on first use; the session logs in again by itself when its
 * connection drops ({@link ReconnectPolicy}), and a verb that comes meanwhile waits for it (up to the timeout). A
 * session that ended for good (refused, taken over) is replaced by a new login at the next verb.
 */
public final class OpenSession implements SessionVerb.VerbHost, AutoCloseable {
    private final Commands commands;
    private final CliContext ctx;
    private final ConnectOptions connect;
    private final boolean json;
    private final List<SessionListener> listeners = new ArrayList<>();
    private Session session;
    private Duration timeout = Duration.ofSeconds(5);
    private Integer lineNumber;

    public OpenSession(Commands commands, CliContext ctx, ConnectOptions connect, boolean json) {
        this.commands = commands;
        this.ctx = ctx;
        this.connect = connect;
        this.json = json;
    }

    /** A listener every session this host opens gets (the shell prints events with it). */
    public void addListener(SessionListener listener) {
        listeners.add(listener);
        if (session != null) session.addListener(listener);
    }

    @Override
    public synchronized Admin admin() throws ShipException {
        if (session != null && !session.isOpen()) awaitReconnect();
        if (session != null && ended(session)) {
            session.close();
            session = null;
            if (!json) ctx.terminal().err().println(ctx.terminal().dim("(the session had ended; logging in again)"));
        }
        if (session == null) {
            ShipClient client = connect.client(ctx).reconnect(ReconnectPolicy.defaults()).build();
            timeout = client.timeout();
            session = client.connect(connect.credentials(ctx));
            listeners.forEach(session::addListener);
        }
        return Admin.of(session).useLedger(BanLedgerFile.of(ctx, connect.resolvedHost(ctx), connect.resolvedPort(ctx)));
    }

    /** Waits (up to the timeout) while the session logs in again after a drop. */
    private void awaitReconnect() throws ShipException {
        try (EventStream events = session.events()) {
            if (session.isOpen() || ended(session)) return;
            events.next(e -> e instanceof SessionEvent.Reconnected || e instanceof SessionEvent.Disconnected, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!session.isOpen() && !ended(session)) {
            throw new ShipException.ConnectionLost(Stage.LOBBY, "still logging in again after " + Durations.format(timeout)
                    + "; the session keeps trying, run the verb again later");
        }
    }

    private static boolean ended(Session s) {
        try {
            return s.awaitDisconnect(Duration.ZERO).isPresent();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The session, if logged in. */
    public synchronized java.util.Optional<Session> session() {
        return java.util.Optional.ofNullable(session);
    }

    @Override
    public boolean json() {
        return json;
    }

    @Override
    public Integer lineNumber() {
        return lineNumber;
    }

    /** Whether a line is a raw chat command ("/bank", "$li") rather than a verb. */
    static boolean isRaw(String line) {
        return line.startsWith("/") || line.startsWith("$");
    }

    /**
     * Runs one line: a raw command ({@code /bank}) or a verb with its arguments ({@code ban 42000002}).
     *
     * @return the exit code
     */
    public int execute(String line, Integer number) {
        lineNumber = number;
        String trimmed = line.strip();
        List<String> words;
        if (isRaw(trimmed)) {
            words = List.of("command", "--", trimmed);
        } else {
            try {
                words = words(trimmed);
            } catch (IllegalArgumentException e) {
                return VerbOutput.failure(ctx, json, number, "?", "cannot parse the line (unbalanced quotes?): " + trimmed, ExitCodes.USAGE);
            }
        }
        return runWords(this, commands, ctx, json, number, words);
    }

    /**
     * A line split into words as the shell splits it (quotes group words).
     *
     * @throws IllegalArgumentException unbalanced quotes
     */
    static List<String> words(String line) {
        try {
            return new DefaultParser().parse(line.strip(), line.strip().length(), org.jline.reader.Parser.ParseContext.ACCEPT_LINE).words()
                    .stream().filter(w -> !w.isEmpty()).toList();
        } catch (org.jline.reader.SyntaxError e) {
            throw new IllegalArgumentException("cannot parse the line (unbalanced quotes?): " + line.strip());
        }
    }

    /**
     * Runs a verb given as words ({@code ban 42000002}) on {@code host}'s session: the shell's and scripts' lines, and
     * a countdown's {@code --then}.
     *
     * @return the exit code
     */
    static int runWords(SessionVerb.VerbHost host, Commands commands, CliContext ctx, boolean json, Integer number, List<String> words) {
        CommandLine cl = commands.forArgs(ctx, words.toArray(String[]::new));
        String verb = words.isEmpty() ? "?" : words.getFirst();
        cl.setParameterExceptionHandler((e, args) -> VerbOutput.failure(ctx, json, number, verb, e.getMessage(), ExitCodes.USAGE));
        cl.setExecutionStrategy(parseResult -> {
            CommandLine.ParseResult leaf = parseResult;
            while (leaf.hasSubcommand()) leaf = leaf.subcommand();
            Object command = leaf.commandSpec().userObject();
            if (command instanceof SessionVerb v) {
                if (v.connect.fleetAsked()) {
                    return VerbOutput.failure(ctx, json, number, verb, "--profile NAME,NAME and --all-profiles do not work here:"
                            + " the verbs of a shell or script run on its one login (run the verb on its own for a fleet)", ExitCodes.USAGE);
                }
                v.attach(host);
            } else if (leaf == parseResult || !(command instanceof CommandLine.HelpCommand || leaf.isUsageHelpRequested())) {
                return VerbOutput.failure(ctx, json, number, verb, "'" + verb + "' is not a verb for an open session"
                        + " (verbs: " + String.join(", ", verbNames(commands, ctx)) + ")", ExitCodes.USAGE);
            }
            return new CommandLine.RunLast().execute(parseResult);
        });
        return cl.execute(words.toArray(String[]::new));
    }

    /**
     * Checks, without running anything, that {@code words} are a verb for an open session with options it accepts.
     *
     * @return what is wrong, or empty
     */
    static java.util.Optional<String> checkWords(Commands commands, CliContext ctx, List<String> words) {
        if (words.isEmpty()) return java.util.Optional.of("no verb given");
        try {
            CommandLine cl = commands.forArgs(ctx, words.toArray(String[]::new));
            CommandLine.ParseResult leaf = cl.parseArgs(words.toArray(String[]::new));
            while (leaf.hasSubcommand()) leaf = leaf.subcommand();
            if (leaf.isUsageHelpRequested() || leaf.isVersionHelpRequested()) return java.util.Optional.of("asks for help, not a verb to run");
            if (!(leaf.commandSpec().userObject() instanceof SessionVerb)) {
                return java.util.Optional.of("'" + words.getFirst() + "' is not a verb for an open session (verbs: "
                        + String.join(", ", verbNames(commands, ctx)) + ")");
            }
            return java.util.Optional.empty();
        } catch (CommandLine.ParameterException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    /** The names of the verbs that can run on an open session. */
    public static List<String> verbNames(Commands commands, CliContext ctx) {
        return commands.all(ctx).getSubcommands().values().stream()
                .filter(c -> c.getCommandSpec().userObject() instanceof SessionVerb)
                .map(CommandLine::getCommandName).distinct().toList();
    }

    @Override
    public synchronized void close() {
        if (session != null) session.close();
    }
}
