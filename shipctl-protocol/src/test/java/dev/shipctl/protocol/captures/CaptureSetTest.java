package dev.shipctl.protocol.captures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.protocol.captures.Captures.Captured;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The capture set is the one recorded from the real servers, byte for byte: {@code captures/SHA256SUMS} (written
 * from the files where they were recorded, before they were gathered into one set) lists every capture file and its
 * SHA-256, and the loader reads every one of them.
 */
class CaptureSetTest {
    /** Packets of whole connections (Tethealla 101, newserv 109) and packets captured alone (Tethealla 31). */
    private static final int CONNECTION_PACKETS = 210, SINGLE_PACKETS = 31;

    private static Map<String, String> manifest() throws IOException {
        Map<String, String> sums = new TreeMap<>();
        for (String line : Files.readAllLines(Captures.root().resolve("SHA256SUMS"))) {
            String[] parts = line.split(" {2}", 2);
            assertThat(sums.put(parts[1], parts[0])).as("listed twice: " + parts[1]).isNull();
        }
        return sums;
    }

    private static Map<String, String> onDisk() throws IOException, NoSuchAlgorithmException {
        Map<String, String> sums = new TreeMap<>();
        Path root = Captures.root();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".hex")).toList()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
                sums.put(root.relativize(f).toString().replace('\\', '/'), HexFormat.of().formatHex(digest));
            }
        }
        return sums;
    }

    @Test
    void everyCaptureFileIsListedWithItsChecksumAndNoneIsMissing() throws Exception {
        Map<String, String> listed = manifest();
        assertThat(listed.keySet().stream().filter(k -> k.startsWith("connections/"))).hasSize(CONNECTION_PACKETS);
        assertThat(listed.keySet().stream().filter(k -> k.startsWith("packets/"))).hasSize(SINGLE_PACKETS);
        assertThat(listed).hasSize(CONNECTION_PACKETS + SINGLE_PACKETS);
        assertThat(onDisk()).isEqualTo(listed);
    }

    @Test
    void theLoaderReadsEveryCapture() {
        List<Captured> connections = Captures.servers().stream().flatMap(s -> Captures.all(s).stream()).toList();
        assertThat(Captures.servers()).containsExactly("newserv", "tethealla");
        assertThat(connections).hasSize(CONNECTION_PACKETS)
                .allSatisfy(c -> assertThat(c.wire().length).as(c.toString()).isGreaterThanOrEqualTo(c.plain().length));
        List<Captured> singles = Captures.singles("tethealla").stream()
                .map(file -> Captures.single("tethealla", file)).toList();
        assertThat(singles).hasSize(SINGLE_PACKETS)
                .allSatisfy(c -> {
                    assertThat(c.wire()).as(c.toString()).isEmpty();
                    int sizeField = (c.plain()[0] & 0xFF) | (c.plain()[1] & 0xFF) << 8;
                    assertThat(c.plain()).as(c + ": size field").hasSize(sizeField);
                });
    }
}
