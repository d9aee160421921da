package dev.shipctl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.ShipException;
import dev.shipctl.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/** The reconnecting session's chat lines: held while down, one at a time to the live connection, never twice. */
class ChatRelayTest {
    /** A connection's chat as the relay sees it: records the lines handed over, completed by the test. */
    private static final class FakeChat {
        final List<String> handed = new ArrayList<>();
        final List<CompletableFuture<Void>> sent = new ArrayList<>();

        CompletableFuture<Void> chat(String line) {
            handed.add(line);
            CompletableFuture<Void> f = new CompletableFuture<>();
            sent.add(f);
            return f;
        }

        void written(int i) {
            sent.get(i).complete(null);
        }
    }

    private final ChatRelay relay = new ChatRelay();

    private static Throwable failure(CompletableFuture<Void> f) {
        assertThat(f).isCompletedExceptionally();
        try {
            f.get();
            throw new AssertionError("not failed");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void linesAreHeldUntilAConnectionTakesThemThenHandedOneAtATimeInOrder() {
        CompletableFuture<Void> a = relay.add("a");
        CompletableFuture<Void> b = relay.add("b");
        FakeChat conn = new FakeChat();

        relay.resume(conn::chat);
        assertThat(conn.handed).containsExactly("a");
        conn.written(0);
        assertThat(a).isCompleted();
        assertThat(conn.handed).containsExactly("a", "b");
        assertThat(b).isNotDone();
        conn.written(1);
        assertThat(b).isCompleted();
    }

    @Test
    void aLineTheDroppedConnectionWasWritingFailsAndIsNotSentAgain() {
        FakeChat first = new FakeChat();
        relay.resume(first::chat);
        CompletableFuture<Void> a = relay.add("a");
        CompletableFuture<Void> b = relay.add("b");
        relay.hold();
        ShipException lost = new ShipException.ConnectionLost(Stage.LOBBY, null);
        first.sent.getFirst().completeExceptionally(lost);
        relay.reclaim();

        FakeChat second = new FakeChat();
        relay.resume(second::chat);
        assertThat(failure(a)).isSameAs(lost);
        assertThat(first.handed).containsExactly("a");
        assertThat(second.handed).containsExactly("b");
        second.written(0);
        assertThat(b).isCompleted();
    }

    @Test
    void aLineTheConnectionNeverWroteGoesFirstToTheNextOne() {
        FakeChat first = new FakeChat();
        relay.resume(first::chat);
        CompletableFuture<Void> a = relay.add("a");
        relay.add("b");
        first.sent.getFirst().completeExceptionally(new IllegalStateException("the session is closed"));
        CompletableFuture<Void> c = relay.add("c");
        assertThat(first.handed).as("a closed connection gets nothing more").containsExactly("a");

        FakeChat second = new FakeChat();
        relay.resume(second::chat);
        second.written(0);
        second.written(1);
        second.written(2);
        assertThat(second.handed).containsExactly("a", "b", "c");
        assertThat(a).isCompleted();
        assertThat(c).isCompleted();
    }

    @Test
    void aLineHandedButNeverSettledIsReclaimedOnceTheConnectionsThreadsHaveEnded() {
        FakeChat first = new FakeChat();
        relay.resume(first::chat);
        CompletableFuture<Void> a = relay.add("a");
        relay.hold();
        relay.reclaim();
        first.sent.getFirst().complete(null); // too late to count: the relay no longer waits for it

        FakeChat second = new FakeChat();
        relay.resume(second::chat);
        assertThat(second.handed).containsExactly("a");
        assertThat(a).isNotDone();
        second.written(0);
        assertThat(a).isCompleted();
    }

    @Test
    void endingFailsEveryHeldLineAndEveryLaterOne() {
        CompletableFuture<Void> a = relay.add("a");
        FakeChat first = new FakeChat();
        relay.resume(first::chat);
        CompletableFuture<Void> b = relay.add("b");
        relay.hold();
        relay.reclaim(); // "a" was never settled by the closed connection
        ShipException refused = new ShipException.LoginRefused(Stage.LOGIN, "Username or password is incorrect.");

        relay.end(refused);

        assertThat(failure(a)).isSameAs(refused);
        assertThat(failure(b)).isSameAs(refused);
        assertThat(failure(relay.add("c"))).isSameAs(refused);
        relay.resume(new FakeChat()::chat);
        assertThat(first.handed).containsExactly("a");
    }
}
