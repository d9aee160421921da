package dev.shipctl.cli;

import dev.shipctl.TraceListener;
import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.Direction;
import dev.shipctl.protocol.Hex;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code --trace FILE}: every packet of every session, decrypted, one JSON object per line:
 * <pre>{"time":"…Z","connection":"#3 character:12001","direction":"server","command":"0x19","name":"SERVER_REDIRECT","size":16,"hex":"1000…"}</pre>
 * {@code connection} numbers the TCP connections of the process in order ({@code #n}) and names the port they went
 * to. The session blanks the password of every 0x93 before this writer sees it, and this writer gets nothing
 * else from the credentials. The file is appended to, created readable by its owner only, and flushed after every
 * line so a crash or kill loses nothing.
 */
public final class TraceFile implements TraceListener, AutoCloseable {
    private static final HexFormat HEX = HexFormat.of();

    private final Path path;
    private final BufferedWriter out;
    private final Map<String, String> current = new HashMap<>();
    private int connections;
    private boolean failed;

    private TraceFile(Path path, BufferedWriter out) {
        this.path = path;
        this.out = out;
    }

    /** Opens (appends to) a trace file; a configuration error when it cannot be written. */
    public static TraceFile open(Path path) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            if (!Files.exists(path)) {
                Files.createFile(path);
                try {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not POSIX
                }
            }
            return new TraceFile(path, Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw UserError.config("cannot write the trace file " + path + ": " + e.getMessage());
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public synchronized void onPacket(Instant at, String connection, Direction sender, byte[] packet) {
        if (failed) return;
        int command = packet.length >= 4 ? (packet[2] & 0xFF) | (packet[3] & 0xFF) << 8 : -1;
        // A server 0x03 opens every connection: give it the next number.
        String id = current.get(connection);
        if (id == null || (sender == Direction.SERVER && command == 0x03)) {
            id = "#" + ++connections + " " + connection;
            current.put(connection, id);
        }
        ObjectNode o = Json.object();
        o.put("time", at.toString());
        o.put("connection", id);
        o.put("direction", sender == Direction.CLIENT ? "client" : "server");
        if (command >= 0) {
            o.put("command", Hex.command(command));
            Command.find(sender, command).ifPresent(c -> o.put("name", c.name()));
        }
        o.put("size", packet.length);
        o.put("hex", HEX.formatHex(packet));
        try {
            out.write(Json.line(o));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            failed = true; // a full disk must not break the session; the trace just stops
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
