package dev.shipctl.protocol;

/**
 * Bytes that do not make a valid Blue Burst packet. The only exception the protocol core throws while
 * decoding: callers can rely on every malformed input ending here, never in an index or arithmetic error.
 */
public class ProtocolException extends Exception {
    private final int command;

    public ProtocolException(String message) {
        this(-1, message, null);
    }

    public ProtocolException(int command, String message) {
        this(command, message, null);
    }

    public ProtocolException(int command, String message, Throwable cause) {
        super(message, cause);
        this.command = command;
    }

    /** The command word the error concerns, or -1 when it arose before the header was known. */
    public int command() {
        return command;
    }

    /** A frame whose size field is below 8 or above the limit; raised before any body is allocated. */
    public static final class BadFrameSize extends ProtocolException {
        private final int size;

        public BadFrameSize(int command, int size, int limit) {
            super(command, size < 8
                    ? "frame size 0x%X is smaller than the 8-byte header".formatted(size)
                    : "frame size 0x%X is over the limit of %d bytes".formatted(size, limit));
            this.size = size;
        }

        public int size() {
            return size;
        }
    }

    /** A packet whose body does not fit the layout its command number announces. */
    public static final class MalformedPacket extends ProtocolException {
        public MalformedPacket(int command, String message) {
            super(command, "%s: %s".formatted(Hex.command(command), message));
        }
    }
}
