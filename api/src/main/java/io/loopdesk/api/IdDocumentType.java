package io.loopdesk.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The kind of an identity document a customer showed, e.g. a Chinese resident identity card.
 *
 * <p>Open for extension: besides the constants, any upper-case code such as {@code HK_MACAO_PERMIT}
 * is accepted through {@link #of(String)}; two values are equal when their names are. Only {@link
 * #CN_RESIDENT_ID} and {@link #PASSPORT} numbers have a checked format.
 *
 * @param name the upper-case code, e.g. {@code PASSPORT}
 */
public record IdDocumentType(@JsonValue String name) {
  /**
   * Resident identity card of the People's Republic of China: 18 characters, 17 digits and a check
   * character ({@code 0-9} or {@code X}) computed with ISO 7064 MOD 11-2.
   */
  public static final IdDocumentType CN_RESIDENT_ID = new IdDocumentType("CN_RESIDENT_ID");

  /** Passport of any country: 5-20 ASCII letters and digits. */
  public static final IdDocumentType PASSPORT = new IdDocumentType("PASSPORT");

  /** Driving licence of any country. */
  public static final IdDocumentType DRIVING_LICENCE = new IdDocumentType("DRIVING_LICENCE");

  /** Any other identity document. */
  public static final IdDocumentType OTHER = new IdDocumentType("OTHER");

  /** Validates the code; see {@link #of(String)}. */
  public IdDocumentType {
    Checks.code("idDocumentType", name);
  }

  /**
   * Returns the value with the given code.
   *
   * @param name an upper-case code matching {@code [A-Z][A-Z0-9_]{0,63}}
   * @return the value
   * @throws ValidationException if the code is null, blank or malformed
   */
  @JsonCreator
  public static IdDocumentType of(String name) {
    return new IdDocumentType(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
