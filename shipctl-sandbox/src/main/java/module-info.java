/**
 * A Tethealla-compatible Blue Burst server for trying shipctl and for end-to-end tests. Its one package is its API:
 * {@code Sandbox} (+ {@code Builder}), accounts, local GMs, the events tests wait on and the failures they inject;
 * everything else in it is package-private. Jackson reads and writes the accounts and state files into private
 * records, hence the qualified {@code opens}.
 */
module dev.shipctl.sandbox {
    requires transitive dev.shipctl.protocol;
    requires org.slf4j;
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires tools.jackson.dataformat.toml;

    exports dev.shipctl.sandbox;

    opens dev.shipctl.sandbox to tools.jackson.databind;
}
