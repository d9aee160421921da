package dev.shipctl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.protocol.packet.character.CharacterSummary;
import dev.shipctl.protocol.packet.character.ClientCharacterSelect;
import dev.shipctl.protocol.packet.character.ClientCreateCharacter;
import dev.shipctl.protocol.packet.character.ServerCharacterAck;
import dev.shipctl.protocol.packet.character.ServerCharacterPreview;
import dev.shipctl.protocol.packet.chat.ClientChat;
import dev.shipctl.protocol.packet.chat.ServerTextMessage;
import dev.shipctl.protocol.packet.login.ServerMessageBox;
import dev.shipctl.protocol.packet.login.ServerSecurityData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stateFile}: ship bans and created characters outlive the sandbox; a broken file is refused, not replaced. */
class StateFileTest {
    private final MutableClock clock = new MutableClock();
    @TempDir
    Path dir;

    private Sandbox start(Path state) throws IOException {
        return Sandbox.builder().loginPort(0).clock(clock).tickInterval(Duration.ofMillis(10)).stateFile(state).build().start();
    }

    @Test
    void bansAndCreatedCharactersSurviveARestart() throws Exception {
        Path state = dir.resolve("state.json");
        try (Sandbox sandbox = start(state)) {
            assertThat(sandbox.stateFile()).contains(state);
            Chain creator = new Chain("player1", "player123");
            int characterPort = creator.loginPort(sandbox.loginPort());
            previewSlot1(creator, characterPort, ServerCharacterAck.class);
            try (TestClient c = TestClient.connect(characterPort)) {
                c.send(Chain.login(creator.security, "player1", "player123", 1, 1, creator.security.config()));
                c.expect(ServerSecurityData.class);
                c.send(new ClientCreateCharacter(CharacterSummary.create(1, "Newbie", 3, 4)));
                assertThat(c.expect(ServerCharacterAck.class).result()).isEqualTo(ServerCharacterAck.CREATED);
            }
            assertThat(state).as("written at the change, not only at close").content().contains("\"Newbie\"");

            try (TestClient gm = Chain.lobby(sandbox, "gmadmin", "gmadmin123");
                 TestClient player = Chain.lobby(sandbox, "player1", "player123")) {
                clock.advance(Duration.ofSeconds(1));
                gm.send(new ClientChat(0, "/ban 42000002"));
                assertThat(gm.until(ServerTextMessage.class).text()).isEqualTo("\tEUser has been banned.");
                assertThat(player.readToEnd()).contains(new ServerMessageBox("\tEYou've been banned by a GM."));
            }
        }
        assertThat(state).content().contains("\"guild_card\" : 42000002", "\"type\" : \"guild_card\"", "\"class\" : 3");

        try (Sandbox again = start(state)) {
            Chain player = new Chain("player1", "player123");
            int characterPort = player.loginPort(again.loginPort());
            CharacterSummary slot1 = previewSlot1(player, characterPort, ServerCharacterPreview.class).character();
            assertThat(slot1.name()).isEqualTo("Newbie");
            assertThat(slot1.characterClass()).isEqualTo(3);
            assertThat(slot1.sectionId()).isEqualTo(4);
            try (TestClient ship = TestClient.connect(again.shipPort())) {
                ship.send(Chain.login(player.security, "", "", 5, 0, player.security.config()));
                assertThat(ship.readToEnd()).containsExactly(new ServerMessageBox("\tEYou are banned from this ship."));
            }
        }
    }

    /** Character connection #1 (the data phase): asks for slot 1's preview and keeps the new security data. */
    private static <T extends dev.shipctl.protocol.Packet> T previewSlot1(Chain chain, int characterPort, Class<T> answer) throws Exception {
        try (TestClient c = TestClient.connect(characterPort)) {
            c.send(Chain.login(chain.security, chain.user, chain.password, 0, 0, chain.security.config()));
            ServerSecurityData e6 = c.expect(ServerSecurityData.class);
            chain.security = new Chain.Security(e6.guildCard(), e6.securityToken(), e6.clientConfig());
            c.send(new ClientCharacterSelect(1, false));
            return c.expect(answer);
        }
    }

    @Test
    void aFileThatIsNotAStateFileIsRefusedAndLeftAlone() throws IOException {
        Path notState = dir.resolve("accounts.toml");
        Files.writeString(notState, "[[accounts]]\nuser = \"x\"\n");

        assertThatThrownBy(() -> Sandbox.builder().stateFile(notState))
                .isInstanceOf(IOException.class).hasMessageContaining(notState.toString()).hasMessageContaining("not a sandbox state file");
        assertThat(notState).content().isEqualTo("[[accounts]]\nuser = \"x\"\n");

        Path badBan = dir.resolve("bad.json");
        Files.writeString(badBan, "{\"format\": \"" + StateFile.FORMAT + "\", \"bans\": [{\"guild_card\": 1, \"type\": \"forever\"}]}");
        assertThatThrownBy(() -> Sandbox.builder().stateFile(badBan)).isInstanceOf(IOException.class).hasMessageContaining("forever");
    }

    @Test
    void withoutChangesAMissingFileIsWrittenAtCloseAndReadBack() throws Exception {
        Path state = dir.resolve("sub").resolve("state.json");
        Files.createDirectories(state.getParent());
        start(state).close();

        assertThat(state).content().contains(StateFile.FORMAT);
        try (Sandbox again = start(state)) {
            assertThat(again.stateFile()).contains(state);
        }
        assertThat(Files.list(state.getParent())).as("no temporary files left behind").containsExactly(state);
    }
}
