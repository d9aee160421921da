package dev.shipctl.sandbox;

import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.Packets;
import dev.shipctl.protocol.ProtocolException;
import dev.shipctl.protocol.frame.Frame;
import dev.shipctl.protocol.packet.chat.ClientSimpleMail;
import dev.shipctl.protocol.packet.chat.ServerSimpleMail;
import dev.shipctl.protocol.packet.chat.SimpleMail;
import dev.shipctl.protocol.packet.lobby.ClientChangeLobby;
import dev.shipctl.protocol.packet.login.ClientLogin;
import dev.shipctl.protocol.packet.menu.ClientMenuSelect;
import dev.shipctl.protocol.packet.lobby.ServerPlayerDataRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

    final Server server;
    final Lobby[][] lobbies;
    final ShipBans bans;
    final GmCommands commands;
    int event;
    private LocalGms localGms;
    private final Deque<Connection> dcallQueue = new ArrayDeque<>();
    private boolean dcallActive;
    private long lastDcallSecond = Long.MIN_VALUE;

    /** A ship ban record: type 1 guild card, 2 IP, 3 hardware id. */
    record Ban(int guildCard, int type, byte[] ip, byte[] hardwareId) {}

    ShipSide(Server server) {
        this.server = server;
        int blocks = server.settings.blocks();
        lobbies = new Lobby[blocks + 1][];
        for (int b = 1; b <= blocks; b++) {
            lobbies[b] = new Lobby[TethPackets.LOBBIES];
            for (int i = 0; i < TethPackets.LOBBIES; i++) lobbies[b][i] = new Lobby(b, i);
        }
        bans = new ShipBans(server.settings.state() == null ? List.of() : server.settings.state().bans(), server::persist);
        localGms = server.settings.localGms();
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
        return server.connections.values().stream().filter(c -> c.role.shipSide() && c.authenticated && !c.closing()).toList();
    }

    /** Players on the ship, as A0 counts them. */
    int population() {
        return (int) server.connections.values().stream().filter(c -> c.role == Role.BLOCK && c.authenticated && !c.closing()).count();
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
                if (c.role == Role.BLOCK) mail(c, Inbound.decode(frame, ClientSimpleMail.class), frame);
            }
            case null, default -> otherCommand(c, frame.command());
        }
    }

    /** Ship and block list requests (0xA0, 0xA1), which have no record; every other command is ignored. */
    private void otherCommand(Connection c, int command) {
        switch (command) {
            case TethPackets.SHIP_LIST_REQUEST -> {
                if (c.lobby != null) c.send(TethPackets.shipList(server.settings.shipName(), population()));
            }
            case TethPackets.BLOCK_LIST_REQUEST -> {
                if (c.lobby != null) c.send(TethPackets.blockList(server.settings.shipName(), server.settings.blocks()));
            }
            default -> { } // unknown commands are ignored on the ship and blocks
        }
    }

    private void login(Connection c, Frame frame, ClientLogin login) {
        Stage stage = c.role == Role.SHIP ? Stage.SHIP : Stage.BLOCK;
        byte[] ip = c.address().getAddress();
        if (bans.hits(login.guildCard(), ip, login.hardwareId())) {
            Server.LOG.info("{} refused: banned from this ship", c.describe());
            server.reject(c, stage, login.username(), SHIP_BANNED);
            return;
        }
        SecurityRecord record = server.loginPort.record(login.guildCard());
        if (record == null || record.token != login.securityToken() || !record.configMatches(login.clientConfig())) {
            Server.LOG.info("{} refused: security violation", c.describe());
            server.reject(c, stage, login.username(), Server.SECURITY);
            return;
        }
        if (login.phase() < 5) {
            server.reject(c, stage, login.username(), Server.SYNC);
            return;
        }
        if (server.failures.apply(c, stage, login.username())) return;
        c.authenticated = true;
        c.record = record;
        c.guildCard = record.guildCard;
        c.gm = record.gm;
        c.account = server.settings.accounts().byGuildCard(record.guildCard).orElse(null);
        c.hardwareId = login.hardwareId();
        c.send(TethPackets.securityData(record.guildCard, record.token, record.sixtyfour));
        String user = c.account == null ? "" : c.account.user();
        if (c.role == Role.SHIP) {
            c.send(TethPackets.blockList(server.settings.shipName(), server.settings.blocks()));
        } else {
            c.send(TethPackets.lobbyList());
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
            if (n >= 1 && n <= server.settings.blocks()) c.send(server.redirect(Role.BLOCK, n - 1));
        }
        // "Ship Select" (0xFFFFFF00): what Tethealla answers was never observed; the sandbox ignores it
    }

    private void joinLobby(Connection c) {
        if (server.failures.apply(c, Stage.LOBBY, c.account == null ? "" : c.account.user())) {
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
        Server.LOG.info("{} entered block {} lobby {}", c.describe(), c.block, target.index + 1);
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

    private void chat(Connection c, Frame frame) {
        if (frame.size() > 0x100 || frame.size() < 0x14 || c.lobby == null) return; // Tethealla ignores these silently
        byte[] d = frame.data();
        long now = server.now();
        String shown = utf16(d, 0x10, frame.size());
        if (!c.chatLimit.allow(now)) {
            server.events.publish(new SandboxEvent.ChatDropped(c.id, c.guildCard, shown));
            return;
        }
        int u14 = frame.size() >= 0x16 ? (d[0x14] & 0xFF) | (d[0x15] & 0xFF) << 8 : 0;
        int u16 = frame.size() >= 0x18 ? (d[0x16] & 0xFF) | (d[0x17] & 0xFF) << 8 : 0;
        if (u14 == '/' && u16 != '/') {
            commands.run(c, asciiLowBytes(d, 0x14, frame.size()));
            return;
        }
        if (commands.muted(c.guildCard)) return;
        StringBuilder text = new StringBuilder("\t");
        for (char ch : utf16(d, 0x12, frame.size()).toCharArray()) text.append(ch == '\t' || ch == '\n' ? ' ' : ch);
        byte[] relay = TethPackets.chat(c.clientId, c.guildCard, c.character.chatName(), text.toString());
        for (Connection member : c.lobby.members()) member.send(relay);
        server.events.publish(new SandboxEvent.ChatRelayed(c.id, c.guildCard, dev.shipctl.protocol.packet.Texts.stripMarker(shown)));
    }

    private void mail(Connection c, ClientSimpleMail mail, Frame frame) {
        if (c.announcement.spend()) {
            String text = utf16(frame.data(), 0x60, frame.size()).replace('$', '\t');
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

    /** EE to every authenticated connection on the ship, the sender included. */
    void announce(Connection from, String text) {
        byte[] packet = TethPackets.broadcast(text);
        for (Connection c : shipConnections()) c.send(packet);
        Server.LOG.info("{} announced: {}", from.describe(), text);
        server.events.publish(new SandboxEvent.Announced(from.id, from.guildCard, text));
    }

    static String utf16(byte[] d, int from, int size) {
        int end = from;
        while (end + 1 < size && (d[end] != 0 || d[end + 1] != 0)) end += 2;
        return from >= size ? "" : new String(d, from, end - from, StandardCharsets.UTF_16LE);
    }

    /** Tethealla's command text: the low byte of each unit, up to the first unit whose low byte is 0. */
    static String asciiLowBytes(byte[] d, int from, int size) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i + 1 < size && d[i] != 0; i += 2) sb.append((char) (d[i] & 0xFF));
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
