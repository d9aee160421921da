package dev.shipctl.sandbox;

import java.io.IOException;

/**
 * A file holding secrets (an accounts file) that others could read or change: a symbolic link, not owned by the
 * user running the sandbox, or with group or other permissions. The message names the file and the fix.
 */
public final class UnsafeFileException extends IOException {
    public UnsafeFileException(String message) {
        super(message);
    }
}
