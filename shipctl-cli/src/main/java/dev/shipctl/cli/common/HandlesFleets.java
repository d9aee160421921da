package dev.shipctl.cli.common;

/**
 * A command that takes a fleet ({@code --profile a,b}, {@code --all-profiles}) itself, in one process (as
 * {@code watch} does, watching every server at once), instead of being run once per server by the fleet runner.
 */
public interface HandlesFleets {
}
