package dev.shipctl.cli.diagnostics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The samples of one row of {@code shipctl bench}, in milliseconds, and their median and 90th percentile (nearest
 * rank). A part that could not be measured in a run is left out of that part's figures.
 */
final class BenchFigures {
    private final List<Double> values = new ArrayList<>();

    void add(Double ms) {
        if (ms != null) values.add(ms);
    }

    int count() {
        return values.size();
    }

    boolean isEmpty() {
        return values.isEmpty();
    }

    Optional<Double> median() {
        return quantile(0.5);
    }

    Optional<Double> p90() {
        return quantile(0.9);
    }

    private Optional<Double> quantile(double q) {
        if (values.isEmpty()) return Optional.empty();
        List<Double> sorted = values.stream().sorted(Comparator.naturalOrder()).toList();
        int n = sorted.size();
        if (q == 0.5 && n % 2 == 0) return Optional.of((sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
        int rank = (int) Math.ceil(q * n); // nearest rank, 1-based
        return Optional.of(sorted.get(Math.max(rank, 1) - 1));
    }

    /** {@code {"median": .., "p90": ..}}, or JSON null when nothing was measured. */
    void put(ObjectNode into, String field) {
        if (values.isEmpty()) {
            into.putNull(field);
            return;
        }
        into.putObject(field).put("median", round(median().orElseThrow())).put("p90", round(p90().orElseThrow()));
    }

    /** "median" for people, "-" when nothing was measured. */
    String medianText() {
        return median().map(BenchFigures::text).orElse("-");
    }

    /** "median / p90" for people, "-" when nothing was measured. */
    String medianAndP90Text() {
        return values.isEmpty() ? "-" : text(median().orElseThrow()) + " / " + text(p90().orElseThrow());
    }

    private static String text(double ms) {
        return "%.0f".formatted(ms);
    }

    private static double round(double ms) {
        return Math.round(ms * 10) / 10.0;
    }
}
