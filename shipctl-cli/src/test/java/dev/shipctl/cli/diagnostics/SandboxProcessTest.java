package dev.shipctl.cli.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SandboxProcessTest {
    @Test
    void theSandboxGetsTheStartupCacheOfThisJvmWithTheOptionsItWasMadeWith() {
        List<String> launcher = List.of("-XX:TieredStopAtLevel=1", "-Xmx2g", "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED",
                "-XX:AOTCache=/opt/shipctl/lib/shipctl-json.aot", "-Xlog:aot=off", "-Xlog:cds=off", "-Dshipctl.x=1");

        assertThat(SandboxProcess.startupCache(launcher)).containsExactly("--enable-native-access=ALL-UNNAMED",
                "-XX:AOTCache=/opt/shipctl/lib/shipctl-json.aot", "-Xlog:aot=off", "-Xlog:cds=off");
    }

    @Test
    void withoutACacheNothingIsPassedOn() {
        assertThat(SandboxProcess.startupCache(List.of("-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-Xlog:cds=off"))).isEmpty();
        // the training run writes a cache; it does not read one
        assertThat(SandboxProcess.startupCache(List.of("-XX:AOTCacheOutput=/tmp/x.aot", "-Xlog:disable"))).isEmpty();
    }
}
