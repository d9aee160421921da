/**
 * Commands for a community around a server: {@code bridge} (a lobby relayed to a Discord channel through a
 * webhook). A verb package: it uses the shared packages below it (options, output, …) and no other verb package.
 * The Discord → game direction is designed in docs/community.md and not built.
 */
package dev.shipctl.cli.community;
