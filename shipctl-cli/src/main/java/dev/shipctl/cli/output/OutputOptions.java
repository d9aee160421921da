package dev.shipctl.cli.output;

import picocli.CommandLine.Option;

/** {@code --json}: one JSON object per result on stdout, for machines; otherwise aligned text for people. */
public final class OutputOptions {
    @Option(names = "--json", description = "Print results as JSON (one object per line) instead of text.")
    boolean json;

    public boolean json() {
        return json;
    }
}
