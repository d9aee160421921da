package dev.shipctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.cli.common.ExitCodes;
import dev.shipctl.cli.fixtures.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;

/** {@code shipctl completion bash|zsh}: a script bash loads, completing every command. */
class CompletionCommandTest {
    @TempDir
    Path dir;

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theBashScriptLoadsAndCompletesEveryCommand() throws Exception {
        Cli.Run run = new Cli(dir).run("completion", "bash");
        assertThat(run.exitCode()).as(run.err()).isZero();
        Path script = Files.writeString(dir.resolve("shipctl.bash"), run.out());

        // what bash offers after "shipctl " (the root's function, as bash would call it on TAB)
        Process bash = new ProcessBuilder("bash", "-c", """
                source "$1" && complete -p shipctl \
                  && COMP_WORDS=(shipctl "") COMP_CWORD=1 COMP_LINE="shipctl " && _complete_shipctl && printf '%s\\n' "${COMPREPLY[@]}"
                """, "bash", script.toString()).redirectErrorStream(true).start();
        String out = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(bash.exitValue()).as(out).isZero();
        assertThat(out).contains("complete -o default -F _complete_shipctl shipctl");
        for (Class<?> c : Main.COMMANDS.values()) {
            assertThat(out.lines()).contains(c.getAnnotation(Command.class).name());
        }
    }

    @Test
    void theZshScriptUsesBashcompinit() {
        Cli.Run run = new Cli(dir).run("completion", "zsh");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("#compdef shipctl\n").contains("bashcompinit", "_complete_shipctl", "_bash_complete -F _complete_shipctl");
        // autoloaded as one function, the file's own alias would never reach its functions' "compopt -o filenames"
        assertThat(run.out()).contains("compopt() { return 0; }", "compopt -o filenames").doesNotContain("alias compopt");
    }

    @Test
    void anotherShellIsAUsageError() {
        Cli.Run run = new Cli(dir).run("completion", "fish");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("bash", "zsh");
    }
}
