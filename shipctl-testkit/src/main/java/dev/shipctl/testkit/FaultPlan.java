package dev.shipctl.testkit;

import dev.shipctl.protocol.Direction;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which faults a {@link FaultProxy} applies to which connection, decided once per connection when it is accepted.
 * Rules are tried in order and the first whose predicate matches gives the connection its faults (at most one per
 * stream); no match means a healthy connection. Immutable.
 *
 * <pre>{@code
 * FaultPlan.onConnection(6, Fault.stall().after(Direction.CLIENT, 0xB8))   // the 6th connection stalls after its login
 * FaultPlan.when(c -> c.port() == shipPort, Fault.refuse())
 * FaultPlan.always(Fault.drip(Duration.ofMillis(100)))
 * }</pre>
 */
public final class FaultPlan {
    private record Rule(Predicate<ConnectionInfo> which, List<Fault> faults) {}

    private static final FaultPlan HEALTHY = new FaultPlan(List.of());

    private final List<Rule> rules;

    private FaultPlan(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** No faults: every connection is forwarded as it is. */
    public static FaultPlan healthy() {
        return HEALTHY;
    }

    /** These faults on every connection. */
    public static FaultPlan always(Fault... faults) {
        return when(c -> true, faults);
    }

    /** These faults on the {@code number}-th connection the proxy accepts (1-based, all ports together). */
    public static FaultPlan onConnection(int number, Fault... faults) {
        if (number < 1) throw new IllegalArgumentException("connections are numbered from 1");
        return when(c -> c.number() == number, faults);
    }

    /** These faults on every connection {@code which} accepts. */
    public static FaultPlan when(Predicate<ConnectionInfo> which, Fault... faults) {
        Objects.requireNonNull(which);
        return new FaultPlan(List.of(new Rule(which, checked(List.of(faults)))));
    }

    /** This plan, and for connections none of its rules matches, {@code other}. */
    public FaultPlan orElse(FaultPlan other) {
        List<Rule> all = new ArrayList<>(rules);
        all.addAll(other.rules);
        return new FaultPlan(all);
    }

    /** The faults for a connection (empty: healthy). */
    List<Fault> faultsFor(ConnectionInfo connection) {
        for (Rule r : rules) {
            if (r.which().test(connection)) return r.faults();
        }
        return List.of();
    }

    private static List<Fault> checked(List<Fault> faults) {
        Set<Direction> streams = EnumSet.noneOf(Direction.class);
        for (Fault f : faults) {
            if (!streams.add(f.stream())) {
                throw new IllegalArgumentException("at most one fault per stream and connection; two on " + f.stream());
            }
        }
        return faults;
    }
}
