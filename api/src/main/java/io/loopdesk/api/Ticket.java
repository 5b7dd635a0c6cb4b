package io.loopdesk.api;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.loopdesk.api.event.TicketEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of a service ticket at one version. Every accepted command produces a new
 * snapshot with the version increased by one; the snapshot can be rebuilt from the ticket's events
 * (see {@link io.loopdesk.api.event.TicketEvent#replay(List)}).
 *
 * <p>{@link #toString()} masks the customer's personal data and leaves out free text.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE)
public final class Ticket {
  /** Longest accepted product name. */
  public static final int MAX_PRODUCT_LENGTH = 200;

  /** Longest accepted problem description. */
  public static final int MAX_PROBLEM_LENGTH = 20_000;

  /** Longest accepted expectation, already-tried, resolution text. */
  public static final int MAX_NOTE_LENGTH = 4_000;

  private final TicketId id;
  private final long version;
  private final TicketStatus status;
  private final Channel channel;
  private final Customer customer;
  private final String product;
  private final String problem;
  private final String expectation;
  private final String alreadyTried;
  private final Category category;
  private final PriorityDecision priority;
  private final String assignee;
  private final String department;
  private final Instant dueAt;
  private final String resolution;
  private final List<CallbackRecord> callbacks;
  private final int failedCallbackAttempts;
  private final boolean callbackConfirmed;
  private final int reopenCount;
  private final int escalationLevel;
  private final Instant createdAt;
  private final Instant updatedAt;
  private final String historyHash;

  @JsonCreator
  private Ticket(
      @JsonProperty("id") TicketId id,
      @JsonProperty("version") long version,
      @JsonProperty("status") TicketStatus status,
      @JsonProperty("channel") Channel channel,
      @JsonProperty("customer") Customer customer,
      @JsonProperty("product") String product,
      @JsonProperty("problem") String problem,
      @JsonProperty("expectation") String expectation,
      @JsonProperty("alreadyTried") String alreadyTried,
      @JsonProperty("category") Category category,
      @JsonProperty("priority") PriorityDecision priority,
      @JsonProperty("assignee") String assignee,
      @JsonProperty("department") String department,
      @JsonProperty("dueAt") Instant dueAt,
      @JsonProperty("resolution") String resolution,
      @JsonProperty("callbacks") List<CallbackRecord> callbacks,
      @JsonProperty("failedCallbackAttempts") int failedCallbackAttempts,
      @JsonProperty("callbackConfirmed") boolean callbackConfirmed,
      @JsonProperty("reopenCount") int reopenCount,
      @JsonProperty("escalationLevel") int escalationLevel,
      @JsonProperty("createdAt") Instant createdAt,
      @JsonProperty("updatedAt") Instant updatedAt,
      @JsonProperty("historyHash") String historyHash) {
    this.id = Checks.notNull("id", id);
    this.version = Checks.atLeast("version", version, 1);
    this.status = Checks.notNull("status", status);
    this.channel = Checks.notNull("channel", channel);
    this.customer = Checks.notNull("customer", customer);
    this.product = Checks.text("product", product, MAX_PRODUCT_LENGTH);
    this.problem = Checks.text("problem", problem, MAX_PROBLEM_LENGTH);
    this.expectation = Checks.optionalText("expectation", expectation, MAX_NOTE_LENGTH);
    this.alreadyTried = Checks.optionalText("alreadyTried", alreadyTried, MAX_NOTE_LENGTH);
    this.category = category;
    this.priority = priority;
    this.assignee = assignee == null ? null : Checks.text("assignee", assignee, 64);
    this.department = department == null ? null : Checks.text("department", department, 100);
    this.dueAt = dueAt;
    this.resolution =
        resolution == null ? null : Checks.text("resolution", resolution, MAX_NOTE_LENGTH);
    this.callbacks = List.copyOf(callbacks == null ? List.of() : callbacks);
    this.failedCallbackAttempts =
        (int) Checks.atLeast("failedCallbackAttempts", failedCallbackAttempts, 0);
    this.callbackConfirmed = callbackConfirmed;
    this.reopenCount = (int) Checks.atLeast("reopenCount", reopenCount, 0);
    this.escalationLevel = (int) Checks.atLeast("escalationLevel", escalationLevel, 0);
    this.createdAt = Checks.notNull("createdAt", createdAt);
    this.updatedAt = Checks.notNull("updatedAt", updatedAt);
    this.historyHash = TicketEvent.requireChainFormat("historyHash", historyHash);
    if (updatedAt.isBefore(createdAt)) {
      throw new ValidationException(
          "updatedAt", updatedAt, "must not be before createdAt " + createdAt);
    }
  }

  /** Returns a builder for a new ticket snapshot. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised with this snapshot's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the ticket's id. */
  public TicketId id() {
    return id;
  }

  /** Returns the version, 1 for a new ticket, increased by one for every accepted command. */
  public long version() {
    return version;
  }

  /** Returns the lifecycle status. */
  public TicketStatus status() {
    return status;
  }

  /** Returns the channel the ticket came from. */
  public Channel channel() {
    return channel;
  }

  /** Returns the customer (holds personal data). */
  public Customer customer() {
    return customer;
  }

  /** Returns the product or service concerned. */
  public String product() {
    return product;
  }

  /** Returns the customer's description of the problem. */
  public String problem() {
    return problem;
  }

  /** Returns what the customer expects (refund, repair, explanation...), empty if not stated. */
  public String expectation() {
    return expectation;
  }

  /** Returns what the customer already tried, empty if nothing was stated. */
  public String alreadyTried() {
    return alreadyTried;
  }

  /** Returns the category, once classified. */
  public Optional<Category> category() {
    return Optional.ofNullable(category);
  }

  /** Returns the priority decision with its reasons, once classified. */
  public Optional<PriorityDecision> priority() {
    return Optional.ofNullable(priority);
  }

  /** Returns the assigned agent's id, once assigned. */
  public Optional<String> assignee() {
    return Optional.ofNullable(assignee);
  }

  /** Returns the owning department, once assigned. */
  public Optional<String> department() {
    return Optional.ofNullable(department);
  }

  /** Returns the resolution deadline, if a deadline policy set one. */
  public Optional<Instant> dueAt() {
    return Optional.ofNullable(dueAt);
  }

  /** Returns the resolution summary of the latest resolve, cleared by a reopen. */
  public Optional<String> resolution() {
    return Optional.ofNullable(resolution);
  }

  /** Returns every recorded callback attempt, oldest first, across all reopen cycles. */
  public List<CallbackRecord> callbacks() {
    return callbacks;
  }

  /** Returns the latest callback attempt, if any. */
  public Optional<CallbackRecord> latestCallback() {
    return callbacks.isEmpty()
        ? Optional.empty()
        : Optional.of(callbacks.get(callbacks.size() - 1));
  }

  /**
   * Returns the consecutive callback attempts that did not reach the customer since the last
   * resolve.
   */
  public int failedCallbackAttempts() {
    return failedCallbackAttempts;
  }

  /**
   * Returns true if the latest change was a callback in which the customer confirmed the problem
   * resolved with a satisfactory rating (closing does not clear it). Any later work, reassignment
   * or reopen clears it. The closed-loop rule requires it to close.
   */
  public boolean isCallbackConfirmed() {
    return callbackConfirmed;
  }

  /** Returns how many times the ticket was reopened. */
  public int reopenCount() {
    return reopenCount;
  }

  /** Returns the escalation level, 0 when not escalated. */
  public int escalationLevel() {
    return escalationLevel;
  }

  /** Returns when the ticket was opened. */
  public Instant createdAt() {
    return createdAt;
  }

  /** Returns when the latest accepted command changed the ticket. */
  public Instant updatedAt() {
    return updatedAt;
  }

  /**
   * Returns the history chain of the event that produced this snapshot ({@link
   * io.loopdesk.api.event.TicketEvent#chain()}), empty if that event has none. It commits the
   * snapshot to its whole history: a verifier that replays the events must arrive at the same
   * value.
   */
  public Optional<String> historyHash() {
    return Optional.ofNullable(historyHash);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Ticket t)) {
      return false;
    }
    return version == t.version
        && failedCallbackAttempts == t.failedCallbackAttempts
        && callbackConfirmed == t.callbackConfirmed
        && reopenCount == t.reopenCount
        && escalationLevel == t.escalationLevel
        && id.equals(t.id)
        && status.equals(t.status)
        && channel.equals(t.channel)
        && customer.equals(t.customer)
        && product.equals(t.product)
        && problem.equals(t.problem)
        && expectation.equals(t.expectation)
        && alreadyTried.equals(t.alreadyTried)
        && Objects.equals(category, t.category)
        && Objects.equals(priority, t.priority)
        && Objects.equals(assignee, t.assignee)
        && Objects.equals(department, t.department)
        && Objects.equals(dueAt, t.dueAt)
        && Objects.equals(resolution, t.resolution)
        && callbacks.equals(t.callbacks)
        && createdAt.equals(t.createdAt)
        && updatedAt.equals(t.updatedAt)
        && Objects.equals(historyHash, t.historyHash);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, status, updatedAt);
  }

  /** Returns a summary without free text and with personal data masked. */
  @Override
  public String toString() {
    return "Ticket[id="
        + id
        + ", version="
        + version
        + ", status="
        + status
        + ", channel="
        + channel
        + ", category="
        + category
        + ", priority="
        + (priority == null ? null : priority.priority())
        + ", assignee="
        + assignee
        + ", escalationLevel="
        + escalationLevel
        + ", customer="
        + customer
        + "]";
  }

  /** Builds {@link Ticket} snapshots; not thread-safe. */
  public static final class Builder {
    private TicketId id;
    private long version = 1;
    private TicketStatus status = TicketStatus.RECEIVED;
    private Channel channel;
    private Customer customer;
    private String product;
    private String problem;
    private String expectation = "";
    private String alreadyTried = "";
    private Category category;
    private PriorityDecision priority;
    private String assignee;
    private String department;
    private Instant dueAt;
    private String resolution;
    private List<CallbackRecord> callbacks = new ArrayList<>();
    private int failedCallbackAttempts;
    private boolean callbackConfirmed;
    private int reopenCount;
    private int escalationLevel;
    private Instant createdAt;
    private Instant updatedAt;
    private String historyHash;

    private Builder() {}

    private Builder(Ticket t) {
      id = t.id;
      version = t.version;
      status = t.status;
      channel = t.channel;
      customer = t.customer;
      product = t.product;
      problem = t.problem;
      expectation = t.expectation;
      alreadyTried = t.alreadyTried;
      category = t.category;
      priority = t.priority;
      assignee = t.assignee;
      department = t.department;
      dueAt = t.dueAt;
      resolution = t.resolution;
      callbacks = new ArrayList<>(t.callbacks);
      failedCallbackAttempts = t.failedCallbackAttempts;
      callbackConfirmed = t.callbackConfirmed;
      reopenCount = t.reopenCount;
      escalationLevel = t.escalationLevel;
      createdAt = t.createdAt;
      updatedAt = t.updatedAt;
      historyHash = t.historyHash;
    }

    /** Sets the id. */
    public Builder id(TicketId value) {
      id = value;
      return this;
    }

    /** Sets the version (at least 1). */
    public Builder version(long value) {
      version = value;
      return this;
    }

    /** Sets the status. */
    public Builder status(TicketStatus value) {
      status = value;
      return this;
    }

    /** Sets the channel. */
    public Builder channel(Channel value) {
      channel = value;
      return this;
    }

    /** Sets the customer. */
    public Builder customer(Customer value) {
      customer = value;
      return this;
    }

    /** Sets the product or service. */
    public Builder product(String value) {
      product = value;
      return this;
    }

    /** Sets the problem description. */
    public Builder problem(String value) {
      problem = value;
      return this;
    }

    /** Sets the customer's expectation; null means empty. */
    public Builder expectation(String value) {
      expectation = value;
      return this;
    }

    /** Sets what the customer already tried; null means empty. */
    public Builder alreadyTried(String value) {
      alreadyTried = value;
      return this;
    }

    /** Sets the category, or null for none. */
    public Builder category(Category value) {
      category = value;
      return this;
    }

    /** Sets the priority decision, or null for none. */
    public Builder priority(PriorityDecision value) {
      priority = value;
      return this;
    }

    /** Sets the assignee, or null for none. */
    public Builder assignee(String value) {
      assignee = value;
      return this;
    }

    /** Sets the department, or null for none. */
    public Builder department(String value) {
      department = value;
      return this;
    }

    /** Sets the resolution deadline, or null for none. */
    public Builder dueAt(Instant value) {
      dueAt = value;
      return this;
    }

    /** Sets the resolution summary, or null for none. */
    public Builder resolution(String value) {
      resolution = value;
      return this;
    }

    /** Replaces the callback history. */
    public Builder callbacks(List<CallbackRecord> value) {
      callbacks = new ArrayList<>(value);
      return this;
    }

    /** Appends a callback attempt to the history. */
    public Builder addCallback(CallbackRecord value) {
      callbacks.add(Checks.notNull("callback", value));
      return this;
    }

    /** Sets the count of consecutive unreached callback attempts since the last resolve. */
    public Builder failedCallbackAttempts(int value) {
      failedCallbackAttempts = value;
      return this;
    }

    /** Sets whether the latest change was a confirming callback. */
    public Builder callbackConfirmed(boolean value) {
      callbackConfirmed = value;
      return this;
    }

    /** Sets the reopen count. */
    public Builder reopenCount(int value) {
      reopenCount = value;
      return this;
    }

    /** Sets the escalation level. */
    public Builder escalationLevel(int value) {
      escalationLevel = value;
      return this;
    }

    /** Sets the creation instant. */
    public Builder createdAt(Instant value) {
      createdAt = value;
      return this;
    }

    /** Sets the last-update instant. */
    public Builder updatedAt(Instant value) {
      updatedAt = value;
      return this;
    }

    /** Sets the history chain of the event that produced the snapshot, or null for none. */
    public Builder historyHash(String value) {
      historyHash = value;
      return this;
    }

    /**
     * Returns the validated snapshot.
     *
     * @throws ValidationException naming the first invalid field
     */
    public Ticket build() {
      return new Ticket(
          id,
          version,
          status,
          channel,
          customer,
          product,
          problem,
          expectation,
          alreadyTried,
          category,
          priority,
          assignee,
          department,
          dueAt,
          resolution,
          callbacks,
          failedCallbackAttempts,
          callbackConfirmed,
          reopenCount,
          escalationLevel,
          createdAt,
          updatedAt,
          historyHash);
    }
  }
}
