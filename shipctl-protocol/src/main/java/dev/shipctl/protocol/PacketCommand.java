package dev.shipctl.protocol;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the entry of the command table a packet record is: {@code @PacketCommand(Command.CLIENT_CHAT) record
 * ClientChat(...)}. It is the one place that ties a record to its number (which {@link Command} holds, once);
 * {@link Packet#command()} reads it, and the registry ({@code dev.shipctl.protocol.registry.Packets}) files the
 * record's codec under it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PacketCommand {
    /** The command table entry. */
    Command value();
}
