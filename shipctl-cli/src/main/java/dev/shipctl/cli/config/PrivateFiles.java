package dev.shipctl.cli.config;

import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.common.UserError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The files shipctl writes or trusts — traces, the shell history, the profiles file, password files — and the
 * config directory: owner-only, never reached through a symbolic link, never another user's.
 *
 * <p>On a POSIX file system (Linux, macOS, BSD):
 * <ul>
 *   <li>a file shipctl creates is created atomically ({@code O_CREAT|O_EXCL}, {@link StandardOpenOption#CREATE_NEW})
 *       with mode 0600, and a directory with mode 0700, in one call: there is no moment when it exists with wider
 *       permissions, and nothing planted at that name (a link, someone's file) is followed or reused;</li>
 *   <li>an existing path is refused with a one-line {@link UserError#config configuration error} (exit code 9) that
 *       names the fix when it is a symbolic link, is not a regular file (a directory for directories), belongs to
 *       another user, or has any permission bit for group or others;</li>
 *   <li>an existing file is opened without following links ({@link LinkOption#NOFOLLOW_LINKS}, {@code O_NOFOLLOW})
 *       and its attributes are read before and after opening; if the name pointed at another file in between, it is
 *       refused. The JDK has no {@code fstat} of an open channel, so this closes the race for anyone who cannot
 *       rename entries in the file's directory; someone who can (a directory writable by others and not sticky)
 *       could still swap twice, which is why files belong in a directory of their owner.</li>
 * </ul>
 *
 * <p>On a file system without POSIX permissions (Windows, some network or FAT file systems) nothing can be checked
 * this way: files are created (still without following links) with the default ACL of their folder, which for the
 * user's profile folder is private by default. That degradation is silent, as the platform gives no owner-only
 * mode to ask for.
 */
public final class PrivateFiles {
    /** rw------- */
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    /** rwx------ */
    static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final LinkOption[] NO_FOLLOW = {LinkOption.NOFOLLOW_LINKS};

    private PrivateFiles() {}

    /** What a file is used for, as messages name it ("the trace file"), and the fix for wrong permissions. */
    private enum Kind {
        FILE("chmod 600"), DIRECTORY("chmod 700");

        final String chmod;

        Kind(String chmod) {
            this.chmod = chmod;
        }
    }

    /**
     * Opens {@code file} for appending: created (0600) when it does not exist, else checked and opened without
     * following links. {@code what} names it in errors ("the trace file").
     */
    public static FileChannel openAppend(Path file, String what) {
        Set<OpenOption> create = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND,
                LinkOption.NOFOLLOW_LINKS);
        try {
            try {
                return FileChannel.open(file, create, fileAttributes(file));
            } catch (FileAlreadyExistsException e) {
                return openExisting(file, what, Set.of(StandardOpenOption.WRITE, StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS));
            }
        } catch (IOException e) {
            throw cannot("write", file, what, e);
        }
    }

    /**
     * Makes sure {@code file} exists as a private file of this user, for a library that writes it by name itself
     * (JLine's history): created empty (0600) when missing, else checked. Its directory should be one made by
     * {@link #directory}, so that nobody can replace the file after this check.
     */
    public static void ensureFile(Path file, String what) {
        try (FileChannel ignored = openAppend(file, what)) {
            // created or checked
        } catch (IOException e) {
            throw cannot("write", file, what, e);
        }
    }

    /**
     * Makes sure {@code dir} is a private directory of this user: created (0700, its missing parents with the
     * usual permissions) when it does not exist, else checked (no link, this user's, nothing for group or others).
     */
    /** {@code path} with a leading {@code ~/} read as the user's home folder (profiles and options name files so). */
    public static String expandHome(String path) {
        return path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    }

    public static Path directory(Path dir, String what) {
        try {
            if (!Files.exists(dir, NO_FOLLOW)) {
                Path parent = dir.toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
                try {
                    Files.createDirectory(dir, directoryAttributes(dir));
                    return dir;
                } catch (FileAlreadyExistsException e) {
                    // made meanwhile: check it as any existing one
                }
            }
            problem(dir, what, Kind.DIRECTORY, attributes(dir)).ifPresent(message -> {
                throw UserError.config(message);
            });
            return dir;
        } catch (IOException e) {
            throw cannot("create", dir, what, e);
        }
    }

    /**
     * Replaces {@code file} by {@code content} atomically: written to a new private file beside it, then moved over
     * it, so a reader sees the old or the new content and the file is never, even briefly, open to others. An
     * existing file must pass the same checks as one that is read.
     */
    static void replace(Path file, byte[] content, String what) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            if (Files.exists(file, NO_FOLLOW)) {
                problem(file, what, Kind.FILE, attributes(file)).ifPresent(message -> {
                    throw UserError.config(message);
                });
            }
            Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp", fileAttributes(file));
            try {
                try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) out.write(buffer);
                    out.force(true);
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw cannot("write", file, what, e);
        }
    }

    /**
     * Reads a private file whole (at most {@code maxBytes}), opened once without following links, checked as the
     * class says; empty when it does not exist. The caller owns (and should wipe) the returned array.
     */
    static Optional<byte[]> readIfExists(Path file, String what, int maxBytes) {
        try (FileChannel in = openExisting(file, what, Set.of(StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS))) {
            ByteBuffer buffer = ByteBuffer.allocate(maxBytes + 1);
            while (buffer.hasRemaining() && in.read(buffer) >= 0) {
                // until the end, or one byte past the limit
            }
            if (!buffer.hasRemaining()) {
                Arrays.fill(buffer.array(), (byte) 0);
                throw UserError.config(what + " " + file + " is larger than " + maxBytes + " bytes: is it the right file?");
            }
            byte[] content = Arrays.copyOf(buffer.array(), buffer.position());
            Arrays.fill(buffer.array(), (byte) 0);
            return Optional.of(content);
        } catch (Missing e) {
            return Optional.empty();
        } catch (IOException e) {
            throw cannot("read", file, what, e);
        }
    }

    /** As {@link #readIfExists}, but a missing file is a configuration error. */
    public static byte[] read(Path file, String what, int maxBytes) {
        return readIfExists(file, what, maxBytes).orElseThrow(() -> UserError.config(what + " " + file + " does not exist"));
    }

    /**
     * Why an existing {@code file} would be refused (a one-line message naming the fix), or empty when it is
     * fine, missing, or cannot be checked on this file system. For warnings ahead of use.
     */
    static Optional<String> problem(Path file, String what) {
        try {
            if (!posix(file) || !Files.exists(file, NO_FOLLOW)) return Optional.empty();
            return problem(file, what, Kind.FILE, attributes(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A path that does not exist, while opening an existing file. */
    private static final class Missing extends IOException {
        Missing() {
            super("no such file or directory");
        }
    }

    private static FileChannel openExisting(Path file, String what, Set<OpenOption> options) throws IOException {
        if (!posix(file)) {
            try {
                return FileChannel.open(file, options);
            } catch (NoSuchFileException e) {
                throw new Missing();
            }
        }
        PosixFileAttributes before;
        try {
            before = attributes(file);
        } catch (NoSuchFileException e) {
            throw new Missing();
        }
        // checked before opening too: never open a FIFO or a device (that could block), or follow a link
        problem(file, what, Kind.FILE, before).ifPresent(message -> {
            throw UserError.config(message);
        });
        FileChannel channel;
        try {
            channel = FileChannel.open(file, options);
        } catch (NoSuchFileException e) {
            throw new Missing();
        } catch (IOException e) {
            // O_NOFOLLOW on a link that appeared after the check (ELOOP)
            if (Files.isSymbolicLink(file)) throw UserError.config(problemLink(file, what));
            throw e;
        }
        try {
            PosixFileAttributes after = attributes(file);
            if (before.fileKey() == null || !Objects.equals(before.fileKey(), after.fileKey())) {
                throw UserError.config(what + " " + file + " was replaced while shipctl opened it; is someone else writing in "
                        + file.toAbsolutePath().getParent() + "?");
            }
            problem(file, what, Kind.FILE, after).ifPresent(message -> {
                throw UserError.config(message);
            });
            return channel;
        } catch (RuntimeException | IOException e) {
            channel.close();
            throw e;
        }
    }

    private static Optional<String> problem(Path path, String what, Kind kind, PosixFileAttributes a) throws IOException {
        if (a == null) return Optional.empty(); // not POSIX
        if (a.isSymbolicLink()) return Optional.of(problemLink(path, what));
        if (kind == Kind.FILE && !a.isRegularFile()) return Optional.of(what + " " + path + " is not a regular file");
        if (kind == Kind.DIRECTORY && !a.isDirectory()) return Optional.of(what + " " + path + " is not a directory");
        if (!ownedByMe(path, a)) {
            return Optional.of(what + " " + path + " belongs to " + a.owner().getName() + ", not to you (" + me()
                    + "); shipctl only uses your own files (use a file of yours, or run shipctl as " + a.owner().getName() + ")");
        }
        Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
        open.addAll(a.permissions());
        open.retainAll(GROUP_OR_OTHERS);
        if (!open.isEmpty()) {
            return Optional.of(what + " " + path + " is open to other users (mode " + mode(a.permissions()) + "); run: "
                    + kind.chmod + " " + path);
        }
        return Optional.empty();
    }

    private static String problemLink(Path path, String what) {
        return what + " " + path + " is a symbolic link; shipctl does not follow links for its files (give the real path)";
    }

    /** The file's POSIX attributes, not following a link; null on a file system without them. */
    private static PosixFileAttributes attributes(Path path) throws IOException {
        if (!posix(path)) return null;
        return Files.readAttributes(path, PosixFileAttributes.class, NO_FOLLOW);
    }

    static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static FileAttribute<?>[] fileAttributes(Path path) {
        return posix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)} : new FileAttribute<?>[0];
    }

    private static FileAttribute<?>[] directoryAttributes(Path path) {
        return posix(path) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY)} : new FileAttribute<?>[0];
    }

    /** Whether this process's user owns the file: by user id where the file system tells it, else by name. */
    private static boolean ownedByMe(Path path, PosixFileAttributes a) throws IOException {
        if (path.getFileSystem().supportedFileAttributeViews().contains("unix")) {
            Object uid = Files.getAttribute(path, "unix:uid", NO_FOLLOW);
            return uid instanceof Integer id && id == CurrentUser.UID;
        }
        return a.owner().getName().equals(System.getProperty("user.name"));
    }

    private static String me() {
        String name = System.getProperty("user.name");
        return name != null && !name.equals("?") ? name : "uid " + CurrentUser.UID;
    }

    /** The real user id of this process, looked up once. */
    private static final class CurrentUser {
        static final long UID = new com.sun.security.auth.module.UnixSystem().getUid();
    }

    static String mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) mode |= 1 << (8 - p.ordinal());
        return String.format("%04o", mode);
    }

    private static UserError cannot(String verb, Path path, String what, IOException e) {
        String reason = e instanceof NoSuchFileException ? "no such file or directory"
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied"
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) reason = fse.getReason();
        return new UserError(ExitCodes.CONFIG, "cannot " + verb + " " + what + " " + path + ": " + reason, e);
    }
}
