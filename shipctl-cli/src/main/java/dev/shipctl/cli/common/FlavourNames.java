package dev.shipctl.cli.common;

import dev.shipctl.ServerFlavour;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code --flavour} accepts: {@value #AUTO} (detect the family from the server's 0x03) or the name of a family
 * the library speaks ({@link ServerFlavour#all()}); the command line keeps no list of its own.
 */
public final class FlavourNames {
    /** Detect the family from the server's first packet. */
    public static final String AUTO = "auto";

    private FlavourNames() {}

    /** The family {@code name} names, empty for {@value #AUTO}; a usage error for a name the library does not know. */
    public static Optional<ServerFlavour> parse(String name) {
        if (name.equalsIgnoreCase(AUTO)) return Optional.empty();
        return Optional.of(ServerFlavour.named(name)
                .orElseThrow(() -> UserError.usage("unknown flavour '" + name + "': use " + choices())));
    }

    /** "auto, tethealla or newserv": every accepted name, for messages. */
    static String choices() {
        List<String> names = new ArrayList<>(List.of(AUTO));
        ServerFlavour.all().forEach(f -> names.add(f.name()));
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.getLast();
    }
}
