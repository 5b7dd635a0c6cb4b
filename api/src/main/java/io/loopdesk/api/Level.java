package io.loopdesk.api;

/** A three-step scale used for the impact, urgency and severity of a problem. */
public enum Level {
  /** Small: one customer, no blocking, cosmetic. */
  LOW,
  /** Noticeable: several customers, degraded use, a secondary function. */
  MEDIUM,
  /** Large: many customers or the business, normal use blocked, a core function or safety. */
  HIGH
}
