package dev.shipctl.cli.common;

/** A mistake the user can fix: printed as one line, no stack trace (unless -v), with its exit code. */
public class UserError extends RuntimeException {
    private final int exitCode;

    public UserError(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public UserError(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }

    public static UserError config(String message) {
        return new UserError(ExitCodes.CONFIG, message);
    }

    public static UserError usage(String message) {
        return new UserError(ExitCodes.USAGE, message);
    }
}
