package dev.shipctl.admin;

/** What a ban matches (Tethealla's record types, protocol notes §5.8). */
public enum BanType {
    /** The guild card. */
    GUILD_CARD("ban"),
    /** The IP address the player had: on a shared address (loopback, NAT) this bans everyone behind it. */
    IP("ipban"),
    /** The hardware id the client sent: bots that send the same id are all banned. */
    HARDWARE("hwban");

    private final String verb;

    BanType(String verb) {
        this.verb = verb;
    }

    /** The shipctl verb ("ban", "ipban", "hwban"). */
    public String verb() {
        return verb;
    }
}
