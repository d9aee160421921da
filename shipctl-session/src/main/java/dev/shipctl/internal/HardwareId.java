package dev.shipctl.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The 8-byte hardware id shipctl sends in every 0x93: stable per account and different between accounts, so that
 * one bot's {@code /hwban} does not hit every other bot.
 */
final class HardwareId {
    static final int SIZE = 8;

    private HardwareId() {}

    /** The first 8 bytes of SHA-256("shipctl:" + username). */
    static byte[] of(String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("shipctl:" + username).getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest, SIZE);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
