package dev.shipctl.internal;

import dev.shipctl.ShipException;
import dev.shipctl.protocol.packet.keepalive.ClientPing;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** A session's own keepalive: a 0x1D every interval, on one virtual thread, until stopped or a send fails. */
final class Keepalive {
    private final Connection connection;
    private final long interval;
    private final Thread thread;
    private volatile boolean stopping;

    Keepalive(Connection connection, Duration interval, String threadName) {
        this.connection = connection;
        this.interval = interval.toNanos();
        this.thread = Thread.ofVirtual().name(threadName).unstarted(this::run);
    }

    void start() {
        thread.start();
    }

    void stop() {
        stopping = true;
        thread.interrupt();
    }

    Thread thread() {
        return thread;
    }

    private void run() {
        try {
            while (!stopping) {
                TimeUnit.NANOSECONDS.sleep(interval);
                if (stopping) break;
                connection.send(new ClientPing());
            }
        } catch (InterruptedException | ShipException e) {
            // stopping, or the reader reports the lost connection
        }
    }
}
