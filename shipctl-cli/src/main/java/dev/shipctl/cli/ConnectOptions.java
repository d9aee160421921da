package dev.shipctl.cli;

import dev.shipctl.Credentials;
import dev.shipctl.ServerFlavour;
import dev.shipctl.ShipClient;
import dev.shipctl.protocol.cipher.KeyTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the server is and who logs in: the options every connecting command shares. Values come from the flags,
 * then the profile ({@code --profile} or $SHIPCTL_PROFILE), then defaults. The password never comes from a flag.
 */
public final class ConnectOptions {
    @Option(names = {"-H", "--host"}, paramLabel = "HOST", description = "Login server address (default 127.0.0.1).")
    String host;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "Login port (default 12000).")
    Integer port;

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "Account name.")
    String user;

    @Option(names = "--password-env", paramLabel = "NAME",
            description = "Read the password from this environment variable (default: SHIPCTL_PASSWORD if set, else a prompt).")
    String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the password from the first line of FILE (must not be readable by others).")
    Path passwordFile;

    @Option(names = "--profile", paramLabel = "NAME", description = "Use a saved profile (see: shipctl profile list). Default: $SHIPCTL_PROFILE.")
    String profile;

    @Option(names = "--flavour", paramLabel = "NAME", description = "Server family: auto (default), tethealla or newserv.")
    String flavour;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "Blue Burst key table (.nsk, or a raw 4168-byte bbtable); default: the bundled Tethealla table.")
    Path keyFile;

    @Option(names = "--ship", paramLabel = "NAME|N", description = "Ship to join, by name or number (default: the first).")
    String ship;

    @Option(names = "--block", paramLabel = "NAME|N", description = "Block to join, by name (BLOCK02) or number (default: the first).")
    String block;

    @Option(names = "--slot", paramLabel = "N", description = "Character slot 0-3 (default 0).")
    Integer slot;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long each login stage may take, start to end, whatever the server sends meanwhile (default 5s).")
    Duration timeout;

    @Option(names = "--deadline", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long the whole login may take (default: the stages' own limits, at most their sum).")
    Duration deadline;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Append every packet (decrypted, passwords blanked) to FILE as JSON lines; read it with: shipctl trace show FILE.")
    Path trace;

    private TraceFile traceFile;

    /** The trace file of {@code --trace}, opened on first use (one per command), if asked for. */
    public synchronized java.util.Optional<TraceFile> traceFile() {
        if (trace != null && traceFile == null) traceFile = TraceFile.open(trace);
        return java.util.Optional.ofNullable(traceFile);
    }

    /** The profile in force, if any. */
    public Optional<Profile> profile(CliContext ctx) {
        String name = profile != null ? profile : ctx.env().get("SHIPCTL_PROFILE");
        if (name == null || name.isBlank()) return Optional.empty();
        return Optional.of(Profiles.load(ctx.configFile()).require(name));
    }

    /** A client for the server these options name. */
    public ShipClient.Builder client(CliContext ctx) {
        Profile p = profile(ctx).orElse(Profile.empty());
        ShipClient.Builder b = ShipClient.builder()
                .server(first(host, p.host(), "127.0.0.1"), first(port, p.port(), ShipClient.DEFAULT_PORT))
                .ship(first(ship, p.ship(), null))
                .block(first(block, p.block(), null))
                .slot(first(slot, p.slot(), 0));
        if (timeout != null) b.timeout(timeout);
        if (deadline != null) b.deadline(deadline);
        traceFile().ifPresent(b::trace);
        String fl = first(flavour, p.flavour(), "auto");
        if (!fl.equalsIgnoreCase("auto")) {
            b.flavour(ServerFlavour.named(fl).orElseThrow(() -> UserError.usage("unknown flavour '" + fl + "': use auto, tethealla or newserv")));
        }
        String key = keyFile != null ? keyFile.toString() : p.keyFile();
        if (key != null) b.keyTable(loadKeyTable(Path.of(expandHome(key))));
        return b;
    }

    /** The account and its password, read from where the options say. */
    public Credentials credentials(CliContext ctx) {
        Profile p = profile(ctx).orElse(Profile.empty());
        String name = first(user, p.user(), null);
        if (name == null) throw UserError.usage("no account: give --user NAME (or a profile with user = \"...\")");
        PasswordSource source = passwordSource(ctx, p);
        String password = source.read(ctx.env(), ctx.console().orElse(null));
        try {
            return new Credentials(name, password);
        } catch (IllegalArgumentException e) {
            throw UserError.usage("account " + name + ": " + e.getMessage());
        }
    }

    PasswordSource passwordSource(CliContext ctx, Profile p) {
        if (passwordEnv != null) return new PasswordSource.FromEnv(passwordEnv);
        if (passwordFile != null) return new PasswordSource.FromFile(passwordFile);
        if (p.passwordEnv() != null) return new PasswordSource.FromEnv(p.passwordEnv());
        if (p.passwordFile() != null) return new PasswordSource.FromFile(Path.of(expandHome(p.passwordFile())));
        if (Boolean.TRUE.equals(p.passwordPrompt())) return new PasswordSource.Prompt();
        return PasswordSource.defaults(ctx.env());
    }

    /** "host:port" as the user sees it. */
    public String address(CliContext ctx) {
        Profile p = profile(ctx).orElse(Profile.empty());
        return first(host, p.host(), "127.0.0.1") + ":" + first(port, p.port(), ShipClient.DEFAULT_PORT);
    }

    static KeyTable loadKeyTable(Path file) {
        try {
            return KeyTable.load(file);
        } catch (IOException e) {
            throw UserError.config("cannot read the key file " + file + ": " + e.getMessage());
        } catch (KeyTable.InvalidKeyTableException e) {
            throw UserError.config(e.getMessage());
        }
    }

    static String expandHome(String path) {
        return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) if (v != null) return v;
        return null;
    }
}
