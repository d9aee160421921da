package dev.shipctl.sandbox;

import dev.shipctl.protocol.registry.Packets;
import dev.shipctl.protocol.packet.lobby.ServerLobbyEvent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tethealla's chat commands (protocol notes §5.4–5.8): the name runs from after {@code /} to the first space or
 * comma, arguments are split on commas and read with C's {@code atoi}. Replies are B0 with the {@code "\tE"}
 * marker; an unknown command or a missing right gets no reply at all. Called under the server lock.
 */
final class GmCommands {
    private final ShipSide ship;
    private final Set<Integer> muted = new HashSet<>();

    GmCommands(ShipSide ship) {
        this.ship = ship;
    }

    boolean muted(int guildCard) {
        return muted.contains(guildCard);
    }

    /** A parsed command line. */
    record Line(String name, List<Integer> args) {
        static Line parse(String text) {
            String body = text.substring(1);
            int end = 0;
            while (end < body.length() && body.charAt(end) != ' ' && body.charAt(end) != ',') end++;
            String name = body.substring(0, end);
            List<Integer> args = new ArrayList<>();
            if (end < body.length()) {
                for (String part : body.substring(end + 1).split(",", -1)) args.add(atoi(part));
            }
            return new Line(name, args);
        }

        Optional<Integer> first() {
            return args.isEmpty() ? Optional.empty() : Optional.of(args.getFirst());
        }
    }

    /** C's atoi: leading blanks, an optional sign, decimal digits; anything else stops it (no digits → 0). */
    static int atoi(String s) {
        int i = 0, n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) i++;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) negative = s.charAt(i++) == '-';
        long v = 0;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') v = v * 10 + (s.charAt(i++) - '0');
        return (int) (negative ? -v : v);
    }

    void run(Connection c, String text) {
        Line line = Line.parse(text);
        String reply = execute(c, line);
        ship.server.events.publish(new SandboxEvent.CommandHandled(c.id, c.guildCard, text, reply == null ? "" : reply));
        if (reply != null) c.send(TethPackets.textMessage(reply));
    }

    private boolean allowed(Connection c, int bit) {
        return c.gm || ship.localGms().has(c.guildCard, bit);
    }

    private boolean isAnyGm(Connection target) {
        return target.gm || ship.localGms().isLocalGm(target.guildCard);
    }

    /** The B0 text to send, or null for no reply. */
    private String execute(Connection c, Line line) {
        return switch (line.name()) {
            case "announce" -> {
                if (!allowed(c, LocalGms.ANNOUNCE)) yield null;
                if (!c.announcement.toggle(Announcement.Scope.SHIP)) yield "Announce\ncancelled.";
                yield "Announce by\nsending a\nmail.";
            }
            case "global" -> {
                if (!c.gm) yield null;
                if (!c.announcement.toggle(Announcement.Scope.GLOBAL)) yield "Announce\ncancelled.";
                yield "Global announce\nby sending\na mail.";
            }
            case "updatelocalgms" -> {
                if (!allowed(c, LocalGms.UPDATE_LOCAL_GMS)) yield null;
                ship.reloadLocalGms();
                yield "Local GM file reloaded.";
            }
            case "updatemasks" -> allowed(c, LocalGms.IPBAN) ? "IP ban masks file reloaded." : null;
            case "dc" -> {
                if (!allowed(c, LocalGms.DC)) yield null;
                if (line.first().isEmpty()) yield "Need a guild card # to disconnect.";
                Connection target = online(line.first().get());
                if (target == null) yield null;
                if (!c.gm && target.gm) yield "You may not disconnect this user.";
                for (Connection t : onlineAll(target.guildCard)) t.sendAndClose(TethPackets.messageBox("You've been disconnected by a GM."), "disconnected by a GM");
                yield null;
            }
            case "dcall" -> {
                if (allowed(c, LocalGms.DCALL)) ship.startDcall();
                yield null;
            }
            case "ban" -> allowed(c, LocalGms.BAN) ? ban(c, line, 1, "ban", "Ban removed.", "User has been banned.") : null;
            case "ipban" -> allowed(c, LocalGms.IPBAN) ? ban(c, line, 2, "IP ban", "IP ban removed.", "User has been IP banned.") : null;
            case "hwban" -> allowed(c, LocalGms.IPBAN) ? ban(c, line, 3, "HW ban", "HW ban removed.", "User has been HW banned.") : null;
            case "stfu" -> {
                if (!allowed(c, LocalGms.STFU)) yield null;
                if (line.first().isEmpty()) yield "Need a guild card # to silence.";
                Connection target = online(line.first().get());
                if (target == null) yield null;
                if (!c.gm && target.gm) yield "You may not silence this user.";
                if (muted.remove(target.guildCard)) {
                    target.send(TethPackets.textMessage("You may now speak freely."));
                    yield "User is now allowed to speak.";
                }
                muted.add(target.guildCard);
                target.send(TethPackets.textMessage("You've been silenced."));
                yield "User has been silenced.";
            }
            case "event" -> {
                if (!allowed(c, LocalGms.EVENT)) yield null;
                if (line.first().isEmpty()) yield "Need event digit.";
                ship.event = line.first().get();
                byte[] da = Packets.encode(new ServerLobbyEvent(ship.event));
                for (Connection t : ship.shipConnections()) t.send(da);
                yield null;
            }
            case "bank" -> {
                c.bankCommon = !c.bankCommon;
                yield c.bankCommon ? "Bank: Common" : "Bank: Character";
            }
            default -> null;
        };
    }

    /** The toggle of §5.8: remove an existing record, else ban an online non-GM target. */
    private String ban(Connection c, Line line, int type, String what, String removed, String added) {
        if (line.first().isEmpty()) return "Need a guild card # to " + what + ".";
        int gc = line.first().get();
        if (ship.bans.remove(gc, type)) {
            Server.LOG.info("{} removed a type-{} ban on guild card {}", c, type, Integer.toUnsignedLong(gc));
            return removed;
        }
        Connection target = online(gc);
        if (target == null) return null;
        if (isAnyGm(target)) return "You may not ban this user.";
        ship.bans.add(new ShipSide.Ban(gc, type, target.address().getAddress(), target.hardwareId.clone()));
        for (Connection t : onlineAll(gc)) t.sendAndClose(TethPackets.messageBox("You've been banned by a GM."), "banned by a GM");
        Server.LOG.info("{} added a type-{} ban on guild card {}", c, type, Integer.toUnsignedLong(gc));
        return added;
    }

    private Connection online(int guildCard) {
        List<Connection> all = onlineAll(guildCard);
        return all.isEmpty() ? null : all.getFirst();
    }

    private List<Connection> onlineAll(int guildCard) {
        return ship.shipConnections().stream().filter(t -> t.guildCard == guildCard).toList();
    }
}
