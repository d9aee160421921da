package dev.shipctl.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The command table: every command number shipctl knows, per direction, with its meaning. Numbers are written
 * out (not derived from order) and checked unique per direction when the class loads. Layouts are documented on
 * the packet records; protocol-notes.md (§ in brackets) has the facts behind them.
 */
public enum Command {
    // Connection set-up and login chain (§2, §3)
    SERVER_INIT(0x03, Direction.SERVER, "cipher keys; the first packet on every connection, unencrypted"),
    CLIENT_LOGIN(0x93, Direction.CLIENT, "log in: credentials, connection phase, security token, client config"),
    SERVER_SECURITY_DATA(0xE6, Direction.SERVER, "login accepted (or newserv error code): guild card, token, config"),
    SERVER_REDIRECT(0x19, Direction.SERVER, "connect to this address and port next"),
    SERVER_MESSAGE_BOX(0x1A, Direction.SERVER, "message box, usually just before the server disconnects"),
    SERVER_TIME(0xB1, Direction.SERVER, "server time, informational"),
    CLIENT_LOGOUT(0x05, Direction.CLIENT, "polite logout"),
    // Character server (§3.5)
    CLIENT_REQUEST_SYSTEM_FILE(0xE0, Direction.CLIENT, "request the system file and team data"),
    SERVER_SYSTEM_FILE(0xE2, Direction.SERVER, "system file and team data"),
    CLIENT_CHARACTER_SELECT(0xE3, Direction.CLIENT, "preview (0) or select (1) a character slot"),
    SERVER_CHARACTER_ACK(0xE4, Direction.SERVER, "character slot result: 0 created, 1 selected, 2 empty"),
    CLIENT_CREATE_CHARACTER(0xE5, Direction.CLIENT, "create a character in a slot"),
    SERVER_CHARACTER_PREVIEW(0xE5, Direction.SERVER, "preview of the character in a slot"),
    // Menus (§3.6, §3.7)
    SERVER_SHIP_LIST(0xA0, Direction.SERVER, "ship list with player counts in the names"),
    SERVER_MENU(0x07, Direction.SERVER, "menu: Tethealla's block list, newserv's main menu"),
    CLIENT_MENU_SELECT(0x10, Direction.CLIENT, "choose a menu item (ship, block, lobby)"),
    SERVER_LOBBY_LIST(0x83, Direction.SERVER, "the lobbies of a block (newserv: with player counts)"),
    // Lobby entry and membership (§3.6)
    SERVER_FULL_CHARACTER(0xE7, Direction.SERVER, "the whole saved character"),
    SERVER_PLAYER_DATA_REQUEST(0x95, Direction.SERVER, "asks the client for its player data (answer 0x61)"),
    CLIENT_PLAYER_DATA(0x61, Direction.CLIENT, "player data, answering 0x95"),
    SERVER_LOBBY_JOIN(0x67, Direction.SERVER, "you joined a lobby: everyone in it"),
    SERVER_LOBBY_ADD_PLAYER(0x68, Direction.SERVER, "a player joined your lobby"),
    SERVER_LOBBY_REMOVE_PLAYER(0x69, Direction.SERVER, "a player left your lobby"),
    CLIENT_CHANGE_LOBBY(0x84, Direction.CLIENT, "move to another lobby of the block"),
    SERVER_LOBBY_EVENT(0xDA, Direction.SERVER, "lobby event changed (flag = event number)"),
    // Keepalive (§4)
    CLIENT_PING(0x1D, Direction.CLIENT, "keepalive from the client (answers a server ping)"),
    SERVER_PING(0x1D, Direction.SERVER, "keepalive from the server"),
    // Chat, replies, mail (§5)
    CLIENT_CHAT(0x06, Direction.CLIENT, "chat line or chat command"),
    SERVER_CHAT(0x06, Direction.SERVER, "chat line relayed to the lobby"),
    SERVER_TEXT_MESSAGE(0xB0, Direction.SERVER, "text message: command replies"),
    SERVER_LOBBY_MESSAGE(0x01, Direction.SERVER, "lobby message box (cooldown, full lobby or block)"),
    SERVER_SHIP_INFO(0x11, Direction.SERVER, "ship info text (newserv)"),
    CLIENT_SIMPLE_MAIL(0x81, Direction.CLIENT, "simple mail (in announce mode: the announcement)"),
    SERVER_SIMPLE_MAIL(0x81, Direction.SERVER, "simple mail delivered to you"),
    SERVER_BROADCAST(0xEE, Direction.SERVER, "scrolling message: announcements, welcome text");

    private static final Map<Integer, Command> FROM_CLIENT = new HashMap<>();
    private static final Map<Integer, Command> FROM_SERVER = new HashMap<>();

    static {
        for (Command c : values()) {
            Map<Integer, Command> table = c.direction == Direction.CLIENT ? FROM_CLIENT : FROM_SERVER;
            Command clash = table.putIfAbsent(c.code, c);
            if (clash != null) {
                throw new ExceptionInInitializerError("command " + Hex.command(c.code) + " is listed twice: " + clash + ", " + c);
            }
        }
    }

    private final int code;
    private final Direction direction;
    private final String meaning;

    Command(int code, Direction direction, String meaning) {
        this.code = code;
        this.direction = direction;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }

    public Direction direction() {
        return direction;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<Command> find(Direction sender, int code) {
        return Optional.ofNullable((sender == Direction.CLIENT ? FROM_CLIENT : FROM_SERVER).get(code));
    }

    @Override
    public String toString() {
        return name() + "(" + Hex.command(code) + ")";
    }
}
