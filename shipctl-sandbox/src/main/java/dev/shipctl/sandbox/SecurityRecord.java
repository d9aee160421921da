package dev.shipctl.sandbox;

/**
 * Tethealla's per-guild-card security record, rewritten by every accepted login on the login port: the random
 * "sixtyfour" the client must echo in its config, the token T created by the character server, the chosen slot
 * (−1 before connection #2) and the GM flag read at login. Guarded by the server lock.
 */
final class SecurityRecord {
    final int guildCard;
    final long sixtyfour;
    final boolean gm;
    int token;
    int slot = -1;

    SecurityRecord(int guildCard, long sixtyfour, boolean gm) {
        this.guildCard = guildCard;
        this.sixtyfour = sixtyfour;
        this.gm = gm;
    }

    /** Whether one of the five qwords of a 0x93 client config equals the sixtyfour. */
    boolean configMatches(byte[] config) {
        for (int q = 0; q < 5; q++) {
            long v = 0;
            for (int i = 7; i >= 0; i--) v = (v << 8) | (config[q * 8 + i] & 0xFF);
            if (v == sixtyfour) return true;
        }
        return false;
    }
}
