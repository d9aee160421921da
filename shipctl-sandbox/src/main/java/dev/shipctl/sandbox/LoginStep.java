package dev.shipctl.sandbox;

/**
 * The steps of the Tethealla login chain at which a test can make the sandbox misbehave
 * ({@link Sandbox#failAt(LoginStep, SandboxEffect)}); the sandbox's events name
 * the step a login was accepted or refused at. Not the client's {@code dev.shipctl.Stage}: these are the server's
 * steps, one per 0x93 (or 0x61) it answers. Each step is entered by one client packet.
 */
public enum LoginStep {
    /** 0x93 on the login port. */
    LOGIN,
    /** 0x93 on character connection #1 (token 0: character data). */
    CHARACTER_DATA,
    /** 0x93 on character connection #2 (token set, no slot yet: select or create). */
    CHARACTER_SELECT,
    /** 0x93 on character connection #3 (phase 4: ship list). */
    SHIP_LIST,
    /** 0x93 on the ship port (block list). */
    SHIP,
    /** 0x93 on a block port. */
    BLOCK,
    /** 0x61 on a block: joining a lobby. */
    LOBBY
}
