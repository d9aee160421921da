/**
 * Test equipment for the other modules' tests (test scope only): {@code FaultProxy} (a loopback proxy that injects
 * network faults), {@code HostileServer} (servers that misbehave on purpose) and {@code SandboxExtension} (a
 * sandbox per test class, for JUnit 5). Its one package is its API; the rest is package-private.
 */
module dev.shipctl.testkit {
    requires transitive dev.shipctl.protocol;
    requires transitive dev.shipctl.sandbox;
    requires transitive org.junit.jupiter.api;

    exports dev.shipctl.testkit;
}
