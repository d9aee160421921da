package dev.shipctl.protocol.captures;

import dev.shipctl.protocol.Direction;
import dev.shipctl.protocol.Hex;
import dev.shipctl.protocol.Packet;
import dev.shipctl.protocol.ProtocolException;
import dev.shipctl.protocol.registry.Packets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one loader of the packets captured from real servers, for every module's tests. The capture set is
 * shipctl-protocol's test resource {@code captures/} (see the README there); other modules read it from
 * shipctl-protocol's test-jar, which carries this class and the set.
 * <ul>
 *   <li>{@code connections/<server>/<stage>/NN-D-CMD.hex}: whole connections, one packet per file, decrypted
 *       ({@code [plain]}) and as it crossed the socket ({@code [wire]}): {@link #stage}, {@link #packet}.
 *   <li>{@code packets/<server>/<name>.hex}: single packets captured alone, '#' header lines and then the decrypted
 *       packet, no wire bytes: {@link #single}.
 * </ul>
 * {@code SHA256SUMS} there lists every capture file with its checksum ({@code CaptureSetTest} holds the set to it).
 */
public final class Captures {
    private Captures() {}

    /**
     * One captured packet. {@code plain} is the packet (size bytes), {@code wire} the encrypted, padded bytes.
     * A packet captured alone has no stage ({@code ""}) and no wire bytes (an empty {@code wire}).
     */
    public record Captured(String server, String stage, String file, Direction sender, byte[] plain, byte[] wire) {
        public int command() {
            return (plain[2] & 0xFF) | (plain[3] & 0xFF) << 8;
        }

        public Packet decode() throws ProtocolException {
            return Packets.decode(sender, plain, plain.length);
        }

        @Override
        public String toString() {
            return server + "/" + (stage.isEmpty() ? "" : stage + "/") + file;
        }
    }

    /**
     * The capture set's directory: a plain directory when the tests run in shipctl-protocol (or read its
     * target/test-classes), a directory inside the test-jar otherwise.
     */
    public static Path root() {
        return Root.PATH;
    }

    /** The servers whose connections were captured ("newserv", "tethealla"). */
    public static List<String> servers() {
        return directories(connections());
    }

    public static List<String> stages(String server) {
        return directories(connections().resolve(server));
    }

    /** The packets of one connection, in the order they crossed the socket. */
    public static List<Captured> stage(String server, String stage) {
        try (Stream<Path> files = Files.list(connections().resolve(server).resolve(stage))) {
            List<Captured> out = new ArrayList<>();
            for (Path f : files.filter(p -> p.toString().endsWith(".hex")).sorted().toList()) {
                out.add(parseConnectionPacket(server, stage, f));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every packet of every captured connection of a server. */
    public static List<Captured> all(String server) {
        return stages(server).stream().flatMap(s -> stage(server, s).stream()).toList();
    }

    /** The single packet {@code stage/file} of a captured connection. */
    public static Captured packet(String server, String stage, String file) {
        return stage(server, stage).stream().filter(c -> c.file().equals(file)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no capture " + server + "/" + stage + "/" + file));
    }

    /** The names ({@code NAME.hex}) of the packets of a server captured alone. */
    public static List<String> singles(String server) {
        try (Stream<Path> files = Files.list(root().resolve("packets").resolve(server))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".hex")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packet {@code packets/<server>/<file>} captured alone (decrypted bytes only). */
    public static Captured single(String server, String file) {
        Path path = root().resolve("packets").resolve(server).resolve(file);
        if (!Files.isRegularFile(path)) throw new IllegalArgumentException("no capture packets/" + server + "/" + file);
        try {
            return parseSingle(server, path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path connections() {
        return root().resolve("connections");
    }

    private static List<String> directories(Path dir) {
        try (Stream<Path> dirs = Files.list(dir)) {
            return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Captured parseConnectionPacket(String server, String stage, Path file) throws IOException {
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

    private static final Pattern SENDER = Pattern.compile("\\b([SC])->[SC]\\b");

    /** A packet captured alone: '#' header lines (naming the sender as S->C or C->S), then its decrypted bytes. */
    private static Captured parseSingle(String server, Path file) throws IOException {
        StringBuilder plain = new StringBuilder();
        Direction sender = null;
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("#")) {
                Matcher m = SENDER.matcher(line);
                if (sender == null && m.find()) sender = m.group(1).equals("C") ? Direction.CLIENT : Direction.SERVER;
            } else if (line.startsWith("[")) {
                throw new IllegalStateException(file + ": sections belong to connections, not to a single packet");
            } else if (!line.isBlank()) {
                plain.append(line).append(' ');
            }
        }
        if (sender == null) throw new IllegalStateException(file + ": the header names no sender (S->C or C->S)");
        String name = file.getFileName().toString();
        return new Captured(server, "", name, sender, Hex.parse(plain.toString()), new byte[0]);
    }

    /** Finds the set once: by its README, in a directory or (opened as a file system) in the test-jar. */
    private static final class Root {
        static final Path PATH = locate();

        private static Path locate() {
            URL url = Captures.class.getResource("/captures/README.md");
            if (url == null) {
                throw new IllegalStateException(
                        "captures missing from the test class path (shipctl-protocol's test resources or test-jar)");
            }
            try {
                URI uri = url.toURI();
                if (uri.getScheme().equals("jar")) {
                    try {
                        FileSystems.newFileSystem(uri, Map.of());
                    } catch (FileSystemAlreadyExistsException alreadyOpen) {
                        // opened by another class loader's copy of this class: Path.of finds it
                    }
                }
                return Path.of(uri).getParent();
            } catch (URISyntaxException | IOException e) {
                throw new IllegalStateException("cannot open the captures at " + url, e);
            }
        }
    }
}
