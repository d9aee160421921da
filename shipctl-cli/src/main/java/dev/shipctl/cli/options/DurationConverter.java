package dev.shipctl.cli.options;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads "500ms", "3s", "2.5s", "5m", "1h"; a bare number means seconds. */
public final class DurationConverter implements ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|min|h)?");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /** As {@link DurationConverter}, and "0" (or "0s") for none. */
    public static final class OrZero implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return value.strip().matches("0+(\\.0+)?\\s*(ms|s|m|min|h)?") ? Duration.ZERO : parse(value);
        }
    }

    public static Duration parse(String value) {
        Matcher m = FORM.matcher(value.strip().toLowerCase());
        if (!m.matches()) throw new TypeConversionException("'" + value + "' is not a duration (examples: 500ms, 3s, 5m, 1h)");
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> n;
            case "s" -> n * 1000;
            case "m", "min" -> n * 60_000;
            default -> n * 3_600_000;
        };
        if (Math.round(millis) <= 0) throw new TypeConversionException("'" + value + "' must be at least 1ms");
        return Duration.ofMillis(Math.round(millis));
    }
}
