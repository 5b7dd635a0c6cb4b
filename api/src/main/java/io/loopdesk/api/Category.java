package io.loopdesk.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What kind of problem a ticket is about; decides routing, priority rules and SLA targets.
 *
 * <p>Open for extension: besides the constants, any upper-case code such as {@code BILLING} is
 * accepted through {@link #of(String)}; two values are equal when their names are.
 *
 * @param name the upper-case code, e.g. {@code PRODUCT_FAULT}
 */
public record Category(@JsonValue String name) {
  /** The product does not work as it should. */
  public static final Category PRODUCT_FAULT = new Category("PRODUCT_FAULT");

  /** A problem with how the customer was served (attitude, delays, installation). */
  public static final Category SERVICE_EXPERIENCE = new Category("SERVICE_EXPERIENCE");

  /** A suggestion or a requirement for the product or service. */
  public static final Category SUGGESTION = new Category("SUGGESTION");

  /** A formal complaint. */
  public static final Category COMPLAINT = new Category("COMPLAINT");

  /** A question or request for information. */
  public static final Category CONSULTATION = new Category("CONSULTATION");

  /** Validates the code; see {@link #of(String)}. */
  public Category {
    Checks.code("category", name);
  }

  /**
   * Returns the value with the given code.
   *
   * @param name an upper-case code matching {@code [A-Z][A-Z0-9_]{0,63}}
   * @return the value
   * @throws ValidationException if the code is null, blank or malformed
   */
  @JsonCreator
  public static Category of(String name) {
    return new Category(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
