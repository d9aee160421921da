package dev.shipctl.protocol.captures;

import dev.shipctl.protocol.Direction;
import dev.shipctl.protocol.Hex;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.registry.Packets;
import dev.shipctl.protocol.ProtocolException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Packets captured from real servers (src/test/resources/captures/&lt;server&gt;/&lt;stage&gt;/NN-D-CMD.hex, see the
 * README there): each file holds one packet, decrypted ({@code [plain]}) and as it crossed the socket ({@code [wire]}).
 */
public final class Captures {
    private Captures() {}

    /** One captured packet. {@code plain} is the packet (size bytes), {@code wire} the encrypted, padded bytes. */
    public record Captured(String server, String stage, String file, Direction sender, byte[] plain, byte[] wire) {
        public int command() {
            return (plain[2] & 0xFF) | (plain[3] & 0xFF) << 8;
        }

        public Packet decode() throws ProtocolException {
            return Packets.decode(sender, plain, plain.length);
        }

        @Override
        public String toString() {
            return server + "/" + stage + "/" + file;
        }
    }

    public static Path root() {
        URL url = Captures.class.getResource("/captures");
        if (url == null) throw new IllegalStateException("captures missing from the test class path");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> stages(String server) {
        try (Stream<Path> dirs = Files.list(root().resolve(server))) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packets of one connection, in the order they crossed the socket. */
    public static List<Captured> stage(String server, String stage) {
        try (Stream<Path> files = Files.list(root().resolve(server).resolve(stage))) {
            List<Captured> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".hex")).sorted().toList()) {
                out.add(parse(server, stage, f));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every captured packet of a server. */
    public static List<Captured> all(String server) {
        return stages(server).stream().flatMap(s -> stage(server, s).stream()).toList();
    }

    /** The single packet {@code stage/file}. */
    public static Captured packet(String server, String stage, String file) {
        return stage(server, stage).stream().filter(c -> c.file().equals(file)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no capture " + server + "/" + stage + "/" + file));
    }

    private static Captured parse(String server, String stage, Path file) throws IOException {
        StringBuilder plain = new StringBuilder(), wire = new StringBuilder();
        StringBuilder current = null;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("#") || line.isBlank()) continue;
            if (line.equals("[plain]")) current = plain;
            else if (line.equals("[wire]")) current = wire;
            else if (current == null) throw new IllegalStateException(file + ": bytes before a section");
            else current.append(line).append(' ');
        }
        String name = file.getFileName().toString();
        Direction sender = name.split("-")[1].equals("C") ? Direction.CLIENT : Direction.SERVER;
        return new Captured(server, stage, name, sender, Hex.parse(plain.toString()), Hex.parse(wire.toString()));
    }
}
