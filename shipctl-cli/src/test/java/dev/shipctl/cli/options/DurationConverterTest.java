package dev.shipctl.cli.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** The one duration grammar: what it reads, what it refuses, and its one message. */
class DurationConverterTest {
    private final DurationConverter positive = new DurationConverter();

    @Test
    void readsDurationsAsPeopleWriteThem() {
        assertThat(positive.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(positive.convert("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(positive.convert("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(positive.convert("5min")).isEqualTo(Duration.ofMinutes(5));
        assertThat(positive.convert("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(positive.convert("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(positive.convert("2w")).isEqualTo(Duration.ofDays(14));
        assertThat(positive.convert("1y")).isEqualTo(Duration.ofDays(365));
        assertThat(positive.convert("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(positive.convert("2.5s")).isEqualTo(Duration.ofMillis(2500));
        assertThat(positive.convert("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(positive.convert("1d2h3m4s5ms")).isEqualTo(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4).plusMillis(5));
        assertThat(positive.convert("1h 30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(positive.convert(" 1M30S ")).isEqualTo(Duration.ofSeconds(90));
        assertThat(positive.convert("90")).as("a bare number is seconds").isEqualTo(Duration.ofSeconds(90));
        assertThat(positive.convert("0.25")).isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void refusesAnythingElseWithOneMessageNamingTheGrammar() {
        for (String bad : new String[] {"", " ", "abc", "1x", "m", "1m30", "30s1m", "1m1m", "1s500", "-5s", "1.s", ".5s", "1,5s", "5 mins",
            "1e3s", "10m-", "ms", "1h30m20s10m"}) {
            assertThatThrownBy(() -> positive.convert(bad)).as("'%s'", bad).isInstanceOf(TypeConversionException.class)
                    .hasMessage("'" + bad + "' is not a duration (examples: 90s, 1m30s, 10m, 1h, 1d, 500ms)");
        }
    }

    @Test
    void zeroIsRefusedWhereATimeIsNeededAndAllowedWhereItMeansNone() {
        assertThatThrownBy(() -> positive.convert("0s")).hasMessageContaining("no time at all");
        assertThatThrownBy(() -> positive.convert("0")).hasMessageContaining("no time at all");
        assertThatThrownBy(() -> positive.convert("0.0001s")).hasMessageContaining("shorter than 1ms");
        assertThat(new DurationConverter.OrZero().convert("0")).isZero();
        assertThat(new DurationConverter.OrZero().convert("0m")).isZero();
        assertThat(new DurationConverter.OrZero().convert("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> new DurationConverter.OrZero().convert("none")).hasMessageContaining("is not a duration");
    }

    @Test
    void aBansLengthIsWholeSecondsOfTheSameGrammar() {
        DurationConverter.WholeSeconds ban = new DurationConverter.WholeSeconds();
        assertThat(ban.convert("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(ban.convert("1d12h")).isEqualTo(Duration.ofHours(36));
        assertThat(ban.convert("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(ban.convert("1y")).isEqualTo(Duration.ofDays(365));
        assertThat(ban.convert("90")).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> ban.convert("0d")).hasMessageContaining("no time at all");
        assertThatThrownBy(() -> ban.convert("1500ms")).hasMessage("'1500ms' is not a whole number of seconds");
        assertThatThrownBy(() -> ban.convert("7 days")).hasMessageContaining("is not a duration");
    }

    @Test
    void absurdLengthsAreRefusedRatherThanOverflowing() {
        assertThatThrownBy(() -> positive.convert("999999999999y")).hasMessageContaining("too long");
        assertThat(positive.convert("100y")).isEqualTo(Duration.ofDays(36_500));
    }
}
