package dev.shipctl.cli.community;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.Credentials;
import dev.shipctl.Session;
import dev.shipctl.ShipClient;
import dev.shipctl.cli.fixtures.Cli;
import dev.shipctl.cli.fixtures.RecordingWebhook;
import dev.shipctl.cli.output.Json;
import dev.shipctl.testkit.SandboxExtension;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** bridge, watch's outage notices and announce --discord against the sandbox and a recording webhook. */
class DiscordEndToEndTest {
    @RegisterExtension
    static final SandboxExtension SANDBOX = SandboxExtension.withDemoAccounts();

    @TempDir
    Path config;

    RecordingWebhook webhook;
    Cli cli;
    Path hookFile;

    @BeforeEach
    void start() throws Exception {
        webhook = new RecordingWebhook();
        hookFile = config.resolve("discord");
        Files.writeString(hookFile, webhook.url() + "\n");
        Files.setPosixFilePermissions(hookFile, PosixFilePermissions.fromString("rw-------"));
        cli = new Cli(config).env("SHIPCTL_PASSWORD", "player123");
    }

    @AfterEach
    void stop() {
        webhook.close();
    }

    String port() {
        return String.valueOf(SANDBOX.loginPort());
    }

    static String content(RecordingWebhook.Request r) {
        JsonNode o = Json.MAPPER.readTree(r.body());
        assertThat(o.get("allowed_mentions").get("parse")).isEmpty();
        return o.has("content") ? o.get("content").asString() : o.get("embeds").get(0).toString();
    }

    @Test
    void bridgeRelaysAJoinAndAChatLineEscaped() throws Exception {
        Cli.Running bridge = cli.start("bridge", "-p", port(), "-u", "player1", "--discord-webhook-file", hookFile.toString(),
                "--batch", "100ms");
        bridge.err().await(l -> l.contains("bridging"));
        try (Session gm = ShipClient.builder().server("127.0.0.1", SANDBOX.loginPort()).build()
                .connect(new Credentials("gmadmin", "gmadmin123"))) {
            gm.chat("hi @everyone **now**").get(20, TimeUnit.SECONDS);
            webhook.await(r -> content(r).contains("joined the lobby"), Cli.WAIT);
            RecordingWebhook.Request chat = webhook.await(r -> content(r).contains("hi "), Cli.WAIT);
            assertThat(content(chat)).contains("hi @\u200Beveryone \\*\\*now\\*\\*").doesNotContain("@everyone");
        }
        assertThat(bridge.stop()).isZero();
        assertThat(bridge.out().text() + bridge.err().text()).doesNotContain(RecordingWebhook.TOKEN);
    }

    @Test
    void bridgeSaysWhenItLostTheServerAndWhenItIsBack() throws Exception {
        Cli.Running bridge = cli.start("bridge", "-p", port(), "-u", "player1", "--discord-webhook-file", hookFile.toString(),
                "--batch", "50ms", "--retry-delay", "50ms");
        bridge.err().await(l -> l.contains("bridging"));
        try (Session gm = ShipClient.builder().server("127.0.0.1", SANDBOX.loginPort()).block("2").build()
                .connect(new Credentials("gmadmin", "gmadmin123"))) {
            gm.chat("/dc 42000002").get(20, TimeUnit.SECONDS);
            webhook.await(r -> content(r).contains("lost the server; reconnecting"), Cli.WAIT);
            webhook.await(r -> content(r).contains("back in the lobby"), Cli.WAIT);
        }
        assertThat(bridge.stop()).isZero();
    }

    @Test
    void watchSaysDownWithTheFailingStageAndNeverPrintsTheUrl() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Cli.Run run = cli.env("SHIPCTL_DISCORD_WEBHOOK", webhook.url())
                .run("watch", "-p", String.valueOf(closed), "-u", "player1", "--max-checks", "1", "--json", "-v");

        assertThat(webhook.requests()).hasSize(1);
        String embed = content(webhook.requests().getFirst());
        assertThat(embed).contains("is down").contains("Failing stage: **connect**");
        assertThat(run.out() + run.err()).doesNotContain(RecordingWebhook.TOKEN);
    }

    @Test
    void announceDiscordMirrorsTheConfirmedAnnouncement() throws Exception {
        Cli.Run run = cli.env("SHIPCTL_PASSWORD", "gmadmin123")
                .run("announce", "-p", port(), "-u", "gmadmin", "--discord", "--discord-webhook-file", hookFile.toString(),
                        "--json", "Restart at _noon_ @here");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(webhook.requests()).hasSize(1);
        assertThat(content(webhook.requests().getFirst())).contains("Restart at \\\\_noon\\\\_ @\u200Bhere");
        assertThat(run.out() + run.err()).doesNotContain(RecordingWebhook.TOKEN);
    }

    @Test
    void aWebhookFileOthersCanReadIsRefusedAndNotQuoted() throws Exception {
        Files.setPosixFilePermissions(hookFile, PosixFilePermissions.fromString("rw-r--r--"));
        Cli.Run run = cli.run("bridge", "-p", port(), "-u", "player1", "--discord-webhook-file", hookFile.toString());

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("chmod 600").doesNotContain(RecordingWebhook.TOKEN);
        assertThat(webhook.requests()).isEmpty();
    }
}
