package dev.shipctl.sandbox;

import dev.shipctl.protocol.cipher.KeyTable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A Tethealla-compatible Blue Burst server on this machine: login port, character port (login + 1), a ship and its
 * blocks with 15 lobbies each, for trying shipctl and as the peer of end-to-end tests.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.builder().loginPort(0).build().start()) {
 *     int login = sandbox.loginPort();
 *     ... connect a client ...
 *     sandbox.events().await(SandboxEvent.ReachedLobby.class, e -> e.guildCard() == 42000002, Duration.ofSeconds(5));
 * }
 * }</pre>
 *
 * <p>It answers as kotori/Tethealla does where a client can see it (packet shapes, texts, timings). Loopback by
 * default. Threads: one virtual reader and one virtual writer per connection, one acceptor per port and one
 * ticker; {@link #close()} stops and joins them all. Ship bans and created characters live in memory, or in the
 * {@link Builder#stateFile state file} when one is given; security records are per run, as on Tethealla.
 *
 * <p>It is a test server, not a hardened one. Still: the {@link Accounts#demo() demo accounts} are only served on a
 * loopback address; passwords are checked outside the server's lock on a few hash threads, unknown users cost the
 * same hash work as known ones, and an address with too many failed logins is refused for a while
 * ({@link Builder#loginFailureLimit}).
 */
public final class Sandbox implements AutoCloseable {
    private final Settings settings;
    private final Server server;
    private boolean started;

    private Sandbox(Settings settings) {
        this.settings = settings;
        this.server = new Server(settings);
    }

    /** Players one block holds: 15 lobbies of 12. */
    public static final int PLAYERS_PER_BLOCK = 180;

    /**
     * Blocks enough for {@code sessions} players in lobbies at once ({@value #PLAYERS_PER_BLOCK} a block, at least 2).
     *
     * @throws IllegalArgumentException more than 99 blocks' worth (17,820)
     */
    public static int blocksFor(int sessions) {
        int blocks = Math.max(2, (sessions + PLAYERS_PER_BLOCK - 1) / PLAYERS_PER_BLOCK);
        if (blocks > 99) throw new IllegalArgumentException(sessions + " sessions need " + blocks + " blocks; a sandbox has at most 99");
        return blocks;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds every port and starts serving.
     *
     * @return this sandbox
     * @throws IOException a port could not be bound (nothing is left listening then)
     */
    public synchronized Sandbox start() throws IOException {
        if (started) throw new IllegalStateException("already started");
        server.start();
        started = true;
        return this;
    }

    /** Stops listening, disconnects every client and joins all threads. Idempotent. */
    @Override
    public synchronized void close() {
        server.close();
    }

    public int loginPort() {
        return server.port(Role.LOGIN, 0);
    }

    public int characterPort() {
        return server.port(Role.CHARACTER, 0);
    }

    public int shipPort() {
        return server.port(Role.SHIP, 0);
    }

    /** The port of block {@code n}, 1-based. */
    public int blockPort(int n) {
        if (n < 1 || n > settings.blocks()) throw new IllegalArgumentException("no block " + n);
        return server.port(Role.BLOCK, n - 1);
    }

    public InetAddress address() {
        return settings.bind();
    }

    public String shipName() {
        return settings.shipName();
    }

    /** Where bans and created characters are kept, if anywhere. */
    public Optional<Path> stateFile() {
        return Optional.ofNullable(settings.state()).map(StateFile::path);
    }

    public Accounts accounts() {
        return settings.accounts();
    }

    /** One line per listening port, for a console: role, address:port and what it serves. */
    public List<String> describePorts() {
        return server.describePorts();
    }

    /**
     * One line per account (user, the password for the public demo accounts only, guild card, GM / local GM / player,
     * character).
     */
    public List<String> describeAccounts() {
        return server.describeAccounts();
    }

    /** The event log tests wait on. */
    public SandboxEvents events() {
        return server.events();
    }

    /**
     * From now on, answer every client packet that enters {@code step} with {@code effect} instead of the normal
     * reply, until {@link #clearFailures()}.
     */
    public void failAt(LoginStep step, SandboxEffect effect) {
        Objects.requireNonNull(step);
        Objects.requireNonNull(effect);
        server.failAt(step, effect);
    }

    /** Removes every failure set by {@link #failAt}. */
    public void clearFailures() {
        server.clearFailures();
    }

    /** Current local-GM rights of a guild card (reflects {@code /updatelocalgms} reloads). */
    public int localGmRights(int guildCard) {
        return server.localGmRights(guildCard);
    }

    /**
     * Cuts every connection of this guild card at once, with no message, as a network failure looks to the client
     * (tests of reconnecting clients use it). The client's lobby members see it leave.
     *
     * @return how many connections were cut
     */
    public int cut(int guildCard) {
        return server.cut(guildCard);
    }

    /** Number of open client connections on all ports. */
    public int connectionCount() {
        return server.connectionCount();
    }

    /**
     * Configures a sandbox. Defaults: loopback, Tethealla's ports (login 12000, character 12001, ship 5278,
     * blocks 5279…), two blocks, ship "Sandbox", {@link Accounts#demo()}, no local GMs, Tethealla's keepalive
     * (ping after 60 s without a client 0x1D, drop at 180 s), 60 s to send a first 0x93, 6 connections per IP,
     * the system clock and the bundled Tethealla key table; 5 failed logins from one address within 10 minutes
     * refuse its logins for 10 minutes.
     */
    public static final class Builder {
        private InetAddress bind = InetAddress.getLoopbackAddress();
        private InetAddress advertise;
        private int loginPort = 12000;
        private Integer characterPort;
        private Integer shipPort;
        private int blocks = 2;
        private String shipName = "Sandbox";
        private String welcome = "Welcome to the shipctl sandbox (a Tethealla-compatible test server).";
        private Accounts accounts = Accounts.demo();
        private LocalGms localGms = LocalGms.none();
        private Duration pingInterval = Duration.ofSeconds(60);
        private Duration idleTimeout = Duration.ofSeconds(180);
        private Duration loginTimeout = Duration.ofSeconds(60);
        private Duration tickInterval = Duration.ofSeconds(1);
        private int maxConnectionsPerIp = 6;
        private InstantSource clock = InstantSource.system();
        private KeyTable keyTable;
        private RandomGenerator random; // null: SecureRandom for tokens, a fast generator for key vectors
        private StateFile state;
        private FailedLogins.Limit loginLimit = FailedLogins.Limit.DEFAULT;
        private Kdf kdf = Kdf.PBKDF2_SHA256;
        private int keyPool;

        private Builder() {}

        /**
         * The address to listen on (default loopback). Binding another address exposes the sandbox; it then needs
         * {@link #accounts accounts} of its own, since the demo accounts' passwords are public.
         */
        public Builder bind(InetAddress address) {
            this.bind = Objects.requireNonNull(address);
            return this;
        }

        /** The IPv4 address put in 0x19 redirects (default: the bind address, or loopback when binding the wildcard). */
        public Builder advertise(InetAddress address) {
            this.advertise = Objects.requireNonNull(address);
            return this;
        }

        /** Login port; unless set, the character port is this + 1. 0 picks free ports (and, unless set, for the ship). */
        public Builder loginPort(int port) {
            this.loginPort = checkPort(port);
            return this;
        }

        /** Character port (default the login port + 1, as on Tethealla; 0 picks a free one). */
        public Builder characterPort(int port) {
            this.characterPort = checkPort(port);
            return this;
        }

        /** Ship port; block n listens on this + n. 0 picks free ports. Default 5278, or 0 when the login port is 0. */
        public Builder shipPort(int port) {
            this.shipPort = checkPort(port);
            return this;
        }

        /** Number of blocks (1..99, default 2). */
        public Builder blocks(int blocks) {
            if (blocks < 1 || blocks > 99) throw new IllegalArgumentException("blocks must be 1..99");
            this.blocks = blocks;
            return this;
        }

        /** Ship name shown in the ship list (A0) and block list title (at most 12 characters fit well). */
        public Builder shipName(String name) {
            if (name.isEmpty() || name.length() > 20) throw new IllegalArgumentException("ship name must be 1..20 characters");
            this.shipName = name;
            return this;
        }

        /** The EE welcome text sent after the ship list. */
        public Builder welcome(String text) {
            this.welcome = Objects.requireNonNull(text);
            return this;
        }

        public Builder accounts(Accounts accounts) {
            this.accounts = Objects.requireNonNull(accounts);
            return this;
        }

        public Builder localGms(LocalGms localGms) {
            this.localGms = Objects.requireNonNull(localGms);
            return this;
        }

        /** Time without a client 0x1D after which the ship and blocks send 0x1D on every tick (Tethealla: 60 s). */
        public Builder pingInterval(Duration d) {
            this.pingInterval = positive(d);
            return this;
        }

        /** Time without a client 0x1D after which a ship or block connection is dropped silently (Tethealla: 180 s). */
        public Builder idleTimeout(Duration d) {
            this.idleTimeout = positive(d);
            return this;
        }

        /** Time a new connection has to send its 0x93 before it is dropped (default 60 s). */
        public Builder loginTimeout(Duration d) {
            this.loginTimeout = positive(d);
            return this;
        }

        /** How often timers are checked (Tethealla: every second). Shorten it with the other timings in tests. */
        public Builder tickInterval(Duration d) {
            this.tickInterval = positive(d);
            return this;
        }

        /** Connections per IP per process (login + character; ship + blocks); one more closes the IP's oldest. */
        public Builder maxConnectionsPerIp(int n) {
            if (n < 1) throw new IllegalArgumentException("maxConnectionsPerIp must be at least 1");
            this.maxConnectionsPerIp = n;
            return this;
        }

        /**
         * Per-address failed-login limiting: after {@code failures} wrong user names or passwords from one address
         * within {@code window}, its logins are refused (1A "Too many failed logins…", no password check) for
         * {@code cooldown}. Default: 5 within 10 minutes, refused for 10 minutes (fail2ban's defaults).
         */
        public Builder loginFailureLimit(int failures, Duration window, Duration cooldown) {
            this.loginLimit = new FailedLogins.Limit(failures, window, cooldown);
            return this;
        }

        /** The key derivation for hashed passwords (tests count and watch it; default PBKDF2-HMAC-SHA256). */
        Builder kdf(Kdf kdf) {
            this.kdf = Objects.requireNonNull(kdf);
            return this;
        }

        /** The clock for cooldowns, keepalive and timeouts (tests inject one they can move). */
        public Builder clock(InstantSource clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** The cipher table (default: the bundled Tethealla table). */
        public Builder keyTable(KeyTable table) {
            this.keyTable = Objects.requireNonNull(table);
            return this;
        }

        /**
         * Source of keys, tokens and sixtyfours. By default tokens and sixtyfours come from a SecureRandom, and the
         * key vectors of 0x03 from a fast generator: they travel in the clear, so a secure source only cost time
         * (a tenth of the sandbox's Java time during a swarm's ramp).
         */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random);
            return this;
        }

        /**
         * For load tests: draws the 0x03 keys of new connections from a pool of {@code pairs} key pairs, each keyed
         * once, instead of fresh keys for every connection as Tethealla does (0, the default). The sandbox then
         * spends no key schedule on a connection whose pair was drawn before, and the connections of a pair share
         * its ciphers; clients see nothing different (they key every connection). See {@link KeyPool}.
         */
        public Builder keyPool(int pairs) {
            if (pairs < 0) throw new IllegalArgumentException("keyPool must be 0 or more: " + pairs);
            this.keyPool = pairs;
            return this;
        }

        /**
         * Keeps ship bans and created characters in {@code file} across restarts (JSON, rewritten after every change
         * and at close; see docs/sandbox.md). The file is read now; one that does not exist yet is created at the
         * first change. Without a state file they live in memory only.
         *
         * @throws IOException the file exists but cannot be read or is not a sandbox state file
         */
        public Builder stateFile(Path file) throws IOException {
            this.state = StateFile.read(Objects.requireNonNull(file));
            return this;
        }

        /**
         * The configured sandbox (not started).
         *
         * @throws IllegalStateException the demo accounts on an address other than loopback
         */
        public Sandbox build() {
            if (accounts.isDemo() && !bind.isLoopbackAddress()) {
                throw new IllegalStateException("the demo accounts (public passwords, a GM among them) are served on loopback only, not on "
                        + bind.getHostAddress() + ": give accounts of your own");
            }
            int ship = shipPort != null ? shipPort : loginPort == 0 ? 0 : 5278;
            int character = characterPort != null ? characterPort : loginPort == 0 ? 0 : loginPort + 1;
            if (character > 65535) throw new IllegalArgumentException("the character port (login + 1) must fit");
            if (ship != 0 && ship + blocks > 65535) throw new IllegalArgumentException("block ports must fit below 65536");
            InetAddress adv = advertise != null ? advertise : bind.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bind;
            if (adv.getAddress().length != 4) throw new IllegalArgumentException("0x19 redirects carry IPv4 addresses; advertise one");
            if (!idleTimeout.minus(pingInterval).isPositive()) throw new IllegalArgumentException("idleTimeout must exceed pingInterval");
            return new Sandbox(new Settings(bind, adv, loginPort, character, ship, blocks, shipName, welcome, accounts, localGms,
                    pingInterval, idleTimeout, loginTimeout, tickInterval, maxConnectionsPerIp, clock,
                    keyTable != null ? keyTable : KeyTable.tethealla(), random != null ? random : new SecureRandom(), random, keyPool, state,
                    loginLimit, kdf));
        }

        private static int checkPort(int port) {
            if (port < 0 || port > 65535) throw new IllegalArgumentException("port " + port);
            return port;
        }

        private static Duration positive(Duration d) {
            if (d.isNegative() || d.isZero()) throw new IllegalArgumentException("duration must be positive: " + d);
            return d;
        }
    }
}
