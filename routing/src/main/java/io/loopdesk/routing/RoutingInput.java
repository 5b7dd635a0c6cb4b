package io.loopdesk.routing;

import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.Priority;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.ValidationException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What routing looks at: the facts of a ticket plus what the host knows besides (warranty status,
 * the customer's language, free attributes such as a region or a device model). Immutable; holds no
 * personal data.
 */
public final class RoutingInput {
  private final Category category;
  private final Priority priority;
  private final Channel channel;
  private final String product;
  private final CustomerTier tier;
  private final WarrantyStatus warranty;
  private final String language;
  private final Map<String, String> attributes;

  private RoutingInput(Builder b) {
    this.category = b.category;
    this.priority = b.priority;
    this.channel = require("channel", b.channel);
    this.product = require("product", b.product);
    this.tier = require("tier", b.tier);
    this.warranty = require("warranty", b.warranty);
    this.language = b.language;
    this.attributes = Map.copyOf(b.attributes);
  }

  /** Returns an empty builder; channel and product are required. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a builder filled from a ticket: category, priority, channel, product and customer tier.
   * Warranty starts as {@link WarrantyStatus#UNKNOWN}.
   *
   * @param ticket the ticket
   * @return the builder
   */
  public static Builder from(Ticket ticket) {
    require("ticket", ticket);
    Builder b = new Builder();
    b.category = ticket.category().orElse(null);
    b.priority = ticket.priority().map(p -> p.priority()).orElse(null);
    b.channel = ticket.channel();
    b.product = ticket.product();
    b.tier = ticket.customer().tier();
    return b;
  }

  /** Returns the category, empty before classification. */
  public Optional<Category> category() {
    return Optional.ofNullable(category);
  }

  /** Returns the priority, empty before classification. */
  public Optional<Priority> priority() {
    return Optional.ofNullable(priority);
  }

  /** Returns the channel. */
  public Channel channel() {
    return channel;
  }

  /** Returns the product or service. */
  public String product() {
    return product;
  }

  /** Returns the customer tier. */
  public CustomerTier tier() {
    return tier;
  }

  /** Returns the warranty status. */
  public WarrantyStatus warranty() {
    return warranty;
  }

  /** Returns the customer's language tag (e.g. {@code zh}), if known. */
  public Optional<String> language() {
    return Optional.ofNullable(language);
  }

  /** Returns the free attributes, sorted by key. */
  public Map<String, String> attributes() {
    return new TreeMap<>(attributes);
  }

  /**
   * Returns one free attribute.
   *
   * @param key the attribute name
   * @return its value, or empty
   */
  public Optional<String> attribute(String key) {
    return Optional.ofNullable(attributes.get(key));
  }

  @Override
  public String toString() {
    return "RoutingInput[category="
        + category
        + ", priority="
        + priority
        + ", channel="
        + channel
        + ", product="
        + product
        + ", tier="
        + tier
        + ", warranty="
        + warranty
        + ", language="
        + language
        + ", attributes="
        + attributes()
        + "]";
  }

  private static <T> T require(String field, T value) {
    if (value == null) {
      throw new ValidationException(field, null, "must not be null");
    }
    return value;
  }

  /** Builds a {@link RoutingInput}; not thread-safe. */
  public static final class Builder {
    private Category category;
    private Priority priority;
    private Channel channel;
    private String product;
    private CustomerTier tier = CustomerTier.STANDARD;
    private WarrantyStatus warranty = WarrantyStatus.UNKNOWN;
    private String language;
    private final Map<String, String> attributes = new TreeMap<>();

    private Builder() {}

    /** Sets the category, or null for an unclassified ticket. */
    public Builder category(Category value) {
      category = value;
      return this;
    }

    /** Sets the priority, or null for an unclassified ticket. */
    public Builder priority(Priority value) {
      priority = value;
      return this;
    }

    /** Sets the channel. */
    public Builder channel(Channel value) {
      channel = require("channel", value);
      return this;
    }

    /** Sets the product or service. */
    public Builder product(String value) {
      require("product", value);
      if (value.isBlank()) {
        throw new ValidationException("product", value, "must not be blank");
      }
      product = value;
      return this;
    }

    /** Sets the customer tier (default {@link CustomerTier#STANDARD}). */
    public Builder tier(CustomerTier value) {
      tier = require("tier", value);
      return this;
    }

    /** Sets the warranty status (default {@link WarrantyStatus#UNKNOWN}). */
    public Builder warranty(WarrantyStatus value) {
      warranty = require("warranty", value);
      return this;
    }

    /** Sets the customer's language tag, or null if unknown. */
    public Builder language(String value) {
      if (value != null && value.isBlank()) {
        throw new ValidationException("language", value, "must not be blank");
      }
      language = value;
      return this;
    }

    /** Adds a free attribute; both key and value must be non-blank. */
    public Builder attribute(String key, String value) {
      require("attribute key", key);
      require("attribute " + key, value);
      if (key.isBlank()) {
        throw new ValidationException("attribute key", key, "must not be blank");
      }
      attributes.put(key, value);
      return this;
    }

    /**
     * Returns the input.
     *
     * @throws ValidationException if channel or product is missing
     */
    public RoutingInput build() {
      return new RoutingInput(this);
    }
  }
}
