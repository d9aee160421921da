/**
 * Load tests: {@link dev.shipctl.swarm.Swarm} logs many accounts in through the whole chain at a bounded rate,
 * holds them in their lobbies doing one {@link dev.shipctl.swarm.Behaviour}, then logs every one out, and returns a
 * {@link dev.shipctl.swarm.SwarmReport}: per-stage latency histograms, logins per second, sessions held over time,
 * errors by type and stage, server disconnects by kind, client CPU and heap per session. Reports of shards run
 * apart add up with {@link dev.shipctl.swarm.SwarmReport#merge}. Uses the root package's API alone, like any bot.
 */
package dev.shipctl.swarm;
