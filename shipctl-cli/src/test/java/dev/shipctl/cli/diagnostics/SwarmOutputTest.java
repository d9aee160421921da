package dev.shipctl.cli.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.swarm.Behaviour;
import dev.shipctl.swarm.LatencyHistogram;
import dev.shipctl.swarm.SwarmReport;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The swarm report's text and JSON: what each error count says beside it, and that a merge keeps it. */
class SwarmOutputTest {
    private static SwarmReport failing(String label, long refused, String example) {
        LatencyHistogram total = new LatencyHistogram();
        total.record(Duration.ofMillis(12));
        return new SwarmReport(label, "127.0.0.1:12000", Behaviour.IDLE, 10, 10, 10 - refused, refused, 10 - refused, 10 - refused,
                10 - refused, Duration.ofSeconds(1), Duration.ofSeconds(2), false, Map.of("total", total),
                Map.of("ship/LoginRefused", refused), Map.of("ship/LoginRefused", example), Map.of(), Map.of(), List.of(),
                Duration.ofMillis(300), 25_000, 16, 4);
    }

    @Test
    void eachErrorCountShowsTheFirstMessageOfItsKindAndTheJsonKeepsItThroughAMerge() {
        SwarmReport r = failing("", 3, "Block is full.");
        assertThat(SwarmOutput.text(r)).anySatisfy(line ->
                assertThat(line).matches(" +ship/LoginRefused +3 +Block is full\\."));

        JsonNode o = SwarmOutput.json(r);
        assertThat(o.get("errors").get("ship/LoginRefused").asLong()).isEqualTo(3);
        assertThat(o.get("error_examples").get("ship/LoginRefused").asString()).isEqualTo("Block is full.");
        SwarmReport back = SwarmOutput.read(o, "a.json");
        assertThat(back.errorExamples()).containsExactly(Map.entry("ship/LoginRefused", "Block is full."));

        // shards: counts add, the example is the first report's
        SwarmReport merged = SwarmReport.merge(List.of(back, failing("shard 2/2", 2, "Ship is full.")));
        assertThat(merged.errors()).containsExactly(Map.entry("ship/LoginRefused", 5L));
        assertThat(merged.errorExamples()).containsExactly(Map.entry("ship/LoginRefused", "Block is full."));
    }

    @Test
    void aReportWithoutExamplesReadsBackWithNone() {
        JsonNode o = SwarmOutput.json(failing("", 1, "x"));
        ((tools.jackson.databind.node.ObjectNode) o).remove("error_examples");
        assertThat(SwarmOutput.read(o, "old.json").errorExamples()).isEmpty();
        assertThat(SwarmOutput.text(SwarmOutput.read(o, "old.json"))).anySatisfy(line ->
                assertThat(line).matches(" +ship/LoginRefused +1"));
    }
}
