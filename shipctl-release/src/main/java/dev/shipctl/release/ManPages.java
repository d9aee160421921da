package dev.shipctl.release;

import dev.shipctl.cli.Main;
import dev.shipctl.cli.common.CliContext;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build step of the release: writes one AsciiDoc man page per shipctl command (picocli-codegen's
 * {@link ManPageGenerator}) into the folder given as the only argument; asciidoctor then turns them into roff.
 * The pages come from {@link Main#commandLine(CliContext)}, the same command model as {@code --help}: shipctl registers
 * its commands in code, which picocli's own generator command (that reads one annotated class) cannot see.
 */
public final class ManPages {
    private ManPages() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: ManPages OUTPUT_FOLDER");
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        CommandLine shipctl = Main.commandLine(CliContext.system(nowhere, nowhere));
        int code = ManPageGenerator.generateManPage(new File(args[0]), null, new boolean[0], true, shipctl.getCommandSpec());
        if (code != 0) throw new IllegalStateException("the man page generator failed with exit code " + code);
    }
}
