package dev.shipctl.cli.admin;

import dev.shipctl.ShipException;
import dev.shipctl.admin.Admin;
import dev.shipctl.admin.AdminResult;
import dev.shipctl.cli.common.CliContext;
import java.time.Duration;
import picocli.CommandLine.Command;

/** {@code reload-config}: Re-read the ship's configuration. */
@Command(name = "reload-config", mixinStandardHelpOptions = true,
        description = {"Re-read the ship's configuration (PSONOVA: /reloadconfig).", "",
            "Re-read the ship's configuration (PSONOVA: /reloadconfig; needs GM or local-GM right 8).",
            "Other Tethealla builds have no such command and stay silent: exit 7."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  shipctl reload-config --profile home"})
public final class ReloadConfigCommand extends SessionVerb {
    ReloadConfigCommand(CliContext ctx) {
        super(ctx);
    }

    @Override
    AdminResult perform(Admin admin, Duration wait) throws ShipException, InterruptedException {
        return admin.reloadConfig(wait);
    }
}
