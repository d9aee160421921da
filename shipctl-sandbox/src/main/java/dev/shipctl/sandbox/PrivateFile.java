package dev.shipctl.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a file that holds secrets (an accounts file) the way ssh reads a private key: not through a symbolic link,
 * only a regular file owned by the user running the sandbox, with no group or other permission bits; otherwise an
 * {@link UnsafeFileException} that names the fix. Where the file system has no POSIX permissions (Windows) only the
 * link and regular-file checks apply.
 */
final class PrivateFile {
    /** Accounts files are small; a bigger one is a mistake. */
    static final int MAX_BYTES = 1 << 20;
    private static final Set<PosixFilePermission> OPEN_TO_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFile() {}

    /** The file's text (UTF-8), after the checks. */
    static String read(Path file) throws IOException {
        BasicFileAttributes before = check(file);
        byte[] bytes;
        try (InputStream in = Channels.newInputStream(Files.newByteChannel(file, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)))) {
            bytes = in.readNBytes(MAX_BYTES + 1);
        }
        if (bytes.length > MAX_BYTES) throw new IOException(file + " is larger than " + MAX_BYTES + " bytes");
        // Opened without following links; a file swapped in between the check and the open is caught here.
        if (!Objects.equals(before.fileKey(), check(file).fileKey())) throw new UnsafeFileException(file + " changed while it was read; try again");
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static BasicFileAttributes check(Path file) throws IOException {
        BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (basic.isSymbolicLink()) {
            throw new UnsafeFileException(file + " is a symbolic link; give the file itself (secret files are not read through links)");
        }
        if (!basic.isRegularFile()) throw new UnsafeFileException(file + " is not a regular file");
        if (!Files.getFileStore(file).supportsFileAttributeView("posix")) return basic;
        PosixFileAttributes posix = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal me = currentUser(file);
        if (me != null && !posix.owner().equals(me)) {
            throw new UnsafeFileException("%s belongs to %s, not to %s who runs the sandbox; take it over (chown %s %s) and run: chmod 600 %s"
                    .formatted(file, posix.owner().getName(), me.getName(), me.getName(), file, file));
        }
        Set<PosixFilePermission> open = EnumSet.copyOf(posix.permissions());
        open.retainAll(OPEN_TO_OTHERS);
        if (!open.isEmpty()) {
            throw new UnsafeFileException("%s is open to other users (%s); run: chmod 600 %s"
                    .formatted(file, PosixFilePermissions.toString(posix.permissions()), file));
        }
        return basic;
    }

    /**
     * The user this process runs as: the owner of {@code /proc/self} where there is one (Linux: the effective user),
     * else the user named by {@code user.name}; null when neither is known (the owner check is then skipped).
     */
    private static UserPrincipal currentUser(Path file) {
        try {
            Path self = Path.of("/proc/self");
            if (Files.exists(self)) return Files.getOwner(self);
            return file.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(System.getProperty("user.name"));
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }
}
