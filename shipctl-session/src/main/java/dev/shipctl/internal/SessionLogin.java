package dev.shipctl.internal;

import dev.shipctl.Credentials;
import dev.shipctl.Depth;
import dev.shipctl.LoginPath;
import dev.shipctl.ResumeTicket;
import dev.shipctl.ShallowLogin;
import dev.shipctl.ShipClient;
import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a session gets to its lobby: straight to the block with the client's {@link ResumeTicket} when it fits (the
 * fast path, one connection), else, or once after the fast path failed, the family's whole chain from the login
 * port, in what is left of the deadline. {@link RealSession} makes the session of what arrived.
 */
final class SessionLogin {
    private static final Logger log = LoggerFactory.getLogger(SessionLogin.class);

    private SessionLogin() {}

    /** A login as it ended in a lobby: how, what the chain learned, and the clock that timed it. */
    record Arrival(Family family, ChainState state, LobbyConnection joined, LoginPath path, StageClock clock) {}

    static Arrival arrive(ShipClient client, Credentials credentials, Families families, Lifecycle lifecycle)
            throws ShipException {
        long started = System.nanoTime();
        LoginPath path = LoginPath.FULL;
        if (client.fastPathOnly() && client.resume().isEmpty()) {
            throw new ShipException.Unsupported("no fast path: the client has no ticket");
        }
        if (client.resume().isPresent()) {
            ResumeTicket ticket = client.resume().get();
            Optional<String> unusable = unusable(ticket, client, credentials, families);
            if (unusable.isEmpty()) {
                StageClock clock = new StageClock(client.timeout(), client.deadline(), lifecycle);
                try {
                    return fastPath(client, credentials, ticket, families, clock);
                } catch (ShipException e) {
                    clock.fail(e);
                    if (client.fastPathOnly()) throw e.withTimings(clock.timings());
                    log.debug("the fast path failed at {}: {}; taking the whole chain", e.stage().map(Stage::label).orElse("?"), e.reason());
                    path = new LoginPath(LoginPath.Kind.FALLBACK, Optional.of(e.reason()));
                }
            } else {
                if (client.fastPathOnly()) throw new ShipException.Unsupported("no fast path: " + unusable.get());
                log.debug("not taking the fast path: {}", unusable.get());
                path = new LoginPath(LoginPath.Kind.FULL_CHAIN, unusable);
            }
        }
        Optional<Duration> left = client.deadline().map(d -> d.minusNanos(System.nanoTime() - started))
                .map(d -> d.isNegative() || d.isZero() ? Duration.ofMillis(1) : d);
        StageClock clock = new StageClock(client.timeout(), left, lifecycle);
        return fullChain(client, credentials, families, clock, path);
    }

    /** Why a ticket cannot serve this login, or empty when it can. */
    private static Optional<String> unusable(ResumeTicket ticket, ShipClient client, Credentials credentials, Families families) {
        Optional<String> mismatch = ticket.mismatch(client, credentials.username());
        if (mismatch.isPresent()) return mismatch;
        Optional<Family> family = families.all().stream().filter(f -> f.flavour().name().equals(ticket.flavour())).findFirst();
        if (family.isEmpty()) return Optional.of("shipctl knows no '" + ticket.flavour() + "' server family");
        if (!family.get().loginChain().resumes()) return Optional.of(ticket.flavour() + " servers have no fast path");
        return Optional.empty();
    }

    /** One connection straight to the ticket's block. */
    private static Arrival fastPath(ShipClient client, Credentials credentials, ResumeTicket ticket, Families families,
                                    StageClock clock) throws ShipException {
        Family family = families.all().stream().filter(f -> f.flavour().name().equals(ticket.flavour())).findFirst().orElseThrow();
        ChainState state = ChainState.resuming(credentials, ticket);
        Wire wire = new Wire(client, clock);
        clock.begin(Stage.CONNECT);
        Connection block = wire.open("block", ticket.block().host(), ticket.block().port());
        clock.complete("block " + ticket.block().host() + ":" + ticket.block().port() + " (fast path)");
        LobbyConnection joined = family.loginChain().resume(new ChainRun(client, state, clock, wire), block);
        return new Arrival(family, state, joined, LoginPath.FAST, clock);
    }

    /** The family's whole chain from the login port. */
    private static Arrival fullChain(ShipClient client, Credentials credentials, Families families, StageClock clock,
                                     LoginPath path) throws ShipException {
        Family forced = client.flavour().map(families::of).orElse(null);
        ChainState state = new ChainState(credentials);
        Wire wire = new Wire(client, clock);
        try {
            clock.begin(Stage.CONNECT);
            Family family;
            LobbyConnection joined;
            try (Connection login = wire.open("login", client.host(), client.port())) {
                family = forced != null ? forced : families.detect(login.init(), login.initSize());
                String banner = login.init().banner();
                clock.complete(family.flavour().name() + (banner.isEmpty() ? "" : " (" + banner + ")"));
                joined = family.loginChain().walk(new ChainRun(client, state, clock, wire), login);
            }
            return new Arrival(family, state, joined, path, clock);
        } catch (ShipException e) {
            clock.fail(e);
            throw e.withTimings(clock.timings());
        }
    }

    /**
     * The family's whole chain from the login port as far as {@code depth} (above the lobby), its connections closed:
     * what it learned on the way. A chain that ends in a lobby all the same (a family that does not know the depth)
     * is left at once.
     */
    static ShallowLogin probe(ShipClient client, Credentials credentials, Depth depth, Families families, Lifecycle lifecycle)
            throws ShipException {
        Family forced = client.flavour().map(families::of).orElse(null);
        ChainState state = new ChainState(credentials);
        StageClock clock = new StageClock(client.timeout(), client.deadline(), lifecycle);
        Wire wire = new Wire(client, clock);
        Family family = null;
        try {
            clock.begin(Stage.CONNECT);
            try (Connection login = wire.open("login", client.host(), client.port())) {
                family = forced != null ? forced : families.detect(login.init(), login.initSize());
                String banner = login.init().banner();
                clock.complete(family.flavour().name() + (banner.isEmpty() ? "" : " (" + banner + ")"));
                LobbyConnection joined = family.loginChain().walk(new ChainRun(client, state, clock, wire, depth), login);
                joined.connection().close();
                log.debug("the {} chain went on to a lobby on a probe to depth {}", family.flavour().name(), depth.id());
            }
        } catch (DepthReached reached) {
            log.debug("stopped at depth {}", reached.depth().id());
        } catch (ShipException e) {
            clock.fail(e);
            throw e.withTimings(clock.timings());
        }
        return new ShallowLogin(depth, family.flavour(), Integer.toUnsignedLong(state.guildCard()), state.character(),
                state.ships(), state.blocks(), state.ship(), state.block(), clock.timings());
    }
}
