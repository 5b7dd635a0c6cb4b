package io.loopdesk.routing;

import java.time.Instant;

/**
 * An audited switch of the surge state, recorded by {@link SurgeControl} and given to every {@link
 * SurgeListener}. Holds no personal data.
 *
 * @param at when the switch happened, from the control's clock
 * @param from the state before
 * @param to the state after
 * @param load the load observed when switching
 * @param reason why, e.g. {@code load 134% (...) above 120%}
 */
public record SurgeSwitch(
    Instant at, SurgeState from, SurgeState to, DeskLoad load, String reason) {}
