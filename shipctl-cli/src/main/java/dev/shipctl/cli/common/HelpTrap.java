package dev.shipctl.cli.common;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Catches {@code -h} typed for {@code -H}: {@code check -h pso.example.org -u monitor} would show help and exit 0, so a
 * cron health check or an announce with that typo would silently "succeed". When {@code -h} or {@code --help} follows a
 * verb that has a {@code -H} option and the next argument looks like a host, the run is a usage error instead.
 */
public final class HelpTrap {
    /** A host name with a dot and a top-level label that is not all digits, an IPv4 address or localhost; perhaps :PORT. */
    private static final Pattern HOST = Pattern.compile(
            "(?i)(localhost|(\\d{1,3}\\.){3}\\d{1,3}|([a-z0-9]([a-z0-9-]*[a-z0-9])?\\.)+[a-z][a-z0-9-]*[a-z0-9]|\\[[0-9a-f:.]+\\])(:\\d{1,5})?");

    private HelpTrap() {}

    /** The one-line message when the arguments ask for help where they meant a host; empty when they do not. */
    public static Optional<String> mistake(CommandLine root, List<String> args) {
        CommandLine current = root;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--")) return Optional.empty();
            CommandLine sub = arg.startsWith("-") ? null : current.getSubcommands().get(arg);
            if (sub != null) {
                current = sub;
            } else if ((arg.equals("-h") || arg.equals("--help")) && current != root && i + 1 < args.size()
                    && current.getCommandSpec().findOption("-H") != null && looksLikeHost(args.get(i + 1))) {
                return Optional.of(arg + " is help; did you mean -H " + args.get(i + 1) + "?");
            }
        }
        return Optional.empty();
    }

    /** Whether an argument reads as a host name or address ({@code pso.example.org}, {@code 10.0.0.5:12000}). */
    static boolean looksLikeHost(String arg) {
        return HOST.matcher(arg).matches();
    }
}
