package dev.shipctl;

import java.util.Objects;
import java.util.Optional;

/**
 * A ship or block as the server listed it.
 *
 * @param players the population, when the server shows one (Tethealla's ship list does; block lists do not)
 */
public record MenuItem(String name, int menuId, int itemId, Optional<Integer> players) {
    // equals and hashCode written out, as a record's would be: the generated ones are bootstrapped on first use, which
    // costs a one-shot verb several milliseconds where it compares the ticket it kept with the one it was given

    @Override
    public boolean equals(Object o) {
        return o instanceof MenuItem m && name.equals(m.name) && menuId == m.menuId && itemId == m.itemId && players.equals(m.players);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, menuId, itemId, players);
    }
}
