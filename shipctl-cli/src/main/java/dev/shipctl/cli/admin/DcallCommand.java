package dev.shipctl.cli.admin;

import dev.shipctl.ShipException;
import dev.shipctl.admin.Admin;
import dev.shipctl.admin.AdminResult;
import dev.shipctl.cli.common.CliContext;
import dev.shipctl.cli.options.Confirmation;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dcall}: Disconnect everyone on the ship, this session included. */
@Command(name = "dcall", mixinStandardHelpOptions = true,
        description = {"Disconnect everyone on the ship (Tethealla: /dcall).", "",
            "Disconnect everyone on the ship, this session included (Tethealla: /dcall). The ship refuses new",
            "connections until everybody is gone (one player per second). Confirmed when someone leaves or this",
            "session is told it is being disconnected. Asks for confirmation on a terminal; off one (cron, a pipe)",
            "it is refused without --yes (exit 2, nothing sent)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipctl dcall --profile home --wait 10s --yes"})
public final class DcallCommand extends SessionVerb {
    @Mixin
    Confirmation confirmation;

    DcallCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    AdminResult perform(Admin admin, Duration wait) throws ShipException, InterruptedException {
        return admin.dcall(wait);
    }

    @Override
    void confirm() {
        confirmation.confirm(ctx, "dcall", "disconnect everyone on the ship, this session included");
    }
}
