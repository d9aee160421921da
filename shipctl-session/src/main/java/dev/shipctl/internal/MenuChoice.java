package dev.shipctl.internal;

import dev.shipctl.MenuItem;
import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import java.util.List;
import java.util.Optional;

/** Picks a ship or block from what the server listed, by the user's choice. */
public final class MenuChoice {
    private MenuChoice() {}

    /**
     * Empty → the first; a number → the 1-based entry; else the entry of that name, case-insensitively.
     *
     * @param what "ship" or "block", for messages
     * @throws ShipException.LoginRefused the server lists nothing
     * @throws ShipException.NoSuchChoice nothing listed matches the choice
     */
    public static MenuItem choose(List<MenuItem> items, Optional<String> choice, String what, Stage stage) throws ShipException {
        if (items.isEmpty()) throw new ShipException.LoginRefused(stage, "the server lists no " + what);
        if (choice.isEmpty()) return items.getFirst();
        String c = choice.get().strip();
        if (c.matches("\\d{1,9}")) {
            int n = Integer.parseInt(c);
            if (n >= 1 && n <= items.size()) return items.get(n - 1);
        }
        for (MenuItem item : items) {
            if (item.name().equalsIgnoreCase(c)) return item;
        }
        throw new ShipException.NoSuchChoice(stage, what, c, items.stream().map(MenuItem::name).toList());
    }
}
