package dev.shipctl.cli.common;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * shipctl's command line, for the commands that run other commands ({@code shell} and {@code run} build one per
 * line, {@code bench train} runs a few): {@code dev.shipctl.cli.Main} implements it and is the root command's user
 * object, so a command finds it from its own spec ({@link #of}) and the command packages need not know {@code Main}.
 */
public interface Commands {
    /** The command line with every command (for help, completion, listing verbs). */
    CommandLine all(CliContext ctx);

    /** A command line fit to run {@code args}: with only the command they name, when that is enough. */
    CommandLine forArgs(CliContext ctx, String... args);

    /** Runs shipctl with these arguments; returns the exit code. */
    int execute(CliContext ctx, String... args);

    /** The commands of the command line {@code spec} belongs to. */
    static Commands of(CommandSpec spec) {
        return (Commands) spec.root().userObject();
    }
}
