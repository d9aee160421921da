package dev.shipctl.cli.diagnostics;

import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.output.Json;
import dev.shipctl.swarm.Behaviour;
import dev.shipctl.swarm.LatencyHistogram;
import dev.shipctl.swarm.Swarm;
import dev.shipctl.swarm.SwarmReport;
import dev.shipctl.swarm.SwarmSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A swarm's report as text (aligned), as JSON (one object, histograms in HdrHistogram's compressed base64 so that
 * {@code swarm merge} adds them exactly) and back from that JSON; snapshots as JSON lines and progress lines.
 */
final class SwarmOutput {
    static final int SCHEMA = 1;
    private static final List<String> STAGE_ORDER = List.of("connect", "login", "character_token", "character_select",
            "ship_list", "ship", "block", "menu", "lobby", Swarm.TOTAL);

    private SwarmOutput() {}

    /** The aligned text report. */
    static List<String> text(SwarmReport r) {
        List<String> lines = new ArrayList<>();
        lines.add("swarm of " + r.target() + (r.label().isEmpty() ? "" : " (" + r.label() + ")") + ": " + r.behaviour().id()
                + (r.stopped() ? ", stopped early" : ""));
        lines.add("  sessions   requested %d, attempted %d, logged in %d, failed %d, logged out %d".formatted(
                r.requested(), r.attempted(), r.loggedIn(), r.failed(), r.loggedOut()));
        lines.add("  held       peak %d, at end %d".formatted(r.heldPeak(), r.heldAtEnd()));
        lines.add("  rate       %.1f logins/s over %s (run %s)".formatted(r.loginsPerSecond(), seconds(r.rampTime()), seconds(r.elapsed())));
        // a peak at the bound: the server, not the ramp, set the pace
        lines.add("  in flight  at most %d at once, peak %d".formatted(r.maxInFlight(), r.peakInFlight()));
        lines.add("  client     CPU %s, heap %s per session".formatted(seconds(r.cpuTime()), kib(r.heapBytesPerSession())));
        lines.add("");
        lines.add("  %-18s %8s %9s %9s %9s %9s".formatted("stage", "count", "p50", "p90", "p99", "max"));
        for (var e : ordered(r.latencies()).entrySet()) {
            LatencyHistogram h = e.getValue();
            lines.add("  %-18s %8d %9s %9s %9s %9s".formatted(e.getKey(), h.count(), ms(h.percentile(50)), ms(h.percentile(90)),
                    ms(h.percentile(99)), ms(h.max())));
        }
        section(lines, "errors (stage/type)", r.errors(), r.errorExamples());
        section(lines, "server disconnects", r.disconnects());
        section(lines, "actions", r.actions());
        return lines;
    }

    private static void section(List<String> lines, String title, Map<String, Long> counts) {
        section(lines, title, counts, Map.of());
    }

    private static void section(List<String> lines, String title, Map<String, Long> counts, Map<String, String> examples) {
        lines.add("");
        if (counts.isEmpty()) {
            lines.add("  " + title + ": none");
            return;
        }
        lines.add("  " + title + ":");
        new TreeMap<>(counts).forEach((k, v) -> lines.add(
                ("    %-30s %8d" + (examples.containsKey(k) ? "  %s" : "")).formatted(k, v, examples.get(k))));
    }

    private static Map<String, LatencyHistogram> ordered(Map<String, LatencyHistogram> latencies) {
        Map<String, LatencyHistogram> result = new LinkedHashMap<>();
        for (String s : STAGE_ORDER) if (latencies.containsKey(s)) result.put(s, latencies.get(s));
        new TreeMap<>(latencies).forEach(result::putIfAbsent);
        return result;
    }

    private static String ms(Duration d) {
        return String.format(Locale.ROOT, "%.1fms", d.toNanos() / 1e6);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1fs", d.toNanos() / 1e9);
    }

    private static String kib(long bytes) {
        return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }

    /** A progress line for a terminal. */
    static String progress(SwarmSnapshot s, long requested) {
        return String.format(Locale.ROOT, "swarm %s %5.0fs  logged in %d/%d  held %d  failed %d  disconnects %d",
                s.phase().id(), s.elapsed().toNanos() / 1e9, s.loggedIn(), requested, s.held(), s.failed(), s.disconnects());
    }

    /** One snapshot as a JSON object (a {@code --jsonl} line, and an entry of the report's timeline). */
    static ObjectNode json(SwarmSnapshot s) {
        ObjectNode o = Json.object();
        o.put("t_s", round(s.elapsed().toNanos() / 1e9));
        o.put("phase", s.phase().id());
        o.put("attempted", s.attempted());
        o.put("logged_in", s.loggedIn());
        o.put("failed", s.failed());
        o.put("held", s.held());
        o.put("disconnects", s.disconnects());
        return o;
    }

    /** The report as one JSON object. */
    static ObjectNode json(SwarmReport r) {
        ObjectNode o = Json.object();
        o.put("schema", SCHEMA);
        o.put("label", r.label());
        o.put("target", r.target());
        o.put("behaviour", r.behaviour().id());
        o.put("sessions_requested", r.requested());
        o.put("attempted", r.attempted());
        o.put("logged_in", r.loggedIn());
        o.put("failed", r.failed());
        o.put("logged_out", r.loggedOut());
        o.put("sessions_held", r.heldPeak());
        o.put("sessions_held_at_end", r.heldAtEnd());
        o.put("logins_per_s", round(r.loginsPerSecond()));
        o.put("ramp_s", round(r.rampTime().toNanos() / 1e9));
        o.put("elapsed_s", round(r.elapsed().toNanos() / 1e9));
        o.put("stopped", r.stopped());
        o.put("cpu_s", round(r.cpuTime().toNanos() / 1e9));
        o.put("heap_bytes_per_session", r.heapBytesPerSession());
        o.putObject("in_flight").put("bound", r.maxInFlight()).put("peak", r.peakInFlight());
        ObjectNode latencies = o.putObject("latencies");
        ordered(r.latencies()).forEach((stage, h) -> {
            ObjectNode l = latencies.putObject(stage);
            l.put("count", h.count());
            l.put("p50_ms", round(h.percentile(50).toNanos() / 1e6));
            l.put("p90_ms", round(h.percentile(90).toNanos() / 1e6));
            l.put("p99_ms", round(h.percentile(99).toNanos() / 1e6));
            l.put("max_ms", round(h.max().toNanos() / 1e6));
            l.put("hdr", h.encoded());
        });
        counts(o.putObject("errors"), r.errors());
        ObjectNode examples = o.putObject("error_examples");
        new TreeMap<>(r.errorExamples()).forEach(examples::put);
        counts(o.putObject("disconnects"), r.disconnects());
        counts(o.putObject("actions"), r.actions());
        ArrayNode timeline = o.putArray("timeline");
        r.timeline().forEach(s -> timeline.add(json(s)));
        return o;
    }

    private static void counts(ObjectNode o, Map<String, Long> counts) {
        new TreeMap<>(counts).forEach(o::put);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /**
     * Reads a report back from {@link #json(SwarmReport)}.
     *
     * @throws UserError (usage) when it is not a swarm report of this schema
     */
    static SwarmReport read(JsonNode o, String source) {
        if (o.path("schema").asInt(0) != SCHEMA || !o.has("latencies")) {
            throw UserError.usage(source + " is not a swarm --json report (schema " + SCHEMA + ")");
        }
        try {
            Behaviour behaviour = Behaviour.byId(o.path("behaviour").asString(""))
                    .orElseThrow(() -> new IllegalArgumentException("unknown behaviour"));
            Map<String, LatencyHistogram> latencies = new TreeMap<>();
            for (var e : o.path("latencies").properties()) latencies.put(e.getKey(), LatencyHistogram.decode(e.getValue().path("hdr").asString()));
            List<SwarmSnapshot> timeline = new ArrayList<>();
            for (JsonNode s : o.path("timeline")) {
                timeline.add(new SwarmSnapshot(duration(s.path("t_s").asDouble()), SwarmSnapshot.Phase.valueOf(s.path("phase").asString().toUpperCase(Locale.ROOT)),
                        s.path("attempted").asLong(), s.path("logged_in").asLong(), s.path("failed").asLong(), s.path("held").asLong(),
                        s.path("disconnects").asLong()));
            }
            long loggedIn = o.path("logged_in").asLong();
            double rate = o.path("logins_per_s").asDouble();
            // the ramp time that gives back the rate written (the rounded ramp_s would not, for short ramps)
            Duration ramp = rate > 0 ? Duration.ofNanos((long) (loggedIn * 1e9 / rate)) : duration(o.path("ramp_s").asDouble());
            return new SwarmReport(o.path("label").asString(""), o.path("target").asString(), behaviour, o.path("sessions_requested").asLong(),
                    o.path("attempted").asLong(), loggedIn, o.path("failed").asLong(), o.path("logged_out").asLong(),
                    o.path("sessions_held").asLong(), o.path("sessions_held_at_end").asLong(), ramp, duration(o.path("elapsed_s").asDouble()),
                    o.path("stopped").asBoolean(), latencies, counts(o.path("errors")), examples(o.path("error_examples")), counts(o.path("disconnects")),
                    counts(o.path("actions")), timeline, duration(o.path("cpu_s").asDouble()), o.path("heap_bytes_per_session").asLong(),
                    o.path("in_flight").path("bound").asInt(), o.path("in_flight").path("peak").asInt());
        } catch (IllegalArgumentException e) {
            throw UserError.usage(source + " is not a readable swarm report: " + e.getMessage());
        }
    }

    private static Map<String, Long> counts(JsonNode o) {
        Map<String, Long> counts = new TreeMap<>();
        for (var e : o.properties()) counts.put(e.getKey(), e.getValue().asLong());
        return counts;
    }

    private static Map<String, String> examples(JsonNode o) {
        Map<String, String> examples = new TreeMap<>();
        for (var e : o.properties()) examples.put(e.getKey(), e.getValue().asString());
        return examples;
    }

    private static Duration duration(double seconds) {
        return Duration.ofNanos((long) (seconds * 1e9));
    }
}
