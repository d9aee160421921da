package dev.shipctl.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Test helpers for file modes and owners (POSIX only). */
final class FileModes {
    private FileModes() {}

    /** Sets the mode ("rw-r--r--") and returns the path. */
    static Path chmod(Path p, String permissions) throws IOException {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(permissions));
        return p;
    }

    /** The mode as octal ("0600"), of the path itself (not a link's target). */
    static String mode(Path p) throws IOException {
        int mode = 0;
        for (var permission : Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)) mode |= 1 << (8 - permission.ordinal());
        return String.format("%04o", mode);
    }

    /** A file with this content and mode. */
    static Path file(Path p, String content, String permissions) throws IOException {
        Files.writeString(p, content);
        return chmod(p, permissions);
    }

    /** Hands the path to the user "nobody": only root can, so the test is skipped otherwise. */
    static Path giveToNobody(Path p) throws IOException {
        assumeTrue(new com.sun.security.auth.module.UnixSystem().getUid() == 0, "only root can give a file to another user");
        Files.setOwner(p, p.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        return p;
    }
}
