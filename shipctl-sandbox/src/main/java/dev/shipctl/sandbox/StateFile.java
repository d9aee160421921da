package dev.shipctl.sandbox;

import dev.shipctl.protocol.Hex;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the sandbox keeps across restarts when given a state file, as Tethealla keeps its ship bans in a file and
 * its characters in a database: ship bans ({@code /ban}, {@code /ipban}, {@code /hwban}) and characters created
 * over the character server. Security records and connections are per run, as on Tethealla.
 *
 * <p>JSON, written whole to a temporary file beside it and moved into place after every change and at close, so a
 * crash leaves the previous or the new version, never half of one:
 * <pre>{@code
 * {
 *   "format" : "shipctl-sandbox-state 1",
 *   "bans" : [ { "guild_card" : 42000002, "type" : "ip", "ip" : "127.0.0.1", "hardware_id" : "0000000000000000" } ],
 *   "characters" : [ { "guild_card" : 42000002, "slot" : 1, "name" : "Newbie", "class" : 3, "section_id" : 4 } ]
 * }
 * }</pre>
 */
final class StateFile {
    static final String FORMAT = "shipctl-sandbox-state 1";
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path path;
    private final List<ShipSide.Ban> bans;
    private final List<SavedCharacter> characters;

    private StateFile(Path path, List<ShipSide.Ban> bans, List<SavedCharacter> characters) {
        this.path = path;
        this.bans = bans;
        this.characters = characters;
    }

    /** A created character: the account, the slot and what the client chose. */
    record SavedCharacter(int guildCard, int slot, String name, int characterClass, int sectionId) {}

    /**
     * Reads {@code path}; a file that does not exist yet is an empty state (it is created at the first change).
     *
     * @throws IOException the file cannot be read, or is not a state file (the message says where)
     */
    static StateFile read(Path path) throws IOException {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            return new StateFile(path, List.of(), List.of());
        }
        Json json;
        try {
            json = MAPPER.readValue(text, Json.class);
        } catch (JacksonException e) {
            throw new IOException(path + " is not a sandbox state file: " + e.getOriginalMessage(), e);
        }
        if (json == null || !FORMAT.equals(json.format())) {
            throw new IOException(path + " is not a sandbox state file (no \"format\": \"" + FORMAT + "\")");
        }
        List<ShipSide.Ban> bans = new ArrayList<>();
        for (BanJson b : nonNull(json.bans())) {
            int type = switch (String.valueOf(b.type())) {
                case "guild_card" -> 1;
                case "ip" -> 2;
                case "hardware" -> 3;
                default -> throw new IOException(path + ": ban type \"" + b.type() + "\" (guild_card, ip or hardware)");
            };
            byte[] hardwareId = b.hardwareId() == null ? new byte[8] : parseHex(path, b.hardwareId());
            bans.add(new ShipSide.Ban(guildCard(path, b.guildCard()), type, ipv4(path, b.ip()), hardwareId));
        }
        List<SavedCharacter> characters = new ArrayList<>();
        for (CharacterJson c : nonNull(json.characters())) {
            if (c.slot() < 0 || c.slot() > 3 || c.characterClass() < 0 || c.characterClass() >= 12 || c.name() == null
                    || c.name().isEmpty() || c.name().length() > 12) {
                throw new IOException(path + ": character " + c + " (slot 0-3, class 0-11, a name of 1-12 characters)");
            }
            characters.add(new SavedCharacter(guildCard(path, c.guildCard()), c.slot(), c.name(), c.characterClass(), c.sectionId()));
        }
        return new StateFile(path, List.copyOf(bans), List.copyOf(characters));
    }

    Path path() {
        return path;
    }

    List<ShipSide.Ban> bans() {
        return bans;
    }

    List<SavedCharacter> characters() {
        return characters;
    }

    /** Writes the state to {@code path} atomically (a temporary file in the same folder, then a move). */
    static void write(Path path, List<ShipSide.Ban> bans, List<SavedCharacter> characters) throws IOException {
        List<BanJson> b = bans.stream().map(ban -> new BanJson(Integer.toUnsignedLong(ban.guildCard()),
                switch (ban.type()) {
                    case 1 -> "guild_card";
                    case 2 -> "ip";
                    default -> "hardware";
                },
                ipText(ban.ip()), java.util.HexFormat.of().formatHex(ban.hardwareId()))).toList();
        List<CharacterJson> c = characters.stream().map(ch -> new CharacterJson(Integer.toUnsignedLong(ch.guildCard()), ch.slot(), ch.name(),
                ch.characterClass(), ch.sectionId())).toList();
        String text = MAPPER.writeValueAsString(new Json(FORMAT, b, c)) + "\n";
        Path dir = path.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + path.getFileName() + ".", ".tmp");
        try {
            Files.writeString(tmp, text);
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static int guildCard(Path path, long gc) throws IOException {
        if (gc <= 0 || gc > 0xFFFFFFFFL) throw new IOException(path + ": guild_card " + gc + " is out of range");
        return (int) gc;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static byte[] parseHex(Path path, String hex) throws IOException {
        try {
            byte[] b = Hex.parse(hex);
            if (b.length != 8) throw new IllegalArgumentException("8 bytes expected");
            return b;
        } catch (IllegalArgumentException e) {
            throw new IOException(path + ": hardware_id \"" + hex + "\": " + e.getMessage(), e);
        }
    }

    private static byte[] ipv4(Path path, String ip) throws IOException {
        if (ip == null) return new byte[4];
        try {
            byte[] b = InetAddress.ofLiteral(ip).getAddress();
            if (b.length == 4) return b;
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IOException(path + ": ip \"" + ip + "\" is not an IPv4 address");
    }

    private static String ipText(byte[] ip) {
        try {
            return InetAddress.getByAddress(ip).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Json(String format, List<BanJson> bans, List<CharacterJson> characters) {}

    private record BanJson(long guildCard, String type, String ip, String hardwareId) {}

    private record CharacterJson(long guildCard, int slot, String name,
                                 @com.fasterxml.jackson.annotation.JsonProperty("class") int characterClass, int sectionId) {}
}
