package dev.shipctl.cli.options;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a ban's length: a whole number and s, m, h, d, w or y ("30m", "12h", "7d", "1y"); a bare number is seconds. */
public final class BanDurationConverter implements ITypeConverter<Duration> {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})\\s*([smhdwy]?)");

    @Override
    public Duration convert(String value) {
        Matcher m = FORM.matcher(value.strip());
        if (!m.matches()) throw new TypeConversionException("'" + value + "' is not a ban length (examples: 30m, 12h, 7d, 2w, 1y)");
        long n = Long.parseLong(m.group(1));
        if (n == 0) throw new TypeConversionException("a ban lasts more than zero");
        long unit = switch (m.group(2)) {
            case "m" -> 60;
            case "h" -> 3600;
            case "d" -> 86400;
            case "w" -> 7 * 86400;
            case "y" -> 365 * 86400;
            default -> 1;
        };
        return Duration.ofSeconds(n * unit);
    }
}
