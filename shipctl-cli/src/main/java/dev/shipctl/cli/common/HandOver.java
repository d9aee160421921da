package dev.shipctl.cli.common;

/** What one shipctl process hands another it starts, by environment (never argv: secrets are never on it). */
public final class HandOver {
    private HandOver() {}

    /**
     * The password of a sandbox's generated accounts ({@code sandbox --generated-accounts N}), from the {@code swarm
     * --sandbox} that starts that sandbox in a process of its own.
     */
    public static final String GENERATED_PASSWORD = "SHIPCTL_SANDBOX_GENERATED_PASSWORD";
}
