package dev.shipctl.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Captured output that a test can wait on until some text has been written. */
final class AwaitableOutput extends ByteArrayOutputStream {
    @Override
    public synchronized void write(int b) {
        super.write(b);
        notifyAll();
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        super.write(b, off, len);
        notifyAll();
    }

    /** Waits until the output contains {@code text}; false on timeout. */
    synchronized boolean await(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!toString(StandardCharsets.UTF_8).contains(text)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return false;
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }
}
