package dev.shipctl;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * What a full login leaves behind that lets the next one go straight to the block (the fast path): the security
 * data of the last E6 (guild card, token, client config) and where the chain went (ship and block, with their
 * addresses). A Tethealla-family server accepts it with empty credentials until the account's next login on its
 * login port; after that the block answers "Security violation." and {@link ShipClient#connect} takes the whole
 * chain instead (protocol notes §3.4).
 *
 * <p><b>A ticket is a credential</b>: whoever holds it can enter the block as this account until its next login.
 * Keep it private; {@link #toString()} leaves the token and config out.
 *
 * @param flavour the family that issued it ({@link ServerFlavour#name()})
 * @param host the login server it came from
 * @param port the login port it came from
 * @param username the account (never the password)
 * @param slot the character slot
 * @param guildCard the guild card of the last E6
 * @param securityToken the token of the last E6
 * @param clientConfig the 0x28-byte client config of the last E6
 * @param ship the ship joined
 * @param block the block joined
 */
public record ResumeTicket(String flavour, String host, int port, String username, int slot, int guildCard,
                           int securityToken, byte[] clientConfig, Hop ship, Hop block) {
    /** The size of a 0x93's client config. */
    public static final int CONFIG_SIZE = 0x28;

    /**
     * One step of the chain: the menu entry chosen, its 1-based place in the list, and the address its 0x19 named.
     *
     * @param number the entry's 1-based place in the server's list (what {@code --block 2} names)
     */
    public record Hop(MenuItem item, int number, String host, int port) {
        public Hop {
            Objects.requireNonNull(item, "item");
            Objects.requireNonNull(host, "host");
            if (number < 1) throw new IllegalArgumentException("menu numbers start at 1");
            checkPort(port);
        }

        // written out, as MenuItem's, so that comparing two tickets bootstraps nothing at run time
        @Override
        public boolean equals(Object o) {
            return o instanceof Hop h && item.equals(h.item) && number == h.number && host.equals(h.host) && port == h.port;
        }

        @Override
        public int hashCode() {
            return Objects.hash(item, number, host, port);
        }

        /** Whether a choice as {@link ShipClient#ship()} takes it (empty: the first; a number; a name) picks this hop. */
        public boolean chosenBy(Optional<String> choice) {
            if (choice.isEmpty()) return number == 1;
            String c = choice.get().strip();
            if (c.matches("\\d{1,9}")) return Integer.parseInt(c) == number;
            return item.name().equalsIgnoreCase(c);
        }
    }

    public ResumeTicket {
        Objects.requireNonNull(flavour, "flavour");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(ship, "ship");
        Objects.requireNonNull(block, "block");
        checkPort(port);
        if (slot < 0 || slot > 3) throw new IllegalArgumentException("character slots are 0 to 3");
        if (clientConfig == null || clientConfig.length != CONFIG_SIZE) {
            throw new IllegalArgumentException("a client config has " + CONFIG_SIZE + " bytes");
        }
        clientConfig = clientConfig.clone();
    }

    /** A copy of the client config. */
    @Override
    public byte[] clientConfig() {
        return clientConfig.clone();
    }

    /**
     * Why this ticket cannot take {@code client} and {@code username} where they ask to go, or empty when it can:
     * another server, account, slot, ship or block than the one it was issued for, or another forced flavour.
     */
    public Optional<String> mismatch(ShipClient client, String username) {
        if (!host.equalsIgnoreCase(client.host()) || port != client.port()) return Optional.of("it is for another server");
        if (!this.username.equals(username)) return Optional.of("it is for another account");
        if (client.flavour().isPresent() && !client.flavour().get().name().equals(flavour)) {
            return Optional.of("it is for a " + flavour + " server");
        }
        if (slot != client.slot()) return Optional.of("it is for character slot " + slot);
        if (!ship.chosenBy(client.ship())) return Optional.of("it is for ship " + ship.item().name());
        if (!block.chosenBy(client.block())) return Optional.of("it is for block " + block.item().name());
        return Optional.empty();
    }

    /** The client config as hex, for storing the ticket. */
    public String clientConfigHex() {
        return HexFormat.of().formatHex(clientConfig);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResumeTicket t && flavour.equals(t.flavour) && host.equals(t.host) && port == t.port
                && username.equals(t.username) && slot == t.slot && guildCard == t.guildCard
                && securityToken == t.securityToken && Arrays.equals(clientConfig, t.clientConfig)
                && ship.equals(t.ship) && block.equals(t.block);
    }

    @Override
    public int hashCode() {
        return Objects.hash(flavour, host, port, username, slot, guildCard, securityToken, Arrays.hashCode(clientConfig), ship, block);
    }

    /** Names the account and the block, never the token or the config. */
    @Override
    public String toString() {
        return "ResumeTicket[" + username + "@" + host + ":" + port + ", " + flavour + ", slot " + slot + ", guild card "
                + Integer.toUnsignedString(guildCard) + ", " + ship.item().name() + " / " + block.item().name()
                + " at " + block.host() + ":" + block.port() + "]";
    }

    private static void checkPort(int port) {
        if (port < 1 || port > 65535) throw new IllegalArgumentException("port " + port + " is not between 1 and 65535");
    }
}
