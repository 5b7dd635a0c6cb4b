package io.loopdesk.api;

/**
 * The form in which a {@link Customer} holds its personal data (name, phone, e-mail, address, ID
 * numbers).
 */
public enum PersonalDataForm {
  /** The data as given, fully validated. */
  CLEAR,
  /**
   * Every personal field holds its {@link Masking} output (e.g. {@code 138****5678}); formats are
   * not checked, length limits are. Produced by {@link Customer#masked()}.
   */
  MASKED,
  /**
   * The personal fields are absent; an encrypted {@link SealedPersonalData} stands in for them.
   * Customer id and tier stay in clear.
   */
  SEALED
}
