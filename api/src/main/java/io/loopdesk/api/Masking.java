package io.loopdesk.api;

/**
 * Masks personal data for display in {@code toString}, logs and exports: {@code 张三 -> 张*}, {@code
 * 13812345678 -> 138****5678}, {@code alice@example.com -> a****@example.com}, {@code 北京市朝阳区建国路88号
 * -> 北京市****}, {@code 110105199003071234 -> 11****34}.
 *
 * <p>Every method is idempotent: masking a masked value gives it back unchanged.
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

  /**
   * Masks a postal address, keeping its first three characters (code points), which in Chinese
   * addresses is usually the province or city. An address of six characters or fewer becomes {@code
   * ****} entirely, so that a short address never shows half of itself.
   *
   * @param address the address, may be null
   * @return e.g. {@code 北京市****}; {@code null} stays {@code null}
   */
  public static String address(String address) {
    if (address == null || address.isEmpty()) {
      return address;
    }
    if (address.codePointCount(0, address.length()) <= 6) {
      return STARS;
    }
    return address.substring(0, address.offsetByCodePoints(0, 3)) + STARS;
  }

  /**
   * Masks an identity document number, keeping its first two and last two characters (code points)
   * when it has at least eight, e.g. the region prefix and the check character of a Chinese
   * resident ID; shorter numbers become {@code ****} entirely.
   *
   * @param number the number, may be null
   * @return e.g. {@code 11****34}; {@code null} stays {@code null}
   */
  public static String idNumber(String number) {
    if (number == null || number.isEmpty()) {
      return number;
    }
    int count = number.codePointCount(0, number.length());
    if (count < 8) {
      return STARS;
    }
    return number.substring(0, number.offsetByCodePoints(0, 2))
        + STARS
        + number.substring(number.offsetByCodePoints(0, count - 2));
  }
}
