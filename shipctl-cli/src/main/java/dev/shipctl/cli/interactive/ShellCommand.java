package dev.shipctl.cli.interactive;

import dev.shipctl.Durations;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.ShipException;
import dev.shipctl.admin.Admin;
import dev.shipctl.cli.admin.OpenSession;
import dev.shipctl.cli.admin.VerbOutput;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.OneServerOnly;
import dev.shipctl.cli.common.Commands;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.config.PrivateFiles;
import dev.shipctl.cli.options.ConnectOptions;
import dev.shipctl.cli.output.EventJson;
import dev.shipctl.cli.output.OutputOptions;
import dev.shipctl.cli.terminal.Terminal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.completer.ArgumentCompleter;
import org.jline.reader.impl.completer.NullCompleter;
import org.jline.reader.impl.completer.StringsCompleter;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code shell}: an interactive session that logs in once and stays in the lobby. */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = {"An interactive session: one login, verbs and raw commands, live events.", "",
            "An interactive session: log in once, stay in the lobby (pings answered), and run the same verbs",
            "as the command line (announce, ban GC, reload-gms ...) or raw commands typed directly (/bank).",
            "Chat, announcements, joins, leaves and disconnects are printed above the prompt as they come.",
            "Tab completes verbs and GM commands; history is kept in the config directory.",
            "'wait DURATION' and 'at HH:MM' (24-hour local time: today's, or tomorrow's if it has passed) wait",
            "in the lobby, as in run scripts. Ctrl-C cancels the line being typed, a wait, or a running verb (a",
            "countdown: with its --cancel-text); Ctrl-D (or exit) leaves. Lines piped in (no terminal) and --json",
            "get no prompt: stdout then carries only the results."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipctl shell --profile home",
            "  SHIPCTL_PASSWORD=... shipctl shell -H 127.0.0.1 -u gmadmin",
            "",
            "In the shell:",
            "  > announce Restart in 5 minutes",
            "  > wait 4m",
            "  > announce --at 1m,30s \"Restart in {remaining}\" --then dcall",
            "  > ban 42000002",
            "  > /bank",
            "  > help announce"})
public final class ShellCommand implements Callable<Integer>, OneServerOnly {
    @Override
    public String notForAFleet() {
        return "keeps one login to one server open; open one shell per profile";
    }

    static final List<String> BUILTINS = List.of("help", "exit", "quit", "wait", "at");
    private final CliContext ctx;

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectOptions connect;

    @Mixin
    OutputOptions output;

    private volatile boolean busy;
    private volatile boolean leaving;
    /** The session events come from: the first, then the one the last verb used (after a disconnect, a new one). */
    private volatile Session current;

    ShellCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    /** The history file in the config directory. */
    static Path historyFile(CliContext ctx) {
        return ctx.configDir().resolve("history");
    }

    @Override
    public Integer call() throws IOException {
        Terminal term = ctx.terminal();
        // JLine writes the history by name itself: the file is made (0600) or checked here, in a private directory
        // (0700) so that nobody else can replace it afterwards.
        PrivateFiles.directory(ctx.configDir(), "the config directory");
        PrivateFiles.ensureFile(historyFile(ctx), "the shell history");
        try (OpenSession host = new OpenSession(Commands.of(spec), ctx, connect, output.json());
             org.jline.terminal.Terminal terminal = terminal()) {
            Admin admin;
            try {
                admin = host.admin();
            } catch (ShipException e) {
                return VerbOutput.failure(ctx, output.json(), null, "shell", e.getMessage(), ExitCodes.of(e));
            }
            Session session = admin.session();
            current = session;
            LineReader reader = LineReaderBuilder.builder()
                    .appName("shipctl")
                    .terminal(terminal)
                    .completer(new ArgumentCompleter(new StringsCompleter(completions(admin)), NullCompleter.INSTANCE))
                    .variable(LineReader.HISTORY_FILE, historyFile(ctx))
                    .build();
            host.addListener(event -> show(reader, event));
            String who = session.characterName() + "@" + session.ship().map(s -> s.name()).orElse(connect.address(ctx));
            // on stderr with --json too (a note for people, like every command's progress): with no prompt, it is the
            // one sign that the shell is in the lobby and listening
            term.err().println(term.dim("In lobby " + session.lobby().number() + " as " + session.characterName() + " (guild card "
                    + Integer.toUnsignedString(session.guildCard()) + ", " + session.flavour().name() + "). "
                    + "Type help for the verbs, Tab to complete, Ctrl-D to leave."));
            // a prompt only for a person at a terminal: off one (a pipe, a script) or with --json, stdout is for the results
            String prompt = ctx.console().isPresent() && !output.json() ? term.prompt(who + "> ") : "";
            while (true) {
                String line;
                try {
                    line = reader.readLine(prompt);
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C: drop the line
                } catch (EndOfFileException e) {
                    break; // Ctrl-D
                }
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) continue;
                if (line.equals("exit") || line.equals("quit")) break;
                if (line.equals("help")) {
                    help(term, admin);
                    continue;
                }
                busy = true;
                Thread shell = Thread.currentThread();
                org.jline.terminal.Terminal.SignalHandler previous = terminal.handle(org.jline.terminal.Terminal.Signal.INT, s -> shell.interrupt());
                try {
                    java.util.Optional<ScriptPause> pause = ScriptPause.of(line);
                    if (pause.isPresent()) {
                        pause.get().run(ctx, output.json(), null);
                    } else {
                        host.execute(line, null);
                    }
                } finally {
                    terminal.handle(org.jline.terminal.Terminal.Signal.INT, previous);
                    Thread.interrupted(); // a Ctrl-C ended the line, not the shell
                    busy = false;
                    host.session().ifPresent(s -> current = s);
                }
            }
            leaving = true;
            reader.getHistory().save();
        }
        return ExitCodes.OK;
    }

    private org.jline.terminal.Terminal terminal() throws IOException {
        if (ctx.console().isPresent()) {
            return TerminalBuilder.builder().system(true).nativeSignals(true)
                    .signalHandler(org.jline.terminal.Terminal.SignalHandler.SIG_IGN).build();
        }
        // no console (piped input, tests): a plain line reader over stdin, without echo
        org.jline.terminal.Terminal dumb = new org.jline.terminal.impl.DumbTerminal("shipctl", org.jline.terminal.Terminal.TYPE_DUMB,
                new java.io.FilterInputStream(ctx.stdin()) {
                    @Override
                    public void close() {
                        // leave stdin open
                    }
                }, ctx.terminal().jlineOutput(), java.nio.charset.StandardCharsets.UTF_8);
        dumb.echo(false);
        return dumb;
    }

    private List<String> completions(Admin admin) {
        List<String> words = new ArrayList<>(OpenSession.verbNames(Commands.of(spec), ctx));
        words.addAll(BUILTINS);
        char prefix = admin.session().flavour().commandPrefix();
        admin.commandNames().forEach(c -> words.add(prefix + c));
        return words;
    }

    private void help(Terminal term, Admin admin) {
        term.out().println("Verbs (help VERB for its options): " + String.join(", ", OpenSession.verbNames(Commands.of(spec), ctx)));
        term.out().println("Raw commands: type them as in the game, e.g. " + admin.session().flavour().commandPrefix()
                + admin.commandNames().getLast() + "   Wait: wait DURATION, at HH:MM.   Leave: exit, quit or Ctrl-D.");
    }

    /** Prints an event above the prompt. Replies to a running verb are left to the verb's own output. */
    private void show(LineReader reader, SessionEvent event) {
        boolean reply = switch (event) {
            case SessionEvent.TextMessage m -> true;
            case SessionEvent.LobbyMessage m -> true;
            case SessionEvent.MessageBox m -> true;
            case SessionEvent.Announcement m -> true;
            case SessionEvent.Mail m -> true;
            case SessionEvent.LobbyEventChanged m -> true;
            default -> false;
        };
        if ((reply && busy) || leaving) return;
        String text = output.json() ? EventJson.line(event, current) : eventText(event);
        if (text != null) ctx.terminal().printAbove(reader, text);
    }

    private String eventText(SessionEvent e) {
        Terminal t = ctx.terminal();
        return switch (e) {
            case SessionEvent.Chat c -> t.cyan("[" + c.name() + "]") + " " + c.text();
            case SessionEvent.Announcement a -> t.yellow("** " + oneLine(a.text()));
            case SessionEvent.TextMessage m -> t.dim("B0 ") + oneLine(m.text());
            case SessionEvent.LobbyMessage m -> t.dim("01 ") + oneLine(m.text());
            case SessionEvent.MessageBox m -> t.red("1A ") + oneLine(m.text());
            case SessionEvent.Mail m -> t.dim("mail from ") + m.fromName() + ": " + oneLine(m.text());
            case SessionEvent.PlayerJoined j -> t.dim("+ " + j.player().name() + " (" + Integer.toUnsignedString(j.player().guildCard()) + ") joined");
            case SessionEvent.PlayerLeft l -> t.dim("- " + l.player().name() + " (" + Integer.toUnsignedString(l.player().guildCard()) + ") left");
            case SessionEvent.LobbyEventChanged c -> t.dim("event changed to " + c.event());
            case SessionEvent.Disconnected d -> t.red("disconnected: " + d.reason() + " (the next verb logs in again)");
            case SessionEvent.Reconnecting r -> r.attempt() == 1
                    ? t.red("connection lost: " + r.cause().getMessage() + "; logging in again in " + Durations.format(r.delay()))
                    : t.dim("login attempt failed: " + r.cause().getMessage() + "; next in " + Durations.format(r.delay()));
            case SessionEvent.Reconnected r -> t.dim("logged in again, lobby " + r.lobby().number());
        };
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\n\\s*", " ").strip();
    }
}
