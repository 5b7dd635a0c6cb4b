package io.loopdesk.api;

/**
 * Masks personal data for display in {@code toString}, logs and exports: {@code 张三 -> 张*},
 * {@code 13812345678 -> 138****5678}, {@code alice@example.com -> a****@example.com}.
 */
public final class Masking {
  private static final String STARS = "****";

  private Masking() {}

  /**
   * Masks a personal name, keeping only its first character (code point).
   *
   * @param name the name, may be null
   * @return the masked name, e.g. {@code 张*} or {@code A*}; {@code null} stays {@code null}
   */
  public static String name(String name) {
    if (name == null || name.isEmpty()) {
      return name;
    }
    int first = name.offsetByCodePoints(0, 1);
    return name.substring(0, first) + "*";
  }

  /**
   * Masks a phone number, keeping the first three and the last four digits when it is long enough.
   *
   * @param phone the phone number, may be null
   * @return e.g. {@code 138****5678}; short numbers keep only their last two characters
   */
  public static String phone(String phone) {
    if (phone == null || phone.isEmpty()) {
      return phone;
    }
    if (phone.length() >= 11) {
      return phone.substring(0, 3) + STARS + phone.substring(phone.length() - 4);
    }
    if (phone.length() > 4) {
      return STARS + phone.substring(phone.length() - 2);
    }
    return STARS;
  }

  /**
   * Masks an e-mail address, keeping the first character of the local part and the domain.
   *
   * @param email the address, may be null
   * @return e.g. {@code a****@example.com}
   */
  public static String email(String email) {
    if (email == null || email.isEmpty()) {
      return email;
    }
    int at = email.indexOf('@');
    if (at <= 0) {
      return STARS;
    }
    return email.substring(0, email.offsetByCodePoints(0, 1)) + STARS + email.substring(at);
  }
}
