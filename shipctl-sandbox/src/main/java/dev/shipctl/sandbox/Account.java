package dev.shipctl.sandbox;

import java.util.Objects;

/**
 * One sandbox account: login name, password check, guild card, global-GM flag, the character in slot 0 and
 * the account-level ban flag (Tethealla's {@code isbanned}: "You are banned from this server." at login).
 *
 * @param user          login name, at most 16 ASCII characters
 * @param password      the password check; {@link #toString()} never shows it
 * @param guildCard     the guild card number (unique per sandbox)
 * @param gm            global GM (Tethealla's {@code isgm})
 * @param character     the name of the character in slot 0 (at most 10 characters are shown in the game)
 * @param banned        refused at the login port
 */
public record Account(String user, Password password, int guildCard, boolean gm, String character, boolean banned) {
    public Account {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(character, "character");
        if (user.isEmpty() || user.length() > 16 || !user.chars().allMatch(c -> c > 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException("user must be 1 to 16 printable ASCII characters: " + user);
        }
        if (character.isEmpty() || character.length() > 12) {
            throw new IllegalArgumentException("character name must be 1 to 12 characters: " + character);
        }
    }

    @Override
    public String toString() {
        return "Account[user=%s, guild_card=%d, gm=%s, character=%s, banned=%s]"
                .formatted(user, Integer.toUnsignedLong(guildCard), gm, character, banned);
    }
}
