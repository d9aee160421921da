package dev.shipctl.sandbox;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The characters the sandbox knows, four slots per guild card: each account's first character from the accounts,
 * and those created over the character port (which a state file keeps). Guarded by the server lock.
 */
final class CharacterStore {
    private final Map<Integer, StoredCharacter[]> slots = new HashMap<>();
    private final Map<List<Integer>, StateFile.SavedCharacter> created = new LinkedHashMap<>();

    CharacterStore(Accounts accounts, StateFile state) {
        for (Account a : accounts.all()) {
            StoredCharacter[] four = new StoredCharacter[4];
            four[0] = StoredCharacter.create(a.guildCard(), a.character(), 0, 0);
            slots.put(a.guildCard(), four);
        }
        if (state != null) state.characters().forEach(this::create);
    }

    /** Stores a created character in its slot, replacing what was there. */
    void create(StateFile.SavedCharacter c) {
        slotsOf(c.guildCard())[c.slot()] = StoredCharacter.create(c.guildCard(), c.name(), c.characterClass(), c.sectionId());
        created.put(List.of(c.guildCard(), c.slot()), c);
    }

    /** The four slots of a guild card (empty ones null), made empty if it had none. */
    StoredCharacter[] slotsOf(int guildCard) {
        return slots.computeIfAbsent(guildCard, gc -> new StoredCharacter[4]);
    }

    /** The four slots of a guild card, or null if it has none. */
    StoredCharacter[] existingSlots(int guildCard) {
        return slots.get(guildCard);
    }

    /** The characters created over the character port, in creation order: what a state file keeps. */
    List<StateFile.SavedCharacter> created() {
        return List.copyOf(created.values());
    }
}
