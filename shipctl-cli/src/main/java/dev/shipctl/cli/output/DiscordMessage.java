package dev.shipctl.cli.output;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One webhook message as Discord documents it (Execute Webhook: {@code content}, {@code embeds},
 * {@code allowed_mentions}): plain content and/or one embed. Every message carries
 * {@code "allowed_mentions": {"parse": []}}, so nothing in it can ping anyone whatever text it holds. Callers put
 * game text through {@link DiscordMarkdown#escape} first; lengths are cut to Discord's limits here.
 *
 * @param content the message text (at most {@value #MAX_CONTENT} characters), or empty
 * @param embed   one embed, or empty
 */
public record DiscordMessage(Optional<String> content, Optional<Embed> embed) {
    /** Discord's limit on {@code content}. */
    public static final int MAX_CONTENT = 2000;
    /** Discord's limit on an embed's {@code description}. */
    public static final int MAX_DESCRIPTION = 4096;
    /** Discord's limit on an embed's {@code title}. */
    public static final int MAX_TITLE = 256;

    /** Green, for a server that is up. */
    public static final int GREEN = 0x2ECC71;
    /** Red, for a server that is down. */
    public static final int RED = 0xE74C3C;
    /** Blue, for announcements. */
    public static final int BLUE = 0x3498DB;

    public DiscordMessage {
        content = content.map(c -> cut(c, MAX_CONTENT));
        if (content.isEmpty() && embed.isEmpty()) throw new IllegalArgumentException("a Discord message needs content or an embed");
    }

    /** A message of plain text. */
    public static DiscordMessage text(String content) {
        return new DiscordMessage(Optional.of(content), Optional.empty());
    }

    /** A message of one embed. */
    public static DiscordMessage embed(Embed embed) {
        return new DiscordMessage(Optional.empty(), Optional.of(embed));
    }

    /**
     * An embed: title, description, colour (RGB) and time.
     *
     * @param title       at most {@value DiscordMessage#MAX_TITLE} characters
     * @param description at most {@value DiscordMessage#MAX_DESCRIPTION} characters
     * @param color       RGB, e.g. {@link DiscordMessage#RED}
     * @param timestamp   when it happened
     */
    public record Embed(String title, String description, int color, Instant timestamp) {
        public Embed {
            title = cut(title, MAX_TITLE);
            description = cut(description, MAX_DESCRIPTION);
        }
    }

    /** The request body. */
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        content.ifPresent(c -> o.put("content", c));
        embed.ifPresent(e -> {
            ArrayNode embeds = o.putArray("embeds");
            ObjectNode eo = embeds.addObject();
            eo.put("title", e.title()).put("description", e.description()).put("color", e.color())
                    .put("timestamp", e.timestamp().toString());
        });
        o.putObject("allowed_mentions").putArray("parse");
        return o;
    }

    /** Joins lines into as few contents as fit Discord's limit, none of them cut (a longer line is cut alone). */
    public static List<String> batch(List<String> lines) {
        List<String> out = new java.util.ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (String line : lines) {
            String l = cut(line, MAX_CONTENT);
            if (!b.isEmpty() && b.length() + 1 + l.length() > MAX_CONTENT) {
                out.add(b.toString());
                b.setLength(0);
            }
            if (!b.isEmpty()) b.append('\n');
            b.append(l);
        }
        if (!b.isEmpty()) out.add(b.toString());
        return out;
    }

    private static String cut(String s, int max) {
        if (s.length() <= max) return s;
        int end = max - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
        String cut = s.substring(0, end);
        // never leave a lone escaping backslash at the end
        int slashes = 0;
        for (int i = cut.length() - 1; i >= 0 && cut.charAt(i) == '\\'; i--) slashes++;
        if (slashes % 2 == 1) cut = cut.substring(0, cut.length() - 1);
        return cut + "…";
    }
}
