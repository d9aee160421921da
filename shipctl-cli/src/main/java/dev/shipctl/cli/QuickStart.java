package dev.shipctl.cli;

import ch.qos.logback.classic.Level;
import java.io.PrintWriter;
import java.util.Set;
import picocli.CommandLine;

/**
 * The launcher's entry point: the one-shot health check, the command most often started from cron, scripts and
 * container health checks, skips building the whole command tree (picocli reads every command's annotations at
 * start-up, about half a second on a small VM); anything else, and any use of help, version or -v, goes to
 * {@link Main} unchanged. Same options, output and exit codes either way.
 */
public final class QuickStart {
    private static final Set<String> FAST = Set.of("check");
    private static final Set<String> FULL_TREE_FLAGS = Set.of("-h", "--help", "-V", "--version", "-v", "--verbose");

    private QuickStart() {}

    public static void main(String[] args) {
        if (args.length == 0 || !FAST.contains(args[0]) || java.util.Arrays.stream(args).anyMatch(FULL_TREE_FLAGS::contains)) {
            Main.main(args);
            return;
        }
        CliContext ctx = CliContext.system(System.out, System.err);
        Logging.level(Level.WARN);
        CommandLine cli = new CommandLine(CheckCommand.class, new Main.Factory(ctx));
        cli.setCommandName("shipctl check");
        cli.setOut(new PrintWriter(ctx.terminal().out(), true));
        cli.setErr(new PrintWriter(ctx.terminal().err(), true));
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> Main.handle(ctx.terminal().err(), e));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        int code = cli.execute(java.util.Arrays.copyOfRange(args, 1, args.length));
        System.out.flush();
        System.exit(code);
    }
}
