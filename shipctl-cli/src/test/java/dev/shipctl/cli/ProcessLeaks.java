package dev.shipctl.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * What this JVM holds, from Linux's {@code /proc}: open file descriptors, the TCP sockets among them with their
 * addresses, and every live thread by name (virtual ones included, from a thread dump). For tests that a failed
 * command leaves nothing behind.
 */
final class ProcessLeaks {
    /**
     * Threads that come and go on their own: JUnit's workers and its {@code @Timeout} watcher, virtual-thread
     * carriers, the common pool.
     */
    private static final Pattern POOL_THREADS = Pattern.compile("junit-\\d+-worker-\\d+|junit-jupiter-timeout-watcher"
            + "|ForkJoinPool-\\d+-worker-\\d+|ForkJoinPool\\.commonPool-worker-\\d+");

    private ProcessLeaks() {}

    /** Open file descriptors of this process. */
    static int openFds() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/fd", e);
        }
    }

    /** A TCP socket this process holds open. */
    record TcpSocket(int fd, InetSocketAddress local, InetSocketAddress remote, String state) {
        @Override
        public String toString() {
            return "fd " + fd + ": " + local.getAddress().getHostAddress() + ":" + local.getPort() + " -> "
                    + remote.getAddress().getHostAddress() + ":" + remote.getPort() + " (" + state + ")";
        }
    }

    /**
     * The TCP sockets this process holds open whose remote end is one of {@code remotes}. A socket the kernel no
     * longer lists (reset, or never connected) cannot be seen here: {@link #openFds()} counts those.
     */
    static List<TcpSocket> socketsTo(Collection<InetSocketAddress> remotes) {
        Map<Long, String[]> byInode = new HashMap<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try {
                for (String line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
                    String[] f = line.trim().split("\\s+");
                    byInode.put(Long.parseLong(f[9]), new String[] {f[1], f[2], f[3]});
                }
            } catch (IOException e) {
                // no IPv6 table: fine
            }
        }
        List<TcpSocket> found = new ArrayList<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException e) {
                    continue; // closed meanwhile
                }
                if (!target.startsWith("socket:[")) continue;
                String[] row = byInode.get(Long.parseLong(target.substring(8, target.length() - 1)));
                if (row == null) continue;
                InetSocketAddress remote = address(row[1]);
                if (remotes.contains(remote)) {
                    found.add(new TcpSocket(Integer.parseInt(fd.getFileName().toString()), address(row[0]), remote, state(row[2])));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/fd", e);
        }
        return found;
    }

    /** "0100007F:B799" (IPv4) or 32 hex digits (IPv6, IPv4-mapped for Java's dual-stack sockets), as an address. */
    private static InetSocketAddress address(String hex) {
        String[] parts = hex.split(":");
        String a = parts[0];
        byte[] ip;
        if (a.length() == 8 || a.startsWith("0000000000000000FFFF0000")) {
            String word = a.substring(a.length() - 8);
            ip = new byte[4];
            for (int i = 0; i < 4; i++) ip[i] = (byte) Integer.parseInt(word.substring(6 - 2 * i, 8 - 2 * i), 16);
        } else {
            ip = new byte[16];
            for (int w = 0; w < 4; w++) {
                for (int i = 0; i < 4; i++) ip[4 * w + i] = (byte) Integer.parseInt(a.substring(8 * w + 6 - 2 * i, 8 * w + 8 - 2 * i), 16);
            }
        }
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), Integer.parseInt(parts[1], 16));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String state(String hex) {
        return switch (Integer.parseInt(hex, 16)) {
            case 1 -> "ESTABLISHED";
            case 2 -> "SYN_SENT";
            case 4 -> "FIN_WAIT1";
            case 5 -> "FIN_WAIT2";
            case 6 -> "TIME_WAIT";
            case 7 -> "CLOSE";
            case 8 -> "CLOSE_WAIT";
            case 9 -> "LAST_ACK";
            case 10 -> "LISTEN";
            case 11 -> "CLOSING";
            default -> "state " + hex;
        };
    }

    /**
     * How many live threads carry each name, virtual threads included (from a JSON thread dump), leaving out the
     * pools that grow and shrink by themselves.
     */
    static Map<String, Integer> threadNames() {
        Path dump;
        try {
            dump = Files.createTempFile("threads", ".json");
            Files.delete(dump); // dumpThreads will not overwrite
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(dump.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
            JsonNode root = Json.MAPPER.readTree(Files.readString(dump));
            Files.delete(dump);
            Map<String, Integer> names = new TreeMap<>();
            for (JsonNode container : root.get("threadDump").get("threadContainers")) {
                for (JsonNode thread : container.get("threads")) {
                    String name = thread.get("name").asString();
                    if (!POOL_THREADS.matcher(name).matches()) names.merge(name, 1, Integer::sum);
                }
            }
            return names;
        } catch (IOException e) {
            throw new IllegalStateException("cannot dump the threads", e);
        }
    }

    /** Names (with a count) that {@code after} has more of than {@code before}. */
    static Map<String, Integer> added(Map<String, Integer> before, Map<String, Integer> after) {
        Map<String, Integer> added = new TreeMap<>();
        after.forEach((name, n) -> {
            int more = n - before.getOrDefault(name, 0);
            if (more > 0) added.put(name.isEmpty() ? "(unnamed virtual thread)" : name, more);
        });
        return added;
    }
}
