package io.loopdesk.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a ticket stands in its lifecycle.
 *
 * <p>Open for extension: besides the constants, any upper-case code such as {@code QA_REVIEW} is
 * accepted through {@link #of(String)}; two values are equal when their names are.
 *
 * @param name the upper-case code, e.g. {@code RECEIVED}
 */
public record TicketStatus(@JsonValue String name) {
  /**
   * Accepted from a channel and waiting to be classified, or sent back to classification by a
   * reopen.
   */
  public static final TicketStatus RECEIVED = new TicketStatus("RECEIVED");

  /** Category and priority are set; waiting for an assignee. */
  public static final TicketStatus CLASSIFIED = new TicketStatus("CLASSIFIED");

  /** An agent and department own the ticket; work has not started. */
  public static final TicketStatus ASSIGNED = new TicketStatus("ASSIGNED");

  /** The assignee is working on it. */
  public static final TicketStatus IN_PROGRESS = new TicketStatus("IN_PROGRESS");

  /** Paused until the customer answers. */
  public static final TicketStatus WAITING_ON_CUSTOMER = new TicketStatus("WAITING_ON_CUSTOMER");

  /** Paused until a supplier, partner or other department answers. */
  public static final TicketStatus WAITING_ON_THIRD_PARTY =
      new TicketStatus("WAITING_ON_THIRD_PARTY");

  /** The assignee considers the problem solved; a callback is due. */
  public static final TicketStatus RESOLVED = new TicketStatus("RESOLVED");

  /**
   * A callback attempt has been recorded; the ticket can close once the latest one confirms a
   * satisfactory resolution.
   */
  public static final TicketStatus CALLBACK = new TicketStatus("CALLBACK");

  /**
   * The customer could not be reached after the configured number of callback attempts; not closed,
   * and a later callback or reopen can continue the ticket.
   */
  public static final TicketStatus UNREACHABLE = new TicketStatus("UNREACHABLE");

  /** The loop is closed: the customer confirmed the resolution in a callback. Terminal. */
  public static final TicketStatus CLOSED = new TicketStatus("CLOSED");

  /** Validates the code; see {@link #of(String)}. */
  public TicketStatus {
    Checks.code("status", name);
  }

  /**
   * Returns the value with the given code.
   *
   * @param name an upper-case code matching {@code [A-Z][A-Z0-9_]{0,63}}
   * @return the value
   * @throws ValidationException if the code is null, blank or malformed
   */
  @JsonCreator
  public static TicketStatus of(String name) {
    return new TicketStatus(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
