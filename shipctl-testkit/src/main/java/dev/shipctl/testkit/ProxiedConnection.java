package dev.shipctl.testkit;

import dev.shipctl.protocol.Direction;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One client connection of a {@link FaultProxy} and its connection to the target: two pumps (one per direction,
 * each on its own thread) and the faults of each stream. A pump reads a chunk, cuts it where a trigger falls,
 * forwards each piece through the fault of its stream once armed, and arms the triggers the piece reached.
 */
final class ProxiedConnection {
    private final FaultProxy proxy;
    private final ConnectionInfo info;
    private final Socket client;
    private final InetSocketAddress target;
    private final int bufferSize;
    private final Duration connectTimeout;
    private final Stream fromClient;
    private final Stream fromServer;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicInteger pumpsRunning = new AtomicInteger(2);
    private volatile Socket server;
    private volatile Thread clientPump;
    private volatile Thread serverPump;

    /** The bytes one side sends, the fault acting on them, and how far that side has got. */
    private final class Stream {
        final Direction sender;
        final Fault fault;
        final AtomicBoolean armed = new AtomicBoolean();
        final Object writeLock = new Object();
        volatile long read;
        long passedSinceArmed;
        boolean corrupted;
        int budget;

        Stream(Direction sender, Fault fault) {
            this.sender = sender;
            this.fault = fault;
            this.budget = fault != null && fault.action() instanceof Fault.CloseAfter c ? c.bytes() : 0;
        }

        Socket source() {
            return sender == Direction.CLIENT ? client : server;
        }

        Socket destination() {
            return sender == Direction.CLIENT ? server : client;
        }
    }

    ProxiedConnection(FaultProxy proxy, ConnectionInfo info, Socket client, InetSocketAddress target, List<Fault> faults,
                      int bufferSize, Duration connectTimeout) {
        this.proxy = proxy;
        this.info = info;
        this.client = client;
        this.target = target;
        this.bufferSize = bufferSize;
        this.connectTimeout = connectTimeout;
        this.fromClient = new Stream(Direction.CLIENT, faults.stream().filter(f -> f.stream() == Direction.CLIENT).findFirst().orElse(null));
        this.fromServer = new Stream(Direction.SERVER, faults.stream().filter(f -> f.stream() == Direction.SERVER).findFirst().orElse(null));
    }

    /** Set-up (faults at accept, the connection to the target), then the client's pump on this thread. */
    void run() {
        clientPump = Thread.currentThread();
        for (Stream s : List.of(fromClient, fromServer)) {
            if (s.fault != null && s.fault.endsAtAccept()) {
                arm(s);
                return;
            }
        }
        Socket upstream = new Socket();
        server = upstream;
        try {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            upstream.connect(target, (int) connectTimeout.toMillis());
        } catch (IOException e) {
            closeAll(false);
            return;
        }
        if (closed.get()) return;
        armTriggered();
        if (proxy.startThread(Thread.currentThread().getName() + "-s2c", () -> {
            serverPump = Thread.currentThread();
            pump(fromServer);
        }) == null) {
            closeAll(false);
            return;
        }
        pump(fromClient);
    }

    private void pump(Stream s) {
        byte[] buffer = new byte[bufferSize];
        try {
            InputStream in = s.source().getInputStream();
            while (!closed.get()) {
                int n = in.read(buffer);
                if (n < 0) {
                    endOfStream(s);
                    return;
                }
                int off = 0;
                while (off < n && !closed.get()) {
                    int len = (int) Math.min(n - off, untilNextTrigger(s.sender));
                    List<Stream> due = dueAfter(s.sender, s.read + len);
                    // a fault on the other stream takes hold before these bytes go out: its answer cannot slip past
                    for (Stream other : due) {
                        if (other != s) take(other);
                    }
                    forward(s, buffer, off, len);
                    s.read += len;
                    off += len;
                    for (Stream d : due) {
                        if (d == s) take(d);
                        act(d);
                    }
                }
            }
        } catch (IOException e) {
            closeAll(false);
        } catch (InterruptedException e) {
            closeAll(false);
        } finally {
            if (pumpsRunning.decrementAndGet() == 0) closeAll(false);
        }
    }

    /** Bytes the pump of {@code sender} may forward before a trigger on its count falls due (at least 1). */
    private long untilNextTrigger(Direction sender) {
        long read = sender == Direction.CLIENT ? fromClient.read : fromServer.read;
        long next = Long.MAX_VALUE;
        for (Stream s : List.of(fromClient, fromServer)) {
            if (s.fault != null && !s.armed.get() && s.fault.trigger().direction() == sender && s.fault.trigger().bytes() > read) {
                next = Math.min(next, s.fault.trigger().bytes() - read);
            }
        }
        return next;
    }

    /** The streams whose fault is triggered once {@code sender} has sent {@code count} bytes, not yet armed. */
    private List<Stream> dueAfter(Direction sender, long count) {
        List<Stream> due = new java.util.ArrayList<>(2);
        for (Stream s : List.of(fromClient, fromServer)) {
            if (s.fault != null && !s.armed.get() && s.fault.trigger().direction() == sender && count >= s.fault.trigger().bytes()) {
                due.add(s);
            }
        }
        return due;
    }

    /** Arms every fault whose trigger has been reached (at accept: those at byte 0). */
    private void armTriggered() {
        for (Stream s : List.of(fromClient, fromServer)) {
            if (s.fault == null || s.armed.get()) continue;
            Fault.Trigger t = s.fault.trigger();
            long read = t.direction() == Direction.CLIENT ? fromClient.read : fromServer.read;
            if (read >= t.bytes()) arm(s);
        }
    }

    private void arm(Stream s) {
        take(s);
        act(s);
    }

    /**
     * The fault takes hold of its stream: from now on its pump sends what arrives through the fault (injected
     * bytes go first). Idempotent.
     */
    private void take(Stream s) {
        if (!s.armed.compareAndSet(false, true)) return;
        proxy.fired(info, s.fault);
        if (s.fault.action() instanceof Fault.Inject i) {
            try {
                write(s, i.bytes(), 0, i.bytes().length);
            } catch (IOException e) {
                closeAll(false);
            }
        }
    }

    /** What a fault does to the whole connection once triggered: close, reset, stop listening. */
    private void act(Stream s) {
        switch (s.fault.action()) {
            case Fault.Close c -> closeAll(false);
            case Fault.Reset r -> closeAll(true);
            case Fault.CloseAfter c when c.bytes() == 0 -> closeAll(false);
            case Fault.StopListening l -> proxy.stopListening(info.port());
            default -> { }
        }
    }

    private void forward(Stream s, byte[] b, int off, int len) throws IOException, InterruptedException {
        if (s.fault == null || !s.armed.get()) {
            write(s, b, off, len);
            return;
        }
        switch (s.fault.action()) {
            case Fault.Stall st -> { }
            case Fault.StopListening l -> write(s, b, off, len);
            case Fault.Close c -> { }
            case Fault.Reset r -> { }
            case Fault.Inject i -> write(s, b, off, len);
            case Fault.Delay d -> {
                Thread.sleep(d.perChunk());
                write(s, b, off, len);
            }
            case Fault.Drip d -> {
                for (int i = 0; i < len && !closed.get(); i++) {
                    Thread.sleep(d.perByte());
                    write(s, b, off + i, 1);
                }
            }
            case Fault.Corrupt c -> {
                long at = c.offset() - s.passedSinceArmed;
                if (!s.corrupted && at >= 0 && at < len) {
                    b[off + (int) at] ^= (byte) c.mask();
                    s.corrupted = true;
                }
                write(s, b, off, len);
            }
            case Fault.CloseAfter c -> {
                int k = Math.min(len, s.budget);
                write(s, b, off, k);
                s.budget -= k;
                if (s.budget == 0) closeAll(false);
            }
        }
        s.passedSinceArmed += len;
    }

    private void write(Stream s, byte[] b, int off, int len) throws IOException {
        synchronized (s.writeLock) {
            s.destination().getOutputStream().write(b, off, len);
        }
    }

    /** The sender closed its side: pass the FIN on, unless the stream is stalled (the peer must keep waiting). */
    private void endOfStream(Stream s) {
        if (s.armed.get() && s.fault.action() instanceof Fault.Stall) return;
        try {
            s.destination().shutdownOutput();
        } catch (IOException e) {
            closeAll(false);
        }
    }

    /** Closes both sockets (with RST when {@code reset}) and wakes both pumps. Idempotent. */
    void closeAll(boolean reset) {
        if (!closed.compareAndSet(false, true)) return;
        if (reset) {
            for (Socket s : new Socket[] {client, server}) {
                try {
                    if (s != null && !s.isClosed()) s.setSoLinger(true, 0);
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
        }
        FaultProxy.closeQuietly(client);
        FaultProxy.closeQuietly(server);
        for (Thread t : new Thread[] {clientPump, serverPump}) {
            if (t != null && t != Thread.currentThread()) t.interrupt();
        }
        proxy.ended(this);
    }
}
