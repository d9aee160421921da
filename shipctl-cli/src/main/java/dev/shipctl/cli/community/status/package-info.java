/**
 * The read-only status server of {@code watch --status-http}: {@code /status.json}, an HTML status page at
 * {@code /} and an SVG badge per server, on the JDK's HTTP server, from check results keyed by a server's name.
 * Shared by the verbs that watch servers (it sits below them, as the shared packages do, and knows no verb).
 * GET and HEAD only: nothing served here can start a login or a command.
 */
package dev.shipctl.cli.community.status;
