package dev.shipctl;

import dev.shipctl.protocol.packet.login.ServerInit;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * A server family as users of the API see it: its name, the character its chat commands start with, its chat
 * cooldown and chat packet limit, how its 0x03 identifies it, how it words a takeover of the account by
 * another login, what a lobby member's name colour says of their role, and whether (and how often) a session can
 * change lobbies. Ask it rather than testing a family's name. An immutable value; two flavours are equal when
 * their names are.
 *
 * <p>The families the library speaks are {@link #all()} (Tethealla and newserv). Each is one internal plug-in —
 * its login chain, its lobby menu and its administration — registered under its flavour; see
 * docs/architecture.md. {@link #builder} is how a plug-in describes its family: a flavour built by anyone else
 * names a family, and {@link ShipClient#connect} uses the library's family of that name (or refuses an unknown one).
 */
public final class ServerFlavour {
    private final String name;
    private final char commandPrefix;
    private final Duration chatCooldown;
    private final int maxChatPacket;
    private final BiPredicate<ServerInit, Integer> recognises;
    private final Predicate<String> takenOver;
    private final IntFunction<Player.Role> roles;
    private final Duration lobbyChangeCooldown;

    private ServerFlavour(Builder b) {
        this.name = b.name;
        this.commandPrefix = b.commandPrefix;
        this.chatCooldown = b.chatCooldown;
        this.maxChatPacket = b.maxChatPacket;
        this.recognises = b.recognises;
        this.takenOver = b.takenOver;
        this.roles = b.roles;
        this.lobbyChangeCooldown = b.lobbyChangeCooldown;
    }

    /** Starts describing a family called {@code name} (lower case, as users type it in {@code --flavour}). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** "tethealla" or "newserv": the name users type in {@code --flavour}. */
    public String name() {
        return name;
    }

    /** The character that starts a chat command ("/" on Tethealla, "$" on newserv). */
    public char commandPrefix() {
        return commandPrefix;
    }

    /** The least time between two chat packets so none is dropped by the server's cooldown. */
    public Duration chatCooldown() {
        return chatCooldown;
    }

    /** The largest chat packet (0x06) the server accepts; longer lines are refused before sending. */
    public int maxChatPacket() {
        return maxChatPacket;
    }

    /** Whether this family sends such a 0x03 (size and banner identify the family, protocol notes §2.1). */
    public boolean recognises(ServerInit init, int size) {
        return recognises.test(init, size);
    }

    /**
     * Whether a disconnect reason says another login of the same account took the session over (Tethealla allows
     * one session per account and kicks the older one). Reconnecting then would kick the other session in turn.
     */
    public boolean replacedByAnotherLogin(String disconnectReason) {
        return takenOver.test(disconnectReason);
    }

    /**
     * The standing a lobby member's name colour shows on this family's servers (Tethealla colours GMs and local
     * GMs); {@link Player.Role#PLAYER} for every colour on a family that shows none.
     */
    public Player.Role roleOf(int nameColor) {
        return roles.apply(nameColor);
    }

    /**
     * Whether the library can move a session of this family to another lobby ({@link Session#changeLobby}), and so
     * walk the lobbies of a block ({@code dev.shipctl.check.LobbyWalk}).
     */
    public boolean changesLobbies() {
        return lobbyChangeCooldown != null;
    }

    /**
     * The least time between two lobby changes the server accepts (Tethealla: one per wall-clock second), or empty
     * when the family {@linkplain #changesLobbies() changes no lobbies}.
     */
    public Optional<Duration> lobbyChangeCooldown() {
        return Optional.ofNullable(lobbyChangeCooldown);
    }

    /** The families the library speaks, the one detection falls back to first. */
    public static List<ServerFlavour> all() {
        return Implementation.sessions().flavours();
    }

    /** The family called {@code name}, case-insensitively. */
    public static Optional<ServerFlavour> named(String name) {
        return all().stream().filter(f -> f.name.equalsIgnoreCase(name)).findFirst();
    }

    /** The family a 0x03 packet identifies; the first of {@link #all()} (Tethealla) when none does. */
    public static ServerFlavour detect(ServerInit init, int size) {
        List<ServerFlavour> all = all();
        return all.stream().filter(f -> f.recognises(init, size)).findFirst().orElse(all.getFirst());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerFlavour f && f.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }

    /** Describes a family; every setting but the name has a default that suits no real server, so set them all. */
    public static final class Builder {
        private final String name;
        private char commandPrefix = '/';
        private Duration chatCooldown = Duration.ofSeconds(1);
        private int maxChatPacket = 0x100;
        private BiPredicate<ServerInit, Integer> recognises = (init, size) -> false;
        private Predicate<String> takenOver = reason -> false;
        private IntFunction<Player.Role> roles = colour -> Player.Role.PLAYER;
        private Duration lobbyChangeCooldown;

        private Builder(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank() || !name.equals(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("a flavour's name is a lower-case word: '" + name + "'");
            }
            this.name = name;
        }

        public Builder commandPrefix(char prefix) {
            this.commandPrefix = prefix;
            return this;
        }

        public Builder chatCooldown(Duration cooldown) {
            if (cooldown.isNegative()) throw new IllegalArgumentException("the chat cooldown must not be negative");
            this.chatCooldown = cooldown;
            return this;
        }

        public Builder maxChatPacket(int bytes) {
            if (bytes < 0x20 || bytes > 0xFFFF) throw new IllegalArgumentException("a chat packet limit of " + bytes + " bytes makes no sense");
            this.maxChatPacket = bytes;
            return this;
        }

        /** How the family's 0x03 looks: {@code (packet, size) -> true} for this family's (default: never). */
        public Builder recognisedBy(BiPredicate<ServerInit, Integer> test) {
            this.recognises = Objects.requireNonNull(test);
            return this;
        }

        /** Which disconnect reasons mean another login took the account over (default: none). */
        public Builder takenOverWhen(Predicate<String> reason) {
            this.takenOver = Objects.requireNonNull(reason);
            return this;
        }

        /** How a lobby member's name colour shows their standing (default: it shows none, everyone is a player). */
        public Builder rolesByNameColour(IntFunction<Player.Role> roles) {
            this.roles = Objects.requireNonNull(roles);
            return this;
        }

        /**
         * The family's sessions can change lobbies, at most one change per {@code cooldown} (default: they cannot).
         * The family's plug-in must then give the lobby change packet.
         */
        public Builder lobbyChanges(Duration cooldown) {
            if (cooldown.isNegative()) throw new IllegalArgumentException("the lobby change cooldown must not be negative");
            this.lobbyChangeCooldown = cooldown;
            return this;
        }

        public ServerFlavour build() {
            return new ServerFlavour(this);
        }
    }
}
