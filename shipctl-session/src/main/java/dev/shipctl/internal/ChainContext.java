package dev.shipctl.internal;

import dev.shipctl.Credentials;
import dev.shipctl.MenuItem;
import dev.shipctl.ServerFlavour;
import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import dev.shipctl.StageTiming;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.packet.Texts;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.protocol.packet.login.ServerMessageBox;
import dev.shipctl.protocol.packet.login.ServerRedirect;
import dev.shipctl.protocol.packet.login.ServerSecurityData;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state the login chain carries from one connection to the next — guild card, security token, client
 * config from the latest E6 — and the toolkit flavours use to walk it: open a connection, send a 0x93, wait for a
 * packet type, time each stage.
 */
public final class ChainContext {
    private static final Logger log = LoggerFactory.getLogger(ChainContext.class);

    private final ShipClient client;
    private final Credentials credentials;
    private final List<StageTiming> timings = new ArrayList<>();
    private final byte[] hardwareId;
    private final Connection.KeyCheck keys = new Connection.KeyCheck();
    private final Deadline whole;
    private volatile Deadline stageDeadline;
    private Stage stage = Stage.CONNECT;
    private long stageStart = System.nanoTime();
    private ServerFlavour flavour;

    // From the latest E6
    int guildCard;
    int securityToken;
    byte[] clientConfig = ClientLogin.versionConfig();

    // What the chain found
    final List<MenuItem> ships = new ArrayList<>();
    final List<MenuItem> blocks = new ArrayList<>();
    MenuItem ship;
    MenuItem block;

    public ChainContext(ShipClient client, Credentials credentials) {
        this.client = client;
        this.credentials = credentials;
        this.hardwareId = hardwareId(credentials.username());
        this.whole = client.deadline().map(Deadline::wholeLogin).orElse(Deadline.NONE);
        this.stageDeadline = Deadline.after(client.timeout()).earliest(whole);
    }

    /** A stable per-account hardware id, so that one bot's /hwban does not hit every other bot. */
    private static byte[] hardwareId(String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("shipctl:" + username).getBytes(StandardCharsets.UTF_8));
            return java.util.Arrays.copyOf(digest, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public ShipClient client() {
        return client;
    }

    public Duration timeout() {
        return client.timeout();
    }

    /** The deadline of the current stage: {@link ShipClient#timeout()} after it began, or the whole login's, if earlier. */
    public Deadline deadline() {
        return stageDeadline;
    }

    public ServerFlavour flavour() {
        return flavour;
    }

    void flavour(ServerFlavour flavour) {
        this.flavour = flavour;
    }

    public Stage stage() {
        return stage;
    }

    public List<StageTiming> timings() {
        return List.copyOf(timings);
    }

    /** Starts timing a stage. */
    public void begin(Stage next) {
        stage = next;
        stageStart = System.nanoTime();
        stageDeadline = Deadline.after(client.timeout()).earliest(whole);
        log.debug("stage {}: {}", next.label(), next.description());
    }

    /** Ends the current stage with a short result. */
    public void complete(String detail) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - stageStart);
        timings.add(new StageTiming(stage, elapsed, detail));
        log.debug("stage {} done in {} ms: {}", stage.label(), elapsed.toMillis(), detail);
    }

    /** What a flavour does with an E6 (save it, or refuse on its error code). */
    @FunctionalInterface
    public interface SecurityDataHandler {
        void accept(ServerSecurityData e6) throws ShipException;
    }

    /**
     * The {@link Stage#LOGIN} stage every family starts with: a first-contact 0x93 (guild card 0, the version
     * string in the config) on the login port, its E6, and the 0x19 that says where to go next. Closes the port.
     */
    public ServerRedirect logIn(Connection loginPort, SecurityDataHandler onSecurityData) throws ShipException {
        begin(Stage.LOGIN);
        try (Connection c = loginPort) {
            c.stage(Stage.LOGIN);
            c.send(login(0, ClientLogin.NO_SLOT));
            onSecurityData.accept(expect(c, ServerSecurityData.class, "E6 after the login"));
            ServerRedirect next = expect(c, ServerRedirect.class, "the 0x19 redirect after the login");
            complete("guild card " + Integer.toUnsignedLong(guildCard));
            return next;
        }
    }

    /** Opens a connection for the current stage. */
    public Connection open(String label, String host, int port) throws ShipException {
        Connection c = Connection.open(label, host, port, stage, client.keyTable(), client.trace(), this::deadline, keys);
        log.debug("connected to {} ({}:{})", label, host, port);
        return c;
    }

    /** Opens the connection a 0x19 points to. */
    public Connection follow(String label, ServerRedirect redirect) throws ShipException {
        String host = redirect.host();
        if (host.equals("0.0.0.0")) host = client.host();
        return open(label, host, redirect.port());
    }

    /** A 0x93 carrying the saved guild card, token and config. */
    public ClientLogin login(int phase, int slot) {
        return new ClientLogin(ClientLogin.PLAYER_TAG, guildCard, ClientLogin.SUB_VERSION, 0, slot, phase,
                ClientLogin.CLIENT_CODE, securityToken, credentials.username(), credentials.password(), 0, 0,
                hardwareId, clientConfig);
    }

    /** Saves guild card, token and config from an E6, or raises the refusal it carries (newserv). */
    public void accept(ServerSecurityData e6) throws ShipException {
        if (e6.error() != 0) {
            throw new ShipException.LoginRefused(stage, ServerSecurityData.describeError(e6.error()));
        }
        guildCard = e6.guildCard();
        securityToken = e6.securityToken();
        clientConfig = e6.clientConfig();
    }

    /**
     * Reorders the five 8-byte chunks of the saved client config as the real client does when an E6 carries token 0
     * (protocol notes §3.2): chunk z becomes chunk {@code order[z]}, the order chosen by the username's first byte.
     * newserv sends the config pre-unscrambled, so this gives back the config of the previous 0x93 (with the
     * version string newserv reads); Tethealla does not need it.
     */
    public void scrambleClientConfig() {
        int[] order = SCRAMBLE_ORDERS[credentials.username().isEmpty() ? 0 : credentials.username().charAt(0) & 7];
        byte[] scrambled = new byte[clientConfig.length];
        for (int z = 0; z < 5; z++) System.arraycopy(clientConfig, order[z] * 8, scrambled, z * 8, 8);
        clientConfig = scrambled;
    }

    private static final int[][] SCRAMBLE_ORDERS = {
        {2, 0, 1, 4, 3}, {3, 4, 0, 1, 2}, {2, 3, 4, 0, 1}, {2, 3, 0, 1, 4},
        {0, 2, 3, 4, 1}, {1, 4, 2, 3, 0}, {2, 0, 1, 4, 3}, {1, 0, 3, 4, 2},
    };

    /** The account name (never the password). */
    public String username() {
        return credentials.username();
    }

    /** At most this many packets may go by unwanted while waiting for one: a server sending more is broken. */
    static final int MAX_SKIPPED_PACKETS = 256;
    /** At most this many bytes may go by unwanted while waiting for one packet. */
    static final long MAX_SKIPPED_BYTES = 1 << 20;

    /** What a wait does with each packet: the value that ends the wait, or {@code null} to keep waiting. */
    @FunctionalInterface
    public interface PacketMatcher<T> {
        T match(Packet packet) throws ShipException;
    }

    /**
     * Waits for a packet of type {@code type}, skipping informational ones. A 0x1A on the way is a refusal.
     */
    public <P extends Packet> P expect(Connection c, Class<P> type, String waitingFor) throws ShipException {
        return await(c, waitingFor, p -> {
            if (type.isInstance(p)) return type.cast(p);
            if (p instanceof ServerMessageBox box) {
                throw new ShipException.LoginRefused(stage, Texts.display(box.text()).strip());
            }
            return null;
        });
    }

    /**
     * Reads packets until {@code matcher} returns a value, within the stage's deadline, answering pings. Skipping
     * is bounded too ({@link #MAX_SKIPPED_PACKETS}, {@link #MAX_SKIPPED_BYTES}): a server flooding pings or
     * packets nobody waits for ends the wait with a protocol error instead of holding it.
     */
    public <T> T await(Connection c, String waitingFor, PacketMatcher<T> matcher) throws ShipException {
        int skipped = 0;
        long start = c.packetBytesReceived();
        while (true) {
            Packet p = c.receive(waitingFor, true);
            T value = matcher.match(p);
            if (value != null) return value;
            skipped++;
            long skippedBytes = c.packetBytesReceived() - start;
            if (skipped > MAX_SKIPPED_PACKETS || skippedBytes > MAX_SKIPPED_BYTES) {
                throw new ShipException.ProtocolViolation(stage, "the server sent %d packets (%d bytes) on %s without %s; the last: %s"
                        .formatted(skipped, skippedBytes, c.label(), waitingFor, c.lastPacket().orElse("?")), null);
            }
            log.debug("while waiting for {} on {}: skipped {}", waitingFor, c.label(), p);
        }
    }

    /** Picks an entry by the user's choice: empty → first, a number → 1-based index, else a name. */
    public MenuItem choose(List<MenuItem> items, Optional<String> choice, String what) throws ShipException {
        if (items.isEmpty()) throw new ShipException.LoginRefused(stage, "the server lists no " + what);
        if (choice.isEmpty()) return items.getFirst();
        String c = choice.get().strip();
        if (c.matches("\\d+")) {
            int n = Integer.parseInt(c);
            if (n >= 1 && n <= items.size()) return items.get(n - 1);
        }
        for (MenuItem item : items) {
            if (item.name().equalsIgnoreCase(c)) return item;
        }
        throw new ShipException.LoginRefused(stage, "no " + what + " called '" + c + "'; the server lists: "
                + String.join(", ", items.stream().map(MenuItem::name).toList()));
    }

    public int slot() {
        return client.slot();
    }

    public int guildCard() {
        return guildCard;
    }

    public void ships(List<MenuItem> listed) {
        ships.clear();
        ships.addAll(listed);
    }

    public void blocks(List<MenuItem> listed) {
        blocks.clear();
        blocks.addAll(listed);
    }

    public void ship(MenuItem chosen) {
        ship = chosen;
    }

    public void block(MenuItem chosen) {
        block = chosen;
    }
}
