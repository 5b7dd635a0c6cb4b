package io.loopdesk.api.event;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.loopdesk.api.CallbackRecord;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Escalation;
import io.loopdesk.api.PriorityDecision;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.ValidationException;
import java.time.Instant;

/**
 * What one accepted command changed, beyond the status change recorded on the {@link TicketEvent}
 * envelope. The hierarchy is sealed: every change Loopdesk can make has exactly one record here.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = TicketChange.Opened.class, name = "OPENED"),
  @JsonSubTypes.Type(value = TicketChange.Classified.class, name = "CLASSIFIED"),
  @JsonSubTypes.Type(value = TicketChange.Assigned.class, name = "ASSIGNED"),
  @JsonSubTypes.Type(value = TicketChange.Started.class, name = "STARTED"),
  @JsonSubTypes.Type(value = TicketChange.WaitStarted.class, name = "WAIT_STARTED"),
  @JsonSubTypes.Type(value = TicketChange.Resumed.class, name = "RESUMED"),
  @JsonSubTypes.Type(value = TicketChange.Resolved.class, name = "RESOLVED"),
  @JsonSubTypes.Type(value = TicketChange.CallbackRecorded.class, name = "CALLBACK_RECORDED"),
  @JsonSubTypes.Type(value = TicketChange.Closed.class, name = "CLOSED"),
  @JsonSubTypes.Type(value = TicketChange.Reopened.class, name = "REOPENED"),
  @JsonSubTypes.Type(value = TicketChange.CustomTransition.class, name = "CUSTOM_TRANSITION"),
  @JsonSubTypes.Type(value = TicketChange.Escalated.class, name = "ESCALATED"),
  @JsonSubTypes.Type(value = TicketChange.Deescalated.class, name = "DEESCALATED"),
  @JsonSubTypes.Type(value = TicketChange.PriorityChanged.class, name = "PRIORITY_CHANGED"),
  @JsonSubTypes.Type(value = TicketChange.DeadlineChanged.class, name = "DEADLINE_CHANGED"),
  @JsonSubTypes.Type(value = TicketChange.AgentReplied.class, name = "AGENT_REPLIED"),
  @JsonSubTypes.Type(value = TicketChange.CustomerReplied.class, name = "CUSTOMER_REPLIED"),
  @JsonSubTypes.Type(value = TicketChange.InternalNoteAdded.class, name = "INTERNAL_NOTE_ADDED")
})
public sealed interface TicketChange {

  /**
   * Applies this change's data to a ticket. Status, version and timestamps are applied by {@link
   * TicketEvent#applyTo(Ticket)} from the envelope, which also clears {@link
   * Ticket#isCallbackConfirmed()} before every change that {@link #isWork() is work}. Changes that
   * carry no other ticket data keep this default, which does nothing.
   *
   * @param before the ticket before the change, {@code null} for {@link Opened}
   * @param after the builder to apply the change to, initialised from {@code before}
   */
  default void applyTo(Ticket before, Ticket.Builder after) {}

  /**
   * Returns true if this change is work on the ticket, after which an earlier confirming callback
   * no longer counts for closing. Administrative changes (escalation, priority and deadline
   * changes) and the close itself are not work; a custom transition is work when it moved the
   * ticket into a working status ({@link CustomTransition#voidsCallback()}).
   *
   * @return whether the change invalidates a confirming callback
   */
  @JsonIgnore
  default boolean isWork() {
    return true;
  }

  /**
   * A change that is not work on the ticket: it keeps an earlier confirming callback valid for
   * closing (see {@link #isWork()}).
   */
  sealed interface AdministrativeChange extends TicketChange
      permits Closed, EscalationStep, PriorityChanged, DeadlineChanged {
    @JsonIgnore
    @Override
    default boolean isWork() {
      return false;
    }
  }

  /** A move along the escalation chain, up or down; sets the ticket's escalation level. */
  sealed interface EscalationStep extends AdministrativeChange permits Escalated, Deescalated {
    /** Returns the new level, who is responsible and why. */
    Escalation escalation();

    @Override
    default void applyTo(Ticket before, Ticket.Builder after) {
      after.escalationLevel(escalation().level());
    }
  }

  /**
   * A ticket was accepted from a channel.
   *
   * @param channel the channel
   * @param customer the customer
   * @param product the product or service
   * @param problem the problem description
   * @param expectation what the customer expects
   * @param alreadyTried what the customer already tried
   */
  record Opened(
      Channel channel,
      Customer customer,
      String product,
      String problem,
      String expectation,
      String alreadyTried)
      implements TicketChange {
    @Override
    public void applyTo(Ticket before, Ticket.Builder after) {
      after
          .channel(channel)
          .customer(customer)
          .product(product)
          .problem(problem)
          .expectation(expectation)
          .alreadyTried(alreadyTried);
    }
  }

  /**
   * Category and priority were set (again, after a reopen).
   *
   * @param category the category
   * @param priority the priority with its reasons
   * @param dueAt the resolution deadline from the deadline policy, or null
   */
  record Classified(Category category, PriorityDecision priority, Instant dueAt)
      implements TicketChange {
    @Override
    public void applyTo(Ticket before, Ticket.Builder after) {
      after.category(category).priority(priority).dueAt(dueAt);
    }
  }

  /**
   * The ticket was given to an agent and department.
   *
   * @param assignee the agent's id
   * @param department the department
   * @param reason why, e.g. which routing rule fired; empty if not stated
   */
  record Assigned(String assignee, String department, String reason) implements TicketChange {
    @Override
    public void applyTo(Ticket before, Ticket.Builder after) {
      after.assignee(assignee).department(department);
    }
  }

  /** The assignee started working. */
  record Started() implements TicketChange {}

  /**
   * Work paused waiting on the customer or a third party (the envelope's target status says which).
   *
   * @param reason what is being waited for
   */
  record WaitStarted(String reason) implements TicketChange {}

  /** Work resumed after a wait. */
  record Resumed() implements TicketChange {}

  /**
   * The problem was resolved; a callback is now due.
   *
   * @param resolution what was done
   */
  record Resolved(String resolution) implements TicketChange {
    @Override
    public void applyTo(Ticket before, Ticket.Builder after) {
      after.resolution(resolution).failedCallbackAttempts(0);
    }
  }

  /**
   * A callback attempt was recorded, with the effect the desk's closed-loop policy gave it (the
   * envelope's target status shows the same effect).
   *
   * @param callback the attempt
   * @param effect what the attempt did to the ticket
   */
  record CallbackRecorded(CallbackRecord callback, CallbackEffect effect) implements TicketChange {
    @Override
    public void applyTo(Ticket before, Ticket.Builder after) {
      after.addCallback(callback);
      switch (effect) {
        case CONFIRMED -> after.failedCallbackAttempts(0).callbackConfirmed(true);
        case REOPENED ->
            after.reopenCount(before.reopenCount() + 1).resolution(null).failedCallbackAttempts(0);
        case NOT_REACHED, GAVE_UP ->
            after.failedCallbackAttempts(before.failedCallbackAttempts() + 1);
      }
    }
  }

  /** What a recorded callback attempt did to the ticket. */
  enum CallbackEffect {
    /** The customer confirmed a satisfactory resolution: the ticket may close. */
    CONFIRMED,
    /** The customer was unsatisfied or the problem persists: back to classification. */
    REOPENED,
    /** The customer was not reached; more attempts are allowed. */
    NOT_REACHED,
    /** The customer was not reached and the unreachable policy was applied. */
    GAVE_UP
  }

  /**
   * The ticket entered a closing status after a satisfactory callback that no later work voided.
   * Every transition into a closing status is recorded as this change, whichever action led there.
   *
   * @param action the action that closed the ticket: {@link TicketAction#CLOSE} or a custom one
   * @param note a free-text note of a custom closing action, empty for {@code CLOSE}
   */
  record Closed(TicketAction action, String note) implements AdministrativeChange {
    /** Normalises the fields; events stored before they existed read as a plain {@code CLOSE}. */
    public Closed {
      action = action == null ? TicketAction.CLOSE : action;
      note = note == null ? "" : note;
    }

    /** A close by the standard {@link TicketAction#CLOSE} action. */
    public Closed() {
      this(TicketAction.CLOSE, "");
    }
  }

  /**
   * The ticket was sent back to classification.
   *
   * @param reason why, e.g. the customer says the problem is back
   */
  record Reopened(String reason) implements TicketChange {
    @Override
    public void applyTo(Ticket before, Ticket.Builder after) {
      after.reopenCount(before.reopenCount() + 1).resolution(null).failedCallbackAttempts(0);
    }
  }

  /**
   * A transition added by a custom lifecycle (into a status that does not close the ticket; see
   * {@link Closed}).
   *
   * @param action the custom action
   * @param note a free-text note, may be empty
   * @param voidsCallback true if the transition moved the ticket into a working status, which voids
   *     an earlier confirming callback (it then {@link #isWork() is work})
   */
  record CustomTransition(TicketAction action, String note, boolean voidsCallback)
      implements TicketChange {
    /**
     * A custom transition that keeps an earlier confirming callback valid.
     *
     * @param action the custom action
     * @param note a free-text note, may be empty
     */
    public CustomTransition(TicketAction action, String note) {
      this(action, note, false);
    }

    @JsonIgnore
    @Override
    public boolean isWork() {
      return voidsCallback;
    }
  }

  /**
   * The ticket moved up its escalation chain.
   *
   * @param escalation the new level, who is responsible and why
   */
  record Escalated(Escalation escalation) implements EscalationStep {}

  /**
   * The ticket moved down its escalation chain, explicitly.
   *
   * @param escalation the new, lower level, who is responsible and why
   */
  record Deescalated(Escalation escalation) implements EscalationStep {}

  /**
   * The priority of a classified ticket was changed (escalation, supervisor decision), with the
   * deadline the deadline policy derived for it.
   *
   * @param priority the new decision, keeping the factors and adding the reason
   * @param dueAt the new resolution deadline, or null for none
   */
  record PriorityChanged(PriorityDecision priority, Instant dueAt) implements AdministrativeChange {
    @Override
    public void applyTo(Ticket before, Ticket.Builder after) {
      after.priority(priority).dueAt(dueAt);
    }
  }

  /**
   * The resolution deadline was changed, e.g. after an approved delay request.
   *
   * @param dueAt the new deadline
   * @param reason why
   */
  record DeadlineChanged(Instant dueAt, String reason) implements AdministrativeChange {
    @Override
    public void applyTo(Ticket before, Ticket.Builder after) {
      after.dueAt(dueAt);
    }
  }

  /**
   * A message or note on the ticket. Communications keep the ticket's data and are not work: an
   * earlier confirming callback stays valid, except when a customer's reply resumed a waiting
   * ticket ({@link CustomerReplied#resumed()}).
   *
   * <p>The body is free text written by or to the customer, so it may hold personal data: {@code
   * toString()} shows its length only, and Loopdesk never logs it or puts it in an exception.
   */
  sealed interface Communication extends TicketChange
      permits AgentReplied, CustomerReplied, InternalNoteAdded {
    /** The longest body accepted, in chars. */
    int MAX_BODY_LENGTH = 10_000;

    /** Returns the message text. */
    String body();

    /**
     * Returns whether the customer may see this communication; internal notes are never shown to
     * the customer.
     *
     * @return true for messages to or from the customer
     */
    @JsonIgnore
    boolean visibleToCustomer();

    @JsonIgnore
    @Override
    default boolean isWork() {
      return false;
    }

    /**
     * Checks a body: not null, not blank, at most {@link #MAX_BODY_LENGTH} chars.
     *
     * @param field the field name for the error
     * @param body the body
     * @return the body
     * @throws ValidationException naming the field, never quoting the text
     */
    static String requireBody(String field, String body) {
      if (body == null) {
        throw new ValidationException(field, null, "must not be null");
      }
      if (body.length() > MAX_BODY_LENGTH) {
        throw ValidationException.tooLong(field, body.length(), MAX_BODY_LENGTH);
      }
      if (body.isBlank()) {
        throw ValidationException.described(
            field, "<" + body.length() + " blank characters>", "must not be blank");
      }
      return body;
    }

    /**
     * Checks the channel of a message.
     *
     * @param channel the channel
     * @return the channel
     * @throws ValidationException if it is null
     */
    static Channel requireChannel(Channel channel) {
      if (channel == null) {
        throw new ValidationException("channel", null, "must not be null");
      }
      return channel;
    }
  }

  /**
   * An agent sent a message to the customer.
   *
   * @param channel the channel the message went out on
   * @param body the message
   */
  record AgentReplied(Channel channel, String body) implements Communication {
    /** Validates the message. */
    public AgentReplied {
      Communication.requireChannel(channel);
      Communication.requireBody("body", body);
    }

    @Override
    public boolean visibleToCustomer() {
      return true;
    }

    /** Shows the channel and the body's length, never its text. */
    @Override
    public String toString() {
      return "AgentReplied[channel=" + channel + ", body=<" + body.length() + " chars>]";
    }
  }

  /**
   * A message from the customer was recorded.
   *
   * @param channel the channel the message came in on
   * @param body the message
   * @param resumed true if the message resumed a ticket that was waiting on the customer (the
   *     envelope shows the status change); such a reply is work
   */
  record CustomerReplied(Channel channel, String body, boolean resumed) implements Communication {
    /** Validates the message. */
    public CustomerReplied {
      Communication.requireChannel(channel);
      Communication.requireBody("body", body);
    }

    @Override
    public boolean visibleToCustomer() {
      return true;
    }

    @JsonIgnore
    @Override
    public boolean isWork() {
      return resumed;
    }

    /** Shows the channel, the body's length and whether it resumed the ticket, never the text. */
    @Override
    public String toString() {
      return "CustomerReplied[channel="
          + channel
          + ", body=<"
          + body.length()
          + " chars>, resumed="
          + resumed
          + "]";
    }
  }

  /**
   * An internal note was added: for the service team only, never shown to the customer.
   *
   * @param body the note
   */
  record InternalNoteAdded(String body) implements Communication {
    /** Validates the note. */
    public InternalNoteAdded {
      Communication.requireBody("body", body);
    }

    @Override
    public boolean visibleToCustomer() {
      return false;
    }

    /** Shows the body's length, never its text. */
    @Override
    public String toString() {
      return "InternalNoteAdded[body=<" + body.length() + " chars>]";
    }
  }
}
