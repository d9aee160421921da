package dev.shipctl.cli.diagnostics;

import dev.shipctl.cli.common.UserError;
import dev.shipctl.swarm.LatencyHistogram;
import dev.shipctl.swarm.Swarm;
import dev.shipctl.swarm.SwarmReport;
import dev.shipctl.swarm.SwarmSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The swarm's report as one offline HTML page: the text report, the whole login's latency distribution and the
 * sessions held over time as inline SVG (no script, nothing fetched). Every text from the report is escaped.
 */
final class SwarmHtml {
    private static final int W = 640, H = 200, PAD = 30;

    private SwarmHtml() {}

    static void write(Path file, SwarmReport report) {
        try {
            Files.writeString(file, page(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw UserError.usage("cannot write " + file + ": " + e.getMessage());
        }
    }

    static String page(SwarmReport r) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>shipctl swarm: ")
                .append(escape(r.target())).append("</title>\n<style>body{font-family:sans-serif;margin:2em}"
                        + "pre{background:#f4f4f4;padding:1em}svg{border:1px solid #ccc}</style></head><body>\n");
        b.append("<h1>shipctl swarm of ").append(escape(r.target())).append("</h1>\n<pre>");
        for (String line : SwarmOutput.text(r)) b.append(escape(line)).append('\n');
        b.append("</pre>\n<h2>Whole login latency</h2>\n").append(latencyChart(r.latencies().get(Swarm.TOTAL)));
        b.append("\n<h2>Sessions held over time</h2>\n").append(timelineChart(r.timeline()));
        b.append("\n</body></html>\n");
        return b.toString();
    }

    private static String latencyChart(LatencyHistogram h) {
        if (h == null || h.count() == 0) return "<p>no login completed</p>";
        int buckets = 40;
        long[] counts = h.distribution(buckets);
        long top = 1;
        for (long c : counts) top = Math.max(top, c);
        StringBuilder svg = svgStart("latency distribution");
        double bw = (W - 2.0 * PAD) / buckets;
        for (int i = 0; i < buckets; i++) {
            double bh = (H - 2.0 * PAD) * counts[i] / top;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4a7\"/>",
                    PAD + i * bw, H - PAD - bh, bw - 1, bh));
        }
        svg.append(axisLabels("0 ms", String.format(Locale.ROOT, "%.1f ms", h.max().toNanos() / 1e6), top + " logins"));
        return svg.append("</svg>").toString();
    }

    private static String timelineChart(List<SwarmSnapshot> timeline) {
        if (timeline.isEmpty()) return "<p>no snapshot</p>";
        long top = 1;
        for (SwarmSnapshot s : timeline) top = Math.max(top, s.held());
        double last = Math.max(1, timeline.getLast().elapsed().toNanos() / 1e9);
        StringBuilder points = new StringBuilder();
        for (SwarmSnapshot s : timeline) {
            double x = PAD + (W - 2.0 * PAD) * (s.elapsed().toNanos() / 1e9) / last;
            double y = H - PAD - (H - 2.0 * PAD) * s.held() / top;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        StringBuilder svg = svgStart("sessions held over time");
        svg.append("<polyline fill=\"none\" stroke=\"#36c\" stroke-width=\"2\" points=\"").append(points.toString().strip()).append("\"/>");
        svg.append(axisLabels("0 s", String.format(Locale.ROOT, "%.0f s", last), top + " held"));
        return svg.append("</svg>").toString();
    }

    private static StringBuilder svgStart(String title) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\"><title>%s</title>"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>",
                W, H, escape(title), PAD, H - PAD, W - PAD, H - PAD, PAD, PAD, PAD, H - PAD));
    }

    private static String axisLabels(String left, String right, String top) {
        return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text><text x=\"%d\" y=\"%d\" font-size=\"11\" "
                + "text-anchor=\"end\">%s</text><text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>",
                PAD, H - 10, escape(left), W - PAD, H - 10, escape(right), PAD + 4, PAD - 8, escape(top));
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
