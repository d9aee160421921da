/**
 * The sandbox server: a Tethealla-compatible server on loopback for tests, demos and {@code shipctl sandbox}. It
 * speaks the protocol through {@code dev.shipctl.protocol}'s exported packages only. Its tests run on the class path
 * (see its pom).
 */
module dev.shipctl.sandbox {
    requires transitive dev.shipctl.protocol;
    requires org.slf4j;
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires tools.jackson.dataformat.toml;

    exports dev.shipctl.sandbox;

    // the accounts file (TOML) and the state file (JSON) are read into the package's records
    opens dev.shipctl.sandbox to tools.jackson.databind;
}
