package io.loopdesk.access;

/**
 * Whether a role sees customers' personal data (name, phone, e-mail, address, ID numbers) in
 * tickets and events returned by the secured desk.
 */
public enum PersonalDataView {
  /** The personal data as stored (decrypted by {@link EncryptingTicketStore} if it is used). */
  FULL,
  /**
   * Customers in {@link io.loopdesk.api.PersonalDataForm#MASKED} form: every personal field holds
   * its {@link io.loopdesk.api.Masking} output, e.g. phone {@code 138****5678}, address {@code
   * 北京市****}, ID number {@code 11****2X}; customer id and tier stay in clear.
   */
  MASKED
}
