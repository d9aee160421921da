package dev.shipctl.internal;

import dev.shipctl.ServerFlavour;
import dev.shipctl.protocol.packet.login.ServerInit;
import java.util.List;

/**
 * The server families a session may meet, as the registry lists them; the first is the one detection falls back to.
 *
 * @param all at least one, names unique, each giving a lobby change packet exactly when its flavour says it
 *     {@linkplain ServerFlavour#changesLobbies() changes lobbies}
 */
public record Families(List<Family> all) {
    public Families {
        all = List.copyOf(all);
        if (all.isEmpty()) throw new IllegalArgumentException("no server family");
        if (all.stream().map(f -> f.flavour().name()).distinct().count() != all.size()) {
            throw new IllegalArgumentException("two server families have the same name");
        }
        for (Family f : all) {
            if (f.flavour().changesLobbies() != f.lobbyChange(1).isPresent()) {
                throw new IllegalArgumentException("the " + f.flavour().name() + " family's flavour and plug-in disagree on lobby changes");
            }
        }
    }

    public List<ServerFlavour> flavours() {
        return all.stream().map(Family::flavour).toList();
    }

    /** The family of a flavour, by its name. */
    public Family of(ServerFlavour flavour) {
        return all.stream().filter(f -> f.flavour().equals(flavour)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no server family called '" + flavour.name() + "'; shipctl speaks " + String.join(", ", flavours().stream().map(ServerFlavour::name).toList())));
    }

    /** The family whose flavour recognises this 0x03; the first when none does. */
    public Family detect(ServerInit init, int size) {
        return all.stream().filter(f -> f.flavour().recognises(init, size)).findFirst().orElse(all.getFirst());
    }
}
