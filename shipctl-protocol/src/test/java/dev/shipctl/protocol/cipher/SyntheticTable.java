package dev.shipctl.protocol.cipher;

/**
 * The synthetic key table of protocol notes §2.6 (word i = 0x9E3779B9 × (i+1) mod 2³², MOCB1): known answers
 * without any SEGA data.
 */
public final class SyntheticTable {
    private SyntheticTable() {}

    public static KeyTable create() {
        int[] p = new int[KeyTable.P_WORDS];
        int[] s = new int[KeyTable.S_WORDS];
        for (int i = 0; i < KeyTable.P_WORDS + KeyTable.S_WORDS; i++) {
            int w = 0x9E3779B9 * (i + 1);
            if (i < KeyTable.P_WORDS) p[i] = w;
            else s[i - KeyTable.P_WORDS] = w;
        }
        return new KeyTable("synthetic", p, s, KeyTable.Subtype.MOCB1);
    }
}
