package dev.shipctl.cli.admin;

import dev.shipctl.ShipException;
import dev.shipctl.admin.Admin;
import dev.shipctl.admin.AdminResult;
import dev.shipctl.cli.common.CliContext;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code command "/any text"}: a raw chat command and every reply within the wait. */
@Command(name = "command", mixinStandardHelpOptions = true,
        description = {"Send any chat command and print every reply that comes back.", "",
            "Send any chat command and print every reply that arrives within --wait (default 2s):",
            "B0 text, 01 lobby message, 1A message box, EE broadcast, mail, event changes, each labelled.",
            "Exit 7 when nothing came back (Tethealla's answer to an unknown command or a missing right)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipctl command --profile home /bank",
            "  shipctl command --profile home --wait 5s \"/stfu 42000002\"",
            "  shipctl command --profile newserv --json '$si'"})
public final class RawCommand extends SessionVerb {
    @Parameters(arity = "1..*", paramLabel = "LINE", description = "The command as typed in the game, e.g. /bank (words are joined with spaces).")
    List<String> words;

    RawCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    Duration defaultWait() {
        return Duration.ofSeconds(2);
    }

    @Override
    AdminResult perform(Admin admin, Duration wait) throws ShipException, InterruptedException {
        return admin.command(String.join(" ", words), wait);
    }
}
