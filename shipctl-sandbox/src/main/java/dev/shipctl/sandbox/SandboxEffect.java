package dev.shipctl.sandbox;

/**
 * What the sandbox does instead of answering at a failed {@link LoginStep}. The connection's packet is consumed first.
 */
public sealed interface SandboxEffect {
    /** Close the connection at once, with no message. */
    record Drop() implements SandboxEffect {}

    /** Keep the connection open and never answer (until the client or an idle timeout closes it). */
    record NeverAnswer() implements SandboxEffect {}

    /**
     * Send 0x1A with this text (Tethealla style: the sandbox adds the {@code "\tE"} marker) and close, as
     * Tethealla does for its login errors.
     */
    record MessageBox(String text) implements SandboxEffect {}

    static SandboxEffect drop() {
        return new Drop();
    }

    static SandboxEffect neverAnswer() {
        return new NeverAnswer();
    }

    static SandboxEffect messageBox(String text) {
        return new MessageBox(text);
    }
}
