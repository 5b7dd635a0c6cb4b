package io.loopdesk.api;

import io.loopdesk.api.event.TicketEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The facade a CRM calls to run tickets through the standard service process: open, classify,
 * assign, start, wait, resume, resolve, call back, close, reopen.
 *
 * <p>Every command names the ticket and the version the caller last saw. The command is checked
 * against the lifecycle and the closed-loop rule, applied, stored together with its event, and the
 * new immutable ticket is returned; its version is exactly one higher. A rejected command throws a
 * {@link LoopdeskException} subtype and changes nothing:
 *
 * <ul>
 *   <li>{@link ValidationException}: an argument is null, blank or out of range;
 *   <li>{@link TicketNotFoundException}: no such ticket;
 *   <li>{@link VersionConflictException}: the ticket changed since {@code expectedVersion};
 *   <li>{@link IllegalTransitionException}: the action is not allowed in the current status;
 *   <li>{@link ClosedLoopViolationException}: a close without a satisfactory callback.
 * </ul>
 *
 * <p>Implementations are thread-safe.
 */
public interface ServiceDesk {

  /**
   * Opens a ticket in status {@link TicketStatus#RECEIVED} at version 1.
   *
   * @param request what the customer reported
   * @param actor who records it
   * @return the new ticket
   * @throws VersionConflictException if the requested id already exists
   * @throws ValidationException if the customer's personal data is not in {@link
   *     PersonalDataForm#CLEAR} form (a masked or sealed customer cannot be called back)
   */
  Ticket open(NewTicket request, Actor actor);

  /**
   * Sets category and priority (from the priority model, with reasons) and, if a deadline policy is
   * configured, the resolution deadline. Also used to re-classify a reopened ticket.
   *
   * @param id the ticket
   * @param expectedVersion the version the caller last saw
   * @param classification category and priority factors
   * @param actor who classifies
   * @return the classified ticket
   */
  Ticket classify(TicketId id, long expectedVersion, Classification classification, Actor actor);

  /**
   * Assigns or reassigns the ticket to an agent and department.
   *
   * @param id the ticket
   * @param expectedVersion the version the caller last saw
   * @param assignment agent and department
   * @param actor who assigns
   * @return the assigned ticket
   */
  Ticket assign(TicketId id, long expectedVersion, Assignment assignment, Actor actor);

  /**
   * Records that the assignee started working.
   *
   * @param id the ticket
   * @param expectedVersion the version the caller last saw
   * @param actor who starts
   * @return the ticket in progress
   */
  Ticket start(TicketId id, long expectedVersion, Actor actor);

  /**
   * Pauses work until the customer answers.
   *
   * @param id the ticket
   * @param expectedVersion the version the caller last saw
   * @param reason what is asked of the customer
   * @param actor who pauses
   * @return the waiting ticket
   */
  Ticket waitOnCustomer(TicketId id, long expectedVersion, String reason, Actor actor);

  /**
   * Pauses work until a third party (supplier, partner, other department) answers.
   *
   * @param id the ticket
   * @param expectedVersion the version the caller last saw
   * @param reason what is asked of whom
   * @param actor who pauses
   * @return the waiting ticket
   */
  Ticket waitOnThirdParty(TicketId id, long expectedVersion, String reason, Actor actor);

  /**
   * Resumes work after a wait.
   *
   * @param id the ticket
   * @param expectedVersion the version the caller last saw
   * @param actor who resumes
   * @return the ticket in progress
   */
  Ticket resume(TicketId id, long expectedVersion, Actor actor);

  /**
   * Marks the problem resolved; a callback is now due.
   *
   * @param id the ticket
   * @param expectedVersion the version the caller last saw
   * @param resolution what was done
   * @param actor who resolves
   * @return the resolved ticket
   */
  Ticket resolve(TicketId id, long expectedVersion, String resolution, Actor actor);

  /**
   * Records a callback attempt (回访). A satisfactory result (reached, resolved, rating at least the
   * configured minimum) moves the ticket to {@link TicketStatus#CALLBACK}, ready to close. An
   * unsatisfactory one reopens it and sends it back to classification. An attempt that did not
   * reach the customer counts towards the unreachable policy.
   *
   * @param id the ticket
   * @param expectedVersion the version the caller last saw
   * @param result what the callback found out
   * @param actor who called
   * @return the updated ticket
   */
  Ticket recordCallback(TicketId id, long expectedVersion, CallbackResult result, Actor actor);

  /**
   * Closes the loop. Allowed only when the latest callback since the last resolve reached the
   * customer, who confirmed the problem resolved with a satisfactory rating; no configuration can
   * remove this rule.
   *
   * @param id the ticket
   * @param expectedVersion the version the caller last saw
   * @param actor who closes
   * @return the closed ticket
   * @throws ClosedLoopViolationException if no satisfactory callback is recorded
   */
  Ticket close(TicketId id, long expectedVersion, Actor actor);

  /**
   * Sends a resolved (or called-back, or unreachable) ticket back to classification, e.g. because
   * the customer reports the problem is not solved.
   *
   * @param id the ticket
   * @param expectedVersion the version the caller last saw
   * @param reason why
   * @param actor who reopens, often the customer
   * @return the reopened ticket
   */
  Ticket reopen(TicketId id, long expectedVersion, String reason, Actor actor);

  /**
   * Moves the ticket up its escalation chain. The status does not change. Which level comes next
   * and who owns it is decided by the caller (for example an escalation policy); the desk checks
   * that the level rises and records the step in the audit trail.
   *
   * @param id the ticket
   * @param expectedVersion the version the caller last saw
   * @param escalation the new, higher level, who is responsible and why
   * @param actor who escalates (often {@link Actor#SYSTEM} for SLA-driven escalation)
   * @return the escalated ticket
   * @throws ValidationException if the level is not above the current one
   */
  Ticket escalate(TicketId id, long expectedVersion, Escalation escalation, Actor actor);

  /**
   * Moves the ticket down its escalation chain, explicitly. The status does not change.
   *
   * @param id the ticket
   * @param expectedVersion the version the caller last saw
   * @param escalation the new, lower level, who is responsible and why
   * @param actor who de-escalates
   * @return the updated ticket
   * @throws ValidationException if the level is not below the current one
   */
  Ticket deescalate(TicketId id, long expectedVersion, Escalation escalation, Actor actor);

  /**
   * Changes the priority of a classified ticket, keeping its factors and appending the reason to
   * its priority reasons. The deadline policy is asked for a new deadline; if it gives none, the
   * current deadline stays.
   *
   * @param id the ticket
   * @param expectedVersion the version the caller last saw
   * @param priority the new priority, different from the current one
   * @param reason why
   * @param actor who decides
   * @return the updated ticket
   */
  Ticket reprioritise(
      TicketId id, long expectedVersion, Priority priority, String reason, Actor actor);

  /**
   * Sets a new resolution deadline, e.g. after an approved delay request. The status does not
   * change.
   *
   * @param id the ticket
   * @param expectedVersion the version the caller last saw
   * @param dueAt the new deadline
   * @param reason why
   * @param actor who decides
   * @return the updated ticket
   */
  Ticket changeDeadline(
      TicketId id, long expectedVersion, Instant dueAt, String reason, Actor actor);

  /**
   * Performs an action added by a custom lifecycle.
   *
   * @param id the ticket
   * @param expectedVersion the version the caller last saw
   * @param action the custom action
   * @param note a note for the audit trail, may be empty
   * @param actor who acts
   * @return the updated ticket
   */
  Ticket perform(TicketId id, long expectedVersion, TicketAction action, String note, Actor actor);

  /**
   * Sends a message to the customer and records it (an agent reply). The status does not change;
   * allowed in every status but a closing one. An agent reply counts as a response for the SLA.
   *
   * @param id the ticket
   * @param expectedVersion the version the caller last saw
   * @param channel the channel the message goes out on
   * @param body the message, at most {@link
   *     io.loopdesk.api.event.TicketChange.Communication#MAX_BODY_LENGTH} chars
   * @param actor who replies
   * @return the updated ticket
   */
  Ticket replyToCustomer(
      TicketId id, long expectedVersion, Channel channel, String body, Actor actor);

  /**
   * Records a message from the customer. The status does not change, except that a ticket waiting
   * on the customer resumes (as {@link #resume}, in the same event) when the desk is configured to
   * resume on customer replies (the default) and the lifecycle and its guards allow {@link
   * TicketAction#RESUME}; otherwise the reply is recorded and the ticket keeps waiting.
   *
   * @param id the ticket
   * @param expectedVersion the version the caller last saw
   * @param channel the channel the message came in on
   * @param body the message, at most {@link
   *     io.loopdesk.api.event.TicketChange.Communication#MAX_BODY_LENGTH} chars
   * @param actor who records it: the customer, or the system or an agent relaying it
   * @return the updated ticket
   */
  Ticket recordCustomerReply(
      TicketId id, long expectedVersion, Channel channel, String body, Actor actor);

  /**
   * Adds an internal note for the service team, never shown to the customer. The status does not
   * change.
   *
   * @param id the ticket
   * @param expectedVersion the version the caller last saw
   * @param body the note, at most {@link
   *     io.loopdesk.api.event.TicketChange.Communication#MAX_BODY_LENGTH} chars
   * @param actor who writes it
   * @return the updated ticket
   */
  Ticket addInternalNote(TicketId id, long expectedVersion, String body, Actor actor);

  /**
   * Returns the current ticket.
   *
   * @param id the ticket
   * @return the ticket
   * @throws TicketNotFoundException if it does not exist
   */
  Ticket get(TicketId id);

  /**
   * Finds the current ticket.
   *
   * @param id the ticket
   * @return the ticket, or empty
   */
  Optional<Ticket> find(TicketId id);

  /**
   * Returns the ticket's audit trail: all its events in order.
   *
   * @param id the ticket
   * @return the events, empty if the ticket does not exist
   */
  List<TicketEvent> history(TicketId id);

  /**
   * Finds tickets.
   *
   * @param query criteria and paging
   * @return one page of tickets
   */
  Page<Ticket> query(TicketQuery query);

  /**
   * Returns the actions the lifecycle allows for the ticket in its current status. Guards (such as
   * the closed-loop rule) may still reject an allowed action.
   *
   * @param ticket the ticket
   * @return the allowed actions
   */
  Set<TicketAction> allowedActions(Ticket ticket);
}
