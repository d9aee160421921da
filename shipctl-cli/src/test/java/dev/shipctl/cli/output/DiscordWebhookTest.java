package dev.shipctl.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.cli.fixtures.RecordingWebhook;
import dev.shipctl.cli.fixtures.RecordingWebhook.Answer;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The webhook client against a recording server on loopback: payloads, rate limits, retries, the secret URL. */
class DiscordWebhookTest {
    RecordingWebhook server;
    final List<Duration> waits = new ArrayList<>();
    DiscordWebhook webhook;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingWebhook();
        webhook = new DiscordWebhook(URI.create(server.url()), waits::add, Duration.ofMillis(100));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void postsDiscordsDocumentedFieldsWithNoMentionAllowed() throws Exception {
        DiscordMessage m = DiscordMessage.embed(new DiscordMessage.Embed("t", DiscordMarkdown.escape("@everyone look **here**"),
                DiscordMessage.RED, Instant.parse("2026-01-02T03:04:05Z")));

        assertThat(webhook.send(m).ok()).isTrue();

        RecordingWebhook.Request r = server.requests().getFirst();
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/api/webhooks/123456/" + RecordingWebhook.TOKEN);
        assertThat(r.contentType()).isEqualTo("application/json");
        JsonNode o = Json.MAPPER.readTree(r.body());
        assertThat(o.propertyNames()).containsExactlyInAnyOrder("embeds", "allowed_mentions");
        assertThat(o.get("allowed_mentions").get("parse").isArray()).isTrue();
        assertThat(o.get("allowed_mentions").get("parse")).isEmpty();
        JsonNode e = o.get("embeds").get(0);
        assertThat(e.propertyNames()).containsExactlyInAnyOrder("title", "description", "color", "timestamp");
        assertThat(e.get("color").asInt()).isEqualTo(0xE74C3C);
        assertThat(e.get("timestamp").asString()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(e.get("description").asString()).doesNotContain("@everyone").contains("@\u200Beveryone").contains("\\*\\*here\\*\\*");
    }

    @Test
    void escapesMarkdownLinksAndMentions() {
        assertThat(DiscordMarkdown.escape("[x](https://evil) <@123> @here _a_ `c` ~~s~~ > q"))
                .isEqualTo("\\[x\\]\\(https\\://evil\\) \\<@\u200B123\\> @\u200Bhere \\_a\\_ \\`c\\` \\~\\~s\\~\\~ \\> q");
        assertThat(DiscordMarkdown.escape("a\nb\u0007")).isEqualTo("a b ");
    }

    @Test
    void a429WaitsItsRetryAfterFromTheBodyThenSends() throws Exception {
        server.then(new Answer(429, Map.of("Content-Type", "application/json", "Retry-After", "9"),
                "{\"message\":\"You are being rate limited.\",\"retry_after\":0.25,\"global\":false}"));

        DiscordWebhook.Delivery d = webhook.send(DiscordMessage.text("hello"));

        assertThat(d).isEqualTo(new DiscordWebhook.Delivery.Sent(2));
        assertThat(waits).containsExactly(Duration.ofMillis(250));
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1).body()).isEqualTo(server.requests().get(0).body());
    }

    @Test
    void a429WithoutABodyWaitsTheRetryAfterHeader() throws Exception {
        server.then(new Answer(429, Map.of("Retry-After", "2"), ""));

        assertThat(webhook.send(DiscordMessage.text("hello")).ok()).isTrue();
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aRetryAfterLongerThanTheLimitFailsWithoutWaiting() throws Exception {
        server.then(new Answer(429, Map.of(), "{\"retry_after\":3600}"));

        DiscordWebhook.Delivery d = webhook.send(DiscordMessage.text("hello"));

        assertThat(d).isInstanceOf(DiscordWebhook.Delivery.Failed.class);
        assertThat(waits).isEmpty();
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void anExhaustedBucketDelaysTheNextMessage() throws Exception {
        server.then(new Answer(204, Map.of("X-RateLimit-Remaining", "0", "X-RateLimit-Reset-After", "30"), ""));

        assertThat(webhook.send(DiscordMessage.text("one")).ok()).isTrue();
        assertThat(waits).isEmpty();
        assertThat(webhook.send(DiscordMessage.text("two")).ok()).isTrue();
        assertThat(waits).hasSize(1);
        assertThat(waits.getFirst()).isGreaterThan(Duration.ofSeconds(20)).isLessThanOrEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void serverErrorsAreRetriedABoundedNumberOfTimesAndTheReasonHidesTheUrl() throws Exception {
        server.then(new Answer(500, Map.of(), ""), new Answer(500, Map.of(), ""), new Answer(500, Map.of(), ""),
                new Answer(500, Map.of(), ""), new Answer(500, Map.of(), ""));

        DiscordWebhook.Delivery d = webhook.send(DiscordMessage.text("hello"));

        assertThat(d).isInstanceOf(DiscordWebhook.Delivery.Failed.class);
        assertThat(server.requests()).hasSize(DiscordWebhook.MAX_ATTEMPTS);
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(((DiscordWebhook.Delivery.Failed) d).reason()).contains("HTTP 500").doesNotContain(RecordingWebhook.TOKEN);
        assertThat(webhook.toString()).doesNotContain(RecordingWebhook.TOKEN).doesNotContain("127.0.0.1");
    }

    @Test
    void aServerErrorThenSuccessIsOneDelivery() throws Exception {
        server.then(new Answer(500, Map.of(), ""));

        assertThat(webhook.send(DiscordMessage.text("hello"))).isEqualTo(new DiscordWebhook.Delivery.Sent(2));
    }

    @Test
    void batchesLinesWithinTheContentLimit() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) lines.add("x".repeat(99));
        List<String> batches = DiscordMessage.batch(lines);
        assertThat(batches).hasSize(2);
        assertThat(batches).allSatisfy(b -> assertThat(b.length()).isLessThanOrEqualTo(DiscordMessage.MAX_CONTENT));
        assertThat(String.join("\n", batches)).isEqualTo(String.join("\n", lines));
    }
}
