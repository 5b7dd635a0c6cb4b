package io.loopdesk.api;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Criteria for finding tickets. All criteria given must match (AND); an empty set or absent value
 * does not restrict. Results are ordered by creation instant, then id, and paged by offset/limit.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE)
public final class TicketQuery {
  /** Largest page size a store must support. */
  public static final int MAX_LIMIT = 1000;

  private final Set<TicketStatus> statuses;
  private final Set<Priority> priorities;
  private final String assignee;
  private final String department;
  private final String customerId;
  private final Category category;
  private final Instant dueBefore;
  private final Instant createdFrom;
  private final int offset;
  private final int limit;

  private TicketQuery(Builder b) {
    this.statuses = Set.copyOf(b.statuses);
    this.priorities = b.priorities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(b.priorities));
    this.assignee = b.assignee;
    this.department = b.department;
    this.customerId = b.customerId;
    this.category = b.category;
    this.dueBefore = b.dueBefore;
    this.createdFrom = b.createdFrom;
    this.offset = Checks.range("offset", b.offset, 0, Integer.MAX_VALUE);
    this.limit = Checks.range("limit", b.limit, 1, MAX_LIMIT);
  }

  @JsonCreator
  private static TicketQuery fromJson(
      @JsonProperty("statuses") Set<TicketStatus> statuses,
      @JsonProperty("priorities") Set<Priority> priorities,
      @JsonProperty("assignee") String assignee,
      @JsonProperty("department") String department,
      @JsonProperty("customerId") String customerId,
      @JsonProperty("category") Category category,
      @JsonProperty("dueBefore") Instant dueBefore,
      @JsonProperty("createdFrom") Instant createdFrom,
      @JsonProperty("offset") Integer offset,
      @JsonProperty("limit") Integer limit) {
    Builder b = builder();
    if (statuses != null) {
      b.status(statuses.toArray(TicketStatus[]::new));
    }
    if (priorities != null) {
      b.priority(priorities.toArray(Priority[]::new));
    }
    b.assignee = assignee == null ? null : Checks.notBlank("assignee", assignee);
    b.department = department == null ? null : Checks.notBlank("department", department);
    b.customerId = customerId == null ? null : Checks.notBlank("customerId", customerId);
    b.category = category;
    b.dueBefore = dueBefore;
    b.createdFrom = createdFrom;
    b.offset = offset == null ? 0 : offset;
    b.limit = limit == null ? b.limit : limit;
    return b.build();
  }

  /** Returns a builder; with no criteria it matches every ticket, first 100. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the statuses to match; empty matches all. */
  public Set<TicketStatus> statuses() {
    return statuses;
  }

  /** Returns the priorities to match; empty matches all, including unclassified tickets. */
  public Set<Priority> priorities() {
    return priorities;
  }

  /** Returns the assignee to match. */
  public Optional<String> assignee() {
    return Optional.ofNullable(assignee);
  }

  /** Returns the department to match. */
  public Optional<String> department() {
    return Optional.ofNullable(department);
  }

  /** Returns the customer reference to match. */
  public Optional<String> customerId() {
    return Optional.ofNullable(customerId);
  }

  /** Returns the category to match. */
  public Optional<Category> category() {
    return Optional.ofNullable(category);
  }

  /**
   * Returns the exclusive upper bound for the due instant; tickets without a due instant never
   * match.
   */
  public Optional<Instant> dueBefore() {
    return Optional.ofNullable(dueBefore);
  }

  /** Returns the inclusive lower bound for the creation instant. */
  public Optional<Instant> createdFrom() {
    return Optional.ofNullable(createdFrom);
  }

  /** Returns how many matching tickets to skip. */
  public int offset() {
    return offset;
  }

  /** Returns the largest number of tickets to return, 1..{@value #MAX_LIMIT}. */
  public int limit() {
    return limit;
  }

  /**
   * Returns true if the ticket meets every criterion (paging aside). Stores may use it as the
   * reference semantics of a query.
   *
   * @param t the ticket
   * @return whether it matches
   */
  public boolean matches(Ticket t) {
    return (statuses.isEmpty() || statuses.contains(t.status()))
        && (priorities.isEmpty()
            || t.priority().map(p -> priorities.contains(p.priority())).orElse(false))
        && (assignee == null || t.assignee().map(assignee::equals).orElse(false))
        && (department == null || t.department().map(department::equals).orElse(false))
        && (customerId == null || customerId.equals(t.customer().customerId()))
        && (category == null || t.category().map(category::equals).orElse(false))
        && (dueBefore == null || t.dueAt().map(d -> d.isBefore(dueBefore)).orElse(false))
        && (createdFrom == null || !t.createdAt().isBefore(createdFrom));
  }

  /** Returns the same criteria for the page after this one. */
  public TicketQuery nextPage() {
    Builder b = toBuilder();
    b.offset = offset + limit;
    return b.build();
  }

  private Builder toBuilder() {
    Builder b = new Builder();
    b.statuses.addAll(statuses);
    b.priorities.addAll(priorities);
    b.assignee = assignee;
    b.department = department;
    b.customerId = customerId;
    b.category = category;
    b.dueBefore = dueBefore;
    b.createdFrom = createdFrom;
    b.offset = offset;
    b.limit = limit;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TicketQuery q
        && statuses.equals(q.statuses)
        && priorities.equals(q.priorities)
        && Objects.equals(assignee, q.assignee)
        && Objects.equals(department, q.department)
        && Objects.equals(customerId, q.customerId)
        && Objects.equals(category, q.category)
        && Objects.equals(dueBefore, q.dueBefore)
        && Objects.equals(createdFrom, q.createdFrom)
        && offset == q.offset
        && limit == q.limit;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        statuses, priorities, assignee, department, customerId, category, dueBefore, offset, limit);
  }

  @Override
  public String toString() {
    return "TicketQuery[statuses="
        + statuses
        + ", priorities="
        + priorities
        + ", assignee="
        + assignee
        + ", department="
        + department
        + ", customerId="
        + customerId
        + ", category="
        + category
        + ", dueBefore="
        + dueBefore
        + ", createdFrom="
        + createdFrom
        + ", offset="
        + offset
        + ", limit="
        + limit
        + "]";
  }

  /** Builds a {@link TicketQuery}; not thread-safe. */
  public static final class Builder {
    private final Set<TicketStatus> statuses = new LinkedHashSet<>();
    private final Set<Priority> priorities = new LinkedHashSet<>();
    private String assignee;
    private String department;
    private String customerId;
    private Category category;
    private Instant dueBefore;
    private Instant createdFrom;
    private int offset;
    private int limit = 100;

    private Builder() {}

    /** Adds statuses to match. */
    public Builder status(TicketStatus... values) {
      for (TicketStatus v : values) {
        statuses.add(Checks.notNull("status", v));
      }
      return this;
    }

    /** Adds priorities to match. */
    public Builder priority(Priority... values) {
      for (Priority v : values) {
        priorities.add(Checks.notNull("priority", v));
      }
      return this;
    }

    /** Matches one assignee. */
    public Builder assignee(String value) {
      assignee = Checks.notBlank("assignee", value);
      return this;
    }

    /** Matches one department. */
    public Builder department(String value) {
      department = Checks.notBlank("department", value);
      return this;
    }

    /** Matches one customer reference. */
    public Builder customerId(String value) {
      customerId = Checks.notBlank("customerId", value);
      return this;
    }

    /** Matches one category. */
    public Builder category(Category value) {
      category = Checks.notNull("category", value);
      return this;
    }

    /** Matches tickets due strictly before the instant. */
    public Builder dueBefore(Instant value) {
      dueBefore = Checks.notNull("dueBefore", value);
      return this;
    }

    /** Matches tickets created at or after the instant. */
    public Builder createdFrom(Instant value) {
      createdFrom = Checks.notNull("createdFrom", value);
      return this;
    }

    /** Skips the first matches. */
    public Builder offset(int value) {
      offset = value;
      return this;
    }

    /** Limits the page size, 1..{@value TicketQuery#MAX_LIMIT}. */
    public Builder limit(int value) {
      limit = value;
      return this;
    }

    /**
     * Returns the query.
     *
     * @throws ValidationException if offset or limit is out of range
     */
    public TicketQuery build() {
      return new TicketQuery(this);
    }
  }
}
