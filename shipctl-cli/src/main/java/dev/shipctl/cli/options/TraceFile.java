package dev.shipctl.cli.options;

import dev.shipctl.TraceListener;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.config.PrivateFiles;
import dev.shipctl.cli.output.Json;
import dev.shipctl.protocol.Command;
import dev.shipctl.protocol.Direction;
import dev.shipctl.protocol.Hex;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * else from the credentials.
 *
 * <p>The file is appended to, and is a {@linkplain PrivateFiles private file}: created atomically readable by its
 * owner only, never written through a symbolic link, and refused when it belongs to someone else or is open to
 * others. Every line is written whole with one write, so a crash or kill loses nothing.
 *
 * <p>It never grows past its limit ({@code --trace-max}, default {@value #DEFAULT_MAX_TEXT}): a flooding server
 * cannot fill the disk. The first line that would not fit stops the trace for good, with one warning on stderr;
 * it does not rotate, so what it holds is the start of the story (the logins), and an old trace is never removed.
 */
public final class TraceFile implements TraceListener, AutoCloseable {
    /** The default limit, as {@code --trace-max} reads it. */
    public static final String DEFAULT_MAX_TEXT = "50MB";
    private static final HexFormat HEX = HexFormat.of();

    private final Path path;
    private final FileChannel out;
    private final long max;
    private final PrintStream warnings;
    private final Map<String, String> current = new HashMap<>();
    private long size;
    private int connections;
    private boolean stopped;

    private TraceFile(Path path, FileChannel out, long max, PrintStream warnings) throws IOException {
        this.path = path;
        this.out = out;
        this.max = max;
        this.warnings = warnings;
        this.size = out.size();
    }

    /**
     * Opens (appends to) a trace file of at most {@code maxBytes}; a configuration error when it cannot be written
     * or is not a private file of this user. Warnings (the limit reached, a write failed) go to {@code warnings}.
     */
    public static TraceFile open(Path path, long maxBytes, PrintStream warnings) {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) PrivateFiles.directory(parent, "the trace file's folder");
        FileChannel channel = PrivateFiles.openAppend(path, "the trace file");
        try {
            return new TraceFile(path, channel, maxBytes, warnings);
        } catch (IOException e) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // reported below
            }
            throw UserError.config("cannot write the trace file " + path + ": " + e.getMessage());
        }
    }

    public Path path() {
        return path;
    }

    @Override
    public synchronized void onPacket(Instant at, String connection, Direction sender, byte[] packet) {
        if (stopped) return;
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
        byte[] line = (Json.line(o) + "\n").getBytes(StandardCharsets.UTF_8);
        if (size + line.length > max) {
            stop("reached its limit of " + SizeConverter.format(max) + " (--trace-max); later packets are not recorded");
            return;
        }
        try {
            ByteBuffer buffer = ByteBuffer.wrap(line);
            while (buffer.hasRemaining()) size += out.write(buffer);
        } catch (IOException e) {
            // a full disk must not break the session; the trace just stops
            stop("could not be written (" + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName())
                    + "); later packets are not recorded");
        }
    }

    private void stop(String why) {
        stopped = true;
        warnings.println("shipctl: the trace file " + path + " " + why);
        warnings.flush();
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
