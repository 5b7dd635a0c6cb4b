package io.loopdesk.api;

/**
 * Ticket priority, P0 most urgent. Targets per priority come from the SLA policy; the defaults of
 * the after-sales standard are 24 h for P0, 48 h for P1, 72 h for P2 and the next improvement cycle
 * for P3.
 */
public enum Priority {
  /** Safety risk or a core function down for many customers. */
  P0,
  /** Blocks normal use for the customer. */
  P1,
  /** Degrades use; a workaround exists. */
  P2,
  /** Minor issue, question or suggestion. */
  P3;

  /** Returns the next more urgent priority, or this one if it is already {@link #P0}. */
  public Priority raised() {
    return this == P0 ? P0 : values()[ordinal() - 1];
  }

  /** Returns the next less urgent priority, or this one if it is already {@link #P3}. */
  public Priority lowered() {
    return this == P3 ? P3 : values()[ordinal() + 1];
  }

  /** Returns true if this priority is more urgent than {@code other}. */
  public boolean isMoreUrgentThan(Priority other) {
    return ordinal() < other.ordinal();
  }
}
