package dev.shipctl;

import dev.shipctl.protocol.cipher.KeyTable;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The entry point: where a server is and how to talk to it. Immutable and shareable; {@link #newBuilder()} derives
 * a changed copy. {@link #connect(Credentials)} logs an account in through the whole chain, as the game client
 * does, and returns a {@link Session} in a lobby.
 *
 * <pre>{@code
 * ShipClient client = ShipClient.builder().server("127.0.0.1", 12000).build();
 * try (Session session = client.connect(new Credentials("gmadmin", System.getenv("PSO_PASSWORD")))) {
 *     session.chat("/updatelocalgms").join();
 * }
 * }</pre>
 *
 * <p>For a bot that stays: {@code .reconnect(ReconnectPolicy.defaults())} makes {@code connect} return a session
 * that logs in again (and goes back to its lobby) whenever the connection drops.
 *
 * <p>The Blue Burst protocol only obfuscates: anyone who sees the traffic can read the password of every login (see
 * {@link Credentials}). Connect over loopback or a tunnel, and give bots and monitors player accounts.
 */
public final class ShipClient {
    /** Tethealla's and newserv's standard login port. */
    public static final int DEFAULT_PORT = 12000;

    private final String host;
    private final int port;
    private final Optional<ServerFlavour> flavour;
    private final KeyTable keyTable;
    private final Duration timeout;
    private final Optional<Duration> deadline;
    private final Duration keepaliveInterval;
    private final Optional<String> ship;
    private final Optional<String> block;
    private final int slot;
    private final List<SessionListener> listeners;
    private final List<LifecycleListener> lifecycleListeners;
    private final Optional<TraceListener> trace;
    private final Optional<ReconnectPolicy> reconnect;
    private final Optional<ResumeTicket> resume;
    private final boolean fastPathOnly;
    private final Optional<InetAddress> localAddress;
    private final boolean manySessions;

    private ShipClient(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.flavour = b.flavour;
        this.keyTable = b.keyTable != null ? b.keyTable : KeyTable.tethealla();
        this.timeout = b.timeout;
        this.deadline = b.deadline;
        this.keepaliveInterval = b.keepaliveInterval;
        this.ship = b.ship;
        this.block = b.block;
        this.slot = b.slot;
        this.listeners = List.copyOf(b.listeners);
        this.lifecycleListeners = List.copyOf(b.lifecycleListeners);
        this.trace = b.trace;
        this.reconnect = b.reconnect;
        this.resume = b.resume;
        this.fastPathOnly = b.fastPathOnly;
        this.localAddress = b.localAddress;
        this.manySessions = b.manySessions;
    }

    /** A fresh builder: 127.0.0.1:12000, flavour detected, 5 s per stage, slot 0, no ticket. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads and initialises, on the calling thread, what a first {@link #connect} needs: the packet registry, the
     * cipher with the bundled key table, the socket options, the server families. Nothing is
     * sent and nothing is kept but what the JVM keeps anyway; it is safe to call at any time, from any thread, any
     * number of times, and never throws. A program that starts a JVM for one command (shipctl's one-shot verbs)
     * calls it on a second thread while its first thread parses the command line, so the first connect does not pay
     * for it.
     */
    public static void prepare() {
        try {
            Implementation.sessions().prepare();
        } catch (RuntimeException | LinkageError e) {
            // a preparation only: whatever failed here fails again, and is reported, where it is needed
        }
    }

    /** A builder that starts from this client's settings. */
    public Builder newBuilder() {
        return new Builder(this);
    }

    /**
     * Logs in and walks to a lobby. Blocks until the lobby is reached or a stage fails.
     *
     * <p>With a {@link #reconnect()} policy the session logs in again whenever its connection drops. The first
     * login still throws as below, unless the policy {@linkplain ReconnectPolicy#retryFirstLogin() retries it}:
     * then only a refusal, the policy giving up, or an interrupt of the calling thread (left interrupted) throws,
     * with the last failure.
     *
     * @throws ShipException.ConnectFailed the login port (or a redirect target) does not accept connections
     * @throws ShipException.LoginRefused the server refused the account, with its own words
     * @throws ShipException.StageTimeout a stage did not end within {@link #timeout()}, or the whole login not within
     *     {@link #deadline()}
     * @throws ShipException.ProtocolViolation the server sent bytes that make no sense (wrong key table?)
     * @throws ShipException.ConnectionLost the server closed the connection before the lobby
     * @throws ShipException.NoSuchChoice the server lists no ship or block by the {@link #ship()} or {@link #block()} asked for
     * @throws IllegalArgumentException the {@link #flavour()} forced is none of {@link ServerFlavour#all()}
     */
    public Session connect(Credentials credentials) throws ShipException {
        return Implementation.sessions().connect(this, credentials);
    }

    /**
     * Logs in only as far as {@code depth} and leaves, closing every connection: a health check that players do not
     * see ({@link Depth#BLOCK} leaves before the lobby is joined). The whole chain is always walked, never the
     * {@linkplain #resume() fast path}, and no {@linkplain #reconnect() reconnect policy} applies. Throws as
     * {@link #connect} does, for the stages it walks.
     *
     * @param depth how far to go: {@link Depth#LOGIN}, {@link Depth#SHIP} or {@link Depth#BLOCK} ({@link #connect}
     *     goes to the lobby)
     * @throws IllegalArgumentException for {@link Depth#LOBBY}, or a forced {@link #flavour()} none of
     *     {@link ServerFlavour#all()}
     */
    public ShallowLogin probe(Credentials credentials, Depth depth) throws ShipException {
        if (depth == Depth.LOBBY) throw new IllegalArgumentException("a probe stops before the lobby: connect() goes there");
        return Implementation.sessions().probe(this, Objects.requireNonNull(credentials, "credentials"), depth);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The flavour to use, or empty to detect it from the server's 0x03. */
    public Optional<ServerFlavour> flavour() {
        return flavour;
    }

    public KeyTable keyTable() {
        return keyTable;
    }

    /**
     * How long each stage of the login may take, from its start to its end, whatever the server sends meanwhile
     * (a server dripping bytes, or sending packets nobody waits for, cannot stretch it).
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * How long the whole login ({@link #connect}) may take; empty for no limit beyond the stages' own (at most the
     * sum of their timeouts).
     */
    public Optional<Duration> deadline() {
        return deadline;
    }

    /** How often the session sends its own 0x1D on ship and block connections. */
    public Duration keepaliveInterval() {
        return keepaliveInterval;
    }

    /** Whether this client's sessions read on virtual threads, for many sessions in one JVM ({@link Builder#manySessions}). */
    public boolean manySessions() {
        return manySessions;
    }

    /** The ship to choose, by name or 1-based number; empty for the first. */
    public Optional<String> ship() {
        return ship;
    }

    /**
     * The block to choose, by name ("BLOCK02") or 1-based number; empty for the first (on Tethealla, the next one
     * when a block answers "Block is full.", as a player picks again; a block named here that is full refuses the login).
     */
    public Optional<String> block() {
        return block;
    }

    /** The character slot (0..3). */
    public int slot() {
        return slot;
    }

    /** The listeners every session of this client gets from its first event. */
    public List<SessionListener> listeners() {
        return listeners;
    }

    /** The listeners of every login and connection of this client: stages, connected, disconnected, reconnecting. */
    public List<LifecycleListener> lifecycleListeners() {
        return lifecycleListeners;
    }

    public Optional<TraceListener> trace() {
        return trace;
    }

    /** How sessions log in again when their connection drops; empty: they end instead (the default). */
    public Optional<ReconnectPolicy> reconnect() {
        return reconnect;
    }

    /** The ticket the first login tries the fast path with ({@link Builder#resume}); empty: the whole chain. */
    public Optional<ResumeTicket> resume() {
        return resume;
    }

    /**
     * Whether the login takes the fast path or fails ({@link Builder#fastPathOnly}): no whole chain, no password
     * on the wire.
     */
    public boolean fastPathOnly() {
        return fastPathOnly;
    }

    /** The local address every connection of a login is opened from ({@link Builder#localAddress}); empty: the system's choice. */
    public Optional<InetAddress> localAddress() {
        return localAddress;
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private Optional<ServerFlavour> flavour = Optional.empty();
        private KeyTable keyTable;
        private Duration timeout = Duration.ofSeconds(5);
        private Optional<Duration> deadline = Optional.empty();
        private Duration keepaliveInterval = Duration.ofSeconds(25);
        private Optional<String> ship = Optional.empty();
        private Optional<String> block = Optional.empty();
        private int slot;
        private final List<SessionListener> listeners = new ArrayList<>();
        private final List<LifecycleListener> lifecycleListeners = new ArrayList<>();
        private Optional<TraceListener> trace = Optional.empty();
        private Optional<ReconnectPolicy> reconnect = Optional.empty();
        private Optional<ResumeTicket> resume = Optional.empty();
        private boolean fastPathOnly;
        private Optional<InetAddress> localAddress = Optional.empty();
        private boolean manySessions;

        private Builder() {}

        private Builder(ShipClient c) {
            host = c.host;
            port = c.port;
            flavour = c.flavour;
            keyTable = c.keyTable;
            timeout = c.timeout;
            deadline = c.deadline;
            keepaliveInterval = c.keepaliveInterval;
            ship = c.ship;
            block = c.block;
            slot = c.slot;
            listeners.addAll(c.listeners);
            lifecycleListeners.addAll(c.lifecycleListeners);
            trace = c.trace;
            reconnect = c.reconnect;
            resume = c.resume;
            fastPathOnly = c.fastPathOnly;
            localAddress = c.localAddress;
            manySessions = c.manySessions;
        }

        /** The login server (default 127.0.0.1:12000). */
        public Builder server(String host, int port) {
            this.host = Objects.requireNonNull(host);
            if (port < 1 || port > 65535) throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
            this.port = port;
            return this;
        }

        /**
         * Forces a flavour (one of {@link ServerFlavour#all()}, by its name); {@code null} detects it from the
         * server's 0x03 (the default).
         */
        public Builder flavour(ServerFlavour flavour) {
            this.flavour = Optional.ofNullable(flavour);
            return this;
        }

        /** The key table (default: the bundled Tethealla table). */
        public Builder keyTable(KeyTable keyTable) {
            this.keyTable = Objects.requireNonNull(keyTable);
            return this;
        }

        /** How long each stage of the login may take, start to end (default 5 s). */
        public Builder timeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
            this.timeout = timeout;
            return this;
        }

        /** How long the whole login may take; {@code null} for no limit beyond the stages' (the default). */
        public Builder deadline(Duration deadline) {
            if (deadline != null && (deadline.isNegative() || deadline.isZero())) throw new IllegalArgumentException("deadline must be positive");
            this.deadline = Optional.ofNullable(deadline);
            return this;
        }

        /**
         * For a program that holds many sessions at once (a swarm, a bot farm): each session's reader is a virtual
         * thread, so an idle session pins no thread and thousands share a few carriers. Off by default: a process
         * that opens one session and exits (a one-shot verb) is faster with a platform reader, because the first
         * virtual thread blocked on a socket starts the JDK's I/O poller and the JVM's exit then waits for it
         * (~300 ms). Every session's keepalive is scheduled on one shared timer and its chat and event threads start
         * only when they have work, in either mode.
         */
        public Builder manySessions(boolean many) {
            this.manySessions = many;
            return this;
        }

        /** How often to send 0x1D on ship and block connections (default 25 s; Tethealla drops at 180 s). */
        public Builder keepaliveInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("keepalive interval must be positive");
            this.keepaliveInterval = interval;
            return this;
        }

        /** The ship by name or 1-based number; {@code null} for the first. */
        public Builder ship(String ship) {
            this.ship = Optional.ofNullable(ship).filter(s -> !s.isBlank());
            return this;
        }

        /** The block by name or 1-based number; {@code null} for the first. */
        public Builder block(String block) {
            this.block = Optional.ofNullable(block).filter(s -> !s.isBlank());
            return this;
        }

        /** The character slot, 0..3 (default 0). */
        public Builder slot(int slot) {
            if (slot < 0 || slot > 3) throw new IllegalArgumentException("character slots are 0 to 3");
            this.slot = slot;
            return this;
        }

        /** A listener every session of this client gets from its first event. */
        public Builder listener(SessionListener listener) {
            listeners.add(Objects.requireNonNull(listener));
            return this;
        }

        /**
         * A listener of every login and connection of this client (stage started / ended / failed, connected,
         * disconnected, reconnecting): for metrics, traces and progress. See {@link LifecycleEvent} for the order.
         */
        public Builder lifecycleListener(LifecycleListener listener) {
            lifecycleListeners.add(Objects.requireNonNull(listener));
            return this;
        }

        /** Sees every packet (passwords, security tokens and configs blanked: see {@link TraceListener}). */
        public Builder trace(TraceListener trace) {
            this.trace = Optional.ofNullable(trace);
            return this;
        }

        /**
         * Sessions log in again when their connection drops, following {@code policy}; {@code null} (the default)
         * ends them instead. See {@link Session} for what a reconnecting session guarantees.
         */
        public Builder reconnect(ReconnectPolicy policy) {
            this.reconnect = Optional.ofNullable(policy);
            return this;
        }

        /**
         * The fast path: {@link ShipClient#connect} first goes straight to the ticket's block with its security data
         * and empty credentials (one connection, no password on the wire). If the ticket does not fit this client
         * (another server, account, slot, ship or block), its family has no fast path, or the block refuses it
         * ("Security violation." after another login of the account), times out or fails in any way, the login
         * takes the whole chain once instead; {@link Session#loginPath()} says which, and
         * {@link Session#resumeTicket()} gives the ticket to keep for next time. A reconnecting session uses the
         * ticket for its first login only. {@code null} (the default): always the whole chain.
         */
        public Builder resume(ResumeTicket ticket) {
            this.resume = Optional.ofNullable(ticket);
            return this;
        }

        /**
         * With {@code true}, the login takes the {@linkplain #resume fast path} or fails with its error: no whole
         * chain after it, so the password is never sent (a caller that only wants a login the ticket can give, e.g.
         * one made before it knows whether it will need it). Needs a ticket. Like the ticket, it holds for the first
         * login only: a {@linkplain #reconnect reconnecting} session logs in again by the whole chain. Default
         * {@code false}.
         */
        public Builder fastPathOnly(boolean only) {
            this.fastPathOnly = only;
            return this;
        }

        /**
         * The local address to open every connection from (bound before connecting, any free port), e.g. one of
         * 127.0.0.2..127.0.0.254 to spread sessions over source addresses where a server limits connections per IP;
         * {@code null} (the default) lets the system choose.
         */
        public Builder localAddress(InetAddress address) {
            this.localAddress = Optional.ofNullable(address);
            return this;
        }

        public ShipClient build() {
            return new ShipClient(this);
        }
    }
}
