package dev.shipctl.protocol.cipher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A Blue Burst key table: 18 "P" words and 1024 "S" words (four S-boxes) that, with a 48-byte seed from the
 * server's 0x03, key the cipher of one direction of one connection.
 *
 * <p>Two file formats are read:
 * <ul>
 *   <li>newserv {@code .nsk}, 0x1050 bytes: P and S as little-endian u32, then a u64 subtype;</li>
 *   <li>a raw table, 0x1048 bytes: the 1042 words of Tethealla's {@code bbtable.h} packed little-endian
 *       (always {@link Subtype#MOCB1}, as Tethealla applies that transform).</li>
 * </ul>
 * The table every Tethealla-family server uses ships in the jar; see {@link #tethealla()}.
 */
public final class KeyTable {
    public static final int P_WORDS = 18;
    public static final int S_WORDS = 1024;
    /** Size of a raw table (P + S, little-endian words). */
    public static final int RAW_SIZE = (P_WORDS + S_WORDS) * 4;
    /** Size of a newserv .nsk file (raw table + u64 subtype). */
    public static final int NSK_SIZE = RAW_SIZE + 8;

    /** How the P words are prepared before seeding (newserv's names). */
    public enum Subtype {
        /** P words used as stored. */
        STANDARD,
        /** Each P word's bytes a b c d become ((a^d) << 24) | ((b^c) << 16) | (a << 8) | b. Tethealla's. */
        MOCB1
    }

    private static final String TETHEALLA_RESOURCE = "tethealla.nsk";
    private static volatile KeyTable tethealla;

    private final String name;
    private final int[] p;
    private final int[] s;
    private final Subtype subtype;

    public KeyTable(String name, int[] p, int[] s, Subtype subtype) {
        if (p.length != P_WORDS || s.length != S_WORDS) {
            throw new IllegalArgumentException("a key table has 18 P words and 1024 S words");
        }
        this.name = Objects.requireNonNull(name);
        this.p = p.clone();
        this.s = s.clone();
        this.subtype = Objects.requireNonNull(subtype);
    }

    /** The table compiled into every Tethealla-family server (identical to newserv's {@code tethealla.nsk}). */
    public static KeyTable tethealla() {
        KeyTable t = tethealla;
        if (t == null) {
            try (InputStream in = KeyTable.class.getResourceAsStream(TETHEALLA_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("the bundled key table " + TETHEALLA_RESOURCE + " is missing from the jar");
                }
                t = parse("tethealla", in.readAllBytes());
            } catch (IOException | InvalidKeyTableException e) {
                throw new IllegalStateException("the bundled key table is unreadable", e);
            }
            tethealla = t;
        }
        return t;
    }

    /** Reads a table from a .nsk or raw file. */
    public static KeyTable load(Path file) throws IOException, InvalidKeyTableException {
        long size = Files.size(file);
        if (size != NSK_SIZE && size != RAW_SIZE) {
            throw new InvalidKeyTableException("%s is %d bytes; a key table is %d (.nsk) or %d (raw bbtable) bytes"
                    .formatted(file, size, NSK_SIZE, RAW_SIZE));
        }
        String fileName = file.getFileName().toString();
        String name = fileName.endsWith(".nsk") ? fileName.substring(0, fileName.length() - 4) : fileName;
        try {
            return parse(name, Files.readAllBytes(file));
        } catch (InvalidKeyTableException e) {
            throw new InvalidKeyTableException(file + ": " + e.getMessage());
        }
    }

    /** Parses a table from the bytes of a .nsk or raw file. */
    public static KeyTable parse(String name, byte[] data) throws InvalidKeyTableException {
        if (data.length != NSK_SIZE && data.length != RAW_SIZE) {
            throw new InvalidKeyTableException("a key table is %d (.nsk) or %d (raw) bytes, not %d"
                    .formatted(NSK_SIZE, RAW_SIZE, data.length));
        }
        ByteBuffer in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        int[] p = new int[P_WORDS];
        int[] s = new int[S_WORDS];
        for (int i = 0; i < P_WORDS; i++) p[i] = in.getInt();
        for (int i = 0; i < S_WORDS; i++) s[i] = in.getInt();
        Subtype subtype = Subtype.MOCB1;
        if (data.length == NSK_SIZE) {
            long code = in.getLong();
            if (code == 0) subtype = Subtype.STANDARD;
            else if (code == 1) subtype = Subtype.MOCB1;
            else throw new InvalidKeyTableException(
                    "subtype %d (JSD1/TFS1) is not supported; shipctl handles STANDARD (0) and MOCB1 (1) tables".formatted(code));
        }
        return new KeyTable(name, p, s, subtype);
    }

    /** The table in .nsk form, as newserv reads it. */
    public byte[] toNsk() {
        ByteBuffer out = ByteBuffer.allocate(NSK_SIZE).order(ByteOrder.LITTLE_ENDIAN);
        for (int w : p) out.putInt(w);
        for (int w : s) out.putInt(w);
        out.putLong(subtype == Subtype.STANDARD ? 0 : 1);
        return out.array();
    }

    public String name() {
        return name;
    }

    public Subtype subtype() {
        return subtype;
    }

    int[] p() {
        return p;
    }

    int[] s() {
        return s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyTable k && subtype == k.subtype && Arrays.equals(p, k.p) && Arrays.equals(s, k.s);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(p) * 31 + Arrays.hashCode(s);
    }

    @Override
    public String toString() {
        return "KeyTable[" + name + ", " + subtype + "]";
    }

    /** A key table file that cannot be used. */
    public static final class InvalidKeyTableException extends Exception {
        public InvalidKeyTableException(String message) {
            super(message);
        }
    }

}
