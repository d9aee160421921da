package dev.shipctl.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** Runs shipctl in-process ({@link Main#run}) with captured output and a test environment. */
final class Cli {
    static final Duration WAIT = Duration.ofSeconds(20);

    private final Map<String, String> env = new HashMap<>();
    private final Path configDir;

    Cli(Path configDir) {
        this.configDir = configDir;
        env.put("NO_COLOR", "1");
        // fast-path tickets go to the test's folder, never to the user's ~/.local/state
        env.put("XDG_STATE_HOME", configDir.resolve("state").toString());
    }

    Cli env(String name, String value) {
        env.put(name, value);
        return this;
    }

    /** One finished run. */
    record Run(int exitCode, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(context(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A run in the background whose stdout and stderr lines can be awaited one by one. */
    Running start(String... args) {
        Lines out = new Lines();
        Lines err = new Lines();
        out.other = err;
        err.other = out;
        CliContext ctx = context(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        Thread t = Thread.ofPlatform().name("shipctl-under-test").daemon().start(() -> {
            try {
                exit.complete(Main.run(ctx, args));
            } catch (Throwable e) {
                e.printStackTrace(new PrintStream(out, true, StandardCharsets.UTF_8));
                exit.completeExceptionally(e);
            }
        });
        return new Running(t, exit, out, err);
    }

    /** A context whose output goes nowhere. */
    CliContext context() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        return context(nowhere, nowhere);
    }

    private CliContext context(PrintStream out, PrintStream err) {
        return new CliContext(new Terminal(out, err, false), Map.copyOf(env), Optional.empty(), configDir);
    }

    record Running(Thread thread, CompletableFuture<Integer> exit, Lines out, Lines err) {
        /** Interrupts the command (as a stop request) and returns its exit code. */
        int stop() throws Exception {
            thread.interrupt();
            return exit.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    /** An output stream cut into lines that a test takes as they come. */
    static final class Lines extends OutputStream {
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<String> all = new ArrayList<>();
        /** The other stream of the same run, shown when a wait fails. */
        Lines other;

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                String line = current.toString(StandardCharsets.UTF_8);
                current.reset();
                lines.add(line);
                all.add(line);
            } else {
                current.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = 0; i < len; i++) write(b[off + i]);
        }

        /** The next line matching {@code p} (skipping others), or a failure after {@link #WAIT}. */
        String await(Predicate<String> p) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
                if (line == null) {
                    throw new AssertionError("no matching line within " + WAIT + "; so far:\n" + String.join("\n", all())
                            + (other == null ? "" : "\nand on the other stream:\n" + String.join("\n", other.all())));
                }
                if (p.test(line)) return line;
            }
        }

        synchronized List<String> all() {
            return List.copyOf(all);
        }

        @Override
        public void close() throws IOException {}
    }
}
