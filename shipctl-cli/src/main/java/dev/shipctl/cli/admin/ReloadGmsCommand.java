package dev.shipctl.cli.admin;

import dev.shipctl.ShipException;
import dev.shipctl.admin.Admin;
import dev.shipctl.admin.AdminResult;
import dev.shipctl.cli.common.CliContext;
import java.time.Duration;
import picocli.CommandLine.Command;

/** {@code reload-gms}: Re-read the ship's local GM file. */
@Command(name = "reload-gms", mixinStandardHelpOptions = true,
        description = {"Re-read the ship's local GM file (/updatelocalgms).", "",
            "Re-read the ship's local GM file (Tethealla: /updatelocalgms; needs GM or local-GM right 8).",
            "Note: Tethealla only adds and changes entries; a GM removed from the file keeps their rights until the ship restarts."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipctl reload-gms --profile home",
            "  shipctl reload-gms --profile ship1,ship2,ship3   # every ship, in parallel: one row each, exit code the worst",
            "  SHIPCTL_PASSWORD=... shipctl reload-gms -H 127.0.0.1 -u localgm --json"})
public final class ReloadGmsCommand extends SessionVerb {
    ReloadGmsCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    AdminResult perform(Admin admin, Duration wait) throws ShipException, InterruptedException {
        return admin.reloadGms(wait);
    }
}
