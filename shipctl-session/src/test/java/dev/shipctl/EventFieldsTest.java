package dev.shipctl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The event schema as ordered fields: names, order and value types, which the command line writes as JSON. */
class EventFieldsTest {
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");
    private static final int ME = 42000002;

    private final Session session = stub();

    @Test
    void everyEventStartsWithSchemaTimeAndKind() {
        Map<String, Object> f = EventFields.of(new SessionEvent.Announcement(AT, "restart soon"), session);
        assertThat(f).containsExactly(Map.entry("schema", 1), Map.entry("time", "2026-01-02T03:04:05Z"),
                Map.entry("kind", "announcement"), Map.entry("text", "restart soon"));
    }

    @Test
    void aChatLineNamesItsSpeakerAndMarksYourOwn() {
        Map<String, Object> other = EventFields.of(new SessionEvent.Chat(AT, 0xF0000001, "GMBot", "hi"), session);
        assertThat(other.keySet()).containsExactly("schema", "time", "kind", "who", "text");
        @SuppressWarnings("unchecked")
        Map<String, Object> who = (Map<String, Object>) other.get("who");
        assertThat(who).containsExactly(Map.entry("name", "GMBot"), Map.entry("guild_card", Integer.toUnsignedLong(0xF0000001)));

        Map<String, Object> mine = EventFields.of(new SessionEvent.Chat(AT, ME, "Player1", "me"), session);
        assertThat(mine.keySet()).containsExactly("schema", "time", "kind", "who", "text", "self");
        assertThat(mine.get("self")).isEqualTo(true);
    }

    @Test
    void messagesShareOneKindAndSayTheirSource() {
        assertThat(EventFields.of(new SessionEvent.TextMessage(AT, "a"), session).get("source")).isEqualTo("text");
        assertThat(EventFields.of(new SessionEvent.LobbyMessage(AT, "b"), session).get("source")).isEqualTo("lobby");
        assertThat(EventFields.of(new SessionEvent.MessageBox(AT, "c"), session))
                .containsExactly(Map.entry("schema", 1), Map.entry("time", AT.toString()), Map.entry("kind", "message"),
                        Map.entry("source", "box"), Map.entry("text", "c"));
    }

    @Test
    void aReconnectingSessionIsDisconnectedWithTheAttemptAndTheDelay() {
        var cause = new ShipException.ConnectionLost(Stage.LOBBY, "the server closed the connection");
        Map<String, Object> f = EventFields.of(new SessionEvent.Reconnecting(AT, 2, Duration.ofMillis(1500), cause), session);
        assertThat(f.keySet()).containsExactly("schema", "time", "kind", "text", "attempt", "delay_ms");
        assertThat(f.get("kind")).isEqualTo("disconnected");
        assertThat(f.get("attempt")).isEqualTo(2);
        assertThat(f.get("delay_ms")).isEqualTo(1500L);
    }

    @Test
    void connectedSaysWhereWithTheOthersInTheLobby() {
        Map<String, Object> f = EventFields.connected(session, AT);
        assertThat(f.keySet()).containsExactly("schema", "time", "kind", "ship", "block", "lobby", "players", "text");
        assertThat(f.get("lobby")).isEqualTo(3);
        assertThat((List<?>) f.get("players")).singleElement()
                .isEqualTo(Map.of("name", "GMBot", "guild_card", 42000001L));
        assertThat(f.get("text")).isEqualTo("in Ship01 / BLOCK02, lobby 3 as Player1");
        assertThatThrownBy(() -> f.put("extra", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    private static Session stub() {
        Lobby lobby = new Lobby(3, 2, 0, List.of(new Player(ME, 0, "Player1", 0), new Player(42000001, 1, "GMBot", 0)));
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class}, (proxy, method, args) ->
                switch (method.getName()) {
                    case "guildCard" -> ME;
                    case "characterName" -> "Player1";
                    case "ship" -> Optional.of(new MenuItem("Ship01", 1, 1, Optional.empty()));
                    case "block" -> Optional.of(new MenuItem("BLOCK02", 2, 2, Optional.empty()));
                    case "lobby" -> lobby;
                    default -> throw new AssertionError("EventFields should not call " + method.getName());
                });
    }
}
