package dev.shipctl.cli.options;

import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.config.PrivateFiles;
import dev.shipctl.cli.output.DiscordWebhook;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the Discord webhook's URL comes from: never the command line (it holds the webhook's token, and anyone
 * who has it can post to the channel). {@code --discord-webhook-file FILE}, a {@linkplain PrivateFiles private
 * file} of this user whose first line is the URL, or the environment variable {@value #ENV}. The URL is never
 * printed: errors name the file or the variable.
 */
public final class DiscordOption {
    /** The environment variable read when no file is given. */
    public static final String ENV = "SHIPCTL_DISCORD_WEBHOOK";

    @Option(names = "--discord-webhook-file", paramLabel = "FILE",
            description = "The Discord webhook's URL: the first line of FILE (owned by you, mode 600). Default: the environment "
                    + "variable " + ENV + ". Never on the command line.")
    Path file;

    /** Whether {@code --discord-webhook-file} was given. */
    public boolean fileGiven() {
        return file != null;
    }

    /** Whether a webhook is configured (a file given, or the variable set). */
    public boolean configured(CliContext ctx) {
        return file != null || Optional.ofNullable(ctx.env().get(ENV)).filter(s -> !s.isBlank()).isPresent();
    }

    /** The webhook, or empty when none is configured; a bad file or URL is a configuration error. */
    public Optional<DiscordWebhook> webhook(CliContext ctx) {
        if (file != null) {
            byte[] content = PrivateFiles.read(file, "the Discord webhook file", 8 * 1024);
            try {
                String text = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "");
                String line = text.lines().findFirst().orElse("").strip();
                return Optional.of(new DiscordWebhook(check(line, "the Discord webhook file " + file)));
            } finally {
                Arrays.fill(content, (byte) 0);
            }
        }
        String value = ctx.env().get(ENV);
        if (value == null || value.isBlank()) return Optional.empty();
        return Optional.of(new DiscordWebhook(check(value.strip(), "the environment variable " + ENV)));
    }

    /** The webhook, required: {@code what} names the option that needs it. */
    public DiscordWebhook required(CliContext ctx, String what) {
        return webhook(ctx).orElseThrow(() -> UserError.config(what + " needs a Discord webhook: --discord-webhook-file FILE or " + ENV));
    }

    /**
     * The URL, if it is one: HTTPS (plain HTTP only to this machine, for tests), with a host and a path. The
     * message says where it came from, never what it is.
     */
    static URI check(String url, String where) {
        if (url.isEmpty()) throw UserError.config(where + " is empty (the webhook's URL is its first line)");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw UserError.config(where + " does not hold a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        String host = uri.getHost();
        if (host == null || uri.getRawPath() == null || uri.getRawPath().length() < 2) {
            throw UserError.config(where + " does not hold a webhook URL (https://discord.com/api/webhooks/ID/TOKEN)");
        }
        boolean loopback = host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]");
        if (!scheme.equals("https") && !(scheme.equals("http") && loopback)) {
            throw UserError.config(where + ": the webhook URL must be https:// (it carries the webhook's token)");
        }
        return uri;
    }
}
