package dev.shipctl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a login that stopped short of the lobby ({@link ShipClient#probe}) saw before it left. Its connections are
 * closed; nothing of it stays on the server.
 *
 * @param depth how far it went
 * @param flavour the server family talked to
 * @param guildCard the account's guild card (unsigned)
 * @param character the character's name, when the login got that far (Tethealla: the block; newserv: the slot)
 * @param ships the ship list, with populations where the server shows them (Tethealla); empty below {@link Depth#SHIP}
 * @param blocks the ship's block list; empty below {@link Depth#SHIP}
 * @param ship the ship chosen (newserv: its main menu's title)
 * @param block the block chosen
 * @param stages the stages completed, in order, with their times
 */
public record ShallowLogin(
        Depth depth,
        ServerFlavour flavour,
        long guildCard,
        Optional<String> character,
        List<MenuItem> ships,
        List<MenuItem> blocks,
        Optional<MenuItem> ship,
        Optional<MenuItem> block,
        List<StageTiming> stages) {

    public ShallowLogin {
        Objects.requireNonNull(depth, "depth");
        Objects.requireNonNull(flavour, "flavour");
        ships = List.copyOf(ships);
        blocks = List.copyOf(blocks);
        stages = List.copyOf(stages);
    }
}
