package io.loopdesk.api;

/**
 * A step up (or, for de-escalation, down) an escalation chain: the new level, who now oversees the
 * ticket, and why.
 *
 * @param level the new escalation level, 0 meaning not escalated; chains number their steps from 1
 * @param escalatedTo the user or role now responsible for the escalation, e.g. "team-lead-3"
 * @param reason why, e.g. "SLA resolution target 90% elapsed" or "serious complaint"
 */
public record Escalation(int level, String escalatedTo, String reason) {
  /** Validates the escalation. */
  public Escalation {
    Checks.range("escalation.level", level, 0, 100);
    Checks.text("escalation.escalatedTo", escalatedTo, 100);
    Checks.text("escalation.reason", reason, 1000);
  }

  /**
   * Returns an escalation.
   *
   * @param level the new level
   * @param escalatedTo who is now responsible
   * @param reason why
   * @return the escalation
   */
  public static Escalation of(int level, String escalatedTo, String reason) {
    return new Escalation(level, escalatedTo, reason);
  }
}
