package dev.shipctl.cli.output;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Posts {@link DiscordMessage}s to one Discord webhook (Execute Webhook) with the JDK's HTTP client, honouring
 * Discord's rate limits: a 429 waits its {@code retry_after} (the JSON body's, else the {@code Retry-After}
 * header's) and tries again; an exhausted bucket ({@code X-RateLimit-Remaining: 0}) waits its
 * {@code X-RateLimit-Reset-After} before the next message. A 5xx or a network error is tried again after 1, 2, 4 …
 * seconds; attempts are bounded ({@value #MAX_ATTEMPTS}) and so is every wait ({@link #MAX_WAIT}). Other answers
 * (a 404 for a deleted webhook, a 400) fail at once.
 *
 * <p>The URL holds the webhook's token and is a secret: it is in no message, no exception and no {@code toString}
 * of this class. Sends are serialised (one at a time, in order).
 */
public final class DiscordWebhook {
    /** The most attempts for one message. */
    public static final int MAX_ATTEMPTS = 4;
    /** The longest single wait: a longer {@code retry_after} fails the message instead. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(60);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** What happened to one message. */
    public sealed interface Delivery {
        /** Whether Discord took it. */
        default boolean ok() {
            return this instanceof Sent;
        }

        /** Taken on attempt {@code attempts}. */
        record Sent(int attempts) implements Delivery {}

        /** Given up on; {@code reason} is one line and holds no part of the URL. */
        record Failed(String reason, int attempts) implements Delivery {}
    }

    /** How waits are made (a test's may record them and return at once). */
    @FunctionalInterface
    public interface Pause {
        void sleep(Duration d) throws InterruptedException;
    }

    private final URI url;
    private final HttpClient http;
    private final Pause pause;
    private final Duration firstBackoff;
    private long notBeforeNanos = Long.MIN_VALUE;
    private boolean bucketWait;

    /** A webhook at {@code url} (checked by the caller), waiting with {@link Thread#sleep}. */
    public DiscordWebhook(URI url) {
        this(url, d -> Thread.sleep(d), Duration.ofSeconds(1));
    }

    /** A webhook waiting through {@code pause}; errors are tried again after {@code firstBackoff}, doubled each time. */
    public DiscordWebhook(URI url, Pause pause, Duration firstBackoff) {
        this.url = url;
        this.pause = pause;
        this.firstBackoff = firstBackoff;
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Sends one message, waiting and trying again as Discord asks; never throws but for an interrupt. */
    public synchronized Delivery send(DiscordMessage message) throws InterruptedException {
        byte[] body = Json.line(message.toJson()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Duration backoff = firstBackoff;
        String last = "not sent";
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (bucketWait) {
                long left = notBeforeNanos - System.nanoTime();
                if (left > 0) pause.sleep(Duration.ofNanos(left));
                bucketWait = false;
            }
            HttpResponse<String> response;
            try {
                response = http.send(HttpRequest.newBuilder(url).timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .header("User-Agent", "shipctl (https://github.com/shipctl/shipctl)")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // the JDK's messages may quote the address; say only what kind of failure it was
                last = "network error (" + e.getClass().getSimpleName() + ")";
                if (attempt < MAX_ATTEMPTS) pause.sleep(backoff);
                backoff = backoff.multipliedBy(2);
                continue;
            }
            rememberBucket(response);
            int status = response.statusCode();
            if (status / 100 == 2) return new Delivery.Sent(attempt);
            if (status == 429) {
                Duration wait = retryAfter(response).orElse(Duration.ofSeconds(1));
                if (wait.compareTo(MAX_WAIT) > 0) {
                    return new Delivery.Failed("Discord rate limit: retry after " + wait.toSeconds() + " s, longer than shipctl waits", attempt);
                }
                last = "Discord rate limit (HTTP 429)";
                if (attempt < MAX_ATTEMPTS) pause.sleep(wait);
                continue;
            }
            if (status >= 500) {
                last = "Discord answered HTTP " + status;
                if (attempt < MAX_ATTEMPTS) pause.sleep(backoff);
                backoff = backoff.multipliedBy(2);
                continue;
            }
            return new Delivery.Failed("Discord refused the message: HTTP " + status
                    + (status == 401 || status == 404 ? " (is the webhook deleted or its URL wrong?)" : ""), attempt);
        }
        return new Delivery.Failed(last + ", gave up after " + MAX_ATTEMPTS + " attempts", MAX_ATTEMPTS);
    }

    /** An exhausted bucket: the next send waits until it resets. */
    private void rememberBucket(HttpResponse<?> response) {
        Optional<String> remaining = response.headers().firstValue("X-RateLimit-Remaining");
        Optional<Duration> reset = response.headers().firstValue("X-RateLimit-Reset-After").flatMap(DiscordWebhook::seconds);
        if (remaining.map(String::strip).filter("0"::equals).isPresent() && reset.isPresent()) {
            Duration wait = reset.get().compareTo(MAX_WAIT) > 0 ? MAX_WAIT : reset.get();
            notBeforeNanos = System.nanoTime() + wait.toNanos();
            bucketWait = true;
        }
    }

    /** A 429's wait: {@code retry_after} in the JSON body (seconds, with a fraction), else the header. */
    static Optional<Duration> retryAfter(HttpResponse<String> response) {
        try {
            JsonNode node = Json.MAPPER.readTree(response.body()).get("retry_after");
            if (node != null && node.isNumber()) return seconds(node.asString());
        } catch (RuntimeException notJson) {
            // fall back to the header
        }
        return response.headers().firstValue("Retry-After").flatMap(DiscordWebhook::seconds);
    }

    private static Optional<Duration> seconds(String s) {
        try {
            double d = Double.parseDouble(s.strip());
            if (!(d >= 0) || Double.isInfinite(d)) return Optional.empty();
            return Optional.of(Duration.ofNanos((long) Math.min(d * 1e9, 1e15)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "Discord webhook (URL not shown)";
    }
}
