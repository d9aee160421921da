package dev.shipctl.bench;

import dev.shipctl.Credentials;
import dev.shipctl.Session;
import dev.shipctl.ShipClient;
import dev.shipctl.sandbox.Account;
import dev.shipctl.sandbox.Accounts;
import dev.shipctl.sandbox.Password;
import dev.shipctl.sandbox.Sandbox;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How much the sandbox serves one client on loopback: full logins per second (login server to lobby, six TCP
 * connections each, one after another), and how many sessions it holds at once. Not a JMH benchmark: a login is
 * milliseconds of real I/O, measured end to end and printed as figures.
 *
 * <pre>
 * shipctl-bench/run-sandbox [LOGINS] [HELD]      (defaults: 300 logins, 500 held sessions)
 * </pre>
 */
public final class SandboxThroughput {
    private SandboxThroughput() {}

    public static void main(String[] args) throws Exception {
        int logins = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int held = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int blocks = Math.max(2, (held + 179) / 180 + 1);
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < Math.max(held, 1); i++) {
            accounts.add(new Account("bot%04d".formatted(i), new Password.Plain("pw"), 50_000_000 + i, false, "Bot" + i, false));
        }
        System.out.printf("machine: %d cores, %s; Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.arch"), Runtime.version());
        try (Sandbox sandbox = Sandbox.builder().bind(InetAddress.getLoopbackAddress()).loginPort(0).shipPort(0)
                .blocks(blocks).maxConnectionsPerIp(held + 64).accounts(Accounts.of(accounts)).build().start()) {
            ShipClient client = ShipClient.builder().server("127.0.0.1", sandbox.loginPort()).timeout(Duration.ofSeconds(10)).build();
            Credentials one = new Credentials("bot0000", "pw");

            for (int i = 0; i < Math.min(50, logins); i++) client.connect(one).close(); // warm-up
            long[] nanos = new long[logins];
            long start = System.nanoTime();
            for (int i = 0; i < logins; i++) {
                long t0 = System.nanoTime();
                client.connect(one).close();
                nanos[i] = System.nanoTime() - t0;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(nanos);
            System.out.printf("sequential full logins: %d in %.2f s = %.0f logins/s; per login p50 %.2f ms, p90 %.2f ms, p99 %.2f ms%n",
                    logins, seconds, logins / seconds, nanos[logins / 2] / 1e6, nanos[logins * 9 / 10] / 1e6,
                    nanos[Math.min(logins - 1, logins * 99 / 100)] / 1e6);

            List<Session> sessions = new ArrayList<>();
            long heldStart = System.nanoTime();
            try {
                for (int i = 0; i < held; i++) {
                    sessions.add(client.newBuilder().block(String.valueOf(1 + i / 180)).build()
                            .connect(new Credentials("bot%04d".formatted(i), "pw")));
                }
                double heldSeconds = (System.nanoTime() - heldStart) / 1e9;
                long open = sessions.stream().filter(Session::isOpen).count();
                System.gc();
                long heapMb = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
                System.out.printf("sessions held at once: %d of %d in lobbies (%d blocks), opened in %.2f s; "
                        + "sandbox connections %d; heap in use (client and server in one JVM) %d MiB%n",
                        open, held, blocks, heldSeconds, sandbox.connectionCount(), heapMb);
            } finally {
                sessions.forEach(Session::close);
            }
        }
    }
}
