package dev.shipctl.cli.options;

import dev.shipctl.ReconnectPolicy;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * {@code --retry-delay} and {@code --retry-max}: how a verb that stays in the lobby ({@code listen}, {@code bridge})
 * logs in again after a drop, the first login included.
 */
public final class ReconnectOptions {
    @Option(names = "--retry-delay", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "First reconnect delay; doubles each failed attempt (default 1s).")
    Duration retryDelay = Duration.ofSeconds(1);

    @Option(names = "--retry-max", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Longest reconnect delay (default 2m).")
    Duration retryMax = Duration.ofMinutes(2);

    /** The policy these options say, retrying the first login too. */
    public ReconnectPolicy policy() {
        return ReconnectPolicy.builder().initialDelay(retryDelay).maxDelay(retryMax).retryFirstLogin(true).build();
    }
}
