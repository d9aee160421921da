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

    /**
     * A frame whose size is below 8, above the frame limit, or past the end of the bytes it came in; raised before
     * any body is allocated.
     */
    public static final class BadFrameSize extends ProtocolException {
        private final int size;

        /** A size field below 8 or, rounded up to 8, above {@code limit}. */
        public BadFrameSize(int command, int size, int limit) {
            this(command, size, size < 0 ? "frame size %d is negative".formatted(size)
                    : size < 8 ? "frame size 0x%X is smaller than the 8-byte header".formatted(size)
                    : "frame size 0x%X is over the limit of %d bytes".formatted(size, limit));
        }

        private BadFrameSize(int command, int size, String message) {
            super(command, message);
            this.size = size;
        }

        /** A size that runs past the {@code available} bytes handed over with it. */
        public static BadFrameSize pastEnd(int command, int size, int available) {
            return new BadFrameSize(command, size,
                    "frame size 0x%X runs past the end of the %d bytes given".formatted(size, available));
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
