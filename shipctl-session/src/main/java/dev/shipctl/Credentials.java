package dev.shipctl;

import java.util.Objects;

/**
 * A username and password for a Blue Burst account. The password never appears in {@link #toString()}, logs,
 * traces or exception messages; shipctl only ever writes it into the 0x93 login packet of each connection.
 *
 * <p>That packet is <em>obfuscated, not encrypted</em>: the server's first packet (0x03) carries both cipher keys in
 * clear and the key table is public, so anyone who can see the traffic reads the password, on every connection of
 * the login chain. Keep the traffic on loopback or in a tunnel (docs/security.md).
 */
public record Credentials(String username, String password) {
    /** Usernames and passwords travel in 0x30-byte ASCII fields; Tethealla compares 16 characters. */
    public static final int MAX_LENGTH = 16;

    public Credentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        if (username.isEmpty()) throw new IllegalArgumentException("the username is empty");
        if (username.length() > MAX_LENGTH) throw new IllegalArgumentException("usernames have at most 16 characters");
        if (password.length() > MAX_LENGTH) throw new IllegalArgumentException("passwords have at most 16 characters");
        if (!username.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("usernames are printable ASCII without spaces");
        }
        if (!password.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("passwords are printable ASCII");
        }
    }

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=(hidden)]";
    }
}
