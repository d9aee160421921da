package dev.shipctl.cli.options;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Reads sizes in bytes: "50MB", "1GiB", "500kB", "1.5GB", "4096" (a bare number is bytes). kB, MB, GB are powers
 * of 1000; KiB, MiB, GiB powers of 1024; letter case does not matter.
 */
public final class SizeConverter implements ITypeConverter<Long> {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmg]i?b|b)?");

    @Override
    public Long convert(String value) {
        return parse(value);
    }

    public static long parse(String value) {
        Matcher m = FORM.matcher(value.strip().toLowerCase());
        if (!m.matches()) throw new TypeConversionException("'" + value + "' is not a size (examples: 50MB, 1GiB, 500kB)");
        String unit = m.group(2) == null ? "b" : m.group(2);
        long factor = switch (unit) {
            case "kb" -> 1_000L;
            case "mb" -> 1_000_000L;
            case "gb" -> 1_000_000_000L;
            case "kib" -> 1L << 10;
            case "mib" -> 1L << 20;
            case "gib" -> 1L << 30;
            default -> 1L;
        };
        BigDecimal bytes = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor)).setScale(0, java.math.RoundingMode.FLOOR);
        if (bytes.signum() <= 0 || bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new TypeConversionException("'" + value + "' must be at least one byte (and less than 8 EiB)");
        }
        return bytes.longValue();
    }

    /** A size for people, in the largest unit that divides it ("50 MB", "1 GiB", "1234 bytes"). */
    public static String format(long bytes) {
        record Unit(long size, String name) {}
        for (Unit u : new Unit[] {new Unit(1L << 30, "GiB"), new Unit(1_000_000_000L, "GB"), new Unit(1L << 20, "MiB"),
                new Unit(1_000_000L, "MB"), new Unit(1L << 10, "KiB"), new Unit(1_000L, "kB")}) {
            if (bytes >= u.size() && bytes % u.size() == 0) return bytes / u.size() + " " + u.name();
        }
        return bytes + " bytes";
    }
}
