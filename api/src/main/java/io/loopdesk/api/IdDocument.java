package io.loopdesk.api;

import java.util.regex.Pattern;

/**
 * An identity document of a customer (personal data): its type and number. {@link #toString()}
 * masks the number.
 *
 * <p>The record itself only checks that the number is 1-{@value #MAX_NUMBER_LENGTH} characters
 * without control characters, so that masked numbers ({@code 11****34}) are documents too; the
 * format of the type ({@link IdDocumentType#CN_RESIDENT_ID} check character, {@link
 * IdDocumentType#PASSPORT} characters) is checked when a customer in {@link PersonalDataForm#CLEAR}
 * form is built.
 *
 * @param type the document type
 * @param number the document number
 */
public record IdDocument(IdDocumentType type, String number) {
  /** Longest accepted document number. */
  public static final int MAX_NUMBER_LENGTH = 64;

  private static final Pattern CN_RESIDENT_ID = Pattern.compile("[0-9]{17}[0-9X]");
  private static final Pattern PASSPORT = Pattern.compile("[A-Za-z0-9]{5,20}");
  private static final int[] CN_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CN_CHECK_CHARACTERS = "10X98765432";

  /** Validates the type and the number; the number is masked in errors. */
  public IdDocument {
    Checks.notNull("idDocument.type", type);
    checkNumber("idDocument.number", number, MAX_NUMBER_LENGTH);
  }

  /**
   * Returns a document.
   *
   * @param type the document type
   * @param number the number
   * @return the document
   * @throws ValidationException if the type is null or the number blank, too long or has control
   *     characters
   */
  public static IdDocument of(IdDocumentType type, String number) {
    return new IdDocument(type, number);
  }

  /** Returns a copy with the number masked by {@link Masking#idNumber(String)}. */
  public IdDocument masked() {
    return new IdDocument(type, Masking.idNumber(number));
  }

  /** Returns the type and the masked number. */
  @Override
  public String toString() {
    return "IdDocument[type=" + type + ", number=" + Masking.idNumber(number) + "]";
  }

  static void checkNumber(String field, String number, int max) {
    if (number == null) {
      throw new ValidationException(field, null, "must not be null");
    }
    if (number.isBlank()) {
      throw new ValidationException(field, number, "must not be blank");
    }
    if (number.length() > max) {
      throw ValidationException.tooLong(field, number.length(), max);
    }
    if (number.chars().anyMatch(Character::isISOControl)) {
      throw new ValidationException(field, number, "must not contain control characters");
    }
  }

  /** Checks the number against its type's format; for documents of customers in clear form. */
  void checkFormat(String field) {
    if (type.equals(IdDocumentType.CN_RESIDENT_ID)) {
      if (!CN_RESIDENT_ID.matcher(number).matches()) {
        throw new ValidationException(
            field, number, "a Chinese resident ID must be 17 digits followed by a digit or X");
      }
      if (number.charAt(17) != cnCheckCharacter(number)) {
        throw new ValidationException(
            field,
            number,
            "the check character of a Chinese resident ID does not match (ISO 7064 MOD 11-2)");
      }
    } else if (type.equals(IdDocumentType.PASSPORT) && !PASSPORT.matcher(number).matches()) {
      throw new ValidationException(
          field, number, "a passport number must be 5-20 letters and digits");
    }
  }

  /** ISO 7064 MOD 11-2 check character over the first 17 digits. */
  private static char cnCheckCharacter(String number) {
    int sum = 0;
    for (int i = 0; i < CN_WEIGHTS.length; i++) {
      sum += (number.charAt(i) - '0') * CN_WEIGHTS[i];
    }
    return CN_CHECK_CHARACTERS.charAt(sum % 11);
  }
}
