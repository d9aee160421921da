package dev.shipctl.protocol;

/** Who sends a packet. The same command number can mean different things in each direction. */
public enum Direction {
    /** Client to server ("C→S" in the protocol notes). */
    CLIENT,
    /** Server to client ("S→C"). */
    SERVER
}
