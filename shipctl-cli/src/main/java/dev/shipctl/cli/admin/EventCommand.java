package dev.shipctl.cli.admin;

import dev.shipctl.ShipException;
import dev.shipctl.admin.Admin;
import dev.shipctl.admin.AdminResult;
import dev.shipctl.cli.common.CliContext;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code event}: Set the lobby event on the ship. */
@Command(name = "event", mixinStandardHelpOptions = true,
        description = {"Set the lobby event on the ship (/event N, $event on newserv).", "",
            "Set the lobby event on the ship (Tethealla: /event N), confirmed by the event change that every",
            "client on the ship receives."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipctl event --profile home 2",
            "  shipctl event --profile home 0     # back to no event"})
public final class EventCommand extends SessionVerb {
    @Parameters(paramLabel = "N", description = "The event number (0 = none).")
    int event;

    EventCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    AdminResult perform(Admin admin, Duration wait) throws ShipException, InterruptedException {
        return admin.event(event, wait);
    }
}
