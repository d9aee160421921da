package dev.shipctl.cli.common;

import dev.shipctl.admin.CountdownClock;
import dev.shipctl.cli.terminal.Terminal;
import java.io.Console;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a command may use of the outside world: terminal, environment, console for prompts, config directory,
 * standard input (the lines {@code shell} and {@code run -} read), and the clock that countdowns and scripts'
 * {@code wait} and {@code at} go by. Tests build their own, so nothing reads System.getenv or System.in directly, and
 * a countdown of minutes runs on a clock the test moves.
 */
public record CliContext(Terminal terminal, Map<String, String> env, Optional<Console> console, Path configDir, InputStream stdin,
                         CountdownClock clock) {
    /** A context on the system clock. */
    public CliContext(Terminal terminal, Map<String, String> env, Optional<Console> console, Path configDir, InputStream stdin) {
        this(terminal, env, console, configDir, stdin, CountdownClock.system());
    }

    /** A context whose standard input is the process's. */
    public CliContext(Terminal terminal, Map<String, String> env, Optional<Console> console, Path configDir) {
        this(terminal, env, console, configDir, System.in);
    }

    /** The context of the real process. */
    public static CliContext system(java.io.PrintStream out, java.io.PrintStream err) {
        Map<String, String> env = System.getenv();
        Console console = System.console();
        return new CliContext(Terminal.system(out, err, env),
                env, Optional.ofNullable(console != null && console.isTerminal() ? console : null), configDir(env));
    }

    /** The user's shipctl config directory: $SHIPCTL_CONFIG_DIR, else the platform's usual place. */
    public static Path configDir(Map<String, String> env) {
        String explicit = env.get("SHIPCTL_CONFIG_DIR");
        if (explicit != null && !explicit.isBlank()) return Path.of(explicit);
        String home = System.getProperty("user.home");
        String os = System.getProperty("os.name", "").toLowerCase();
        if (os.contains("win")) {
            String appData = env.get("APPDATA");
            return appData != null ? Path.of(appData, "shipctl") : Path.of(home, "AppData", "Roaming", "shipctl");
        }
        if (os.contains("mac")) return Path.of(home, "Library", "Application Support", "shipctl");
        String xdg = env.get("XDG_CONFIG_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(home, ".config")).resolve("shipctl");
    }

    /** The profiles file. */
    public Path configFile() {
        return configDir.resolve("config.toml");
    }
}
