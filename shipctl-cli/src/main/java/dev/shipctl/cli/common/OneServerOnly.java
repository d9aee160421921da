package dev.shipctl.cli.common;

/**
 * A command that makes sense against one server at a time (it follows one server's events, keeps one login open,
 * or measures one server): a fleet ({@code --profile a,b}, {@code --all-profiles}) is refused with
 * {@link #notForAFleet()} as the reason, in one line, before anything is sent.
 */
public interface OneServerOnly {
    /** Why the command does not run on several servers, and what to do instead (one sentence, no full stop). */
    String notForAFleet();
}
