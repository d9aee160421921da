package dev.shipctl.cli.diagnostics;

/**
 * How {@code swarm --sandbox} shares the processor when its sandbox runs in a JVM of its own on this machine (past
 * about 9,900 sessions, see {@link SwarmCommand#sandboxInOwnProcess}): each JVM runs its virtual threads on half the
 * cores instead of both scheduling on all of them. On 2 cores, one carrier each gave 626-705 logins/s against
 * 559-577 with two each (10,000 sessions, three alternating pairs), and less CPU for the same work: fewer threads to
 * wake across cores, fewer switches. Set {@code -Djdk.virtualThreadScheduler.parallelism} yourself (in
 * {@code SHIPCTL_JAVA_OPTS}, {@code SHIPCTL_SANDBOX_JAVA_OPTS}) and that is used instead.
 */
public final class SwarmCores {
    static final String PARALLELISM = "jdk.virtualThreadScheduler.parallelism";

    private SwarmCores() {}

    /**
     * Called by {@code Main} with the arguments after the {@code swarm} verb, before any virtual thread exists (the
     * scheduler reads its parallelism once, when the first one starts): for a {@code swarm --sandbox} whose sandbox
     * will run in its own JVM, gives this JVM's virtual threads its share of the cores. Does nothing otherwise, or
     * when the property is set already.
     */
    public static void configure(String[] swarmArgs) {
        if (System.getProperty(PARALLELISM) != null) return;
        int sessions = sandboxSwarmSessions(swarmArgs);
        if (sessions > 0 && SwarmCommand.sandboxInOwnProcess(sessions)) {
            System.setProperty(PARALLELISM, Integer.toString(clientShare(Runtime.getRuntime().availableProcessors())));
        }
    }

    /** The cores for the swarm's own virtual threads: half, at least one. */
    static int clientShare(int cores) {
        return Math.max(1, cores / 2);
    }

    /** The cores for the sandbox's virtual threads: the other half, at least one. */
    static int sandboxShare(int cores) {
        return Math.max(1, cores - cores / 2);
    }

    /**
     * The sessions of a {@code swarm --sandbox} ({@code --sessions N}, default 100) from the arguments after the verb;
     * 0 for {@code swarm merge} or a swarm against a server named otherwise. Reads only what it knows; picocli checks
     * the rest later.
     */
    static int sandboxSwarmSessions(String[] swarmArgs) {
        boolean sandbox = false;
        int sessions = SwarmCommand.DEFAULT_SESSIONS;
        for (int i = 0; i < swarmArgs.length; i++) {
            String arg = swarmArgs[i];
            if (arg.equals("--")) break;
            if (i == 0 && arg.equals("merge")) return 0;
            if (arg.equals("--sandbox")) sandbox = true;
            try {
                if (arg.equals("--sessions") && i + 1 < swarmArgs.length) sessions = Integer.parseInt(swarmArgs[++i]);
                else if (arg.startsWith("--sessions=")) sessions = Integer.parseInt(arg.substring("--sessions=".length()));
            } catch (NumberFormatException e) {
                return 0; // picocli says what is wrong with it
            }
        }
        return sandbox ? sessions : 0;
    }
}
