package dev.shipctl.sandbox;

import java.security.GeneralSecurityException;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The key derivation behind {@link Password.Pbkdf2}: the JDK's {@code PBKDF2WithHmacSHA256}. A seam so tests can
 * count and watch the hash work a login costs (see {@link Sandbox.Builder#kdf}).
 */
@FunctionalInterface
interface Kdf {
    /** Derives {@code length} bytes from {@code password} and {@code salt} with {@code iterations} rounds. */
    byte[] derive(String password, byte[] salt, int iterations, int length);

    /** PBKDF2-HMAC-SHA256 from the JDK. */
    Kdf PBKDF2_SHA256 = (password, salt, iterations, length) -> {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, length * 8);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks PBKDF2WithHmacSHA256", e);
        } finally {
            spec.clearPassword();
        }
    };
}
