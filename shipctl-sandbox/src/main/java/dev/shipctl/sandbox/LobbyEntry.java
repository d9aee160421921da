package dev.shipctl.sandbox;

/**
 * A block connection on its way into a lobby: after the 0x95 the sandbox sent, it waits for the client's 0x61 player
 * data, and a lobby change (0x84) names the lobby it asked for. Guarded by the server lock.
 */
final class LobbyEntry {
    private boolean awaitingPlayerData;
    private int requestedLobby = -1;

    /** 0x95 sent at login: the client goes to the first lobby with room. */
    void awaitPlayerData() {
        awaitingPlayerData = true;
    }

    /** 0x95 sent for a lobby change to {@code lobby} (0-based). */
    void awaitPlayerData(int lobby) {
        requestedLobby = lobby;
        awaitingPlayerData = true;
    }

    boolean awaitingPlayerData() {
        return awaitingPlayerData;
    }

    /** The lobby asked for (0-based), or -1 for any. */
    int requestedLobby() {
        return requestedLobby;
    }

    /** The player data is answered without a lobby (an injected failure); the request stays. */
    void stopWaiting() {
        awaitingPlayerData = false;
    }

    /** The client entered a lobby. */
    void entered() {
        awaitingPlayerData = false;
        requestedLobby = -1;
    }
}
