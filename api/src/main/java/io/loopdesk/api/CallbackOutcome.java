package io.loopdesk.api;

/** Whether a callback attempt reached the customer. */
public enum CallbackOutcome {
  /** The customer was reached and gave feedback. */
  REACHED,
  /** Nobody answered. */
  NO_ANSWER,
  /** The contact data was wrong. */
  WRONG_NUMBER,
  /** The customer was reached but declined to give feedback. */
  DECLINED;

  /** Returns true if the customer was reached and answered. */
  public boolean reached() {
    return this == REACHED;
  }
}
