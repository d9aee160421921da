package dev.shipctl.sandbox;

import java.util.ArrayList;
import java.util.List;

/** One of a block's 15 lobbies: up to 12 members, each holding the client id that is its slot index. */
final class Lobby {
    static final int CAPACITY = 12;
    final int block;
    final int index;
    private final Connection[] slots = new Connection[CAPACITY];

    Lobby(int block, int index) {
        this.block = block;
        this.index = index;
    }

    boolean full() {
        return members().size() >= CAPACITY;
    }

    /** Puts the connection in the lowest free slot and returns that client id, or −1 when full. */
    int add(Connection c) {
        for (int i = 0; i < CAPACITY; i++) {
            if (slots[i] == null) {
                slots[i] = c;
                return i;
            }
        }
        return -1;
    }

    void remove(Connection c) {
        for (int i = 0; i < CAPACITY; i++) if (slots[i] == c) slots[i] = null;
    }

    List<Connection> members() {
        List<Connection> out = new ArrayList<>();
        for (Connection c : slots) if (c != null) out.add(c);
        return out;
    }
}
