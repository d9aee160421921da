package dev.shipctl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accounts files are read like secret files: not through links, owned by the user, no group or other bits. */
class AccountsFileTest {
    private static final String TOML = """
            [[accounts]]
            user = "alice"
            password = "alice-pass"
            guild_card = 43000001
            """;

    @TempDir
    Path dir;

    private Path file(String mode) throws Exception {
        Path f = dir.resolve("accounts.toml");
        Files.deleteIfExists(f);
        Files.writeString(f, TOML);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(mode));
        return f;
    }

    @Test
    void onlyAnOwnerOnlyFileIsRead() throws Exception {
        assertThat(Accounts.load(file("rw-------")).byUser("alice")).isPresent();
        assertThat(Accounts.load(file("r--------")).byUser("alice")).isPresent();
        for (String mode : new String[] {"rw-r--r--", "rw--w----", "rw----r--", "rw-----w-"}) {
            Path f = file(mode);
            assertThatThrownBy(() -> Accounts.load(f)).as(mode).isInstanceOf(UnsafeFileException.class)
                    .hasMessage("%s is open to other users (%s); run: chmod 600 %s", f, mode, f);
        }
    }

    @Test
    void aSymbolicLinkIsRefusedEvenToAGoodFile() throws Exception {
        Path real = file("rw-------");
        Path link = Files.createSymbolicLink(dir.resolve("link.toml"), real);
        assertThatThrownBy(() -> Accounts.load(link)).isInstanceOf(UnsafeFileException.class)
                .hasMessageContaining("is a symbolic link");
    }

    @Test
    void aFileOfAnotherUserIsRefused() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a file away");
        Path f = file("rw-------");
        Files.setAttribute(f, "unix:uid", 65534, LinkOption.NOFOLLOW_LINKS);
        assertThatThrownBy(() -> Accounts.load(f)).isInstanceOf(UnsafeFileException.class)
                .hasMessageContaining("belongs to").hasMessageContaining("chmod 600 " + f);
    }
}
