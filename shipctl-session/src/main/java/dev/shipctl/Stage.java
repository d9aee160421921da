package dev.shipctl;

/**
 * The steps of getting a client into a lobby, in order. Not every flavour goes through every stage: newserv has
 * no ship or block list. Each stage is timed ({@link StageTiming}) and each failure names its stage.
 */
public enum Stage {
    CONNECT("connect", "TCP connect to the login port and the server's 0x03 keys"),
    LOGIN("login", "0x93 login → E6 security data and 0x19 redirect"),
    CHARACTER_TOKEN("character #1", "character server: security token"),
    CHARACTER_SELECT("character #2", "character server: select the character slot"),
    SHIP_LIST("ship list", "character server: ship list (A0) and ship select"),
    SHIP("ship", "ship: block list (07) and block select"),
    BLOCK("block", "block: security check, lobby list, character (E7)"),
    MENU("menu", "main menu (07) and 'Go to lobby' (newserv)"),
    LOBBY("lobby", "player data (61) and lobby join (67)");

    private final String label;
    private final String description;

    Stage(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** A short name for tables and metrics ("character #2"). */
    public String label() {
        return label;
    }

    /** One line saying what happens in this stage. */
    public String description() {
        return description;
    }

    /** A lower-case identifier for JSON and metric labels ("character_select"). */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
