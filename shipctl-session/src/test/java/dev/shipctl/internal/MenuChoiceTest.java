package dev.shipctl.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.MenuItem;
import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A ship or block by the user's choice; a choice the server does not list is the user's mistake. */
class MenuChoiceTest {
    private static final List<MenuItem> BLOCKS = List.of(item("BLOCK01"), item("BLOCK02"));

    private static MenuItem item(String name) {
        return new MenuItem(name, 1, name.hashCode(), Optional.empty());
    }

    @Test
    void theFirstByDefaultThenByNumberOrName() throws Exception {
        assertThat(MenuChoice.choose(BLOCKS, Optional.empty(), "block", Stage.SHIP).name()).isEqualTo("BLOCK01");
        assertThat(MenuChoice.choose(BLOCKS, Optional.of(" 2 "), "block", Stage.SHIP).name()).isEqualTo("BLOCK02");
        assertThat(MenuChoice.choose(BLOCKS, Optional.of("block02"), "block", Stage.SHIP).name()).isEqualTo("BLOCK02");
    }

    @Test
    void aChoiceNotListedIsNoSuchChoiceNamingWhatIsListed() {
        for (String wrong : List.of("BLOCK09", "3", "0", "99999999999999999999")) {
            assertThatThrownBy(() -> MenuChoice.choose(BLOCKS, Optional.of(wrong), "block", Stage.SHIP))
                    .isInstanceOf(ShipException.NoSuchChoice.class)
                    .hasMessage("no block called '" + wrong + "' (ship); the server lists: BLOCK01, BLOCK02")
                    .satisfies(e -> assertThat(((ShipException.NoSuchChoice) e).listed()).containsExactly("BLOCK01", "BLOCK02"));
        }
    }

    @Test
    void anEmptyListIsTheServersProblem() {
        assertThatThrownBy(() -> MenuChoice.choose(List.of(), Optional.of("1"), "ship", Stage.SHIP_LIST))
                .isInstanceOf(ShipException.LoginRefused.class).hasMessageContaining("lists no ship");
    }
}
