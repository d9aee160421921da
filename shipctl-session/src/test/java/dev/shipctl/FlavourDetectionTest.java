package dev.shipctl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipctl.protocol.captures.Captures;
import dev.shipctl.protocol.captures.Captures.Captured;
import dev.shipctl.protocol.packet.login.ServerInit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code --flavour auto}: the 0x03 of every captured connection of each real server picks that server's flavour. */
class FlavourDetectionTest {
    @ParameterizedTest
    @CsvSource({"tethealla, tethealla", "newserv, newserv"})
    void every03OfARealServerPicksItsFlavour(String server, String flavour) throws Exception {
        for (String stage : Captures.stages(server)) {
            Captured c = Captures.stage(server, stage).getFirst();
            assertThat(c.command()).isEqualTo(0x03);
            ServerInit init = (ServerInit) c.decode();
            assertThat(ServerFlavour.detect(init, c.plain().length).name()).as(server + "/" + stage).isEqualTo(flavour);
            for (ServerFlavour f : ServerFlavour.all()) {
                assertThat(f.recognises(init, c.plain().length)).as(f.name() + " on " + server + "/" + stage).isEqualTo(f.name().equals(flavour));
            }
        }
    }
}
