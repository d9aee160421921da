package dev.shipctl.cli.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A guild card number: decimal, 1 to 4294967295 (kept in an int, as the protocol does). */
public final class GuildCardConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        try {
            long n = Long.parseLong(value.strip());
            if (n < 1 || n > 0xFFFFFFFFL) throw new NumberFormatException();
            return (int) n;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a guild card number (a decimal number such as 42000002)");
        }
    }
}
