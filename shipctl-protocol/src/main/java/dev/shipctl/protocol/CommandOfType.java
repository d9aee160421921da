package dev.shipctl.protocol;

/** The {@link PacketCommand} of each packet type, read once per type. */
final class CommandOfType {
    private static final ClassValue<Command> COMMANDS = new ClassValue<>() {
        @Override
        protected Command computeValue(Class<?> type) {
            PacketCommand entry = type.getAnnotation(PacketCommand.class);
            return entry == null ? null : entry.value();
        }
    };

    private CommandOfType() {}

    /**
     * The command a packet type names.
     *
     * @throws IllegalArgumentException the type names none (every record must)
     */
    static Command of(Class<?> type) {
        Command command = COMMANDS.get(type);
        if (command == null) throw new IllegalArgumentException(type.getName() + " has no @PacketCommand");
        return command;
    }
}
