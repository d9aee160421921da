package dev.shipctl;

import java.util.Optional;

/**
 * A ship or block as the server listed it.
 *
 * @param players the population, when the server shows one (Tethealla's ship list does; block lists do not)
 */
public record MenuItem(String name, int menuId, int itemId, Optional<Integer> players) {}
