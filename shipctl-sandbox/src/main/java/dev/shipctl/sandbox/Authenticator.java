package dev.shipctl.sandbox;

import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Checks the user name and password of a 0x93 on the login and character ports. Called by a connection's reader
 * thread <em>without</em> the server lock, so a slow hash never holds up the rest of the server.
 *
 * <ul>
 * <li><b>Bounded.</b> PBKDF2 runs on a small pool of platform threads ({@link #THREADS}); attempts wait their turn in
 * arrival order. A flood of wrong passwords cannot take every core from the connections' virtual threads.</li>
 * <li><b>One hash per address at a time.</b> An address's attempts queue behind each other before they queue for
 * the pool, so a flood from one address delays another address's login by one hash at most.</li>
 * <li><b>Same cost for unknown users.</b> When any account is hashed, an unknown user (and a plain-text account
 * beside hashed ones) is checked against a dummy hash with the accounts' highest iteration count and key length, so
 * timing does not tell which user names exist.</li>
 * </ul>
 */
final class Authenticator implements AutoCloseable {
    /** Hashes at once: 2 to 4, by the number of processors. */
    static final int THREADS = Math.clamp(Runtime.getRuntime().availableProcessors() / 2, 2, 4);

    private final Accounts accounts;
    private final Kdf kdf;
    /** The hash unknown users are checked against; null when every account is plain text (no hash work at all). */
    private final Password.Pbkdf2 dummy;
    private final ExecutorService pool;
    private final ConcurrentHashMap<InetAddress, Turn> turns = new ConcurrentHashMap<>();

    /** The per-address queue: one hash at a time, in arrival order, forgotten when nobody waits. */
    private static final class Turn {
        final Semaphore one = new Semaphore(1, true);
        int users; // changed only inside ConcurrentHashMap.compute for this address
    }

    Authenticator(Accounts accounts, Kdf kdf) {
        this.accounts = accounts;
        this.kdf = kdf;
        this.dummy = accounts.all().stream()
                .map(Account::password)
                .filter(Password.Pbkdf2.class::isInstance)
                .map(Password.Pbkdf2.class::cast)
                .max(Comparator.comparingInt(Password.Pbkdf2::iterations).thenComparingInt(p -> p.key().length))
                .map(Authenticator::dummyLike)
                .orElse(null);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(THREADS,
                r -> Thread.ofPlatform().daemon().name("sandbox-hash-" + n.incrementAndGet()).unstarted(r));
    }

    private static Password.Pbkdf2 dummyLike(Password.Pbkdf2 model) {
        SecureRandom random = new SecureRandom();
        byte[] salt = new byte[model.salt().length];
        byte[] key = new byte[model.key().length];
        random.nextBytes(salt);
        random.nextBytes(key);
        return new Password.Pbkdf2(model.iterations(), salt, key);
    }

    /**
     * The account whose user and password these are, or null. Must not be called under the server lock.
     *
     * @param from   the client's address, whose attempts run one at a time
     * @param wanted asked when the attempt's turn comes: false (the connection is closing) skips the hash
     * @throws InterruptedException while waiting for a turn or for the hash
     */
    Account check(InetAddress from, String user, String password, BooleanSupplier wanted) throws InterruptedException {
        Account account = accounts.byUser(user).orElse(null);
        if (dummy == null) {
            return account != null && account.password().matches(password) ? account : null;
        }
        return switch (account == null ? null : account.password()) {
            case Password.Pbkdf2 hash -> hashed(from, hash, password, wanted) ? account : null;
            case Password.Plain plain -> {
                hashed(from, dummy, password, wanted); // the same work as any other user
                yield plain.matches(password) ? account : null;
            }
            case null -> {
                hashed(from, dummy, password, wanted);
                yield null;
            }
        };
    }

    private boolean hashed(InetAddress from, Password.Pbkdf2 hash, String password, BooleanSupplier wanted) throws InterruptedException {
        Turn turn = turns.compute(from, (a, t) -> {
            Turn mine = t == null ? new Turn() : t;
            mine.users++;
            return mine;
        });
        try {
            turn.one.acquire();
            try {
                if (!wanted.getAsBoolean()) return false;
                Future<Boolean> result = pool.submit(() -> hash.matches(password, kdf));
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    result.cancel(true);
                    throw e;
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } finally {
                turn.one.release();
            }
        } catch (CancellationException | RejectedExecutionException e) {
            return false; // the sandbox is closing
        } finally {
            turns.computeIfPresent(from, (a, t) -> --t.users == 0 ? null : t);
        }
    }

    /**
     * Stops the hash threads: attempts still queued are cancelled (their logins fail), a hash in progress finishes on
     * its own and nobody waits for it.
     */
    @Override
    public void close() {
        for (Runnable queued : pool.shutdownNow()) {
            if (queued instanceof Future<?> f) f.cancel(false);
        }
    }
}
