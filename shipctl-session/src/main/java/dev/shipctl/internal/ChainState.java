package dev.shipctl.internal;

import dev.shipctl.Credentials;
import dev.shipctl.MenuItem;
import dev.shipctl.ResumeTicket;
import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.protocol.packet.login.ServerSecurityData;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the login chain has learned so far and carries from one connection to the next: the guild card, security
 * token and client config of the latest E6 (which go into the next 0x93), and the ships and blocks the server
 * listed and the ones chosen. Used by one thread, the one that logs in; the session reads it after the login.
 */
public final class ChainState {
    /** The real client's order of the five 8-byte config chunks, by the username's first byte (protocol notes §3.2). */
    private static final int[][] SCRAMBLE_ORDERS = {
        {2, 0, 1, 4, 3}, {3, 4, 0, 1, 2}, {2, 3, 4, 0, 1}, {2, 3, 0, 1, 4},
        {0, 2, 3, 4, 1}, {1, 4, 2, 3, 0}, {2, 0, 1, 4, 3}, {1, 0, 3, 4, 2},
    };

    // the ship and block lists last kept by any chain of this process (see share)
    private static final AtomicReference<List<MenuItem>> LAST_SHIPS = new AtomicReference<>(List.of());
    private static final AtomicReference<List<MenuItem>> LAST_BLOCKS = new AtomicReference<>(List.of());

    private final Credentials credentials;
    private final byte[] hardwareId;
    private int guildCard;
    private int securityToken;
    private byte[] clientConfig = ClientLogin.versionConfig();
    private List<MenuItem> ships = List.of();
    private List<MenuItem> blocks = List.of();
    private MenuItem ship;
    private MenuItem block;
    private String character;
    private ResumeTicket.Hop shipHop;
    private ResumeTicket.Hop blockHop;
    private boolean withoutCredentials;

    public ChainState(Credentials credentials) {
        this.credentials = credentials;
        this.hardwareId = HardwareId.of(credentials.username());
    }

    /**
     * A state for the fast path: the ticket's guild card, token, config, ship and block, and 0x93s with empty
     * username and password (the hardware id stays the account's, as on the full chain).
     */
    public static ChainState resuming(Credentials credentials, ResumeTicket ticket) {
        ChainState s = new ChainState(credentials);
        s.guildCard = ticket.guildCard();
        s.securityToken = ticket.securityToken();
        s.clientConfig = ticket.clientConfig();
        s.shipHop = ticket.ship();
        s.blockHop = ticket.block();
        s.ship = ticket.ship().item();
        s.block = ticket.block().item();
        s.withoutCredentials = true;
        return s;
    }

    /** A 0x93 carrying the saved guild card, token and config (and the credentials, except on the fast path). */
    public ClientLogin login(int phase, int slot) {
        return new ClientLogin(ClientLogin.PLAYER_TAG, guildCard, ClientLogin.SUB_VERSION, 0, slot, phase,
                ClientLogin.CLIENT_CODE, securityToken, withoutCredentials ? "" : credentials.username(),
                withoutCredentials ? "" : credentials.password(), 0, 0, hardwareId, clientConfig);
    }

    /** Notes the ship joined: the entry chosen, its 1-based place in the list and where its 0x19 pointed. */
    public void shipHop(ResumeTicket.Hop hop) {
        shipHop = hop;
    }

    /** Notes the block joined, as {@link #shipHop}. */
    public void blockHop(ResumeTicket.Hop hop) {
        blockHop = hop;
    }

    /** The block to go straight to on the fast path. */
    public Optional<ResumeTicket.Hop> blockHop() {
        return Optional.ofNullable(blockHop);
    }

    /**
     * What lets the next login go straight to the block: the latest security data and the ship and block joined,
     * or empty when the chain did not note them.
     */
    public Optional<ResumeTicket> ticket(String flavour, String host, int port, int slot) {
        if (shipHop == null || blockHop == null) return Optional.empty();
        return Optional.of(new ResumeTicket(flavour, host, port, credentials.username(), slot, guildCard, securityToken,
                clientConfig, shipHop, blockHop));
    }

    /**
     * Saves guild card, token and config from an E6, or raises the refusal it carries (newserv's error codes).
     *
     * @param stage the stage it arrived in, for the refusal
     */
    public void accept(ServerSecurityData e6, Stage stage) throws ShipException.LoginRefused {
        if (e6.error() != 0) throw new ShipException.LoginRefused(stage, ServerSecurityData.describeError(e6.error()));
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
        String username = credentials.username();
        int[] order = SCRAMBLE_ORDERS[username.isEmpty() ? 0 : username.charAt(0) & 7];
        byte[] scrambled = new byte[clientConfig.length];
        for (int z = 0; z < 5; z++) System.arraycopy(clientConfig, order[z] * 8, scrambled, z * 8, 8);
        clientConfig = scrambled;
    }

    /** The account name (never the password). */
    public String username() {
        return credentials.username();
    }

    /** The guild card of the latest E6 (0 before the first). */
    public int guildCard() {
        return guildCard;
    }

    public List<MenuItem> ships() {
        return ships;
    }

    public void ships(List<MenuItem> listed) {
        ships = share(LAST_SHIPS, listed);
    }

    public List<MenuItem> blocks() {
        return blocks;
    }

    public void blocks(List<MenuItem> listed) {
        blocks = share(LAST_BLOCKS, listed);
    }

    /**
     * An unmodifiable copy of {@code listed}, or the list last kept here when it is equal. Every session of a process
     * keeps the ship and block lists it saw, and on one server they are nearly always the same: 10,000 sessions of a
     * swarm on a sandbox of 56 blocks kept 570,000 menu entries, a fifth of each session's heap. One list of each kind
     * is remembered, the latest, so a process that talks to several servers shares what it can and holds no more.
     */
    private static List<MenuItem> share(AtomicReference<List<MenuItem>> last, List<MenuItem> listed) {
        List<MenuItem> kept = last.get();
        if (kept.equals(listed)) return kept;
        List<MenuItem> copy = List.copyOf(listed);
        last.set(copy);
        return copy;
    }

    public Optional<MenuItem> ship() {
        return Optional.ofNullable(ship);
    }

    public void ship(MenuItem chosen) {
        ship = chosen;
    }

    public Optional<MenuItem> block() {
        return Optional.ofNullable(block);
    }

    public void block(MenuItem chosen) {
        block = chosen;
    }

    /** The character's name, once the chain has seen it. */
    public Optional<String> character() {
        return Optional.ofNullable(character);
    }

    public void character(String name) {
        this.character = name;
    }
}
