package dev.shipctl.sandbox;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.registry.Packets;
import dev.shipctl.protocol.ProtocolException;
import dev.shipctl.protocol.frame.Frame;
import dev.shipctl.protocol.Texts;
import dev.shipctl.protocol.packet.chat.ClientChat;
import dev.shipctl.protocol.packet.chat.ClientSimpleMail;
import dev.shipctl.protocol.packet.chat.ServerSimpleMail;
import dev.shipctl.protocol.packet.chat.SimpleMail;
import dev.shipctl.protocol.packet.lobby.ClientChangeLobby;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.protocol.packet.menu.ClientMenuSelect;
import dev.shipctl.protocol.packet.lobby.ServerPlayerDataRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Tethealla's ship process: the ship port (block list) and the block ports (lobbies, chat, mail, keepalive and
 * GM commands). Called under the server lock.
 */
final class ShipSide implements PortHandler {
    static final String SHIP_BANNED = "You are banned from this ship.";
    static final String DCALL_TEXT = "You were disconnected by a GM...";
    static final String BLOCK_FULL = "Block is full.";

    final Server server;
    private final String shipName;
    private final int blocks;
    // the same bytes for every client: built once (the block list of a 56-block ship is 58 entries of UTF-16 text)
    private final byte[] blockList;
    private final byte[] lobbyList = TethPackets.lobbyList();
    final Lobby[][] lobbies;
    final ShipBans bans;
    final GmCommands commands;
    int event;
    private final Accounts accounts;
    private LocalGms localGms;
    private final Deque<Connection> dcallQueue = new ArrayDeque<>();
    private boolean dcallActive;
    private long lastDcallSecond = Long.MIN_VALUE;

    /** A ship ban record: type 1 guild card, 2 IP, 3 hardware id. */
    record Ban(int guildCard, int type, byte[] ip, byte[] hardwareId) {}

    ShipSide(Server server, Settings settings) {
        this.server = server;
        this.shipName = settings.shipName();
        this.blocks = settings.blocks();
        this.blockList = TethPackets.blockList(shipName, blocks);
        lobbies = new Lobby[blocks + 1][];
        for (int b = 1; b <= blocks; b++) {
            lobbies[b] = new Lobby[TethPackets.LOBBIES];
            for (int i = 0; i < TethPackets.LOBBIES; i++) lobbies[b][i] = new Lobby(b, i);
        }
        bans = new ShipBans(settings.state() == null ? List.of() : settings.state().bans(), server::persist);
        localGms = settings.localGms();
        accounts = settings.accounts();
        commands = new GmCommands(this);
    }

    /** The local GMs as last read. Under the server lock. */
    LocalGms localGms() {
        return localGms;
    }

    /** Re-reads the local GM file, if there is one, keeping the current rights when it cannot be read. Under the server lock. */
    void reloadLocalGms() {
        localGms.source().ifPresent(path -> {
            try {
                localGms = localGms.merge(LocalGms.load(path));
            } catch (IOException e) {
                Server.LOG.warn("could not re-read {}: {}", path, e.getMessage());
            }
        });
    }

    boolean dcallActive() {
        return dcallActive;
    }

    /** Authenticated connections on the ship port and all blocks. */
    List<Connection> shipConnections() {
        return server.connections().onShip();
    }

    /** Players on the ship, as A0 counts them. */
    int population() {
        return server.connections().population();
    }

    @Override
    public void handle(Connection c, Frame frame, LoginGate.Check check) throws ProtocolException {
        Command command = Inbound.command(frame);
        if (!c.authenticated) {
            if (command == Command.CLIENT_LOGIN && !c.sentLogin) {
                c.sentLogin = true;
                login(c, frame, Inbound.decode(frame, ClientLogin.class));
            } else if (command == Command.CLIENT_LOGOUT) {
                c.drop("logout (0x05)");
            }
            return; // before authentication only 0x05 and 0x93 are handled
        }
        switch (command) {
            case CLIENT_PING -> c.lastClientPing = server.instant();
            case CLIENT_LOGOUT -> {
                if (c.role == Role.SHIP) c.drop("logout (0x05)");
            }
            case CLIENT_MENU_SELECT -> {
                if (c.role == Role.SHIP) selectBlock(c, frame);
            }
            case CLIENT_PLAYER_DATA -> {
                if (c.role == Role.BLOCK && c.lobbyEntry.awaitingPlayerData()) joinLobby(c);
            }
            case CLIENT_CHANGE_LOBBY -> {
                if (c.role == Role.BLOCK && c.lobby != null) changeLobby(c, Inbound.decode(frame, ClientChangeLobby.class));
            }
            case CLIENT_CHAT -> {
                if (c.role == Role.BLOCK) chat(c, frame);
            }
            case CLIENT_SIMPLE_MAIL -> {
                if (c.role == Role.BLOCK) mail(c, Inbound.decode(frame, ClientSimpleMail.class));
            }
            case null, default -> otherCommand(c, frame.command());
        }
    }

    /** Ship and block list requests (0xA0, 0xA1), which have no record; every other command is ignored. */
    private void otherCommand(Connection c, int command) {
        switch (command) {
            case TethPackets.SHIP_LIST_REQUEST -> {
                if (c.lobby != null) c.send(TethPackets.shipList(shipName, population()));
            }
            case TethPackets.BLOCK_LIST_REQUEST -> {
                if (c.lobby != null) c.send(blockList);
            }
            default -> { } // unknown commands are ignored on the ship and blocks
        }
    }

    private void login(Connection c, Frame frame, ClientLogin login) {
        LoginStep stage = c.role == Role.SHIP ? LoginStep.SHIP : LoginStep.BLOCK;
        byte[] ip = c.address().getAddress();
        if (bans.hits(login.guildCard(), ip, login.hardwareId())) {
            Server.LOG.info("{} refused: banned from this ship", c);
            server.reject(c, stage, login.username(), SHIP_BANNED);
            return;
        }
        SecurityRecord record = server.loginPort.record(login.guildCard());
        if (record == null || record.token != login.securityToken() || !record.configMatches(login.clientConfig())) {
            Server.LOG.info("{} refused: security violation", c);
            server.reject(c, stage, login.username(), Refusals.SECURITY);
            return;
        }
        if (login.phase() < 5) {
            server.reject(c, stage, login.username(), Refusals.SYNC);
            return;
        }
        if (server.failures.apply(c, stage, login.username())) return;
        c.authenticated = true;
        c.record = record;
        server.connections().identify(c, record.guildCard);
        c.gm = record.gm;
        c.account = accounts.byGuildCard(record.guildCard).orElse(null);
        c.hardwareId = login.hardwareId();
        c.send(TethPackets.securityData(record.guildCard, record.token, record.sixtyfour));
        String user = c.account == null ? "" : c.account.user();
        if (c.role == Role.SHIP) {
            c.send(blockList);
        } else {
            c.send(lobbyList);
            StoredCharacter[] slots = server.characters.existingSlots(record.guildCard);
            int slot = Math.max(record.slot, 0);
            c.character = slots == null ? null : slots[slot];
            if (c.character != null) {
                c.send(Packets.encode(c.character.full()));
                c.send(Packets.encode(new ServerPlayerDataRequest()));
                c.lobbyEntry.awaitPlayerData();
            }
        }
        server.events.publish(new SandboxEvent.LoginAccepted(c.id, stage, user, record.guildCard));
    }

    private void selectBlock(Connection c, Frame frame) throws ProtocolException {
        if (frame.size() < ClientMenuSelect.SIZE) return; // shorter ones are ignored, not refused
        int item = Inbound.decode(frame, ClientMenuSelect.class).itemId();
        if (item >>> 24 == 0xEF) {
            int n = 0x100 - (item & 0xFF);
            if (n < 1 || n > blocks) return;
            if (server.connections().populationOf(n) >= Sandbox.PLAYERS_PER_BLOCK) {
                // as Tethealla: a message box and the block list again (two clients choosing at once may both pass)
                c.send(TethPackets.lobbyMessage(BLOCK_FULL));
                c.send(blockList);
                return;
            }
            c.send(server.redirect(Role.BLOCK, n - 1));
        }
        // "Ship Select" (0xFFFFFF00): what Tethealla answers was never observed; the sandbox ignores it
    }

    private void joinLobby(Connection c) {
        if (server.failures.apply(c, LoginStep.LOBBY, c.account == null ? "" : c.account.user())) {
            c.lobbyEntry.stopWaiting();
            return;
        }
        Lobby target = null;
        int requested = c.lobbyEntry.requestedLobby();
        if (requested >= 0 && !lobbies[c.block][requested].full()) target = lobbies[c.block][requested];
        for (int i = 0; target == null && i < TethPackets.LOBBIES; i++) {
            if (!lobbies[c.block][i].full()) target = lobbies[c.block][i];
        }
        if (target == null) {
            c.send(TethPackets.lobbyMessage("Lobby is full!"));
            return;
        }
        c.lobbyEntry.entered();
        c.clientId = target.add(c);
        c.lobby = target;
        List<TethPackets.Member> members = target.members().stream().map(this::member).toList();
        c.send(TethPackets.lobbyJoin(false, c.clientId, target.index, c.block, event, members));
        c.send(TethPackets.questFlags());
        byte[] add = TethPackets.lobbyJoin(true, c.clientId, target.index, c.block, event, List.of(member(c)));
        for (Connection other : target.members()) if (other != c) other.send(add);
        Server.LOG.info("{} entered block {} lobby {}", c, c.block, target.index + 1);
        server.events.publish(new SandboxEvent.ReachedLobby(c.id, c.guildCard, c.character.name(), c.block, target.index + 1));
    }

    private TethPackets.Member member(Connection c) {
        int colour = c.gm ? TethPackets.GM_COLOUR
                : localGms().isLocalGm(c.guildCard) ? TethPackets.LOCAL_GM_COLOUR : TethPackets.PLAYER_COLOUR;
        return new TethPackets.Member(c.guildCard, c.clientId, c.character, colour);
    }

    private void changeLobby(Connection c, ClientChangeLobby change) {
        long now = server.now();
        if (!c.lobbyChangeLimit.allow(now)) {
            c.send(TethPackets.lobbyMessage("You must wait\nawhile before\ntrying that."));
            return;
        }
        int index = change.lobbyId();
        if (index < 0 || index >= TethPackets.LOBBIES) return;
        if (lobbies[c.block][index].full()) {
            c.send(TethPackets.lobbyMessage("Lobby is full!"));
            return;
        }
        leaveLobby(c);
        c.lobbyEntry.awaitPlayerData(index);
        c.send(Packets.encode(new ServerPlayerDataRequest()));
    }

    /** Called when a connection ends: leaves its lobby. */
    void left(Connection c) {
        leaveLobby(c);
        dcallQueue.remove(c);
    }

    private void leaveLobby(Connection c) {
        Lobby lobby = c.lobby;
        if (lobby == null) return;
        lobby.remove(c);
        c.lobby = null;
        byte[] remove = TethPackets.lobbyRemove(c.clientId);
        for (Connection other : lobby.members()) other.send(remove);
        server.events.publish(new SandboxEvent.LeftLobby(c.id, c.guildCard, lobby.block, lobby.index + 1));
        c.clientId = -1;
    }

    // ---------------------------------------------------------------- chat and mail

    /**
     * A 0x06 line, decoded as {@link ClientChat}. Tethealla ignores lines above {@link ClientChat#TETHEALLA_MAX_SIZE}
     * or too short to hold a command; it takes a line whose text (after the language marker) starts with one
     * {@code '/'} as a command, read as the low byte of each character up to the first whose low byte is 0.
     */
    private void chat(Connection c, Frame frame) throws ProtocolException {
        if (frame.size() > ClientChat.TETHEALLA_MAX_SIZE || frame.size() < 0x14 || c.lobby == null) return; // ignored silently
        String text = Inbound.decode(frame, ClientChat.class).text();
        if (!c.chatLimit.allow(server.now())) {
            server.events.publish(new SandboxEvent.ChatDropped(c.id, c.guildCard, text));
            return;
        }
        if (text.startsWith("/") && !text.startsWith("//")) {
            commands.run(c, lowBytes(text));
            return;
        }
        if (commands.muted(c.guildCard)) return;
        String relayed = Texts.ENGLISH + text.replace('\t', ' ').replace('\n', ' ');
        byte[] relay = TethPackets.chat(c.clientId, c.guildCard, c.character.chatName(), relayed);
        for (Connection member : c.lobby.members()) member.send(relay);
        server.events.publish(new SandboxEvent.ChatRelayed(c.id, c.guildCard, text));
    }

    private void mail(Connection c, ClientSimpleMail mail) {
        if (c.announcement.spend()) {
            String text = mail.mail().text().replace('$', '\t');
            String name = c.character == null ? "" : c.character.name();
            announce(c, "[GM]" + name + ": " + text);
            return;
        }
        long now = server.now();
        if (!c.mailLimit.allow(now)) return;
        SimpleMail m = mail.mail();
        String name = c.character == null ? "" : c.character.name();
        byte[] out = Packets.encode(new ServerSimpleMail(new SimpleMail(c.guildCard, name, m.toGuildCard(), m.date(), m.text())));
        for (Connection target : shipConnections()) {
            if (target.role == Role.BLOCK && target.guildCard == m.toGuildCard()) target.send(out);
        }
    }

    /**
     * EE to every authenticated connection on the ship, the sender included. The event is published first: the sender
     * takes its own EE as the proof, and may be done before a later event would be in the history.
     */
    void announce(Connection from, String text) {
        server.events.publish(new SandboxEvent.Announced(from.id, from.guildCard, text));
        byte[] packet = TethPackets.broadcast(text);
        for (Connection c : shipConnections()) c.send(packet);
        Server.LOG.info("{} announced: {}", from, text);
    }

    /** Tethealla's command text: the low byte of each character, up to the first whose low byte is 0. */
    static String lowBytes(String text) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < text.length() && (text.charAt(i) & 0xFF) != 0; i++) sb.append((char) (text.charAt(i) & 0xFF));
        return sb.toString();
    }

    // ---------------------------------------------------------------- dcall

    void startDcall() {
        dcallActive = true;
        dcallQueue.clear();
        dcallQueue.addAll(shipConnections());
    }

    void tick(Instant now) {
        if (!dcallActive) return;
        long second = now.getEpochSecond();
        if (second == lastDcallSecond) return;
        lastDcallSecond = second;
        Connection next;
        while ((next = dcallQueue.poll()) != null && next.closing()) {
            // skip connections that are gone already
        }
        if (next == null) {
            dcallActive = false;
            return;
        }
        next.sendAndClose(TethPackets.messageBox(DCALL_TEXT), "disconnected by /dcall");
    }
}
