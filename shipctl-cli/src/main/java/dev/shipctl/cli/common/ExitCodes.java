package dev.shipctl.cli.common;

import dev.shipctl.ShipException;
import dev.shipctl.check.CheckResult;

/** The exit codes of every shipctl command, named once and mapped from errors once. Listed in {@code --help}. */
public final class ExitCodes {
    public static final int OK = 0;
    /** A bug in shipctl: an exception nobody expected. */
    public static final int INTERNAL = 1;
    /**
     * Wrong command line, something the server family cannot do, or a refusal to act: a verb that needs
     * {@code --yes} off a terminal, a ban toggle that could undo a ban without {@code --force}. Nothing was sent.
     */
    public static final int USAGE = 2;
    /** The server (or a port it redirected to) cannot be reached. */
    public static final int UNREACHABLE = 3;
    /** The server refused the login: wrong password, banned, already logged on, client too old. */
    public static final int LOGIN_REFUSED = 4;
    /** The server sent bytes that make no sense (wrong key table?). */
    public static final int PROTOCOL = 5;
    /** A stage got no answer in time. */
    public static final int TIMEOUT = 6;
    /** A command got no reply or was refused: no privilege, target offline. */
    public static final int NO_REPLY = 7;
    /** The server closed the connection. */
    public static final int DISCONNECTED = 8;
    /** A configuration problem: profile, password file, key file. */
    public static final int CONFIG = 9;
    /** Sent, but the server confirmed nothing and nothing showed it worked (a {@code kick} of a player not in the lobby). */
    public static final int UNCONFIRMED = 10;
    /** A load test ({@code swarm}) of a server off loopback without {@code --target-is-mine} naming it. Nothing was sent. */
    public static final int NOT_MINE = 11;
    /** Cancelled by Ctrl-C or SIGTERM before it was done (a countdown that did not reach zero). */
    public static final int CANCELLED = 130;

    /** The lines {@code --help} shows, in picocli's "exit code list" format. */
    public static final String[] HELP = {
        "0:success",
        "1:internal error (a bug: please report it, with -v)",
        "2:usage error, not possible on this server family, or refused before sending (needs --yes or --force)",
        "3:server unreachable",
        "4:login refused (wrong password, banned, already logged on)",
        "5:protocol error (wrong key table?), or a flood of packets",
        "6:timeout",
        "7:no reply or refused (missing privilege, target offline)",
        "8:disconnected by the server",
        "9:configuration error (profile, password or accounts file, key file; unsafe file modes)",
        "10:sent but unconfirmed: the server does not confirm it and nothing showed it worked (kick)",
        "11:refused: swarm (load) against a server off loopback that --target-is-mine does not name",
        "130:cancelled (Ctrl-C or SIGTERM) before it was done: a countdown that did not reach zero",
    };

    private ExitCodes() {}

    /** {@link #HELP} as picocli's exit-code list (code → meaning, in order). */
    public static java.util.Map<String, String> helpList() {
        java.util.Map<String, String> list = new java.util.LinkedHashMap<>();
        for (String line : HELP) {
            int colon = line.indexOf(':');
            list.put(line.substring(0, colon), line.substring(colon + 1));
        }
        return list;
    }

    /** A health check's exit code: {@link #OK}, or the code of the error it failed with. */
    public static int of(CheckResult r) {
        return r.error().map(ExitCodes::of).orElse(OK);
    }

    /** The exit code of an admin result: {@link #UNCONFIRMED} for an unconfirmed one, else {@link #OK}. */
    public static int of(dev.shipctl.admin.AdminResult.Outcome outcome) {
        return outcome == dev.shipctl.admin.AdminResult.Outcome.UNCONFIRMED ? UNCONFIRMED : OK;
    }

    public static int of(ShipException e) {
        return switch (e) {
            case ShipException.ConnectFailed c -> UNREACHABLE;
            case ShipException.LoginRefused r -> LOGIN_REFUSED;
            case ShipException.ProtocolViolation p -> PROTOCOL;
            case ShipException.StageTimeout t -> TIMEOUT;
            case ShipException.NoReply n -> NO_REPLY;
            case ShipException.ConnectionLost l -> DISCONNECTED;
            case ShipException.Unsupported u -> USAGE;
            case ShipException.NoSuchChoice c -> USAGE;
            case ShipException.Withheld w -> USAGE;
        };
    }
}
