package dev.shipctl.cli.community.status;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The status page and the badges, rendered from the Mustache templates beside this class ({@code page.mustache},
 * {@code badge.mustache}). Every value goes in through {@code {{…}}}, which escapes it for HTML and XML (the
 * five markup characters and more, as character references); texts the server sent are also
 * {@linkplain StatusBoard#clean cleaned} of characters XML cannot carry at all.
 */
public final class StatusTemplates {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final Mustache page;
    private final Mustache badge;
    private final String title;

    /** The templates, with the page's {@code title} (a name the admin gives, escaped like the rest). */
    public StatusTemplates(String title) {
        DefaultMustacheFactory factory = new DefaultMustacheFactory();
        this.page = factory.compile(new StringReader(resource("page.mustache")), "page.mustache");
        this.badge = factory.compile(new StringReader(resource("badge.mustache")), "badge.mustache");
        this.title = title;
    }

    /** The text of a file beside this class (the templates, the page's script). */
    static String resource(String name) {
        try (InputStream in = StatusTemplates.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("missing resource " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The HTML status page of every server on the board. */
    public String page(StatusBoard.Snapshot snapshot) {
        List<Row> rows = snapshot.servers().stream().map(s -> row(s, snapshot.generated())).toList();
        return render(page, new PageView(title, WHEN.format(snapshot.generated()), rows));
    }

    /** The SVG badge of one server: "PSO | 12 online", "PSO | down". */
    public String badge(ServerStatus s) {
        String label = "PSO";
        String message = s.summary();
        int labelWidth = textWidth(label);
        int messageWidth = textWidth(message);
        String colour = switch (s.state()) {
            case UP -> "#2e8540";
            case DOWN -> "#cf222e";
            case PENDING -> "#9f9f9f";
        };
        return render(badge, new BadgeView(s.name(), label, message, colour, labelWidth, messageWidth,
                labelWidth + messageWidth, labelWidth / 2.0, labelWidth + messageWidth / 2.0));
    }

    /** A width that holds {@code text} in 11 px Verdana (its widest glyphs are about 7.5 px), with padding. */
    private static int textWidth(String text) {
        return (int) Math.ceil(text.length() * 7.5) + 12;
    }

    private static Row row(ServerStatus s, Instant now) {
        List<ShipRow> ships = s.ships().stream()
                .map(sh -> new ShipRow(sh.name(), sh.players().map(String::valueOf).orElse("?"))).toList();
        return new Row(s.name(), s.state().id(), s.summary(), s.players().map(String::valueOf).orElse("?"), !ships.isEmpty(), ships,
                s.since().map(WHEN::format).orElse(""), age(s.lastCheck(), now), s.flavour().orElse(null));
    }

    /** "12 s ago", "3 min ago", as the page's script says it too. */
    static String age(Optional<Instant> at, Instant now) {
        if (at.isEmpty()) return "not yet";
        long s = Math.max(0, Math.round(Duration.between(at.get(), now).toMillis() / 1000.0));
        if (s < 120) return s + " s ago";
        if (s < 7200) return Math.round(s / 60.0) + " min ago";
        return Math.round(s / 3600.0) + " h ago";
    }

    private static String render(Mustache template, Object view) {
        StringWriter out = new StringWriter();
        template.execute(out, view);
        return out.toString();
    }

    record PageView(String title, String generated, List<Row> servers) {}

    record Row(String name, String state, String summary, String players, boolean hasShips, List<ShipRow> ships, String since,
               String age, String flavour) {}

    record ShipRow(String name, String players) {}

    record BadgeView(String name, String label, String message, String colour, int labelWidth, int messageWidth, int width,
                     double labelCentre, double messageCentre) {}
}
