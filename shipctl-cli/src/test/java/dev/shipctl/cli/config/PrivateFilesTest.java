package dev.shipctl.cli.config;

import static dev.shipctl.cli.fixtures.FileModes.chmod;
import static dev.shipctl.cli.fixtures.FileModes.file;
import static dev.shipctl.cli.fixtures.FileModes.giveToNobody;
import static dev.shipctl.cli.fixtures.FileModes.mode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.common.UserError;
import dev.shipctl.cli.options.SizeConverter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

/** {@link PrivateFiles}: created 0600/0700 atomically; links, other users' files and open modes refused. */
class PrivateFilesTest {
    @TempDir
    Path dir;

    private static void append(Path file, String text) throws Exception {
        try (FileChannel out = PrivateFiles.openAppend(file, "the test file")) {
            out.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static void assertRefused(ThrowingRunnable r, String... fragments) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(UserError.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCodes.CONFIG);
            assertThat(e.getMessage()).doesNotContain("\n").contains(fragments);
        });
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void aNewFileIsCreatedOwnerOnlyAndAnOwnOneIsAppendedTo() throws Exception {
        Path f = dir.resolve("new.log");
        append(f, "one\n");
        assertThat(mode(f)).isEqualTo("0600");
        append(f, "two\n");
        assertThat(Files.readString(f)).isEqualTo("one\ntwo\n");
    }

    @Test
    void aSymbolicLinkIsRefusedAndItsTargetUntouched() throws Exception {
        Path victim = file(dir.resolve("victim"), "precious\n", "rw-------");
        Path link = Files.createSymbolicLink(dir.resolve("link"), victim);
        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), dir.resolve("not-yet"));

        assertRefused(() -> append(link, "x"), "the test file " + link + " is a symbolic link");
        assertRefused(() -> append(dangling, "x"), "is a symbolic link");
        assertRefused(() -> PrivateFiles.read(link, "the test file", 100), "is a symbolic link");
        assertRefused(() -> PrivateFiles.replace(link, new byte[] {1}, "the test file"), "is a symbolic link");
        assertThat(Files.readString(victim)).isEqualTo("precious\n");
        assertThat(dir.resolve("not-yet")).doesNotExist();
    }

    @Test
    void aFileOfAnotherUserIsRefused() throws Exception {
        Path theirs = giveToNobody(file(dir.resolve("theirs"), "x\n", "rw-------"));

        assertRefused(() -> append(theirs, "mine"), "belongs to nobody, not to you");
        assertRefused(() -> PrivateFiles.read(theirs, "the test file", 100), "belongs to nobody");
        assertThat(Files.readString(theirs)).isEqualTo("x\n");
    }

    @Test
    void aFileOpenToOthersIsRefusedNamingTheFix() throws Exception {
        for (String perms : new String[] {"rw-rw-rw-", "rw-r--r--", "rw--w--w-", "rw-r-----", "rw------x"}) {
            Path f = file(dir.resolve("open-" + perms.replace('-', '_')), "x\n", perms);
            assertRefused(() -> append(f, "y"), "is open to other users (mode " + mode(f) + "); run: chmod 600 " + f);
            assertRefused(() -> PrivateFiles.read(f, "the test file", 100), "run: chmod 600 " + f);
            assertThat(Files.readString(f)).isEqualTo("x\n");
        }
    }

    @Test
    void readingTakesAnOwnerOnlyFileAndLimitsItsSize() throws Exception {
        Path f = file(dir.resolve("secret"), "abc", "rw-------");
        assertThat(PrivateFiles.read(f, "the test file", 3)).isEqualTo("abc".getBytes(StandardCharsets.UTF_8));
        assertRefused(() -> PrivateFiles.read(f, "the test file", 2), "larger than 2 bytes");
        assertThat(PrivateFiles.readIfExists(dir.resolve("missing"), "the test file", 10)).isEmpty();
        assertRefused(() -> PrivateFiles.read(dir.resolve("missing"), "the test file", 10), "does not exist");
        assertRefused(() -> PrivateFiles.read(chmod(Files.createDirectory(dir.resolve("d")), "rwx------"), "the test file", 10),
                "is not a regular file");
    }

    @Test
    void directoriesAreCreated0700AndCheckedWhenTheyExist() throws Exception {
        Path made = PrivateFiles.directory(dir.resolve("a/b/shipctl"), "the test directory");
        assertThat(mode(made)).isEqualTo("0700");

        Path open = chmod(Files.createDirectory(dir.resolve("open")), "rwxr-xr-x");
        assertRefused(() -> PrivateFiles.directory(open, "the test directory"), "(mode 0755); run: chmod 700 " + open);
        Path link = Files.createSymbolicLink(dir.resolve("link"), made);
        assertRefused(() -> PrivateFiles.directory(link, "the test directory"), "is a symbolic link");
        Path theirs = giveToNobody(chmod(Files.createDirectory(dir.resolve("theirs")), "rwx------"));
        assertRefused(() -> PrivateFiles.directory(theirs, "the test directory"), "belongs to nobody");
    }

    @Test
    void replaceWritesANewOwnerOnlyFileInOneStep() throws Exception {
        Path f = dir.resolve("config.toml");
        PrivateFiles.replace(f, "a = 1\n".getBytes(StandardCharsets.UTF_8), "the test file");
        assertThat(mode(f)).isEqualTo("0600");
        PrivateFiles.replace(f, "a = 2\n".getBytes(StandardCharsets.UTF_8), "the test file");
        assertThat(Files.readString(f)).isEqualTo("a = 2\n");
        try (var left = Files.list(dir)) {
            assertThat(left).as("no temporary file left").containsExactly(f);
        }
        chmod(f, "rw-rw-rw-");
        assertRefused(() -> PrivateFiles.replace(f, new byte[] {1}, "the test file"), "chmod 600");
    }

    @Test
    void sizesReadDecimalAndBinaryUnits() {
        assertThat(SizeConverter.parse("50MB")).isEqualTo(50_000_000L);
        assertThat(SizeConverter.parse("1GiB")).isEqualTo(1L << 30);
        assertThat(SizeConverter.parse("500 kB")).isEqualTo(500_000L);
        assertThat(SizeConverter.parse("4mib")).isEqualTo(4L << 20);
        assertThat(SizeConverter.parse("1.5GB")).isEqualTo(1_500_000_000L);
        assertThat(SizeConverter.parse("4096")).isEqualTo(4096L);
        assertThat(SizeConverter.format(50_000_000L)).isEqualTo("50 MB");
        assertThat(SizeConverter.format(1L << 30)).isEqualTo("1 GiB");
        assertThat(SizeConverter.format(1234)).isEqualTo("1234 bytes");
        assertThatThrownBy(() -> SizeConverter.parse("0MB")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> SizeConverter.parse("50 apples")).isInstanceOf(TypeConversionException.class).hasMessageContaining("50MB");
        assertThatThrownBy(() -> SizeConverter.parse("-1")).isInstanceOf(TypeConversionException.class);
    }
}
