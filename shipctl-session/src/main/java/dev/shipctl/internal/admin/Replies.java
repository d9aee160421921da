package dev.shipctl.internal.admin;

import dev.shipctl.Durations;
import dev.shipctl.SessionEvent;
import dev.shipctl.ShipException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** How admin operations look at the events that answer them: which are replies, their texts, matching and errors. */
public final class Replies {
    private Replies() {}

    /** A B0 whose normalised text is one of {@code texts}. */
    public static Predicate<SessionEvent> textIs(String... texts) {
        return textIs(List.of(texts));
    }

    public static Predicate<SessionEvent> textIs(List<String> texts) {
        return e -> isText(e, texts);
    }

    public static Predicate<SessionEvent> lobbyMessage() {
        return e -> e instanceof SessionEvent.LobbyMessage;
    }

    public static boolean isText(SessionEvent e, String text) {
        return isText(e, List.of(text));
    }

    public static boolean isText(SessionEvent e, List<String> texts) {
        return e instanceof SessionEvent.TextMessage m && texts.contains(AdminDialect.normalise(m.text()));
    }

    /** A B0 reply that {@code dialect} reads as {@code reading} for {@code line} (null: as anything but NEITHER). */
    public static Predicate<SessionEvent> reads(AdminDialect dialect, String line, AdminDialect.Reading reading) {
        return e -> {
            if (!(e instanceof SessionEvent.TextMessage m)) return false;
            AdminDialect.Reading r = dialect.read(line, AdminDialect.normalise(m.text()));
            return reading == null ? r != AdminDialect.Reading.NEITHER : r == reading;
        };
    }

    /** A reply's text as one line, for results and messages. */
    public static String textOf(SessionEvent e) {
        return switch (e) {
            case SessionEvent.TextMessage m -> AdminDialect.normalise(m.text());
            case SessionEvent.LobbyMessage m -> AdminDialect.normalise(m.text());
            case SessionEvent.MessageBox m -> AdminDialect.normalise(m.text());
            case SessionEvent.Announcement m -> AdminDialect.normalise(m.text());
            case SessionEvent.Mail m -> m.fromName() + ": " + AdminDialect.normalise(m.text());
            case SessionEvent.LobbyEventChanged c -> "event " + c.event();
            case SessionEvent.PlayerLeft l -> l.player().name() + " (" + gc(l.player().guildCard()) + ")";
            case SessionEvent.Disconnected d -> d.reason();
            default -> e.toString();
        };
    }

    /** The reply label of an event, or empty for events that are not replies. */
    public static Optional<String> label(SessionEvent e) {
        return Optional.ofNullable(switch (e) {
            case SessionEvent.TextMessage m -> "B0";
            case SessionEvent.LobbyMessage m -> "01";
            case SessionEvent.MessageBox m -> "1A";
            case SessionEvent.Announcement m -> "EE";
            case SessionEvent.Mail m -> "81";
            case SessionEvent.LobbyEventChanged c -> "DA";
            case SessionEvent.PlayerLeft l -> "left";
            case SessionEvent.Disconnected d -> "closed";
            default -> null;
        });
    }

    public static String gc(int guildCard) {
        return "guild card " + Integer.toUnsignedString(guildCard);
    }

    public static String seconds(Duration d) {
        return Durations.format(d);
    }

    public static ShipException.NoReply noReply(AdminDialect.Op op, Duration wait) {
        return new ShipException.NoReply("no reply to " + op.line() + " within " + seconds(wait)
                + ": does this account have the right? It needs " + op.right());
    }

    public static ShipException.NoReply refused(AdminDialect.Op op, SessionEvent reply) {
        return refused(op.line(), reply);
    }

    public static ShipException.NoReply refused(String line, SessionEvent reply) {
        return new ShipException.NoReply("refused: the server answered " + line + " with \"" + textOf(reply) + "\"");
    }

    /** The error of an announcement whose broadcast never came back. */
    public static ShipException.NoReply noBroadcast(String command, String detail) {
        return new ShipException.NoReply("no broadcast: does this account have the right to " + command + "? (" + detail + ")");
    }
}
