package io.loopdesk.api;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The customer a ticket is for. Holds personal data (name, phone, e-mail), which {@link
 * #toString()} masks.
 *
 * @param customerId the host CRM's customer reference (not personal data)
 * @param name the customer's name
 * @param phone phone number, or {@code null} if unknown
 * @param email e-mail address, or {@code null} if unknown
 * @param tier commercial tier
 */
public record Customer(String customerId, String name, String phone, String email, CustomerTier tier) {
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 \\-]{2,30}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** Validates every field; personal data is masked in the error. */
  public Customer {
    Checks.text("customer.customerId", customerId, 64);
    Checks.notBlank("customer.name", name);
    if (name.length() > 200) {
      throw new ValidationException("customer.name", Masking.name(name), "must be at most 200 characters");
    }
    if (phone != null && !PHONE.matcher(phone).matches()) {
      throw new ValidationException(
          "customer.phone", Masking.phone(phone), "must be digits, optionally with +, spaces or dashes");
    }
    if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
      throw new ValidationException("customer.email", Masking.email(email), "must look like name@domain.tld");
    }
    Checks.notNull("customer.tier", tier);
    if (phone == null && email == null) {
      throw new ValidationException(
          "customer.phone", null, "a customer needs a phone or an e-mail so that a callback is possible");
    }
  }

  /**
   * Returns a standard-tier customer.
   *
   * @param customerId the CRM reference
   * @param name the name
   * @param phone the phone, or null
   * @param email the e-mail, or null
   * @return the customer
   */
  public static Customer of(String customerId, String name, String phone, String email) {
    return new Customer(customerId, name, phone, email, CustomerTier.STANDARD);
  }

  /** Returns the phone number, if known. */
  public Optional<String> phoneNumber() {
    return Optional.ofNullable(phone);
  }

  /** Returns the e-mail address, if known. */
  public Optional<String> emailAddress() {
    return Optional.ofNullable(email);
  }

  /** Returns a copy with another tier. */
  public Customer withTier(CustomerTier newTier) {
    return new Customer(customerId, name, phone, email, newTier);
  }

  /** Returns a description with the personal data masked. */
  @Override
  public String toString() {
    return "Customer[customerId="
        + customerId
        + ", name="
        + Masking.name(name)
        + ", phone="
        + Masking.phone(phone)
        + ", email="
        + Masking.email(email)
        + ", tier="
        + tier
        + "]";
  }
}
