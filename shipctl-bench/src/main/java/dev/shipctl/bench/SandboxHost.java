package dev.shipctl.bench;

import dev.shipctl.sandbox.Accounts;
import dev.shipctl.sandbox.Sandbox;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * The server side of {@link SessionScale}, in a JVM of its own so that its heap is measured apart from the
 * client's: a loopback sandbox with {@code N} {@link Accounts#generated generated} accounts ({@code bot00000}…,
 * password {@code pw}) and {@link Sandbox#blocksFor enough blocks} for them. Prints {@code ready LOGIN_PORT BLOCKS},
 * then answers each {@code measure} line on standard input with {@code measured HEAP_BYTES THREADS CONNECTIONS}
 * (heap in use after a GC, live platform threads, open connections) and stops at {@code quit} or the end of input.
 */
public final class SandboxHost {
    private SandboxHost() {}

    /** The user name of generated account {@code i}. */
    static String user(int i) {
        return Accounts.generatedUser("bot", i);
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int blocks = Sandbox.blocksFor(n);
        try (Sandbox sandbox = Sandbox.builder().bind(InetAddress.getLoopbackAddress()).loginPort(0).characterPort(0)
                .shipPort(0).blocks(blocks).maxConnectionsPerIp(n + 64).accounts(Accounts.generated("bot", n, "pw")).build().start();
             BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            System.out.println("ready " + sandbox.loginPort() + " " + blocks);
            System.out.flush();
            String line;
            while ((line = in.readLine()) != null && !line.equals("quit")) {
                if (line.equals("measure")) {
                    System.out.println("measured " + SessionScale.heapAfterGc() + " "
                            + ManagementFactory.getThreadMXBean().getThreadCount() + " " + sandbox.connectionCount());
                    System.out.flush();
                }
            }
        }
    }
}
