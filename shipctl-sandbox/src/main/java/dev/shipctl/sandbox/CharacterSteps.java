package dev.shipctl.sandbox;

/**
 * What a character-port connection has done: the login-chain stage its 0x93 chose, whether it has had the system
 * file, and how many character requests (E3, E5) it made (Tethealla allows four). Guarded by the server lock.
 */
final class CharacterSteps {
    private static final int MAX_REQUESTS = 4;

    private LoginStep stage;
    private boolean systemFileSent;
    private int requests;

    LoginStep stage() {
        return stage;
    }

    void enter(LoginStep stage) {
        this.stage = stage;
    }

    /** Whether this connection is the token-0 one that only fetches character data. */
    boolean characterDataOnly() {
        return stage == LoginStep.CHARACTER_DATA;
    }

    /** Counts an E0; false if the system file was sent already. */
    boolean firstSystemFile() {
        if (systemFileSent) return false;
        systemFileSent = true;
        return true;
    }

    /** Counts an E3 or E5; false once there have been more than four. */
    boolean anotherRequest() {
        return ++requests <= MAX_REQUESTS;
    }
}
