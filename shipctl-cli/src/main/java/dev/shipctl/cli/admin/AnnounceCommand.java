package dev.shipctl.cli.admin;

import dev.shipctl.ShipException;
import dev.shipctl.admin.Admin;
import dev.shipctl.admin.AdminResult;
import dev.shipctl.admin.Countdown;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.common.Commands;
import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.common.Stopper;
import dev.shipctl.cli.options.Confirmation;
import dev.shipctl.cli.options.DiscordOption;
import dev.shipctl.cli.options.DurationConverter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code announce TEXT}: the scrolling message every player on the ship (or server) sees; with {@code --countdown}
 * or {@code --at}, a countdown of them on one login ({@link Countdown}), and a verb at zero ({@code --then}).
 */
@Command(name = "announce", mixinStandardHelpOptions = true,
        description = {"Announce a message to every player, confirmed by the broadcast that comes back; or a countdown.", "",
            "Announce a message to every player on the ship (--global: on every ship), and confirm it",
            "by the broadcast that comes back. Tethealla: /announce, its confirmation, then the text as mail.",
            "At most 170 characters; '$' starts a colour code on Tethealla ($C6 yellow ...).",
            "Exit 7 when the server does not confirm (usually: the account lacks the right to /announce).",
            "newserv: $ann TEXT (every client on the server sees \"name: TEXT\"; --global changes nothing), --anonymous",
            "for $ann?, --mail for $ann!; refused (\"You do not have permission...\") without the ANNOUNCE flag: exit 7.",
            "",
            "Countdown (--countdown and/or --at): TEXT is a template in which {remaining} is the time left as people",
            "write it (\"10 minutes\", \"1 minute 30 seconds\", \"30 seconds\"). --countdown 10m --every 5m announces",
            "at 10 and 5 minutes left; --at 10m,5m,1m,30s at those times left (zero at the longest, or at --countdown).",
            "One login for the whole countdown: the GM stays in the lobby it logged in to (it does not move between",
            "lobbies, so players see it arrive once), answers pings, and waits. Every announcement is confirmed like",
            "a single one; a missed one stops the countdown (exit 7, nothing runs at zero) unless --keep-going.",
            "Ctrl-C or SIGTERM cancels it, announcing --cancel-text if given (exit 130). At zero, --then runs a verb",
            "on the same session: --then dcall, --then \"command /shutdown\" (a verb and its options, one argument)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  SHIPCTL_PASSWORD=... shipctl announce -H pso.example.org -u gmadmin \"Restart in 5 minutes\"",
            "  shipctl announce --profile home --global \"Double EXP weekend starts now!\"",
            "  shipctl announce --profile home --json --wait 5s Maintenance at 22:00",
            "  shipctl announce --profile live,test \"Restart in 10 minutes\"   # both servers: one row each, exit code the worst",
            "  shipctl announce --all-profiles --parallel 2 \"Patch day tomorrow\"",
            "  shipctl announce --profile home --full-login \"Restart in 5 minutes\"   # whole chain, not the kept ticket",
            "  shipctl announce --profile home --countdown 10m --every 5m \"Restart in {remaining}\"",
            "  shipctl announce --profile home --at 10m,5m,1m,30s --cancel-text \"Restart cancelled\" \\",
            "      --then dcall --yes \"Server restart in {remaining}\""})
public final class AnnounceCommand extends SessionVerb {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The message (several words are joined with spaces); "
            + "with --countdown or --at, a template with {remaining}.")
    List<String> words;

    @Option(names = "--global", description = "Announce on every ship of the server (Tethealla: /global, GM only).")
    boolean global;

    @Option(names = "--anonymous", description = "newserv: without your character's name ($ann? instead of $ann).")
    boolean anonymous;

    @Option(names = "--mail", description = "newserv: as a mail to every player ($ann!; with --anonymous: $ann?!, from the server's name).")
    boolean mail;

    @Option(names = "--countdown", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "A countdown to zero in DURATION (10m, 1h): announcements by --every or --at.")
    Duration countdown;

    @Option(names = "--every", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "With --countdown: announce at the start and then every DURATION while time is left.")
    Duration every;

    @Option(names = "--at", paramLabel = "DURATION", split = ",", converter = DurationConverter.class,
            description = "Announce when these times are left, e.g. 10m,5m,1m,30s (zero at the longest unless --countdown).")
    List<Duration> at;

    @Option(names = "--cancel-text", paramLabel = "TEXT", description = "Countdown: announce TEXT when cancelled ({remaining} allowed).")
    String cancelText;

    @Option(names = "--keep-going", description = "Countdown: go on after a missed announcement (the exit code is still the miss's).")
    boolean keepGoing;

    @Option(names = "--then", paramLabel = "VERB",
            description = "Countdown: at zero, run this verb on the same session, with its options in one argument: "
                    + "--then dcall, --then \"command /shutdown\", --then \"dcall --wait 10s\". A dcall, ipban or hwban at zero "
                    + "is confirmed before the login (on a terminal; --yes off one), as when run alone.")
    String then;

    @Mixin
    Confirmation confirmation;

    @Option(names = "--discord", description = "Mirror each confirmed announcement to a Discord channel (the webhook: "
            + "--discord-webhook-file FILE or SHIPCTL_DISCORD_WEBHOOK; docs/community.md).")
    boolean mirrorToDiscord;

    @Mixin
    DiscordOption discordWebhook;

    /** The webhook --discord posts to, read before the login. */
    private DiscordMirror mirror;

    /** The verbs at zero that cannot be taken back: asked for before the login, as when they are run alone. */
    private static final Map<String, String> ASKS_FIRST = Map.of(
            "dcall", "disconnect everyone on the ship at zero, this session included",
            "ipban", "ban an IP address at zero, and everyone behind it",
            "hwban", "ban a hardware id at zero");

    /** Whether the verb at zero was confirmed here (so it runs with --yes: nobody is asked twice). */
    private boolean thenConfirmed;

    AnnounceCommand(CliContext ctx) {
        super(ctx);
    }

    private boolean isCountdown() {
        return countdown != null || at != null;
    }

    /** The words of {@code --then}, split as the shell splits a line. */
    private List<String> thenWords() {
        if (then == null) return List.of();
        if (OpenSession.isRaw(then.strip())) return List.of("command", "--", then.strip());
        return OpenSession.words(then);
    }

    /** {@link #thenWords()} as run at zero: with {@code --yes} when the question was answered here already. */
    private List<String> thenRunWords(List<String> words) {
        if (!thenConfirmed || words.contains("--yes") || words.contains("-y")) return words;
        List<String> run = new ArrayList<>(words);
        run.add(1, "--yes");
        return run;
    }

    @Override
    void confirm() {
        List<String> words = thenWords();
        if (words.isEmpty() || !ASKS_FIRST.containsKey(words.getFirst())) return;
        if (words.contains("--yes") || words.contains("-y")) return;
        confirmation.confirm(ctx, "announce --then " + words.getFirst(), ASKS_FIRST.get(words.getFirst()));
        thenConfirmed = true;
    }

    private String text() {
        return String.join(" ", words);
    }

    @Override
    void validate() {
        if (mirrorToDiscord) mirror = new DiscordMirror(ctx, discordWebhook.required(ctx, "--discord"));
        else if (discordWebhook.fileGiven()) {
            throw new IllegalArgumentException("--discord-webhook-file is for --discord: add --discord to mirror the announcement");
        }
        if (!isCountdown()) {
            List<String> stray = new ArrayList<>();
            if (every != null) stray.add("--every");
            if (cancelText != null) stray.add("--cancel-text");
            if (keepGoing) stray.add("--keep-going");
            if (then != null) stray.add("--then");
            if (!stray.isEmpty()) throw new IllegalArgumentException(String.join(", ", stray) + " belong to a countdown: add --countdown DURATION or --at LIST");
            return;
        }
        plan();
        if (then != null) {
            OpenSession.checkWords(Commands.of(spec), ctx, thenWords()).ifPresent(problem -> {
                throw new IllegalArgumentException("--then \"" + then + "\": " + problem);
            });
        }
    }

    /** The countdown the options describe. */
    private Countdown plan() {
        Countdown c;
        if (every != null && at != null) throw new IllegalArgumentException("--every and --at are two ways to say when: give one");
        if (at != null) {
            c = Countdown.at(countdown, at, text());
        } else if (every != null) {
            c = Countdown.every(countdown, every, text());
        } else {
            c = Countdown.at(countdown, List.of(countdown), text()); // one announcement at the start, then zero
        }
        c = c.keepGoing(keepGoing);
        return cancelText != null ? c.cancelText(cancelText) : c;
    }

    @Override
    AdminResult perform(Admin admin, Duration wait) throws ShipException, InterruptedException {
        AdminResult r = admin.announce(text(), global, anonymous, mail, wait);
        if (mirror != null) mirror.announced(text());
        return r;
    }

    @Override
    Integer performAndPrint(Admin admin, Duration wait, boolean json, Integer line, VerbHost host) throws ShipException {
        if (!isCountdown()) return null;
        Countdown c = plan();
        c.check(admin);
        List<String> thenWords = thenWords();
        CountdownOutput out = new CountdownOutput(ctx, json, line);
        out.start(c, ctx.clock().now(), thenWords);
        // Alone, a signal cancels the countdown and the process ends with exit 130; in a shell or a script, the
        // host's interrupt does (Ctrl-C in the shell).
        try (Stopper ignored = host == null ? new Stopper("announce", ExitCodes.CANCELLED) : null) {
            Countdown.Result r = c.run(text -> {
                AdminResult done = admin.announce(text, global, anonymous, mail, wait);
                if (mirror != null) mirror.announced(text);
                return done;
            }, ctx.clock(), out);
            Integer thenExit = null;
            if (r.reachedZero() && !thenWords.isEmpty()) {
                out.zero(thenWords);
                VerbHost on = host != null ? host : new VerbHost() {
                    @Override
                    public Admin admin() {
                        return admin;
                    }

                    @Override
                    public boolean json() {
                        return json;
                    }

                    @Override
                    public Integer lineNumber() {
                        return line;
                    }
                };
                thenExit = OpenSession.runWords(on, Commands.of(spec), ctx, json, line, thenRunWords(thenWords));
            }
            int code = r.cancelled() ? ExitCodes.CANCELLED
                    : !r.missed().isEmpty() ? ExitCodes.of(r.missed().getFirst().error())
                    : thenExit != null ? thenExit : ExitCodes.OK;
            out.end(r, thenWords, thenExit, code);
            return code;
        }
    }
}
