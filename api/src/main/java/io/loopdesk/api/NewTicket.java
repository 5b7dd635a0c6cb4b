package io.loopdesk.api;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to open a ticket: where it came from, whose it is and what it is about. Built with
 * {@link #builder()}; every field is validated by {@link Builder#build()}.
 */
@JsonAutoDetect(
    fieldVisibility = Visibility.ANY,
    getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE)
public final class NewTicket {
  private final TicketId id;
  private final Channel channel;
  private final Customer customer;
  private final String product;
  private final String problem;
  private final String expectation;
  private final String alreadyTried;

  private NewTicket(Builder b) {
    this.id = b.id;
    this.channel = Checks.notNull("channel", b.channel);
    this.customer = Checks.notNull("customer", b.customer);
    this.product = Checks.text("product", b.product, Ticket.MAX_PRODUCT_LENGTH);
    this.problem = Checks.text("problem", b.problem, Ticket.MAX_PROBLEM_LENGTH);
    this.expectation = Checks.optionalText("expectation", b.expectation, Ticket.MAX_NOTE_LENGTH);
    this.alreadyTried = Checks.optionalText("alreadyTried", b.alreadyTried, Ticket.MAX_NOTE_LENGTH);
  }

  @JsonCreator
  private static NewTicket fromJson(
      @JsonProperty("id") TicketId id,
      @JsonProperty("channel") Channel channel,
      @JsonProperty("customer") Customer customer,
      @JsonProperty("product") String product,
      @JsonProperty("problem") String problem,
      @JsonProperty("expectation") String expectation,
      @JsonProperty("alreadyTried") String alreadyTried) {
    return builder()
        .id(id)
        .channel(channel)
        .customer(customer)
        .product(product)
        .problem(problem)
        .expectation(expectation)
        .alreadyTried(alreadyTried)
        .build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the id requested by the host, or empty to let the desk generate one. */
  public Optional<TicketId> id() {
    return Optional.ofNullable(id);
  }

  /** Returns the channel. */
  public Channel channel() {
    return channel;
  }

  /** Returns the customer. */
  public Customer customer() {
    return customer;
  }

  /** Returns the product or service. */
  public String product() {
    return product;
  }

  /** Returns the problem description. */
  public String problem() {
    return problem;
  }

  /** Returns the customer's expectation, empty if none. */
  public String expectation() {
    return expectation;
  }

  /** Returns what the customer already tried, empty if nothing. */
  public String alreadyTried() {
    return alreadyTried;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NewTicket n
        && Objects.equals(id, n.id)
        && channel.equals(n.channel)
        && customer.equals(n.customer)
        && product.equals(n.product)
        && problem.equals(n.problem)
        && expectation.equals(n.expectation)
        && alreadyTried.equals(n.alreadyTried);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, channel, customer, product, problem);
  }

  /** Returns a summary without free text and with personal data masked. */
  @Override
  public String toString() {
    return "NewTicket[id="
        + id
        + ", channel="
        + channel
        + ", product="
        + product
        + ", customer="
        + customer
        + "]";
  }

  /** Builds a {@link NewTicket}; not thread-safe. */
  public static final class Builder {
    private TicketId id;
    private Channel channel;
    private Customer customer;
    private String product;
    private String problem;
    private String expectation;
    private String alreadyTried;

    private Builder() {}

    /** Uses the host's own ticket number instead of a generated id. */
    public Builder id(TicketId value) {
      id = value;
      return this;
    }

    /** Sets the channel (required). */
    public Builder channel(Channel value) {
      channel = value;
      return this;
    }

    /** Sets the customer (required). */
    public Builder customer(Customer value) {
      customer = value;
      return this;
    }

    /** Sets the product or service concerned (required). */
    public Builder product(String value) {
      product = value;
      return this;
    }

    /** Sets the problem description (required). */
    public Builder problem(String value) {
      problem = value;
      return this;
    }

    /** Sets what the customer expects (optional). */
    public Builder expectation(String value) {
      expectation = value;
      return this;
    }

    /** Sets what the customer already tried (optional). */
    public Builder alreadyTried(String value) {
      alreadyTried = value;
      return this;
    }

    /**
     * Returns the validated request.
     *
     * @throws ValidationException naming the first missing or invalid field
     */
    public NewTicket build() {
      return new NewTicket(this);
    }
  }
}
