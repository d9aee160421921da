package dev.shipctl.protocol.frame;

import dev.shipctl.protocol.ProtocolException;
import dev.shipctl.protocol.ProtocolException.BadFrameSize;
import dev.shipctl.protocol.cipher.BbCipher;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Splits a Blue Burst byte stream into frames: read 8 bytes, decrypt them, take the size, read the rest rounded
 * up to 8, decrypt it, keep {@code size} bytes (protocol notes §1). The size is checked before anything is
 * allocated. The first packet of a connection (0x03) is read unencrypted and unpadded with {@link #readPlain()}.
 *
 * <p>Not thread-safe: one reader per connection, used by one thread.
 */
public final class FrameReader {
    /** Tethealla's receive buffer; a frame rounded up to 8 above this closes the connection there. */
    public static final int DEFAULT_MAX_FRAME = 64000;

    private final InputStream in;
    private final int maxFrame;
    private BbCipher cipher;

    public FrameReader(InputStream in) {
        this(in, DEFAULT_MAX_FRAME);
    }

    public FrameReader(InputStream in, int maxFrame) {
        this.in = Objects.requireNonNull(in);
        this.maxFrame = maxFrame;
    }

    /** Decrypt everything after this point with {@code cipher}. */
    public void decryptWith(BbCipher cipher) {
        this.cipher = cipher;
    }

    public boolean encrypted() {
        return cipher != null;
    }

    /**
     * The next frame, or {@code null} when the peer closed the connection cleanly between frames.
     *
     * @throws EOFException the connection closed in the middle of a frame
     * @throws ProtocolException the size field is out of bounds
     */
    public Frame read() throws IOException, ProtocolException {
        if (cipher == null) return readPlain();
        byte[] header = new byte[8];
        if (!readFully(header, 0, 8, true)) return null;
        cipher.decrypt(header, 0, 8);
        int size = checkedSize(header, true);
        // the frame is allocated at its true size: whole blocks are read and decrypted in place, a last partial
        // block (the size field does not count padding) through the header's array, so nothing is copied twice
        byte[] buffer = new byte[size];
        System.arraycopy(header, 0, buffer, 0, 8);
        int whole = size & ~7;
        readFully(buffer, 8, whole - 8, false);
        cipher.decrypt(buffer, 8, whole - 8);
        if (whole < size) {
            readFully(header, 0, 8, false);
            cipher.decrypt(header, 0, 8);
            System.arraycopy(header, 0, buffer, whole, size - whole);
        }
        return new Frame(buffer);
    }

    /** A frame sent in the clear and unpadded (the 0x03 server init). */
    public Frame readPlain() throws IOException, ProtocolException {
        byte[] header = new byte[8];
        if (!readFully(header, 0, 8, true)) return null;
        int size = checkedSize(header, false);
        byte[] buffer = new byte[size];
        System.arraycopy(header, 0, buffer, 0, 8);
        readFully(buffer, 8, size - 8, false);
        return new Frame(buffer);
    }

    /** The header's size, checked against the limit as it will be read: padded to 8 when encrypted. */
    private int checkedSize(byte[] header, boolean padded) throws BadFrameSize {
        int size = (header[0] & 0xFF) | (header[1] & 0xFF) << 8;
        int command = (header[2] & 0xFF) | (header[3] & 0xFF) << 8;
        if (size < 8 || (padded ? (size + 7) & ~7 : size) > maxFrame) throw new BadFrameSize(command, size, maxFrame);
        return size;
    }

    private boolean readFully(byte[] b, int off, int len, boolean eofAllowedAtStart) throws IOException {
        int done = 0;
        while (done < len) {
            int n = in.read(b, off + done, len - done);
            if (n < 0) {
                if (done == 0 && eofAllowedAtStart) return false;
                throw new EOFException("connection closed in the middle of a packet");
            }
            done += n;
        }
        return true;
    }
}
