package io.loopdesk.api;

import java.util.regex.Pattern;

/**
 * A customer's personal data encrypted at rest: the id of the key it was sealed with and the
 * ciphertext as unpadded base64url text. The api does not interpret the ciphertext; the component
 * that sealed it (e.g. {@code EncryptingTicketStore} in {@code loopdesk-access}) opens it. {@link
 * #toString()} shows the key id and the length only.
 *
 * @param keyId the key id: 1-16 letters, digits, {@code _} or {@code -}
 * @param ciphertext unpadded base64url ({@code A-Z a-z 0-9 - _}), at most {@value
 *     #MAX_CIPHERTEXT_LENGTH} characters
 */
public record SealedPersonalData(String keyId, String ciphertext) {
  /** Longest accepted ciphertext, in characters. */
  public static final int MAX_CIPHERTEXT_LENGTH = 16_384;

  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+");

  /** Validates both components; the ciphertext is never echoed in errors. */
  public SealedPersonalData {
    Checks.notNull("sealed.keyId", keyId);
    if (!KEY_ID.matcher(keyId).matches()) {
      throw new ValidationException("sealed.keyId", keyId, "must be 1-16 letters, digits, _ or -");
    }
    if (ciphertext == null) {
      throw new ValidationException("sealed.ciphertext", null, "must not be null");
    }
    if (ciphertext.isEmpty() || ciphertext.length() > MAX_CIPHERTEXT_LENGTH) {
      throw new ValidationException(
          "sealed.ciphertext",
          ciphertext.length() + " characters",
          "must be 1-" + MAX_CIPHERTEXT_LENGTH + " characters");
    }
    if (!BASE64URL.matcher(ciphertext).matches() || ciphertext.length() % 4 == 1) {
      throw new ValidationException(
          "sealed.ciphertext",
          ciphertext.length() + " characters",
          "must be unpadded base64url (A-Z a-z 0-9 - _)");
    }
  }

  /** Returns the key id and the ciphertext's length, never the ciphertext. */
  @Override
  public String toString() {
    return "SealedPersonalData[keyId=" + keyId + ", " + ciphertext.length() + " characters]";
  }
}
