package dev.shipctl.cli.admin;

import dev.shipctl.ShipException;
import dev.shipctl.admin.Admin;
import dev.shipctl.admin.AdminResult;
import dev.shipctl.cli.common.CliContext;
import java.time.Duration;
import picocli.CommandLine.Command;

/** {@code reload-masks}: Re-read the ship's IP ban masks. */
@Command(name = "reload-masks", mixinStandardHelpOptions = true,
        description = {"Re-read the ship's IP ban masks (Tethealla: /updatemasks; needs GM or local-GM right 12)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipctl reload-masks --profile home"})
public final class ReloadMasksCommand extends SessionVerb {
    ReloadMasksCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    AdminResult perform(Admin admin, Duration wait) throws ShipException, InterruptedException {
        return admin.reloadMasks(wait);
    }
}
