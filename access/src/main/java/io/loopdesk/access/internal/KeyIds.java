package io.loopdesk.access.internal;

import io.loopdesk.api.ValidationException;
import java.util.regex.Pattern;

/**
 * The one form of master key ids, which are stored beside every sealed value: 1 to 16 letters,
 * digits, {@code _} or {@code -}.
 */
public final class KeyIds {
  /** The rule, worded for error messages. */
  public static final String RULE = "must be 1-16 letters, digits, _ or -";

  private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");

  private KeyIds() {}

  /**
   * Returns whether a key id has the allowed form.
   *
   * @param keyId the id, possibly null
   * @return true if it is 1 to 16 letters, digits, {@code _} or {@code -}
   */
  public static boolean isValid(String keyId) {
    return keyId != null && KEY_ID.matcher(keyId).matches();
  }

  /**
   * Returns the key id, or throws when it does not have the allowed form.
   *
   * @param field the name the error gives the value
   * @param keyId the id
   * @return the id
   * @throws ValidationException naming {@code field} when the id is null or malformed
   */
  public static String require(String field, String keyId) {
    if (!isValid(keyId)) {
      throw new ValidationException(field, keyId, RULE);
    }
    return keyId;
  }
}
