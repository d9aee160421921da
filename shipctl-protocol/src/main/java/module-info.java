/**
 * The Blue Burst protocol core: framing, cipher, and one immutable record plus codec per packet. JDK only.
 * Exports everything but {@code dev.shipctl.protocol.internal} (shared codec layouts); the codec helpers other
 * modules may use to write packets that have no record (a test server's) are {@code dev.shipctl.protocol.codec}.
 */
module dev.shipctl.protocol {
    exports dev.shipctl.protocol;
    exports dev.shipctl.protocol.cipher;
    exports dev.shipctl.protocol.codec;
    exports dev.shipctl.protocol.frame;
    exports dev.shipctl.protocol.packet.character;
    exports dev.shipctl.protocol.packet.chat;
    exports dev.shipctl.protocol.packet.keepalive;
    exports dev.shipctl.protocol.packet.lobby;
    exports dev.shipctl.protocol.packet.login;
    exports dev.shipctl.protocol.packet.menu;
    exports dev.shipctl.protocol.registry;
}
