package dev.shipctl.cli.options;

import dev.shipctl.Credentials;
import dev.shipctl.ShipClient;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.FlavourNames;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.config.PrivateFiles;
import dev.shipctl.cli.config.Profile;
import dev.shipctl.cli.config.Profiles;
import dev.shipctl.protocol.cipher.KeyTable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the server is and who logs in: the options every connecting command shares. Values come from the flags,
 * then the profile ({@code --profile} or $SHIPCTL_PROFILE), then defaults. The password never comes from a flag.
 */
public final class ConnectOptions {
    @Option(names = {"-H", "--host"}, paramLabel = "HOST", description = "Login server address (default 127.0.0.1).")
    public String host;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "Login port (default 12000).")
    public Integer port;

    @Option(names = {"-u", "--user"}, paramLabel = "USER", description = "Account name.")
    public String user;

    @Option(names = "--password-env", paramLabel = "NAME",
            description = "Read the password from this environment variable (default: SHIPCTL_PASSWORD if set, else a prompt).")
    public String passwordEnv;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the password from the first line of FILE (a file of yours, mode 600 or 400, not a link).")
    Path passwordFile;

    @Option(names = "--profile", paramLabel = "NAME[,NAME...]",
            description = "Use a saved profile (see: shipctl profile list). Several, comma-separated, make a fleet: the command runs"
                    + " on each of their servers in parallel, one row (or JSON object) per server, exit code the worst."
                    + " Default: $SHIPCTL_PROFILE (one profile).")
    public String profile;

    @Option(names = "--all-profiles", description = "Run on every saved profile's server: a fleet (see --profile).")
    boolean allProfiles;

    @Option(names = "--parallel", paramLabel = "N",
            description = "With a fleet: how many servers at a time (default " + DEFAULT_PARALLEL + ").")
    Integer parallel;

    /** How many servers of a fleet are handled at a time when {@code --parallel} is not given. */
    public static final int DEFAULT_PARALLEL = 4;

    /** Serialises the password prompts of a fleet's servers: one question on the terminal at a time. */
    private static final Object PROMPTS = new Object();

    /** Set on each server's copy of the options when a fleet runs: its password prompt names the profile. */
    private boolean fleetMember;

    @Option(names = "--flavour", paramLabel = "NAME", description = "Server family: auto (default), tethealla or newserv.")
    String flavour;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "Blue Burst key table (.nsk, or a raw 4168-byte bbtable); default: the bundled Tethealla table.")
    Path keyFile;

    @Option(names = "--ship", paramLabel = "NAME|N", description = "Ship to join, by name or number (default: the first).")
    String ship;

    @Option(names = "--block", paramLabel = "NAME|N", description = "Block to join, by name (BLOCK02) or number (default: the first; on Tethealla, the next when one is full).")
    String block;

    @Option(names = "--slot", paramLabel = "N", description = "Character slot 0-3 (default 0).")
    Integer slot;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long each login stage may take, start to end, whatever the server sends meanwhile (default 5s).")
    Duration timeout;

    @Option(names = "--deadline", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long the whole login may take (default: the stages' own limits, at most their sum).")
    Duration deadline;

    @Option(names = "--no-network-warning",
            description = "Do not warn that the password crosses a non-loopback link readably (e.g. the host is a tunnel's end).")
    boolean noNetworkWarning;

    @Option(names = "--trace", paramLabel = "FILE",
            description = "Append every packet (decrypted, passwords blanked) to FILE as JSON lines; read it with: shipctl trace show FILE."
                    + " FILE is created readable by you only; a link or another user's file is refused.")
    Path trace;

    @Option(names = "--trace-max", paramLabel = "SIZE", converter = SizeConverter.class,
            description = "Stop writing the --trace file when it would grow past SIZE, with a warning (default "
                    + TraceFile.DEFAULT_MAX_TEXT + "; units kB, MB, GB, KiB, MiB, GiB).")
    Long traceMax;

    private TraceFile traceFile;
    private boolean networkWarningDone;

    /** The trace file of {@code --trace}, opened on first use (one per command), if asked for; warnings go to stderr. */
    public synchronized java.util.Optional<TraceFile> traceFile(CliContext ctx) {
        if (trace != null && traceFile == null) {
            long max = traceMax != null ? traceMax : SizeConverter.parse(TraceFile.DEFAULT_MAX_TEXT);
            traceFile = TraceFile.open(trace, max, ctx.terminal().err());
        }
        return java.util.Optional.ofNullable(traceFile);
    }

    /** Whether the command line asks for a fleet: {@code --all-profiles}, or {@code --profile} naming several. */
    public boolean fleetAsked() {
        return allProfiles || (profile != null && profile.contains(","));
    }

    /**
     * The profiles of the fleet the command line asks for, in the order given ({@code --all-profiles}: the config
     * file's, by name), each checked to exist; empty when no fleet is asked for. Errors (a profile that does not
     * exist, none at all, options that cannot be shared by several servers) are one line, before anything is sent.
     */
    public java.util.List<String> fleet(CliContext ctx) {
        if (!fleetAsked()) return java.util.List.of();
        if (allProfiles && profile != null) throw UserError.usage("--all-profiles and --profile do not go together");
        if (trace != null) throw UserError.usage("--trace writes one server's packets: give it with one --profile, not a fleet");
        if (parallel != null && parallel < 1) throw UserError.usage("--parallel takes a number of servers, 1 or more, not " + parallel);
        Profiles profiles = Profiles.load(ctx.configFile());
        java.util.List<String> names;
        if (allProfiles) {
            names = java.util.List.copyOf(profiles.all().keySet());
            if (names.isEmpty()) throw UserError.config("--all-profiles: " + profiles.path()
                    + " has no profiles (add one with: shipctl profile add NAME ...)");
        } else {
            java.util.LinkedHashSet<String> unique = new java.util.LinkedHashSet<>();
            for (String name : profile.split(",", -1)) {
                if (name.isBlank()) throw UserError.usage("--profile " + profile + ": an empty profile name (NAME,NAME,...)");
                unique.add(name.strip());
            }
            names = java.util.List.copyOf(unique);
        }
        names.forEach(profiles::require);
        return names;
    }

    /**
     * The account a fleet's profile logs in as, and where ({@code user@host:port}, flags first as ever): a fleet
     * runs the profiles of one account on one server one after the other, since a server lets an account in once
     * (and they share one fast-path ticket).
     */
    public String accountOf(CliContext ctx, String name) {
        Profile p = Profiles.load(ctx.configFile()).require(name);
        return first(user, p.user(), "") + "@" + first(host, p.host(), "127.0.0.1") + ":" + first(port, p.port(), ShipClient.DEFAULT_PORT);
    }

    /** How many servers of a fleet at a time. */
    public int parallel() {
        return parallel != null ? parallel : DEFAULT_PARALLEL;
    }

    /** Makes these options (a fresh parse of the command line) those of one server of a fleet. */
    public void asFleetMember(String name) {
        profile = name;
        allProfiles = false;
        fleetMember = true;
    }

    /** The profile in force, if any. */
    public Optional<Profile> profile(CliContext ctx) {
        String name = profile != null ? profile : ctx.env().get("SHIPCTL_PROFILE");
        if (name == null || name.isBlank()) return Optional.empty();
        return Optional.of(Profiles.load(ctx.configFile()).require(name));
    }

    /** A client for the server these options name. */
    public ShipClient.Builder client(CliContext ctx) {
        return client(ctx, profile(ctx).orElse(Profile.empty()));
    }

    /**
     * A client for the server {@code p} names (a fleet's profile, a watch file's server), the flags given here
     * overriding its settings as usual.
     */
    public ShipClient.Builder client(CliContext ctx, Profile p) {
        ShipClient.Builder b = ShipClient.builder()
                .server(first(host, p.host(), "127.0.0.1"), first(port, p.port(), ShipClient.DEFAULT_PORT))
                .ship(first(ship, p.ship(), null))
                .block(first(block, p.block(), null))
                .slot(first(slot, p.slot(), 0));
        if (timeout != null) b.timeout(timeout);
        if (deadline != null) b.deadline(deadline);
        traceFile(ctx).ifPresent(b::trace);
        FlavourNames.parse(first(flavour, p.flavour(), FlavourNames.AUTO)).ifPresent(b::flavour);
        String key = keyFile != null ? keyFile.toString() : p.keyFile();
        if (key != null) b.keyTable(loadKeyTable(Path.of(PrivateFiles.expandHome(key))));
        return b;
    }

    /**
     * The account and its password, read from where the options say. The first call warns on stderr when the host
     * is not a loopback address (see {@link #warnIfTheNetworkCanRead}). The password is read as characters and that
     * buffer is wiped here; {@link Credentials} holds it as a String (its public API), which the JDK cannot wipe.
     */
    public Credentials credentials(CliContext ctx) {
        return credentials(ctx, profile(ctx).orElse(Profile.empty()), fleetMember ? "profile " + profile : null);
    }

    /**
     * The account of the server {@code p} names and its password, as {@link #credentials(CliContext)} reads them;
     * a password prompt names {@code serverName} ("profile home") when it is not null (several servers in play).
     */
    public Credentials credentials(CliContext ctx, Profile p, String serverName) {
        String name = first(user, p.user(), null);
        if (name == null) throw UserError.usage("no account: give --user NAME (or a profile with user = \"...\")");
        warnIfTheNetworkCanRead(ctx, p);
        PasswordSource source = passwordSource(ctx, p);
        char[] password;
        if (serverName != null && source instanceof PasswordSource.Prompt) {
            synchronized (PROMPTS) {
                password = new PasswordSource.Prompt("Password of " + name + " for " + serverName + ": ")
                        .read(ctx.env(), ctx.console().orElse(null));
            }
        } else {
            password = source.read(ctx.env(), ctx.console().orElse(null));
        }
        return account(name, password);
    }

    /**
     * The account with this password, whose buffer is wiped here.
     *
     * @throws UserError a name or password the login packet cannot carry
     */
    private static Credentials account(String name, char[] password) {
        try {
            return new Credentials(name, new String(password));
        } catch (IllegalArgumentException e) {
            throw UserError.usage("account " + name + ": " + e.getMessage());
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /**
     * Once per command, before the password is read: one line on stderr when the login host is not a loopback
     * address, since the Blue Burst login only obfuscates the password (the keys travel in clear, the key table is
     * public). Silenced by {@code --no-network-warning} or the profile's {@code network_warning = false}. A host
     * name is resolved to decide; one that does not resolve counts as remote.
     */
    void warnIfTheNetworkCanRead(CliContext ctx, Profile p) {
        if (networkWarningDone) return;
        networkWarningDone = true;
        if (noNetworkWarning || Boolean.FALSE.equals(p.networkWarning())) return;
        String server = first(host, p.host(), "127.0.0.1");
        if (isLoopback(server)) return;
        ctx.terminal().err().println("shipctl: warning: the password crosses the network to " + server
                + " in a form anyone on the path can read (see docs/security.md); silence with --no-network-warning"
                + " or profile setting network_warning = false");
    }

    /** Whether every address {@code host} names is a loopback address (127.0.0.0/8, ::1). */
    static boolean isLoopback(String host) {
        try {
            java.net.InetAddress[] all = java.net.InetAddress.getAllByName(host);
            for (java.net.InetAddress a : all) if (!a.isLoopbackAddress()) return false;
            return all.length > 0;
        } catch (java.net.UnknownHostException | SecurityException e) {
            return false;
        }
    }

    /**
     * The password source the options or the profile name explicitly ({@code --password-env}, {@code --password-file},
     * or the profile's); empty when none is named (no default, no prompt): for commands that read many accounts.
     */
    public Optional<PasswordSource> namedPasswordSource(CliContext ctx) {
        Profile p = profile(ctx).orElse(Profile.empty());
        if (passwordEnv == null && passwordFile == null && p.passwordEnv() == null && p.passwordFile() == null) return Optional.empty();
        return Optional.of(passwordSource(ctx, p));
    }

    /**
     * The account and its password as {@link #credentials(CliContext)} reads them, when that needs no prompt and
     * succeeds; empty otherwise (no account, a prompt, a password that cannot be read or is not valid). Prints
     * nothing: the caller that needs them reads them again and reports what is wrong.
     */
    public Optional<Credentials> credentialsWithoutPrompt(CliContext ctx) {
        Profile p = profile(ctx).orElse(Profile.empty());
        String name = first(user, p.user(), null);
        PasswordSource source = passwordSource(ctx, p);
        if (name == null || source instanceof PasswordSource.Prompt) return Optional.empty();
        try {
            return Optional.of(account(name, source.read(ctx.env(), null)));
        } catch (UserError e) {
            return Optional.empty();
        }
    }

    /** Whether every address the host names is a loopback address (127.0.0.0/8, ::1). */
    public static boolean loopback(String host) {
        return isLoopback(host);
    }

    PasswordSource passwordSource(CliContext ctx, Profile p) {
        if (passwordEnv != null) return new PasswordSource.FromEnv(passwordEnv);
        if (passwordFile != null) return new PasswordSource.FromFile(passwordFile);
        if (p.passwordEnv() != null) return new PasswordSource.FromEnv(p.passwordEnv());
        if (p.passwordFile() != null) return new PasswordSource.FromFile(Path.of(PrivateFiles.expandHome(p.passwordFile())));
        if (Boolean.TRUE.equals(p.passwordPrompt())) return new PasswordSource.Prompt();
        return PasswordSource.defaults(ctx.env());
    }

    /** The login server's host, from the flag, the profile or the default. */
    public String resolvedHost(CliContext ctx) {
        return first(host, profile(ctx).orElse(Profile.empty()).host(), "127.0.0.1");
    }

    /** The login port, from the flag, the profile or the default. */
    public int resolvedPort(CliContext ctx) {
        return first(port, profile(ctx).orElse(Profile.empty()).port(), ShipClient.DEFAULT_PORT);
    }

    /** The account name, from the flag or the profile, if given; no password is read. */
    public Optional<String> resolvedUser(CliContext ctx) {
        return Optional.ofNullable(first(user, profile(ctx).orElse(Profile.empty()).user(), null));
    }

    /**
     * The options given here that shape a login, other than the server's address, the account and its password
     * ({@code --profile}, {@code --flavour}, {@code --key-file}, {@code --ship}, {@code --block}, {@code --slot},
     * {@code --timeout}, {@code --deadline}, {@code --no-network-warning}), as arguments for another shipctl process
     * (what {@code bench} starts). The profile is the one in force ($SHIPCTL_PROFILE included).
     */
    public List<String> loginArguments(CliContext ctx) {
        List<String> args = new ArrayList<>();
        String name = profile != null ? profile : ctx.env().get("SHIPCTL_PROFILE");
        if (name != null && !name.isBlank()) args.addAll(List.of("--profile", name));
        if (flavour != null) args.addAll(List.of("--flavour", flavour));
        if (keyFile != null) args.addAll(List.of("--key-file", keyFile.toAbsolutePath().toString()));
        if (ship != null) args.addAll(List.of("--ship", ship));
        if (block != null) args.addAll(List.of("--block", block));
        if (slot != null) args.addAll(List.of("--slot", slot.toString()));
        if (timeout != null) args.addAll(List.of("--timeout", timeout.toMillis() + "ms"));
        if (deadline != null) args.addAll(List.of("--deadline", deadline.toMillis() + "ms"));
        if (noNetworkWarning) args.add("--no-network-warning");
        return args;
    }

    /** "host:port" as the user sees it. */
    public String address(CliContext ctx) {
        return address(profile(ctx).orElse(Profile.empty()));
    }

    /** "host:port" of the server {@code p} names, flags first. */
    public String address(Profile p) {
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

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) if (v != null) return v;
        return null;
    }
}
