package dev.shipctl.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * How an account's password is checked: a plain text (for demo accounts and throwaway files) or a PBKDF2 hash
 * made with the JDK's {@code PBKDF2WithHmacSHA256}. The hash format is
 * <pre>pbkdf2-sha256$&lt;iterations&gt;$&lt;salt, base64&gt;$&lt;derived key, base64&gt;</pre>
 * with standard base64 (padding allowed) and a derived key of any length (32 bytes from {@link #hash}). A hash needs
 * at least {@link Pbkdf2#MIN_ITERATIONS} iterations: it is what an attacker who copies the accounts file has to
 * brute-force offline. Neither form is ever shown by {@code toString()}.
 */
public sealed interface Password {
    /** Whether {@code attempt} is this password. Constant-time for the comparison itself. */
    boolean matches(String attempt);

    /** The plain form, or the PBKDF2 hash string, as it would go into an accounts file. */
    String stored();

    /** A password kept as text. */
    record Plain(String text) implements Password {
        @Override
        public boolean matches(String attempt) {
            return MessageDigest.isEqual(text.getBytes(StandardCharsets.UTF_8), attempt.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String stored() {
            return text;
        }

        @Override
        public String toString() {
            return "Plain[(hidden)]";
        }
    }

    /** A PBKDF2-HMAC-SHA256 hash with at least {@link #MIN_ITERATIONS} iterations. */
    record Pbkdf2(int iterations, byte[] salt, byte[] key) implements Password {
        public static final String PREFIX = "pbkdf2-sha256";
        /**
         * The fewest iterations accepted, and the number {@link #hash} uses: OWASP's Password Storage Cheat Sheet
         * figure for PBKDF2-HMAC-SHA256 (600 000, since 2023).
         */
        public static final int MIN_ITERATIONS = 600_000;

        public Pbkdf2 {
            if (iterations < MIN_ITERATIONS) {
                throw new IllegalArgumentException("%d PBKDF2 iterations are too few: at least %d are required (OWASP's figure for PBKDF2-HMAC-SHA256); make a new hash with: shipctl sandbox --hash-password"
                        .formatted(iterations, MIN_ITERATIONS));
            }
            if (salt.length == 0 || key.length == 0) throw new IllegalArgumentException("salt and key must not be empty");
            salt = salt.clone();
            key = key.clone();
        }

        /** Parses {@code pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>}. */
        public static Pbkdf2 parse(String stored) {
            String[] parts = stored.split("\\$");
            if (parts.length != 4 || !parts[0].equals(PREFIX)) {
                throw new IllegalArgumentException("password_hash must look like " + PREFIX + "$<iterations>$<salt base64>$<hash base64>");
            }
            int iterations;
            byte[] salt, key;
            try {
                iterations = Integer.parseInt(parts[1]);
                salt = Base64.getDecoder().decode(parts[2]);
                key = Base64.getDecoder().decode(parts[3]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("password_hash is malformed: " + e.getMessage(), e);
            }
            return new Pbkdf2(iterations, salt, key);
        }

        @Override
        public boolean matches(String attempt) {
            return matches(attempt, Kdf.PBKDF2_SHA256);
        }

        /** {@link #matches(String)} with this key derivation (the sandbox passes its own, tests count it). */
        boolean matches(String attempt, Kdf kdf) {
            return MessageDigest.isEqual(key, kdf.derive(attempt, salt, iterations, key.length));
        }

        @Override
        public String stored() {
            Base64.Encoder b64 = Base64.getEncoder();
            return PREFIX + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public String toString() {
            return "Pbkdf2[iterations=" + iterations + ", (hidden)]";
        }
    }

    /** Hashes {@code password} with a fresh 16-byte salt and {@link Pbkdf2#MIN_ITERATIONS} iterations. */
    static Pbkdf2 hash(String password) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        int iterations = Pbkdf2.MIN_ITERATIONS;
        return new Pbkdf2(iterations, salt, Kdf.PBKDF2_SHA256.derive(password, salt, iterations, 32));
    }
}
