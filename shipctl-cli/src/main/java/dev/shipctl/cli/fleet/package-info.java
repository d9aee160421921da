/**
 * Fleets: one command run on the servers of several profiles ({@code --profile a,b}, {@code --all-profiles}), in
 * parallel, reported one row (or JSON object) per server with the worst exit code. {@code Main} hands every parsed
 * command line to {@link dev.shipctl.cli.fleet.Fleet} first; the verbs themselves know nothing of fleets.
 */
package dev.shipctl.cli.fleet;
