package dev.shipctl.check;

import dev.shipctl.Depth;
import dev.shipctl.Lobby;
import dev.shipctl.MenuItem;
import dev.shipctl.Player;
import dev.shipctl.ServerFlavour;
import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import dev.shipctl.StageTiming;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one health-check login found: the verdict ({@link #ok}), each stage completed with its time, the stage that
 * failed and why, and what the server showed on the way (ship list with populations, block list, the lobby joined
 * with its members). A failed check knows only its timings and its error.
 *
 * @param at when the check started
 * @param server {@code host:port} of the login server
 * @param ok whether the check went as deep as it was asked ({@code depth}: a lobby by default)
 * @param stages the stages completed, in order, with their times
 * @param total the time from the start to the depth reached (the lobby by default), or to the failure
 * @param failedStage the stage that failed ({@link Stage#CONNECT} when the failure names none); empty when ok
 * @param error why the check failed; its subtype says what kind of failure it was; empty when ok
 * @param flavour the server family that was talked to; empty when the check failed
 * @param guildCard the account's guild card (unsigned); 0 when the check failed
 * @param character the character's name; empty when the check failed
 * @param ships the ship list, with populations where the server shows them
 * @param blocks the block list (Tethealla's carries names only)
 * @param ship the ship the check went to
 * @param block the block the check went to
 * @param lobby the lobby joined, with its members as the check saw them on arrival; empty below {@link Depth#LOBBY}
 * @param depth how far the check was asked to go
 */
public record CheckResult(
        Instant at,
        String server,
        boolean ok,
        List<StageTiming> stages,
        Duration total,
        Optional<Stage> failedStage,
        Optional<ShipException> error,
        Optional<ServerFlavour> flavour,
        long guildCard,
        Optional<String> character,
        List<MenuItem> ships,
        List<MenuItem> blocks,
        Optional<MenuItem> ship,
        Optional<MenuItem> block,
        Optional<Lobby> lobby,
        Depth depth) {

    public CheckResult {
        Objects.requireNonNull(depth, "depth");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(server, "server");
        stages = List.copyOf(stages);
        ships = List.copyOf(ships);
        blocks = List.copyOf(blocks);
        if (ok == error.isPresent()) throw new IllegalArgumentException("a check is ok exactly when it has no error");
    }

    /** A result of a check to the lobby (the depth before there were depths). */
    public CheckResult(Instant at, String server, boolean ok, List<StageTiming> stages, Duration total,
                       Optional<Stage> failedStage, Optional<ShipException> error, Optional<ServerFlavour> flavour,
                       long guildCard, Optional<String> character, List<MenuItem> ships, List<MenuItem> blocks,
                       Optional<MenuItem> ship, Optional<MenuItem> block, Optional<Lobby> lobby) {
        this(at, server, ok, stages, total, failedStage, error, flavour, guildCard, character, ships, blocks, ship,
                block, lobby, Depth.LOBBY);
    }

    /** The failure's one-line reason without the stage ({@link ShipException#reason()}); empty when ok. */
    public Optional<String> reason() {
        return error.map(ShipException::reason);
    }

    /** The last stage completed, if any (the lobby when ok at {@link Depth#LOBBY}). */
    public Optional<Stage> stageReached() {
        return stages.isEmpty() ? Optional.empty() : Optional.of(stages.getLast().stage());
    }

    /** The time {@code stage} took, if it completed. */
    public Optional<Duration> time(Stage stage) {
        return stages.stream().filter(t -> t.stage() == stage).map(StageTiming::elapsed).findFirst();
    }

    /** Everyone in the lobby joined but the checking character; empty when the check failed. */
    public List<Player> others() {
        return lobby.map(Lobby::others).orElse(List.of());
    }

    /** "TestShip / BLOCK01, lobby 1", or as much of it as is known ("?" for no ship). */
    public String where() {
        String s = ship.map(MenuItem::name).orElse("?") + block.map(b -> " / " + b.name()).orElse("");
        return lobby.map(l -> s + ", lobby " + l.number()).orElse(s);
    }

    /** "at ship: timed out …": the failed stage and the reason, for one-line reports ("at ?: ?" when ok). */
    public String failure() {
        return "at " + failedStage.map(Stage::label).orElse("?") + ": " + reason().orElse("?");
    }
}
