package dev.shipctl;

import java.util.List;
import java.util.Optional;

/**
 * Why a session could not be opened or went away, by what the caller can do about it. Every subtype has a
 * one-line message for people; none ever contains a password.
 */
public abstract sealed class ShipException extends Exception
        permits ShipException.ConnectFailed, ShipException.LoginRefused, ShipException.ProtocolViolation,
                ShipException.StageTimeout, ShipException.ConnectionLost, ShipException.NoReply,
                ShipException.Unsupported, ShipException.NoSuchChoice, ShipException.Withheld {
    private final Stage stage;
    private final String reason;
    private volatile List<StageTiming> timings = List.of();

    /** {@code head + " (stage)" + tail} is the message; {@code head + tail} the {@link #reason()}. */
    ShipException(Stage stage, String head, String tail, Throwable cause) {
        super(head + where(stage) + tail, cause);
        this.stage = stage;
        this.reason = head + tail;
    }

    /** The message without the stage, for output that names the stage already ("FAIL at ship: …"). */
    public String reason() {
        return reason;
    }

    /** The stage that failed, when the failure happened on the way to the lobby. */
    public Optional<Stage> stage() {
        return Optional.ofNullable(stage);
    }

    /** The stages completed before the failure. */
    public List<StageTiming> timings() {
        return timings;
    }

    /** Records the stages completed before the failure (set by the session). */
    public ShipException withTimings(List<StageTiming> completed) {
        this.timings = List.copyOf(completed);
        return this;
    }

    static String where(Stage stage) {
        return stage == null ? "" : " (" + stage.label() + ")";
    }

    /** No TCP connection: wrong host or port, server down, or refused. */
    public static final class ConnectFailed extends ShipException {
        public ConnectFailed(Stage stage, String address, Throwable cause) {
            super(stage, "cannot connect to " + address, ": "
                    + (cause == null || cause.getMessage() == null ? "connection refused" : cause.getMessage()), cause);
        }
    }

    /** The server said no: wrong password, banned, already logged on, client too old, security violation. */
    public static final class LoginRefused extends ShipException {
        private final String serverText;

        public LoginRefused(Stage stage, String serverText) {
            super(stage, "login refused", ": " + oneLine(serverText), null);
            this.serverText = serverText;
        }

        /** The server's own words, markers removed. */
        public String serverText() {
            return serverText;
        }
    }

    /** The server sent something a Blue Burst server would not: wrong key table, bad size, unexpected packet. */
    public static final class ProtocolViolation extends ShipException {
        public ProtocolViolation(Stage stage, String message, Throwable cause) {
            super(stage, "protocol error", ": " + message, cause);
        }
    }

    /**
     * The stage's deadline (or the whole login's) passed before the awaited answer was complete: nothing arrived,
     * or it arrived too slowly, or the server kept sending other things.
     */
    public static final class StageTimeout extends ShipException {
        public StageTimeout(Stage stage, String waitingFor, java.time.Duration timeout) {
            this(stage, waitingFor, timeout, "");
        }

        /** @param progress what did arrive meanwhile ("40 bytes received, the last 0.2 s ago"), or empty */
        public StageTimeout(Stage stage, String waitingFor, java.time.Duration timeout, String progress) {
            super(stage, "timed out after %s waiting for %s".formatted(Durations.format(timeout), waitingFor),
                    progress == null || progress.isEmpty() ? "" : ": " + progress, null);
        }
    }

    /** The server closed the connection (after the given stage, or while in the lobby). */
    public static sealed class ConnectionLost extends ShipException permits TakenOver {
        private final String serverText;

        public ConnectionLost(Stage stage, String serverText) {
            this(stage, "disconnected by the server", serverText);
        }

        private ConnectionLost(Stage stage, String what, String serverText) {
            super(stage, what, serverText == null || serverText.isBlank() ? "" : ": " + oneLine(serverText), null);
            this.serverText = serverText;
        }

        /** The last message box the server sent before closing, if any. */
        public Optional<String> serverText() {
            return Optional.ofNullable(serverText);
        }
    }

    /**
     * Another login of the same account took the session over (Tethealla keeps one session per account and kicks
     * the older one). A reconnecting session stops here: logging in again would kick the other session in turn.
     */
    public static final class TakenOver extends ConnectionLost {
        public TakenOver(Stage stage, String serverText) {
            super(stage, "another login of the same account took the session over", serverText);
        }
    }

    /** A command got no answer: on Tethealla this is how a missing privilege looks. */
    public static final class NoReply extends ShipException {
        public NoReply(String message) {
            super(null, message, "", null);
        }
    }

    /**
     * The ship or block asked for ({@link ShipClient.Builder#ship}, {@link ShipClient.Builder#block}) is not among
     * those the server lists: a mistake in the request, not a refusal by the server.
     */
    public static final class NoSuchChoice extends ShipException {
        private final String what;
        private final String choice;
        private final List<String> listed;

        /** @param what "ship" or "block" */
        public NoSuchChoice(Stage stage, String what, String choice, List<String> listed) {
            super(stage, "no " + what + " called '" + choice + "'", "; the server lists: " + String.join(", ", listed), null);
            this.what = what;
            this.choice = choice;
            this.listed = List.copyOf(listed);
        }

        /** "ship" or "block". */
        public String what() {
            return what;
        }

        /** The choice as given. */
        public String choice() {
            return choice;
        }

        /** The names the server listed, in order. */
        public List<String> listed() {
            return listed;
        }
    }

    /** The server family has no way to do what was asked. */
    public static final class Unsupported extends ShipException {
        public Unsupported(String message) {
            super(null, message, "", null);
        }
    }

    /**
     * Nothing was sent: the command could have done the opposite of what was asked (Tethealla's {@code /ban}
     * toggles, so a "ban" of a player who is already banned lifts the ban), and what shipctl knows does not rule
     * that out. The message says what was known and how to send it anyway.
     */
    public static final class Withheld extends ShipException {
        public Withheld(String message) {
            super(null, message, "", null);
        }
    }

    static String oneLine(String text) {
        return text == null ? "" : text.replace("\r", "").replaceAll("\n+", " ").strip();
    }
}
