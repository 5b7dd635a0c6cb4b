package io.loopdesk.testkit;

/**
 * Thrown by the command-sequence model when the desk under test breaks an {@link Invariant}. The
 * message names the invariant, the ticket (by its kit label {@code T1}, {@code T2}...), the command
 * and the steps before it; tickets are described by their masking {@code toString()}, never with
 * clear personal data.
 */
public final class InvariantViolation extends AssertionError {
  private static final long serialVersionUID = 1L;

  /** The broken invariant. */
  private final Invariant invariant;

  /**
   * Creates the violation.
   *
   * @param invariant the broken invariant
   * @param message what happened
   * @param cause the exception that revealed it, or null
   */
  public InvariantViolation(Invariant invariant, String message, Throwable cause) {
    super(invariant + ": " + message, cause);
    this.invariant = invariant;
  }

  /** Returns the broken invariant. */
  public Invariant invariant() {
    return invariant;
  }
}
