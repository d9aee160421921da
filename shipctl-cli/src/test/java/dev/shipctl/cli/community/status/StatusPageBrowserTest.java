package dev.shipctl.cli.community.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.shipctl.Credentials;
import dev.shipctl.Depth;
import dev.shipctl.Session;
import dev.shipctl.ShipClient;
import dev.shipctl.check.CheckResult;
import dev.shipctl.check.HealthCheck;
import dev.shipctl.sandbox.Sandbox;
import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page and a badge as a browser shows them: headless Chromium (Debian's {@code chromium}) loads them from
 * the status server of two sandboxes, one up with a player, one stopped. Skipped when no Chromium is installed,
 * unless {@code SHIPCTL_REQUIRE_CHROMIUM=1} (CI sets it when it installed one), then it fails.
 */
class StatusPageBrowserTest {
    /** Where the page's screenshot is left for the closing note. */
    static final Path SCREENSHOT = Path.of("target", "status-page.png");
    private static final Duration BROWSER_LIMIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private Sandbox alpha;
    private Sandbox beta;
    private StatusServer server;
    private Path chromium;

    @BeforeEach
    void findChromium() {
        Optional<Path> found = chromium();
        if (found.isEmpty()) {
            if ("1".equals(System.getenv("SHIPCTL_REQUIRE_CHROMIUM"))) fail("SHIPCTL_REQUIRE_CHROMIUM=1 but no chromium on the PATH");
            Assumptions.abort("no chromium (or chromium-browser, google-chrome) on the PATH: the page is not rendered in a browser"
                    + " (apt-get install chromium; SHIPCTL_REQUIRE_CHROMIUM=1 makes this a failure)");
        }
        chromium = found.get();
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
        if (alpha != null) alpha.close();
        if (beta != null) beta.close();
    }

    @Test
    void thePageAndABadgeShowWhoIsUpAndHowManyPlay() throws Exception {
        alpha = Sandbox.builder().loginPort(0).shipName("Alpha").build().start();
        beta = Sandbox.builder().loginPort(0).shipName("Beta").build().start();
        StatusBoard board = new StatusBoard(InstantSource.system());
        try (Session someone = ShipClient.builder().server("127.0.0.1", alpha.loginPort()).build()
                .connect(new Credentials("gmadmin", "gmadmin123"))) {
            board.record("alpha", check(alpha));
        }
        board.record("beta", check(beta));
        beta.close();
        board.record("beta", check(beta));
        server = StatusServer.start(new InetSocketAddress("127.0.0.1", 0), board, new StatusTemplates("Our PSO servers"), false, Optional.empty());
        String base = "http://127.0.0.1:" + server.address().getPort();

        String page = browse("--dump-dom", "--virtual-time-budget=10000", base + "/");
        assertThat(page).contains("Our PSO servers").contains("alpha").contains("1 online").contains("Alpha: 1")
                .contains("beta").contains(">down<");
        assertThat(page).as("the page's script ran and refreshed it from status.json (under its CSP)").contains("data-refreshed=\"yes\"");

        String badge = browse("--dump-dom", base + "/badge/alpha.svg");
        assertThat(badge).contains("<svg").contains(">PSO<").contains(">1 online<");
        assertThat(browse("--dump-dom", base + "/badge/beta.svg")).contains(">down<");

        Path shot = dir.resolve("page.png");
        browse("--screenshot=" + shot, "--window-size=800,600", base + "/");
        assertThat(pngSize(shot)).containsExactly(800, 600);
        Files.createDirectories(SCREENSHOT.getParent());
        Files.copy(shot, SCREENSHOT, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static CheckResult check(Sandbox sandbox) {
        ShipClient client = ShipClient.builder().server("127.0.0.1", sandbox.loginPort()).timeout(Duration.ofSeconds(3)).build();
        return HealthCheck.builder(client, new Credentials("player1", "player123")).depth(Depth.BLOCK).build().run();
    }

    /** Runs headless Chromium on loopback with a fresh profile; its standard output. */
    private String browse(String... args) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "chromium-");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile));
        command.addAll(Arrays.asList(args));
        Path out = dir.resolve("chromium-out.txt");
        Path err = dir.resolve("chromium-err.txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        p.getOutputStream().close();
        if (!p.waitFor(BROWSER_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            fail("chromium did not finish within " + BROWSER_LIMIT + ": " + Files.readString(err));
        }
        assertThat(p.exitValue()).as("chromium's exit code; stderr: %s", Files.readString(err)).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    /** Width and height from a PNG's signature and IHDR chunk (failing when it is not a PNG). */
    static int[] pngSize(Path png) throws IOException {
        try (InputStream in = Files.newInputStream(png); DataInputStream data = new DataInputStream(in)) {
            byte[] signature = data.readNBytes(8);
            assertThat(signature).as("PNG signature").containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
            int length = data.readInt();
            byte[] type = data.readNBytes(4);
            assertThat(new String(type, StandardCharsets.US_ASCII)).isEqualTo("IHDR");
            assertThat(length).isEqualTo(13);
            return new int[] {data.readInt(), data.readInt()};
        }
    }

    /** chromium, chromium-browser or google-chrome on the PATH. */
    static Optional<Path> chromium() {
        for (String dirName : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (dirName.isBlank()) continue;
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path p = Path.of(dirName, name);
                if (Files.isExecutable(p)) return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
