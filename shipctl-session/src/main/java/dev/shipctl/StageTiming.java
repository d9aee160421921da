package dev.shipctl;

import java.time.Duration;

/**
 * How long one stage took, and what it found (ship name, block name, player count …).
 *
 * @param detail a short human-readable result, never a secret
 */
public record StageTiming(Stage stage, Duration elapsed, String detail) {}
