package dev.shipctl.sandbox;

/** The 0x1A texts the sandbox refuses a login with: Tethealla's own wording, except where said. */
final class Refusals {
    static final String TOO_OLD = "Your client executable is too old.\nPlease update your client through the patch server.";
    static final String BAD_LOGIN = "Username or password is incorrect.";
    static final String ACCOUNT_BANNED = "You are banned from this server.";
    static final String SECURITY = "Security violation.";
    static final String SYNC = "Client/Server synchronization error.";
    static final String LOGGED_ON_ELSEWHERE = "This account has just logged on.\n\nYou are now being disconnected.";
    /** The sandbox's own text (Tethealla has no such limit) for an address in a failed-login cooldown. */
    static final String TOO_MANY_FAILURES = "Too many failed logins from your address.\nTry again later.";

    private Refusals() {}
}
