package dev.shipctl.sandbox;

import java.util.EnumMap;
import java.util.Map;

/** The failures a test asked for ({@link Sandbox#failAt}), by login-chain stage. Guarded by the server lock. */
final class InjectedFailures {
    private final Map<LoginStep, SandboxEffect> byStage = new EnumMap<>(LoginStep.class);
    private final Server server;

    InjectedFailures(Server server) {
        this.server = server;
    }

    void set(LoginStep stage, SandboxEffect effect) {
        byStage.put(stage, effect);
    }

    void clear() {
        byStage.clear();
    }

    /** Applies the failure set for {@code stage}, if any. Returns true when the normal answer must not be sent. */
    boolean apply(Connection c, LoginStep stage, String user) {
        SandboxEffect effect = byStage.get(stage);
        if (effect == null) return false;
        switch (effect) {
            case SandboxEffect.Drop() -> { // the event first, as Server.reject does
                server.events.publish(new SandboxEvent.LoginRejected(c.id, stage, user, "dropped (injected)"));
                c.drop("failure injected at " + stage);
            }
            case SandboxEffect.NeverAnswer() -> server.events.publish(new SandboxEvent.LoginRejected(c.id, stage, user, "no answer (injected)"));
            case SandboxEffect.MessageBox(String text) -> server.reject(c, stage, user, text);
        }
        return true;
    }
}
