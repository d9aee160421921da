package dev.shipctl.fuzz;

import dev.shipctl.protocol.captures.Captures;
import dev.shipctl.protocol.captures.Captures.Captured;
import dev.shipctl.protocol.Direction;
import dev.shipctl.protocol.fuzz.FrameScript;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the seed inputs of {@link ServerConversationFuzzTest}: whole captured conversations, the server's packets of
 * each captured connection (its 0x03 left out: the test sends its own) as one connection of the script. Not a test:
 * it runs only when asked, see docs/fuzzing.md.
 */
@EnabledIfSystemProperty(named = "fuzz.writeSeeds", matches = "true")
class FuzzSeeds {
    static final Path DIR = Path.of("src/test/resources/dev/shipctl/fuzz/ServerConversationFuzzTestInputs/connect");
    static final int TETHEALLA = 0, NEWSERV = 1, SHIP_2 = 1 << 2;

    @Test
    void write() throws IOException {
        Files.createDirectories(DIR);
        List<String> tethealla = List.of("login", "char-1-data:02-S-E6.hex", "char-2-select", "char-3-ships", "ship", "block");
        write("tethealla-to-lobby", TETHEALLA, "tethealla", tethealla);
        write("tethealla-to-lobby-asking-for-ship-2", TETHEALLA | SHIP_2, "tethealla", tethealla);
        write("tethealla-wrong-password", TETHEALLA, "tethealla", List.of("login-wrong-password"));
        write("tethealla-lobby-only-on-the-login-port", TETHEALLA, "tethealla", List.of("block"));
        write("newserv-to-lobby", NEWSERV, "newserv", List.of("login", "data-preview", "game"));
        write("newserv-create-character", NEWSERV, "newserv", List.of("player-login", "player-data-preview", "player-create", "player-game"));
        write("newserv-wrong-password", NEWSERV, "newserv", List.of("login-wrong-password"));
        write("newserv-banned", NEWSERV, "newserv", List.of("login-banned"));
    }

    /** One seed: each stage ("stage" or "stage:last file") is a connection of the script. */
    private static void write(String name, int flags, String server, List<String> stages) throws IOException {
        List<List<byte[]>> connections = new ArrayList<>();
        for (String stage : stages) {
            String[] parts = stage.split(":");
            List<byte[]> packets = new ArrayList<>();
            for (Captured c : Captures.stage(server, parts[0])) {
                if (c.sender() == Direction.SERVER && c.command() != 0x03) packets.add(c.plain());
                if (parts.length > 1 && c.file().equals(parts[1])) break;
            }
            connections.add(packets);
        }
        Files.write(DIR.resolve(name), FrameScript.encode(new byte[] {(byte) flags}, connections));
    }
}
