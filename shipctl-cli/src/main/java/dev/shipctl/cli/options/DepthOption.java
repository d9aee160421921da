package dev.shipctl.cli.options;

import dev.shipctl.Depth;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --depth login|ship|block|lobby} of {@code check} and {@code watch}: how far each login goes
 * ({@link Depth}). Each verb has its own default: {@code check} the lobby, {@code watch} the block.
 */
public final class DepthOption {
    @Option(names = "--depth", paramLabel = "DEPTH", converter = Converter.class,
            description = "How far each login goes: login (account and character), ship (also the ship list with its "
                    + "populations and the block list), block (also the block, leaving before the lobby: no player sees it), "
                    + "lobby (into lobby 1, seen by the players there, and seeing them).")
    Depth depth;

    /** The depth given, or {@code otherwise} when none was. */
    public Depth orElse(Depth otherwise) {
        return depth != null ? depth : otherwise;
    }

    /** Whether {@code --depth} was given. */
    public boolean given() {
        return depth != null;
    }

    /** Reads a depth name; anything else is a usage error naming the depths. */
    public static final class Converter implements ITypeConverter<Depth> {
        @Override
        public Depth convert(String value) {
            try {
                return Depth.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
