package dev.shipctl.cli.diagnostics;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.swarm.LatencyHistogram;
import dev.shipctl.swarm.Swarm;
import dev.shipctl.swarm.SwarmReport;
import dev.shipctl.swarm.SwarmSnapshot;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The swarm's report as one offline HTML page ({@code swarm-report.mustache} beside this class): the text report,
 * the whole login's latency distribution and the sessions held over time as inline SVG (no script, nothing
 * fetched). The charts' geometry is computed here; every value goes into the page through the template, which
 * escapes it.
 */
final class SwarmHtml {
    private static final int W = 640, H = 200, PAD = 30, BUCKETS = 40;
    private static final Mustache PAGE = new DefaultMustacheFactory().compile(new StringReader(template()), "swarm-report.mustache");

    private SwarmHtml() {}

    static void write(Path file, SwarmReport report) {
        try {
            Files.writeString(file, page(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw UserError.usage("cannot write " + file + ": " + e.getMessage());
        }
    }

    static String page(SwarmReport r) {
        StringWriter out = new StringWriter();
        PAGE.execute(out, new Page(r.target(), String.join("\n", SwarmOutput.text(r)), latencyChart(r.latencies().get(Swarm.TOTAL)), timelineChart(r.timeline())));
        return out.toString();
    }

    /** The page: the target, the text report, and the two charts (null: none to draw). */
    record Page(String target, String text, Chart latency, Chart timeline) {}

    /** One chart's frame and labels, with its bars or its line. */
    record Chart(int w, int h, int pad, int bottom, int right, int labelY, int topX, int topY, String left, String rightLabel,
                 String top, List<Bar> bars, String points) {
        static Chart of(String left, String right, String top, List<Bar> bars, String points) {
            return new Chart(W, H, PAD, H - PAD, W - PAD, H - 10, PAD + 4, PAD - 8, left, right, top, bars, points);
        }
    }

    record Bar(String x, String y, String width, String height) {}

    private static Chart latencyChart(LatencyHistogram h) {
        if (h == null || h.count() == 0) return null;
        long[] counts = h.distribution(BUCKETS);
        long top = 1;
        for (long c : counts) top = Math.max(top, c);
        double bw = (W - 2.0 * PAD) / BUCKETS;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < BUCKETS; i++) {
            double bh = (H - 2.0 * PAD) * counts[i] / top;
            bars.add(new Bar(num(PAD + i * bw), num(H - PAD - bh), num(bw - 1), num(bh)));
        }
        return Chart.of("0 ms", String.format(Locale.ROOT, "%.1f ms", h.max().toNanos() / 1e6), top + " logins", bars, "");
    }

    private static Chart timelineChart(List<SwarmSnapshot> timeline) {
        if (timeline.isEmpty()) return null;
        long top = 1;
        for (SwarmSnapshot s : timeline) top = Math.max(top, s.held());
        double last = Math.max(1, timeline.getLast().elapsed().toNanos() / 1e9);
        List<String> points = new ArrayList<>();
        for (SwarmSnapshot s : timeline) {
            double x = PAD + (W - 2.0 * PAD) * (s.elapsed().toNanos() / 1e9) / last;
            double y = H - PAD - (H - 2.0 * PAD) * s.held() / top;
            points.add(num(x) + "," + num(y));
        }
        return Chart.of("0 s", String.format(Locale.ROOT, "%.0f s", last), top + " held", List.of(), String.join(" ", points));
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String template() {
        try (InputStream in = SwarmHtml.class.getResourceAsStream("swarm-report.mustache")) {
            if (in == null) throw new IllegalStateException("missing resource swarm-report.mustache");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
