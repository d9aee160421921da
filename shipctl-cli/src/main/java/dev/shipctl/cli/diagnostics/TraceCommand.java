package dev.shipctl.cli.diagnostics;

import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.output.Json;
import dev.shipctl.cli.output.OutputOptions;
import dev.shipctl.cli.terminal.Terminal;
import dev.shipctl.protocol.Direction;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** {@code trace show FILE}: reads the JSON lines {@code --trace} writes. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Read packet traces written by --trace (every connecting command takes --trace FILE).",
        subcommands = TraceCommand.Show.class,
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipctl check -u player1 --trace /tmp/check.trace",
            "  shipctl trace show /tmp/check.trace --command 0x93 --direction client"})
public final class TraceCommand {

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = {"Show a trace as a readable, filterable list: time, connection, direction, command, size, "
                + "and the bytes as a hex dump. Filters combine (all must match)."},
            footerHeading = "%nExamples:%n",
            footer = {
                "  shipctl check -u player1 --trace /tmp/login.jsonl && shipctl trace show /tmp/login.jsonl",
                "  shipctl trace show /tmp/login.jsonl --connection block --direction server --command 0x67",
                "  shipctl trace show /tmp/login.jsonl --command 0x06 --command 0xB0 --no-hex"})
    static final class Show implements Callable<Integer> {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "FILE", description = "A trace file (JSON lines).")
        Path file;

        @Option(names = {"-c", "--connection"}, paramLabel = "TEXT",
                description = "Only connections whose name contains TEXT (\"#3\", \"block\", \"character:12001\").")
        String connection;

        @Option(names = {"-d", "--direction"}, paramLabel = "client|server", description = "Only packets sent by the client, or by the server.")
        String direction;

        @Option(names = "--command", paramLabel = "CMD", split = ",",
                description = "Only these commands (0x06, 06, 6, or a name like SERVER_LOBBY_JOIN); repeatable.")
        List<String> commands;

        @Option(names = "--no-hex", description = "Headers only, no hex dump.")
        boolean noHex;

        @Option(names = "--utc", description = "Times in UTC instead of the local zone.")
        boolean utc;

        @Mixin
        OutputOptions output;

        Show(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Direction dir = parseDirection();
            Terminal term = ctx.terminal();
            DateTimeFormatter time = utc ? TIME.withZone(ZoneId.of("UTC")) : TIME;
            int shown = 0;
            int total = 0;
            try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                int lineNo = 0;
                while ((line = in.readLine()) != null) {
                    lineNo++;
                    if (line.isBlank()) continue;
                    JsonNode n;
                    try {
                        n = Json.MAPPER.readTree(line);
                    } catch (JacksonException e) {
                        throw UserError.usage(file + " line " + lineNo + " is not a trace record (JSON expected)");
                    }
                    total++;
                    String conn = n.path("connection").asString("");
                    String d = n.path("direction").asString("");
                    int cmd = parseCommand(n.path("command").asString("-1"));
                    String name = n.path("name").asString("");
                    if (connection != null && !conn.toLowerCase(Locale.ROOT).contains(connection.toLowerCase(Locale.ROOT))) continue;
                    if (dir != null && !d.equals(dir == Direction.CLIENT ? "client" : "server")) continue;
                    if (commands != null && commands.stream().noneMatch(c -> matches(c, cmd, name))) continue;
                    shown++;
                    if (output.json()) {
                        term.out().println(line);
                        continue;
                    }
                    String when = n.hasNonNull("time") ? time.format(Instant.parse(n.get("time").asString())) : "?";
                    String arrow = d.equals("client") ? "C→S" : "S→C";
                    String cmdText = n.path("command").asString("?");
                    Optional<dev.shipctl.protocol.Command> known = dev.shipctl.protocol.Command.find(d.equals("client") ? Direction.CLIENT : Direction.SERVER, cmd);
                    String meaning = known.map(dev.shipctl.protocol.Command::meaning).orElse("(unknown to shipctl)");
                    term.out().println(term.dim(when) + "  " + term.cyan(conn) + "  " + arrow + "  " + term.bold(cmdText)
                            + "  " + n.path("size").asInt() + " bytes  " + term.dim(meaning));
                    if (!noHex) {
                        byte[] bytes = HexFormat.of().parseHex(n.path("hex").asString(""));
                        for (String row : dump(bytes)) term.out().println("    " + row);
                    }
                }
            } catch (NoSuchFileException e) {
                throw UserError.usage("no such trace file: " + file);
            } catch (IOException e) {
                throw UserError.usage("cannot read " + file + ": " + e.getMessage());
            }
            if (!output.json()) term.err().println(term.dim(shown + " of " + total + " packet(s) shown"));
            return ExitCodes.OK;
        }

        private Direction parseDirection() {
            if (direction == null) return null;
            return switch (direction.toLowerCase(Locale.ROOT)) {
                case "client", "c", "out", "sent" -> Direction.CLIENT;
                case "server", "s", "in", "received" -> Direction.SERVER;
                default -> throw UserError.usage("--direction is client or server, not '" + direction + "'");
            };
        }

        private static boolean matches(String filter, int cmd, String name) {
            String f = filter.strip();
            if (f.equalsIgnoreCase(name)) return true;
            int wanted = parseCommand(f);
            if (wanted < 0 && !f.isEmpty()) {
                if (f.chars().anyMatch(Character::isLetter) && !f.toLowerCase(Locale.ROOT).startsWith("0x")) return false;
                throw UserError.usage("--command takes a number like 0x06 or a command name, not '" + filter + "'");
            }
            return wanted == cmd;
        }

        /** "0x06", "06", "6", "1e" (hex throughout, as the protocol notes write them); -1 if not a number. */
        static int parseCommand(String s) {
            String t = s.strip().toLowerCase(Locale.ROOT);
            if (t.startsWith("0x")) t = t.substring(2);
            if (t.isEmpty() || t.length() > 4 || !t.chars().allMatch(c -> Character.digit(c, 16) >= 0)) return -1;
            return Integer.parseInt(t, 16);
        }

        /** 16 bytes a row: offset, hex, and the printable ASCII (UTF-16 text shows as letters with dots). */
        static List<String> dump(byte[] b) {
            List<String> rows = new java.util.ArrayList<>();
            for (int off = 0; off < b.length; off += 16) {
                StringBuilder hex = new StringBuilder();
                StringBuilder ascii = new StringBuilder();
                for (int i = 0; i < 16; i++) {
                    if (off + i < b.length) {
                        int v = b[off + i] & 0xFF;
                        hex.append("%02x ".formatted(v));
                        ascii.append(v >= 0x20 && v < 0x7F ? (char) v : '.');
                    } else {
                        hex.append("   ");
                    }
                    if (i == 7) hex.append(' ');
                }
                rows.add("%04x  %s %s".formatted(off, hex, ascii));
            }
            return rows;
        }
    }
}
