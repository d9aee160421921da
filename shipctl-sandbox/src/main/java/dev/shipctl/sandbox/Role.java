package dev.shipctl.sandbox;

/** What a listening port serves. Login and character ports form Tethealla's login process; ship and blocks its ship process. */
public enum Role {
    LOGIN("login"), CHARACTER("character"), SHIP("ship"), BLOCK("block");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** Lower-case name used in logs and port descriptions. */
    public String label() {
        return label;
    }

    /** Whether the port belongs to the ship process (ship port and blocks) rather than the login process. */
    public boolean shipSide() {
        return this == SHIP || this == BLOCK;
    }
}
