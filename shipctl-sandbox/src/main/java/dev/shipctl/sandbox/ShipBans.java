package dev.shipctl.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ship's bans ({@code /ban}, {@code /ipban}, {@code /hwban}), in the order they were added. Every change calls
 * the given persist action (the state file). Guarded by the server lock.
 */
final class ShipBans {
    private final List<ShipSide.Ban> bans = new ArrayList<>();
    private final Runnable persist;

    ShipBans(List<ShipSide.Ban> initial, Runnable persist) {
        bans.addAll(initial);
        this.persist = persist;
    }

    /** Whether a login with this guild card, from this address and with this hardware id, is banned. */
    boolean hits(int guildCard, byte[] ip, byte[] hardwareId) {
        for (ShipSide.Ban b : bans) {
            boolean hit = switch (b.type()) {
                case 1 -> b.guildCard() == guildCard;
                case 2 -> Arrays.equals(b.ip(), ip);
                default -> Arrays.equals(b.hardwareId(), hardwareId);
            };
            if (hit) return true;
        }
        return false;
    }

    /** Removes the first ban of {@code type} on {@code guildCard}; false if there was none. */
    boolean remove(int guildCard, int type) {
        for (ShipSide.Ban b : bans) {
            if (b.guildCard() == guildCard && b.type() == type) {
                bans.remove(b);
                persist.run();
                return true;
            }
        }
        return false;
    }

    void add(ShipSide.Ban ban) {
        bans.add(ban);
        persist.run();
    }

    /** A copy, for the state file. */
    List<ShipSide.Ban> list() {
        return List.copyOf(bans);
    }
}
