package dev.shipctl.cli;

import ch.qos.logback.classic.Level;
import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.cli.admin.AnnounceCommand;
import dev.shipctl.cli.admin.BanCommand;
import dev.shipctl.cli.admin.DcallCommand;
import dev.shipctl.cli.admin.EventCommand;
import dev.shipctl.cli.admin.HwbanCommand;
import dev.shipctl.cli.admin.IpbanCommand;
import dev.shipctl.cli.admin.KickCommand;
import dev.shipctl.cli.admin.RawCommand;
import dev.shipctl.cli.admin.ReloadConfigCommand;
import dev.shipctl.cli.admin.ReloadGmsCommand;
import dev.shipctl.cli.admin.ReloadMasksCommand;
import dev.shipctl.cli.admin.UnbanCommand;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.Commands;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.common.HelpTrap;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.config.ProfileCommand;
import dev.shipctl.cli.diagnostics.BenchCommand;
import dev.shipctl.cli.diagnostics.SwarmCommand;
import dev.shipctl.cli.diagnostics.SwarmCores;
import dev.shipctl.cli.diagnostics.CheckCommand;
import dev.shipctl.cli.community.BridgeCommand;
import dev.shipctl.cli.diagnostics.ListenCommand;
import dev.shipctl.cli.diagnostics.TraceCommand;
import dev.shipctl.cli.diagnostics.WatchCommand;
import dev.shipctl.cli.diagnostics.WhoCommand;
import dev.shipctl.cli.fleet.Fleet;
import dev.shipctl.cli.options.EarlyLogin;
import dev.shipctl.cli.interactive.RunCommand;
import dev.shipctl.cli.interactive.ShellCommand;
import dev.shipctl.cli.output.Logging;
import dev.shipctl.cli.sandbox.DemoCommand;
import dev.shipctl.cli.sandbox.SandboxCommand;
import dev.shipctl.cli.terminal.ColourChoice;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.Set;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code shipctl} command. {@link #run} is the whole program with its streams and environment passed in, so
 * tests run it in-process and check exit code and output.
 */
@Command(name = "shipctl",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = {
            "A headless client for Phantasy Star Online Blue Burst servers (Tethealla family and newserv):",
            "administer a server from a terminal or a script, and check it as a player would see it.", ""},
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipctl demo                                   try everything against a built-in sandbox server",
            "  SHIPCTL_PASSWORD=... shipctl check -H pso.example.org -u gmadmin",
            "  shipctl help COMMAND                           a command's options and examples"})
public final class Main implements Commands {
    /**
     * Every command by its name, in the order {@code --help} lists them. The names repeat the commands' own
     * {@code @Command(name)} (a test holds them equal): finding the command a one-shot run names must not read every
     * command's annotations, which costs the JVM a proxy class per annotation type and milliseconds per annotation.
     */
    static final SequencedMap<String, Class<?>> COMMANDS = byName(
            "demo", DemoCommand.class,
            "check", CheckCommand.class,
            "who", WhoCommand.class,
            "listen", ListenCommand.class,
            "watch", WatchCommand.class,
            "bridge", BridgeCommand.class,
            "trace", TraceCommand.class,
            "bench", BenchCommand.class,
            "swarm", SwarmCommand.class,
            "sandbox", SandboxCommand.class,
            "announce", AnnounceCommand.class,
            "command", RawCommand.class,
            "reload-gms", ReloadGmsCommand.class,
            "reload-masks", ReloadMasksCommand.class,
            "reload-config", ReloadConfigCommand.class,
            "kick", KickCommand.class,
            "ban", BanCommand.class,
            "unban", UnbanCommand.class,
            "ipban", IpbanCommand.class,
            "hwban", HwbanCommand.class,
            "dcall", DcallCommand.class,
            "event", EventCommand.class,
            "shell", ShellCommand.class,
            "run", RunCommand.class,
            "profile", ProfileCommand.class,
            "logout", LogoutCommand.class,
            "completion", CompletionCommand.class);

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show debug logs and stack traces.")
    void verbose(boolean on) {
        verbose = on;
        Logging.level(on ? Level.DEBUG : Level.WARN);
    }

    static volatile boolean verbose;

    /** Read before the command line is built ({@link #colourChoice}): the terminal is made with it. */
    @Option(names = "--color", paramLabel = "WHEN", scope = ScopeType.INHERIT,
            description = "Colour the output: auto (default: on a terminal, unless NO_COLOR is set), always or never.")
    String color;

    public static void main(String[] args) {
        int verb = verbIndex(args);
        Class<?> command = verb < 0 ? null : COMMANDS.get(args[verb]);
        if (command == SwarmCommand.class) {
            // before the first virtual thread: a swarm beside its sandbox takes half the cores
            SwarmCores.configure(Arrays.copyOfRange(args, verb + 1, args.length));
        }
        if (args.length > 0 && !onlyVersion(args)) {
            // on the other core, while this thread builds the command line: the logging backend (Logback's set-up
            // is ~25 ms of code run once), the annotations of the command it runs (which that needs next), then
            // what the first connect needs (packet registry, cipher, socket classes). A thread that logs while the
            // backend is being set up has its lines kept and replayed once it is ready, filtered by level as ever;
            // SLF4J's own notice of that replay (a warning on stderr) is not for users, its other errors still are
            if (System.getProperty(SLF4J_VERBOSITY) == null) System.setProperty(SLF4J_VERBOSITY, "ERROR");
            Thread.ofPlatform().daemon().name("shipctl-prepare").start(() -> {
                LoggerFactory.getILoggerFactory();
                if (command != null) readAnnotations(command, new HashSet<>());
                ShipClient.prepare();
            });
        }
        int code = run(CliContext.system(System.out, System.err), args);
        System.out.flush();
        System.exit(code);
    }

    /** SLF4J's level for its own notices (SLF4J 2.0.10+). */
    private static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";

    /** Runs shipctl with these arguments; returns the exit code. */
    public static int run(CliContext ctx, String... args) {
        verbose = false;
        Logging.level(Level.WARN);
        Logging.level("dev.shipctl.sandbox", null); // inherit again, after an in-process `sandbox` run set it
        if (onlyVersion(args)) {
            // what picocli would print, without building its model: reading annotations makes the JDK generate a
            // proxy class per annotation type at run time, which the startup cache cannot keep
            for (String line : new Version().getVersion()) ctx.terminal().out().println(line);
            return ExitCodes.OK;
        }
        // a plain `announce` or `reload-gms` with a kept ticket logs in now, while picocli reads the command line
        EarlyLogin.start(ctx, args);
        try {
            return runParsed(ctx, args);
        } finally {
            EarlyLogin.discard(); // a login no verb took (a usage error) is logged out
        }
    }

    private static int runParsed(CliContext ctx, String[] args) {
        Optional<String> colour = colourChoice(args);
        if (colour.isPresent()) {
            Optional<ColourChoice> choice = ColourChoice.named(colour.get());
            if (choice.isEmpty()) {
                return usageError(ctx.terminal().err(), "--color takes " + ColourChoice.NAMES + ", not '" + colour.get() + "'", "shipctl");
            }
            ctx = new CliContext(ctx.terminal().withColour(choice.get(), ctx.env()), ctx.env(), ctx.console(), ctx.configDir(), ctx.stdin());
        }
        // the version needs no command; a named command needs only itself; anything else (help, a typo) needs them all
        CommandLine cli = asksVersion(args) ? commandLine(ctx, command -> false)
                : commandLine(ctx, named(args));
        Optional<String> helpForHost = HelpTrap.mistake(cli, List.of(args));
        if (helpForHost.isPresent()) {
            ctx.terminal().err().println("shipctl: " + helpForHost.get());
            return ExitCodes.USAGE;
        }
        return cli.execute(args);
    }

    /** The value of the last {@code --color} before {@code --}, if any ({@code --color=WHEN} or {@code --color WHEN}). */
    static Optional<String> colourChoice(String[] args) {
        String choice = null;
        for (int i = 0; i < args.length && !args[i].equals("--"); i++) {
            if (args[i].startsWith("--color=")) choice = args[i].substring("--color=".length());
            else if (args[i].equals("--color") && i + 1 < args.length) choice = args[++i];
        }
        return Optional.ofNullable(choice);
    }

    /** The configured command line with every command, for help and for the shell's completion. */
    public static CommandLine commandLine(CliContext ctx) {
        return commandLine(ctx, (Class<?>) null);
    }

    /**
     * The command line with every command, or only with {@code only}: picocli reads the annotations of every command
     * it registers, which costs about half a second of start-up on a small machine, so a one-shot run registers
     * just the command it runs (plus {@code help}). picocli's {@code @FILE} expansion is off: an argument is always
     * the text given, never a file's content.
     */
    static CommandLine commandLine(CliContext ctx, Class<?> only) {
        return commandLine(ctx, command -> only == null || command == only);
    }

    /** The command line with the commands {@code register} accepts (plus {@code help}). */
    static CommandLine commandLine(CliContext ctx, java.util.function.Predicate<Class<?>> register) {
        CommandLine cli = new CommandLine(new Main(), new Factory(ctx));
        for (Class<?> command : COMMANDS.values()) {
            if (register.test(command)) cli.addSubcommand(command);
        }
        cli.addSubcommand(new CommandLine.HelpCommand());
        // picocli writes through the terminal's streams like everything else; its help colours would reach them as
        // escapes, which those streams show as text, so picocli writes plain text
        cli.setOut(new PrintWriter(new OutputStreamWriter(ctx.terminal().out(), StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new OutputStreamWriter(ctx.terminal().err(), StandardCharsets.UTF_8), true));
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> handle(ctx.terminal().err(), e));
        // a bad value, an unknown option or verb, a missing argument: one line and where to look, never the whole usage
        cli.setParameterExceptionHandler((e, arguments) -> usageError(ctx.terminal().err(), e));
        // --profile a,b or --all-profiles: the fleet runs the command once per profile; otherwise it runs as usual
        cli.setExecutionStrategy(parsed -> Fleet.runIfAsked(ctx, parsed).orElseGet(() -> new CommandLine.RunLast().execute(parsed)));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // no "@FILE" arguments: "announce @/root/.pso-pass" must send that text, not the file (run and shell too)
        cli.setExpandAtFiles(false);
        cli.getCommandSpec().usageMessage().exitCodeList(ExitCodes.helpList());
        // help as wide as the terminal (80 columns when it is not one); examples are never wrapped
        cli.setUsageHelpAutoWidth(true);
        examplesUnwrapped(cli);
        paragraphs(cli);
        return cli;
    }

    /**
     * Shows the footer (every command's examples) line by line as written, for this command and all below it: picocli
     * would wrap a long example at the help width, and a wrapped command line cannot be copied and pasted.
     */
    static void examplesUnwrapped(CommandLine cli) {
        cli.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER, help -> {
            StringBuilder footer = new StringBuilder();
            for (String line : help.commandSpec().usageMessage().footer()) {
                footer.append(help.colorScheme().text(String.format(line)).toString().stripTrailing()).append(System.lineSeparator());
            }
            return footer.toString();
        });
        cli.getSubcommands().values().forEach(Main::examplesUnwrapped);
    }

    /**
     * Joins the lines of each description paragraph, for this command and all below it. The sources write a paragraph
     * as several strings, one per source line; picocli would start each on a line of its own and break the sentence
     * wherever the source did, whatever the terminal's width. A paragraph ends at an empty string; a string that starts
     * with a blank (a list item, an indented example) starts a line of its own.
     */
    static void paragraphs(CommandLine cli) {
        CommandLine.Model.UsageMessageSpec usage = cli.getCommandSpec().usageMessage();
        usage.description(paragraphs(usage.description()));
        cli.getSubcommands().values().forEach(Main::paragraphs);
    }

    static String[] paragraphs(String[] lines) {
        List<String> joined = new java.util.ArrayList<>();
        for (String line : lines) {
            boolean continues = !joined.isEmpty() && !joined.getLast().isEmpty() && !line.isEmpty() && !Character.isWhitespace(line.charAt(0));
            if (continues) joined.set(joined.size() - 1, joined.getLast().stripTrailing() + " " + line);
            else joined.add(line);
        }
        return joined.toArray(String[]::new);
    }

    /**
     * Reads the annotations of a command, of its fields and methods, and of its mixins and argument groups, as
     * picocli will. The JDK parses an element's annotations once and keeps them, and makes a proxy class per
     * annotation type the first time one is read: what another thread read here, the thread building the command
     * line finds done.
     */
    static void readAnnotations(Class<?> type, Set<Class<?>> seen) {
        for (Class<?> c = type; c != null && c != Object.class && seen.add(c); c = c.getSuperclass()) {
            c.getAnnotations();
            for (Method m : c.getDeclaredMethods()) m.getAnnotations();
            for (Field f : c.getDeclaredFields()) {
                if (f.isAnnotationPresent(Mixin.class) || f.isAnnotationPresent(ArgGroup.class)) readAnnotations(f.getType(), seen);
            }
        }
    }

    private static SequencedMap<String, Class<?>> byName(Object... nameThenClass) {
        SequencedMap<String, Class<?>> commands = new LinkedHashMap<>();
        for (int i = 0; i < nameThenClass.length; i += 2) commands.put((String) nameThenClass[i], (Class<?>) nameThenClass[i + 1]);
        return java.util.Collections.unmodifiableSequencedMap(commands);
    }

    /**
     * The command the arguments name, when nothing else is needed: not when they ask the root for help or a version,
     * nor for {@code help} or a name that is not a command (picocli then lists them all).
     */
    static Class<?> named(String[] args) {
        int verb = verbIndex(args);
        return verb < 0 ? null : COMMANDS.get(args[verb]);
    }

    /**
     * Where the verb is: the first argument that is neither an option nor {@code --color}'s value; -1 when there is
     * none or help or the version is asked before it.
     */
    static int verbIndex(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help") || arg.equals("-V") || arg.equals("--version")) return -1;
            if (arg.equals("--color")) i++; // its value is no command
            if (arg.startsWith("-")) continue;
            return i;
        }
        return -1;
    }

    /** Whether the arguments ask the root for its version ({@code -V}, {@code --version}, perhaps after {@code -v}). */
    static boolean asksVersion(String[] args) {
        for (String arg : args) {
            if (arg.equals("-v") || arg.equals("--verbose")) continue;
            return arg.equals("-V") || arg.equals("--version");
        }
        return false;
    }

    /** Whether the arguments are only the version option, perhaps with {@code -v}: nothing else to parse or check. */
    static boolean onlyVersion(String[] args) {
        boolean version = false;
        for (String arg : args) {
            if (arg.equals("-V") || arg.equals("--version")) version = true;
            else if (!arg.equals("-v") && !arg.equals("--verbose")) return false;
        }
        return version;
    }

    /**
     * A mistake on the command line as one line on stderr, with what picocli suggests ("did you mean ...?") and the
     * help to read; exit code {@link ExitCodes#USAGE}.
     */
    static int usageError(PrintStream err, CommandLine.ParameterException e) {
        CommandLine where = e.getCommandLine();
        String message = e.getMessage().startsWith("Missing required subcommand") ? "no command given" : e.getMessage();
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> unmatched = u.getUnmatched();
            if (where.getParent() == null && !unmatched.isEmpty() && !unmatched.getFirst().startsWith("-")) {
                message = "'" + unmatched.getFirst() + "' is not a command";
            } else if (!unmatched.isEmpty() && !unmatched.getFirst().startsWith("-")) {
                message = "unexpected argument '" + unmatched.getFirst() + "'";
            }
            List<String> suggestions = u.getSuggestions();
            if (!suggestions.isEmpty()) {
                message += "; did you mean " + suggestions.getFirst() + "?"; // the closest; the others are seldom meant
            }
        }
        return usageError(err, message, where.getCommandSpec().qualifiedName());
    }

    private static int usageError(PrintStream err, String message, String command) {
        err.println("shipctl: " + String.join("; ", message.strip().split("\\R+")) + " (see `" + command + " --help`)");
        return ExitCodes.USAGE;
    }

    /** Turns an exception into one line on stderr and an exit code. */
    static int handle(PrintStream err, Exception e) {
        Throwable t = e;
        if (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) t = t.getCause();
        int code;
        String message;
        switch (t) {
            case ShipException s -> {
                code = ExitCodes.of(s);
                message = s.getMessage();
            }
            case UserError u -> {
                code = u.exitCode();
                message = u.getMessage();
            }
            case CommandLine.ParameterException p -> {
                code = ExitCodes.USAGE;
                message = p.getMessage();
            }
            default -> {
                code = ExitCodes.INTERNAL;
                message = "internal error: " + t + (verbose ? "" : " (run with -v for details)");
            }
        }
        err.println("shipctl: " + message); // err is the terminal's: a server's text in the message is shown, not obeyed
        if (verbose) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            trace.toString().lines().forEach(l -> err.println(l.startsWith("\t") ? "    " + l.substring(1) : l));
        }
        return code;
    }

    @Override
    public CommandLine all(CliContext ctx) {
        return commandLine(ctx);
    }

    @Override
    public CommandLine forArgs(CliContext ctx, String... args) {
        return commandLine(ctx, named(args));
    }

    @Override
    public int execute(CliContext ctx, String... args) {
        return Main.run(ctx, args);
    }

    /** Creates commands, handing them the context when their constructor takes one. */
    static final class Factory implements CommandLine.IFactory {
        private final CliContext ctx;
        private final CommandLine.IFactory fallback = CommandLine.defaultFactory();

        Factory(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public <K> K create(Class<K> type) throws Exception {
            try {
                Constructor<K> c = type.getDeclaredConstructor(CliContext.class);
                c.setAccessible(true);
                return c.newInstance(ctx);
            } catch (NoSuchMethodException e) {
                return fallback.create(type);
            }
        }
    }

    /** {@code --version}: shipctl's version, the commit and date it was built from, and the Java running it. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"shipctl " + BuildInfo.load().describe(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ") in " + System.getProperty("java.home")};
        }
    }
}
