package dev.shipctl.cli.admin;

import dev.shipctl.ShipException;
import dev.shipctl.admin.Admin;
import dev.shipctl.admin.AdminResult;
import dev.shipctl.cli.common.CliContext;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code announce TEXT}: the scrolling message every player on the ship (or server) sees. */
@Command(name = "announce", mixinStandardHelpOptions = true,
        description = {"Announce a message to every player, confirmed by the broadcast that comes back.", "",
            "Announce a message to every player on the ship (--global: on every ship), and confirm it",
            "by the broadcast that comes back. Tethealla: /announce, its confirmation, then the text as mail.",
            "At most 170 characters; '$' starts a colour code on Tethealla ($C6 yellow ...).",
            "Exit 7 when the server does not confirm (usually: the account lacks the right to /announce).",
            "newserv: $ann TEXT (every client on the server sees \"name: TEXT\"; --global changes nothing), --anonymous",
            "for $ann?, --mail for $ann!; refused (\"You do not have permission...\") without the ANNOUNCE flag: exit 7."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  SHIPCTL_PASSWORD=... shipctl announce -H pso.example.org -u gmadmin \"Restart in 5 minutes\"",
            "  shipctl announce --profile home --global \"Double EXP weekend starts now!\"",
            "  shipctl announce --profile home --json --wait 5s Maintenance at 22:00",
            "  shipctl announce --profile live,test \"Restart in 10 minutes\"   # both servers: one row each, exit code the worst",
            "  shipctl announce --all-profiles --parallel 2 \"Patch day tomorrow\"",
            "  shipctl announce --profile home --full-login \"Restart in 5 minutes\"   # whole chain, not the kept ticket"})
public final class AnnounceCommand extends SessionVerb {
    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "The message (several words are joined with spaces).")
    List<String> words;

    @Option(names = "--global", description = "Announce on every ship of the server (Tethealla: /global, GM only).")
    boolean global;

    @Option(names = "--anonymous", description = "newserv: without your character's name ($ann? instead of $ann).")
    boolean anonymous;

    @Option(names = "--mail", description = "newserv: as a mail to every player ($ann!; with --anonymous: $ann?!, from the server's name).")
    boolean mail;

    AnnounceCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    AdminResult perform(Admin admin, Duration wait) throws ShipException, InterruptedException {
        return admin.announce(String.join(" ", words), global, anonymous, mail, wait);
    }
}
