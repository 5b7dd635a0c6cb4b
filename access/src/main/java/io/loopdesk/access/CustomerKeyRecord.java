package io.loopdesk.access;

import io.loopdesk.access.internal.KeyIds;
import io.loopdesk.api.Checks;
import io.loopdesk.api.ValidationException;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One customer's data key as a {@link CustomerKeyStore} keeps it: wrapped (encrypted) under a
 * master key, never in clear. Once the customer is erased the wrapped key is gone for good and only
 * the tombstone remains: customer id, when the key was created and when it was destroyed. {@link
 * #toString()} never shows the wrapped key.
 *
 * @param customerId the host CRM's customer reference (not personal data), 1-64 characters
 * @param masterKeyId the id of the master key that wraps the data key, or null once erased
 * @param wrappedKey the wrapped data key as unpadded base64url, or null once erased
 * @param createdAt when the data key was created
 * @param erasedAt when the data key was destroyed, or null while it lives
 */
public record CustomerKeyRecord(
    String customerId, String masterKeyId, String wrappedKey, Instant createdAt, Instant erasedAt) {
  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]{1,200}");

  /**
   * Validates the record: a live key has master key id and wrapped key, an erased one has neither.
   */
  public CustomerKeyRecord {
    requireCustomerId(customerId);
    Checks.notNull("createdAt", createdAt);
    if (erasedAt == null) {
      KeyIds.require("masterKeyId", masterKeyId);
      if (wrappedKey == null || !BASE64URL.matcher(wrappedKey).matches()) {
        throw new ValidationException(
            "wrappedKey",
            wrappedKey == null ? null : "<" + wrappedKey.length() + " characters>",
            "must be 1-200 characters of unpadded base64url");
      }
    } else if (masterKeyId != null || wrappedKey != null) {
      throw new ValidationException(
          "wrappedKey", "<present>", "must be absent once the key is erased");
    }
  }

  /**
   * Returns a live record.
   *
   * @param customerId the customer
   * @param masterKeyId the wrapping master key's id
   * @param wrappedKey the wrapped data key
   * @param createdAt when it was created
   * @return the record
   */
  public static CustomerKeyRecord live(
      String customerId, String masterKeyId, String wrappedKey, Instant createdAt) {
    return new CustomerKeyRecord(customerId, masterKeyId, wrappedKey, createdAt, null);
  }

  /**
   * Returns the tombstone of an erased key.
   *
   * @param customerId the customer
   * @param createdAt when the key was created (the erasure instant if it never existed)
   * @param erasedAt when it was destroyed
   * @return the record
   */
  public static CustomerKeyRecord erased(String customerId, Instant createdAt, Instant erasedAt) {
    return new CustomerKeyRecord(customerId, null, null, createdAt, erasedAt);
  }

  /** Returns whether the key was destroyed. */
  public boolean isErased() {
    return erasedAt != null;
  }

  /** Returns when the key was destroyed, if it was. */
  public Optional<Instant> erasedInstant() {
    return Optional.ofNullable(erasedAt);
  }

  /**
   * Checks a customer id: 1-64 characters, not blank, without control characters or unpaired
   * surrogates.
   *
   * @param customerId the id
   * @return the id
   * @throws ValidationException naming the field {@code customerId}
   */
  public static String requireCustomerId(String customerId) {
    Checks.notNull("customerId", customerId);
    if (customerId.isBlank()
        || customerId.length() > 64
        || customerId.chars().anyMatch(Character::isISOControl)
        || customerId.codePoints().anyMatch(c -> Character.getType(c) == Character.SURROGATE)) {
      throw new ValidationException(
          "customerId",
          customerId.length() > 64 ? customerId.substring(0, 64) + "..." : customerId,
          "must be 1-64 characters, not blank, without control characters or unpaired surrogates");
    }
    return customerId;
  }

  /** Shows customer id, master key id and instants, never the wrapped key. */
  @Override
  public String toString() {
    return "CustomerKeyRecord[customerId="
        + customerId
        + ", masterKeyId="
        + masterKeyId
        + ", createdAt="
        + createdAt
        + (erasedAt == null ? "" : ", erasedAt=" + erasedAt)
        + "]";
  }
}
