package io.loopdesk.sla;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Masking;
import io.loopdesk.api.PersonalDataForm;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a customer may see of their ticket, for the CRM's portal, app or SMS: where it stands in
 * plain words (Chinese and English), which step of the service process it is at, who is on it by
 * role (never a name or id), when it is expected to be resolved, and the messages exchanged with
 * the customer. Immutable; safe to serialise as it is.
 *
 * <p>Left out by construction: internal notes, every free text written for the service team (wait
 * reasons, priority and escalation reasons, routing reasons, resolution notes), assignee,
 * department and actor ids, the priority, and the customer record itself. In agent replies, e-mail
 * addresses and numbers of seven or more digits that are not the customer's own are masked, so
 * another person's contact data quoted by mistake does not reach the customer. Build it with {@link
 * #of(Ticket, List, Optional)}.
 *
 * @param ticketId the ticket
 * @param stage where the ticket stands
 * @param step the stage's step in the service process, 1 (received) to {@link #STEPS} (closed)
 * @param handledBy who is on it now, by role
 * @param expectedBy when the resolution is expected: the SLA resolution clock's deadline when it is
 *     tracked (none while it is paused, e.g. waiting for the customer), else the ticket's deadline;
 *     empty when none applies or the ticket is resolved
 * @param messages the messages between the customer and the service team, oldest first
 */
public record CustomerProgress(
    TicketId ticketId,
    Stage stage,
    int step,
    Handler handledBy,
    @JsonIgnore Optional<Instant> expectedBy,
    List<Message> messages) {

  /** The number of steps in the service process as shown to customers. */
  public static final int STEPS = 7;

  private static final Pattern EMAIL =
      Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
  private static final Pattern LONG_NUMBER = Pattern.compile("\\+?\\d(?:[ -]?\\d){6,}[\\dXx]?");

  /** Copies the messages. */
  public CustomerProgress {
    messages = List.copyOf(messages);
  }

  /**
   * Projects a ticket for its customer.
   *
   * @param ticket the current ticket, with its customer in clear or masked form
   * @param history the ticket's events in version order
   * @param sla the ticket's SLA clocks, if tracked
   * @return the customer's view
   * @throws ValidationException if an argument is null or the history belongs to another ticket
   */
  public static CustomerProgress of(
      Ticket ticket, List<TicketEvent> history, Optional<TicketSla> sla) {
    if (ticket == null || history == null || sla == null) {
      throw new ValidationException(
          ticket == null ? "ticket" : history == null ? "history" : "sla",
          null,
          "must not be null");
    }
    List<Message> messages = new ArrayList<>();
    for (TicketEvent event : history) {
      if (!event.ticketId().equals(ticket.id())) {
        throw new ValidationException(
            "history", event.ticketId(), "holds an event of another ticket than " + ticket.id());
      }
      if (event.change() instanceof TicketChange.AgentReplied reply) {
        messages.add(
            new Message(
                event.at(),
                Sender.SERVICE_TEAM,
                reply.channel(),
                othersMasked(reply.body(), ticket.customer())));
      } else if (event.change() instanceof TicketChange.CustomerReplied reply) {
        messages.add(new Message(event.at(), Sender.YOU, reply.channel(), reply.body()));
      }
    }
    Stage stage = Stage.of(ticket.status());
    Handler handler =
        ticket.escalationLevel() >= 2
            ? Handler.SERVICE_MANAGER
            : ticket.escalationLevel() == 1
                ? Handler.TEAM_LEAD
                : ticket.assignee().isPresent() ? Handler.AGENT : Handler.SERVICE_CENTRE;
    Optional<Instant> expected = Optional.empty();
    if (stage.step() < Stage.RESOLVED.step()) {
      Optional<SlaStatus> resolution = sla.flatMap(s -> s.clock(SlaMetric.RESOLUTION));
      expected = resolution.isPresent() ? resolution.get().deadline() : ticket.dueAt();
    }
    return new CustomerProgress(ticket.id(), stage, stage.step(), handler, expected, messages);
  }

  /** Masks e-mail addresses and long numbers in a text unless they are the customer's own. */
  private static String othersMasked(String text, Customer customer) {
    List<String> own = new ArrayList<>();
    if (customer.form() == PersonalDataForm.CLEAR) {
      customer.phoneNumber().ifPresent(own::add);
      customer.emailAddress().ifPresent(own::add);
    }
    String result =
        EMAIL
            .matcher(text)
            .replaceAll(
                m ->
                    Matcher.quoteReplacement(
                        own.contains(m.group()) ? m.group() : Masking.email(m.group())));
    return LONG_NUMBER
        .matcher(result)
        .replaceAll(
            m ->
                Matcher.quoteReplacement(
                    own.contains(m.group()) ? m.group() : Masking.idNumber(m.group())));
  }

  /**
   * Returns {@link #expectedBy()} for JSON, where an absent time is {@code null}.
   *
   * @return the expected instant, or null
   */
  @JsonProperty("expectedBy")
  public Instant expectedByOrNull() {
    return expectedBy.orElse(null);
  }

  /** Returns the status in plain Chinese, e.g. {@code 处理中}. */
  @JsonProperty
  public String statusZh() {
    return stage.zh();
  }

  /** Returns the status in plain English, e.g. {@code We are working on it}. */
  @JsonProperty
  public String statusEn() {
    return stage.en();
  }

  /** Where a ticket stands, in the customer's words. */
  public enum Stage {
    /** Received, not yet reviewed. */
    RECEIVED(1, "已受理", "We have received your request"),
    /** Reviewed and prioritised, waiting for someone to take it. */
    REVIEWED(2, "已登记，等待分派", "Reviewed, waiting to be assigned"),
    /** Someone owns it and will start shortly. */
    ASSIGNED(3, "已分派专人", "Assigned, work starts shortly"),
    /** Someone is working on it. */
    IN_PROGRESS(4, "处理中", "We are working on it"),
    /** Waiting for the customer's answer. */
    WAITING_FOR_YOU(4, "等待您的回复", "Waiting for your reply"),
    /** Waiting for a supplier, partner or another department. */
    WAITING_FOR_OTHERS(4, "等待相关方处理", "Waiting for a partner or another department"),
    /** Another step of the service process, e.g. a review. */
    UNDER_REVIEW(4, "内部审核中", "Under internal review"),
    /** Resolved; the service team will call back to confirm. */
    RESOLVED(5, "已解决，待回访确认", "Resolved, we will call you to confirm"),
    /** The callback is under way or could not reach the customer yet. */
    CONFIRMING(6, "回访确认中", "Confirming the resolution with you"),
    /** Closed after the customer confirmed the resolution. */
    CLOSED(7, "已结案", "Closed");

    private final int step;
    private final String zh;
    private final String en;

    Stage(int step, String zh, String en) {
      this.step = step;
      this.zh = zh;
      this.en = en;
    }

    /** Returns the step in the service process, 1 to {@link #STEPS}. */
    public int step() {
      return step;
    }

    /** Returns the plain Chinese wording. */
    public String zh() {
      return zh;
    }

    /** Returns the plain English wording. */
    public String en() {
      return en;
    }

    /**
     * Returns the stage of a status; a custom status reads as {@link #UNDER_REVIEW}.
     *
     * @param status the ticket's status
     * @return the stage
     */
    public static Stage of(TicketStatus status) {
      if (status.equals(TicketStatus.RECEIVED)) {
        return RECEIVED;
      } else if (status.equals(TicketStatus.CLASSIFIED)) {
        return REVIEWED;
      } else if (status.equals(TicketStatus.ASSIGNED)) {
        return ASSIGNED;
      } else if (status.equals(TicketStatus.IN_PROGRESS)) {
        return IN_PROGRESS;
      } else if (status.equals(TicketStatus.WAITING_ON_CUSTOMER)) {
        return WAITING_FOR_YOU;
      } else if (status.equals(TicketStatus.WAITING_ON_THIRD_PARTY)) {
        return WAITING_FOR_OTHERS;
      } else if (status.equals(TicketStatus.RESOLVED)) {
        return RESOLVED;
      } else if (status.equals(TicketStatus.CALLBACK) || status.equals(TicketStatus.UNREACHABLE)) {
        return CONFIRMING;
      } else if (status.equals(TicketStatus.CLOSED)) {
        return CLOSED;
      }
      return UNDER_REVIEW;
    }
  }

  /** Who is on the ticket, by role. */
  public enum Handler {
    /** Nobody in particular yet: the service centre. */
    SERVICE_CENTRE("客服中心", "our service centre"),
    /** A customer service agent. */
    AGENT("客服专员", "a customer service agent"),
    /** A team lead, after an escalation. */
    TEAM_LEAD("客服主管", "a team lead"),
    /** A service manager, after a further escalation. */
    SERVICE_MANAGER("客服经理", "a service manager");

    private final String zh;
    private final String en;

    Handler(String zh, String en) {
      this.zh = zh;
      this.en = en;
    }

    /** Returns the plain Chinese wording. */
    public String zh() {
      return zh;
    }

    /** Returns the plain English wording. */
    public String en() {
      return en;
    }
  }

  /** Who wrote a message, as the customer sees it. */
  public enum Sender {
    /** The customer. */
    YOU,
    /** The service team, never a named agent. */
    SERVICE_TEAM
  }

  /**
   * A message between the customer and the service team.
   *
   * @param at when it was recorded
   * @param from who wrote it
   * @param channel the channel
   * @param body the text
   */
  public record Message(Instant at, Sender from, Channel channel, String body) {
    /** Shows the length of the body, never its text. */
    @Override
    public String toString() {
      return "Message[at="
          + at
          + ", from="
          + from
          + ", channel="
          + channel
          + ", body=<"
          + body.length()
          + " chars>]";
    }
  }
}
