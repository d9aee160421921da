package dev.shipctl.swarm;

import dev.shipctl.Credentials;
import dev.shipctl.Session;
import dev.shipctl.SessionEvent;
import dev.shipctl.SessionListener;
import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.StageTiming;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Many sessions against one server, for a load test: {@link #run()} logs the accounts in through the whole chain,
 * paced by a token bucket ({@link Builder#ramp}) and a bound on logins in flight ({@link Builder#maxInFlight}), each on
 * a virtual thread; holds them in their lobbies for {@link Builder#duration} doing their {@link Behaviour} (the
 * sessions answer pings themselves); then logs every one out and returns the {@link SwarmReport}. {@link #stop()} (from any thread) ends the ramp at once and leaves
 * early, with the same clean logouts.
 *
 * <pre>{@code
 * Swarm swarm = Swarm.builder(ShipClient.builder().server("127.0.0.1", 12000).build(), accounts)
 *         .ramp(50).duration(Duration.ofMinutes(5)).behaviour(Behaviour.CHAT).build();
 * SwarmReport report = swarm.run();
 * }</pre>
 *
 * <p>It is load: point it at servers you own.
 */
public final class Swarm implements AutoCloseable {
    /** The latency key of the whole login chain, next to the stages' ids. */
    public static final String TOTAL = "total";
    private static final String ANY_SOURCE = "";

    private final ShipClient client;
    private final List<Credentials> accounts;
    private final double ramp;
    private final int burst;
    private final int maxInFlight;
    private final Duration duration;
    private final Behaviour behaviour;
    private final List<InetAddress> sources;
    private final int blocks;
    private final Duration actionInterval;
    private final String label;
    private final List<Consumer<SwarmSnapshot>> snapshotListeners;

    private final LeaveSignal leave = new LeaveSignal();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicLong attempted = new AtomicLong();
    private final AtomicLong loggedIn = new AtomicLong();
    private final AtomicLong fastestLogin = new AtomicLong(Long.MAX_VALUE);
    private final AtomicInteger loginsTimed = new AtomicInteger();
    private final AtomicBoolean boundFollows = new AtomicBoolean(); // the warm-up is over: the bound follows the fastest
    private volatile LoginSlots slots;
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong held = new AtomicLong();
    private final AtomicLong heldPeak = new AtomicLong();
    private final AtomicLong serverDisconnects = new AtomicLong();
    private final AtomicLong firstLoginStart = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong lastLoginEnd = new AtomicLong(Long.MIN_VALUE);
    private final Map<String, LatencyHistogram> latencies = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, String> errorExamples = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> disconnects = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> actions = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> loginsInFlight = new ConcurrentHashMap<>();
    private final Set<Bot> open = ConcurrentHashMap.newKeySet();
    private final List<SwarmSnapshot> timeline = new ArrayList<>();
    private volatile SwarmSnapshot.Phase phase = SwarmSnapshot.Phase.RAMP;
    private volatile long startNanos;

    private Swarm(Builder b) {
        this.client = b.client;
        this.accounts = List.copyOf(b.accounts.subList(0, b.sessions));
        this.ramp = b.ramp;
        this.burst = b.burst;
        this.maxInFlight = b.maxInFlight; // 0: derived from the ramp and the fastest login seen
        this.duration = b.duration;
        this.behaviour = b.behaviour;
        this.sources = List.copyOf(b.sources);
        this.blocks = b.blocks;
        this.actionInterval = b.actionInterval;
        this.label = b.label;
        this.snapshotListeners = List.copyOf(b.snapshotListeners);
    }

    /**
     * A swarm of {@code client}'s server; one session per account, in order.
     *
     * @param accounts at least as many as {@link Builder#sessions} asks for
     */
    public static Builder builder(ShipClient client, List<Credentials> accounts) {
        return new Builder(client, accounts);
    }

    /**
     * Runs the swarm: ramp, hold, leave. Returns when every session it opened has been logged out (or was ended by
     * the server). Once only.
     *
     * @throws InterruptedException interrupted while waiting; the sessions opened so far are logged out first
     * @throws IllegalStateException it ran already
     */
    public SwarmReport run() throws InterruptedException {
        if (!started.compareAndSet(false, true)) throw new IllegalStateException("a swarm runs once");
        Runtime runtime = Runtime.getRuntime();
        System.gc(); // a baseline for the heap per session
        long heapBefore = runtime.totalMemory() - runtime.freeMemory();
        Duration cpuBefore = cpuTime();
        startNanos = System.nanoTime();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shipctl-swarm-sampler");
            t.setDaemon(true);
            return t;
        });
        sampler.scheduleAtFixedRate(this::sample, 1, 1, TimeUnit.SECONDS);
        List<Thread> threads = new ArrayList<>();
        long heapPerSession = 0;
        boolean interrupted = false;
        try {
            Phaser logins = new Phaser(1);
            TokenBucket bucket = new TokenBucket(ramp, burst);
            LoginSlots inFlight = new LoginSlots(maxInFlight > 0 ? maxInFlight : MIN_IN_FLIGHT);
            slots = inFlight;
            if (leave.isSignalled()) inFlight.close(); // stopped before the ramp began
            for (int i = 0; i < accounts.size(); i++) {
                if (!inFlight.take()) break;
                if (!bucket.take(leave)) {
                    inFlight.give();
                    break;
                }
                int index = i;
                logins.register();
                attempted.incrementAndGet();
                threads.add(Thread.ofVirtual().name("shipctl-swarm-" + i).start(() -> bot(index, logins, inFlight)));
            }
            logins.arriveAndAwaitAdvance(); // every login started has ended, in a lobby or failed
            if (loggedIn.get() > 0) {
                System.gc();
                long heapHeld = runtime.totalMemory() - runtime.freeMemory();
                heapPerSession = Math.max(0, (heapHeld - heapBefore) / Math.max(1, held.get()));
            }
            phase = SwarmSnapshot.Phase.HOLD;
            long holdNanos = duration.toNanos();
            if (holdNanos > 0) leave.await(holdNanos);
        } catch (InterruptedException e) {
            interrupted = true;
        } finally {
            long heldAtEnd = held.get();
            phase = SwarmSnapshot.Phase.LEAVE;
            leave.signal();
            logOutEverySession();
            for (Thread t : threads) joinUninterruptibly(t);
            sampler.shutdownNow();
            phase = SwarmSnapshot.Phase.DONE;
            sample();
            if (interrupted) Thread.currentThread().interrupt();
            lastReport = report(heldAtEnd, cpuTime().minus(cpuBefore), heapPerSession);
        }
        if (interrupted) throw new InterruptedException("the swarm was interrupted; its sessions were logged out");
        return lastReport;
    }

    private volatile SwarmReport lastReport;

    /** Ends the ramp at once and leaves (every session logged out); {@link #run()} then returns its report. */
    public void stop() {
        stopRequested.set(true);
        leave.signal();
        LoginSlots s = slots;
        if (s != null) s.close();
    }

    /**
     * The bound on logins in flight now: {@link Builder#maxInFlight} if given, else derived (see there); 0 before
     * {@link #run()}.
     */
    public int maxInFlight() {
        LoginSlots s = slots;
        return s == null ? 0 : s.size();
    }

    /** The largest bound on logins in flight so far (what the report gives: the peak never exceeds it). */
    private int largestInFlightBound() {
        LoginSlots s = slots;
        return s == null ? 0 : s.largest();
    }

    /** The most logins that were in flight at once so far (never more than the largest bound). */
    public int peakInFlight() {
        LoginSlots s = slots;
        return s == null ? 0 : s.peak();
    }

    /**
     * The derived bound on logins in flight: what the ramp starts in {@value #IN_FLIGHT_FACTOR} times the fastest
     * login so far (the server's time without queueing: a few milliseconds on loopback, most of a second over a
     * long-distance link with a login's dozen round trips), at least {@value #MIN_IN_FLIGHT}.
     */
    static int derivedInFlight(double ramp, long fastestLoginNanos) {
        double logins = Math.ceil(ramp * IN_FLIGHT_FACTOR * fastestLoginNanos / 1e9);
        return (int) Math.max(MIN_IN_FLIGHT, Math.min(MAX_DERIVED_IN_FLIGHT, logins));
    }

    private static final double IN_FLIGHT_FACTOR = 2.0;
    private static final int MIN_IN_FLIGHT = 16;
    private static final int MAX_DERIVED_IN_FLIGHT = 100_000;

    /**
     * A login ended in a lobby after {@code nanos}, at {@code endNanos}: with no bound given, the bound follows the
     * fastest login, after a warm-up of {@value #MIN_IN_FLIGHT} logins and {@link #WARM_UP} since the ramp began.
     * The first logins pay for the warm-up of both ends (classes loaded, code compiled): sized on the very first, the
     * bound once let 500 logins in at a time on loopback, which then queued for the processor, so that none was fast
     * again to bring it down, and the ramp ran up to a third slower.
     */
    private void loginTook(long nanos, long endNanos) {
        if (maxInFlight > 0) return;
        long fastest = fastestLogin.accumulateAndGet(nanos, Math::min);
        if (!warmedUp(loginsTimed.incrementAndGet(), endNanos - startNanos)) return;
        boolean first = boundFollows.compareAndSet(false, true);
        if (!first && fastest != nanos) return;
        LoginSlots s = slots;
        if (s != null) s.resize(derivedInFlight(ramp, fastest));
    }

    /** How long after the ramp began the derived bound starts to follow the fastest login (and 16 have ended). */
    static final Duration WARM_UP = Duration.ofSeconds(1);

    /** Whether the warm-up is over once {@code timed} logins have ended, {@code sinceStartNanos} into the ramp. */
    static boolean warmedUp(int timed, long sinceStartNanos) {
        return timed >= MIN_IN_FLIGHT && sinceStartNanos >= WARM_UP.toNanos();
    }

    /** As {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }

    /** Where the swarm stands now. */
    public SwarmSnapshot snapshot() {
        long start = startNanos;
        Duration elapsed = start == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - start);
        return new SwarmSnapshot(elapsed, phase, attempted.get(), loggedIn.get(), failed.get(), held.get(), serverDisconnects.get());
    }

    /** How often the behaviour did {@code action} so far ("chat_lines", "lobby_changes", "announcements_heard"). */
    public long actionCount(String action) {
        LongAdder n = actions.get(action);
        return n == null ? 0 : n.sum();
    }

    private void sample() {
        SwarmSnapshot s = snapshot();
        synchronized (timeline) {
            timeline.add(s);
        }
        for (Consumer<SwarmSnapshot> l : snapshotListeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                // a listener's failure is its own; the swarm goes on
            }
        }
    }

    private void bot(int index, Phaser logins, LoginSlots inFlight) {
        Bot bot = null;
        try {
            bot = logIn(index);
        } finally {
            inFlight.give();
            logins.arriveAndDeregister();
        }
        if (bot != null) hold(bot);
    }

    private Bot logIn(int index) {
        InetAddress source = sources.isEmpty() ? null : sources.get(index % sources.size());
        String sourceKey = source == null ? ANY_SOURCE : source.getHostAddress();
        Bot bot = new Bot(index, sourceKey);
        // many sessions in one JVM: each reads on a virtual thread, so an idle one ties up no OS thread
        ShipClient.Builder b = client.newBuilder().manySessions(true).listener(bot);
        if (source != null) b.localAddress(source);
        if (blocks > 0) b.block(Integer.toString(index % blocks + 1));
        AtomicInteger inFlight = loginsInFlight.computeIfAbsent(sourceKey, k -> new AtomicInteger());
        inFlight.incrementAndGet();
        long start = System.nanoTime();
        firstLoginStart.accumulateAndGet(start, Math::min);
        try {
            Session session = b.build().connect(accounts.get(index));
            long end = System.nanoTime();
            lastLoginEnd.accumulateAndGet(end, Math::max);
            record(session.timings());
            latency(TOTAL).record(Duration.ofNanos(end - start));
            loginTook(end - start, end);
            bot.session = session;
            open.add(bot);
            loggedIn.incrementAndGet();
            heldPeak.accumulateAndGet(held.incrementAndGet(), Math::max);
            if (!session.isOpen()) {
                try {
                    session.awaitDisconnect(Duration.ZERO).ifPresent(bot::ended); // ended before its listener knew the session
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return bot;
        } catch (ShipException e) {
            lastLoginEnd.accumulateAndGet(System.nanoTime(), Math::max);
            record(e.timings());
            failed.incrementAndGet();
            error(e.stage().map(s -> s.id()).orElse("login") + "/" + e.getClass().getSimpleName(), e);
            return null;
        } catch (RuntimeException e) {
            lastLoginEnd.accumulateAndGet(System.nanoTime(), Math::max);
            failed.incrementAndGet();
            error("login/" + e.getClass().getSimpleName(), e);
            return null;
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void hold(Bot bot) {
        Session session = bot.session;
        try {
            switch (behaviour) {
                case IDLE, ANNOUNCE_LISTEN -> {} // nothing to do: the session answers pings on its own, its thread ends
                case CHAT -> chat(bot, session);
                case LOBBY_HOP -> hop(bot, session);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Duration firstWait(Bot bot, Duration interval) {
        return interval.multipliedBy(bot.index % 10).dividedBy(10); // spread the sessions' actions over the interval
    }

    private void chat(Bot bot, Session session) throws InterruptedException {
        Duration interval = max(actionInterval, session.flavour().chatCooldown().multipliedBy(2));
        if (waitToLeave(firstWait(bot, interval))) return;
        int line = 0;
        do {
            bot.acting.lock();
            try {
                if (leave.isSignalled() || !session.isOpen()) return;
                session.chat("swarm " + bot.index + " #" + ++line).get(interval.toMillis() + 5000, TimeUnit.MILLISECONDS);
                count(actions, "chat_lines");
            } catch (java.util.concurrent.ExecutionException e) {
                if (!leave.isSignalled()) error("hold/" + e.getCause().getClass().getSimpleName(), e.getCause());
            } catch (TimeoutException e) {
                if (!leave.isSignalled()) error("hold/ChatTimeout", "a chat line not sent within " + (interval.toMillis() + 5000) + " ms");
            } finally {
                bot.acting.unlock();
            }
        } while (!waitToLeave(interval));
    }

    private void hop(Bot bot, Session session) throws InterruptedException {
        var cooldown = session.flavour().lobbyChangeCooldown();
        if (cooldown.isEmpty()) {
            error("hold/Unsupported", session.flavour() + " has no lobby change to hop with");
            leave.await();
            return;
        }
        Duration interval = max(actionInterval, cooldown.get());
        if (waitToLeave(firstWait(bot, interval))) return;
        do {
            bot.acting.lock();
            try {
                if (leave.isSignalled() || !session.isOpen()) return;
                int next = session.lobby().number() % 15 + 1;
                session.changeLobby(next);
                count(actions, "lobby_changes");
            } catch (ShipException | IllegalStateException e) {
                if (!leave.isSignalled() && session.isOpen()) error("hold/" + e.getClass().getSimpleName(), e);
            } finally {
                bot.acting.unlock();
            }
        } while (!waitToLeave(interval));
    }

    /** Waits {@code d} for the leave signal; true when it came. */
    private boolean waitToLeave(Duration d) throws InterruptedException {
        return leave.await(d.toNanos());
    }

    private void logOutEverySession() {
        List<Thread> closing = new ArrayList<>();
        for (Bot bot : open) {
            closing.add(Thread.ofVirtual().name("shipctl-swarm-leave-" + bot.index).start(() -> {
                // an action under way (a chat line, a lobby change: bounded by their own timeouts) ends first, so
                // what the server did is what the report counts; none starts after the leave signal
                bot.acting.lock();
                try {
                    if (bot.end()) {
                        bot.session.close();
                        held.decrementAndGet();
                        loggedOut.incrementAndGet();
                    }
                } finally {
                    bot.acting.unlock();
                }
            }));
        }
        for (Thread t : closing) joinUninterruptibly(t);
    }

    private final AtomicLong loggedOut = new AtomicLong();

    private void record(List<StageTiming> timings) {
        for (StageTiming t : timings) latency(t.stage().id()).record(t.elapsed());
    }

    private LatencyHistogram latency(String key) {
        return latencies.computeIfAbsent(key, k -> new LatencyHistogram());
    }

    /** Counts an error under {@code key}, keeping the first one's message as the key's example. */
    private void error(String key, Throwable e) {
        error(key, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    private void error(String key, String example) {
        errorExamples.putIfAbsent(key, example);
        count(errors, key);
    }

    private static void count(Map<String, LongAdder> counts, String key) {
        counts.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    private SwarmReport report(long heldAtEnd, Duration cpu, long heapPerSession) {
        long first = firstLoginStart.get(), last = lastLoginEnd.get();
        Duration rampTime = first == Long.MAX_VALUE || last == Long.MIN_VALUE ? Duration.ZERO : Duration.ofNanos(last - first);
        List<SwarmSnapshot> samples;
        synchronized (timeline) {
            samples = List.copyOf(timeline);
        }
        String target = client.host() + ":" + client.port();
        return new SwarmReport(label, target, behaviour, accounts.size(), attempted.get(), loggedIn.get(), failed.get(),
                loggedOut.get(), heldPeak.get(), heldAtEnd, rampTime, Duration.ofNanos(System.nanoTime() - startNanos),
                stopRequested.get(), new TreeMap<>(latencies), sums(errors), new TreeMap<>(errorExamples), sums(disconnects), sums(actions), samples, cpu,
                heapPerSession, largestInFlightBound(), peakInFlight());
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counts) {
        Map<String, Long> result = new TreeMap<>();
        counts.forEach((k, v) -> result.put(k, v.sum()));
        return result;
    }

    private static Duration cpuTime() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void joinUninterruptibly(Thread t) {
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    /** One session of the swarm, and its listener: counts announcements, sees the server end it. */
    private final class Bot implements SessionListener {
        final int index;
        final String source;
        volatile Session session;
        /** Held while the bot acts (a chat line, a lobby change), and by its logout. */
        final ReentrantLock acting = new ReentrantLock();
        private final AtomicBoolean ended = new AtomicBoolean();

        Bot(int index, String source) {
            this.index = index;
            this.source = source;
        }

        /** Marks the session ended; true the first time only. */
        boolean end() {
            return ended.compareAndSet(false, true);
        }

        @Override
        public boolean wants(SessionEvent event) {
            return event instanceof SessionEvent.Announcement || event instanceof SessionEvent.Disconnected;
        }

        @Override
        public void onEvent(SessionEvent event) {
            switch (event) {
                case SessionEvent.Announcement a -> count(actions, "announcements_heard");
                case SessionEvent.Disconnected d -> ended(d);
                default -> {}
            }
        }

        void ended(SessionEvent.Disconnected d) {
            if (d.cause().isEmpty() || session == null) return; // our own logout, or during the login (its failure counts)
            if (!end()) return;
            held.decrementAndGet();
            serverDisconnects.incrementAndGet();
            count(disconnects, kind(d.cause().get()).id());
        }

        private DisconnectKind kind(ShipException cause) {
            return switch (cause) {
                case ShipException.TakenOver t -> DisconnectKind.TAKEN_OVER;
                case ShipException.ConnectionLost lost -> lost.serverText().filter(s -> !s.isBlank()).isEmpty()
                        && loginsInFlight.getOrDefault(source, new AtomicInteger()).get() > 0
                        ? DisconnectKind.PER_IP_LIMIT : DisconnectKind.SERVER_CLOSED;
                default -> DisconnectKind.OTHER;
            };
        }
    }

    /** Configures a {@link Swarm}. */
    public static final class Builder {
        private final ShipClient client;
        private final List<Credentials> accounts;
        private int sessions;
        private double ramp = 10;
        private int burst = 1;
        private int maxInFlight;
        private Duration duration = Duration.ofMinutes(1);
        private Behaviour behaviour = Behaviour.IDLE;
        private List<InetAddress> sources = List.of();
        private int blocks;
        private Duration actionInterval = Duration.ofSeconds(10);
        private String label = "";
        private final List<Consumer<SwarmSnapshot>> snapshotListeners = new ArrayList<>();

        private Builder(ShipClient client, List<Credentials> accounts) {
            this.client = Objects.requireNonNull(client, "client");
            this.accounts = List.copyOf(accounts);
            this.sessions = accounts.size();
        }

        /** How many sessions (default: one per account); at most the number of accounts. */
        public Builder sessions(int n) {
            if (n < 1 || n > accounts.size()) {
                throw new IllegalArgumentException("sessions must be 1.." + accounts.size() + " (one per account), not " + n);
            }
            this.sessions = n;
            return this;
        }

        /** Logins started per second, at most (default 10). */
        public Builder ramp(double perSecond) {
            if (!(perSecond > 0) || Double.isInfinite(perSecond)) throw new IllegalArgumentException("the ramp must be a positive rate");
            this.ramp = perSecond;
            return this;
        }

        /** How many logins may start at once after a pause (the bucket's size; default 1: evenly spaced). */
        public Builder burst(int logins) {
            if (logins < 1) throw new IllegalArgumentException("the burst must be at least 1");
            this.burst = logins;
            return this;
        }

        /**
         * How many logins may be in flight at once, at most. A ramp faster than the server logs in then goes at the
         * server's pace: the logins wait for a slot instead of all waiting on the server together, each holding its
         * half-built state. Default: what the ramp starts in twice the fastest login so far, at least 16 (16 until
         * 16 logins have ended and the ramp has run a second: the first pay for the warm-up), so a
         * distant server, whose logins take long even when it is idle, still gets the ramp asked.
         */
        public Builder maxInFlight(int logins) {
            if (logins < 1) throw new IllegalArgumentException("at least one login must be allowed in flight");
            this.maxInFlight = logins;
            return this;
        }

        /** How long to hold the sessions once the ramp has ended (default 1 minute; zero leaves at once). */
        public Builder duration(Duration duration) {
            if (duration.isNegative()) throw new IllegalArgumentException("the duration must not be negative");
            this.duration = duration;
            return this;
        }

        public Builder behaviour(Behaviour behaviour) {
            this.behaviour = Objects.requireNonNull(behaviour);
            return this;
        }

        /** Local addresses to open the sessions from, round robin (default: the system's choice). */
        public Builder sources(List<InetAddress> addresses) {
            this.sources = List.copyOf(addresses);
            return this;
        }

        /**
         * Spreads the sessions over blocks 1..n, round robin (default 0: every session takes the client's
         * {@link ShipClient#block()}). A Tethealla lobby holds 12 players and a block 15 lobbies: 180 a block.
         */
        public Builder blocks(int n) {
            if (n < 0 || n > 99) throw new IllegalArgumentException("blocks must be 0..99");
            this.blocks = n;
            return this;
        }

        /**
         * How often a chatting session says a line or a hopping one changes lobbies (default 10 s); never faster
         * than twice the flavour's chat cooldown, or its lobby change cooldown.
         */
        public Builder actionInterval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("the action interval must be positive");
            this.actionInterval = interval;
            return this;
        }

        /** What the report calls this run ("shard 2/3"); default empty. */
        public Builder label(String label) {
            this.label = Objects.requireNonNull(label);
            return this;
        }

        /** Hears a snapshot once a second, on the swarm's sampler thread (keep it fast), and a last one at the end. */
        public Builder onSnapshot(Consumer<SwarmSnapshot> listener) {
            snapshotListeners.add(Objects.requireNonNull(listener));
            return this;
        }

        public Swarm build() {
            return new Swarm(this);
        }
    }
}
