package dev.shipctl.cli.options;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The one duration grammar of the command line, for every option that takes a length of time ({@code --timeout},
 * {@code --deadline}, {@code --wait}, {@code --stay}, {@code --interval}, {@code ban --duration}, the sandbox's
 * timers ...): one or more terms, each a number and a unit, largest unit first and each unit once, as people write
 * them: {@code 90s}, {@code 1m30s}, {@code 10m}, {@code 1h}, {@code 1d}, {@code 500ms}, {@code 2.5s},
 * {@code 1h 30m}. Units: {@code ms}, {@code s}, {@code m} (or {@code min}), {@code h}, {@code d}, {@code w} (7 days),
 * {@code y} (365 days), in any case. A bare number is seconds ({@code 90}). Kept to the millisecond.
 *
 * <p>This class reads a positive duration; {@link OrZero} also takes zero (for "none"), {@link WholeSeconds} whole
 * seconds only (a ban's length, which servers count in seconds). Every reading failure is one message naming the
 * grammar, {@link #EXAMPLES}.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
    /** What the messages show of the grammar. */
    public static final String EXAMPLES = "90s, 1m30s, 10m, 1h, 1d, 500ms";

    private static final String NUMBER = "(\\d{1,12}(?:\\.\\d{1,9})?)";
    private static final Pattern BARE = Pattern.compile(NUMBER);
    private static final Pattern TERM = Pattern.compile(NUMBER + "\\s*(ms|min|[smhdwy])\\s*");
    /** The units, largest first, and their length in milliseconds. */
    private static final String[] UNITS = {"y", "w", "d", "h", "m", "s", "ms"};
    private static final long[] UNIT_MILLIS = {365L * 86_400_000, 7L * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1};
    /** Longer than anything shipctl waits for, and far from overflowing a {@link Duration}'s arithmetic. */
    private static final BigDecimal MAX_MILLIS = BigDecimal.valueOf(100L * 365 * 86_400_000);

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /** As {@link DurationConverter}, and "0" (or "0s", "0m" ...) for none. */
    public static final class OrZero implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return parseAllowingZero(value);
        }
    }

    /** As {@link DurationConverter}, in whole seconds (a ban's length: {@code 30m}, {@code 12h}, {@code 7d}, {@code 1y}). */
    public static final class WholeSeconds implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration d = parse(value);
            if (d.toMillisPart() != 0) throw new TypeConversionException("'" + value + "' is not a whole number of seconds");
            return d;
        }
    }

    /** A positive duration by the grammar above; a {@link TypeConversionException} with one line saying why not. */
    public static Duration parse(String value) {
        Duration d = parseAllowingZero(value);
        if (d.isZero()) throw new TypeConversionException("'" + value + "' is no time at all: give a positive duration (" + EXAMPLES + ")");
        return d;
    }

    /** A duration of zero or more by the grammar above. */
    public static Duration parseAllowingZero(String value) {
        String s = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (BARE.matcher(s).matches()) return ofMillis(value, new BigDecimal(s).multiply(BigDecimal.valueOf(1000)));
        Matcher m = TERM.matcher(s);
        BigDecimal millis = BigDecimal.ZERO;
        int at = 0;
        int nextUnit = 0; // terms come largest unit first, each unit once
        while (at < s.length() && m.find(at) && m.start() == at) {
            int unit = unitIndex(m.group(2));
            if (unit < nextUnit) throw notADuration(value);
            nextUnit = unit + 1;
            millis = millis.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(UNIT_MILLIS[unit])));
            at = m.end();
        }
        if (at == 0 || at < s.length()) throw notADuration(value);
        return ofMillis(value, millis);
    }

    private static Duration ofMillis(String value, BigDecimal millis) {
        if (millis.compareTo(MAX_MILLIS) > 0) throw new TypeConversionException("'" + value + "' is too long (at most 100 years)");
        long rounded = millis.setScale(0, RoundingMode.HALF_UP).longValueExact();
        if (rounded == 0 && millis.signum() > 0) throw new TypeConversionException("'" + value + "' is shorter than 1ms");
        return Duration.ofMillis(rounded);
    }

    private static int unitIndex(String unit) {
        String u = unit.equals("min") ? "m" : unit;
        for (int i = 0; i < UNITS.length; i++) if (UNITS[i].equals(u)) return i;
        throw new IllegalStateException(unit);
    }

    private static TypeConversionException notADuration(String value) {
        return new TypeConversionException("'" + value + "' is not a duration (examples: " + EXAMPLES + ")");
    }
}
