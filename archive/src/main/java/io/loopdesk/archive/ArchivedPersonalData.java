package io.loopdesk.archive;

import io.loopdesk.api.Customer;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.PersonalDataForm;
import io.loopdesk.api.SealedPersonalData;

/**
 * What {@link ArchiveSealingTicketStore} shows in place of an archived ticket's personal data: a
 * customer in {@link PersonalDataForm#SEALED} form whose key id is {@value #KEY_ID}, and the text
 * {@value #BODY} in place of each message body. Only {@link TicketArchive} opens the archive, for
 * roles granted {@code READ_ARCHIVE}.
 */
public final class ArchivedPersonalData {
  /** The key id of an archived customer's marker. */
  public static final String KEY_ID = "archived";

  /** The text that stands in for an archived message body. */
  public static final String BODY = "[archived]";

  private static final SealedPersonalData MARKER = new SealedPersonalData(KEY_ID, "YXJjaGl2ZWQ");

  private ArchivedPersonalData() {}

  /**
   * Returns the marker for an archived customer.
   *
   * @param customerId the customer id
   * @param tier the tier
   * @return a sealed customer whose key id is {@value #KEY_ID}
   */
  public static Customer customer(String customerId, CustomerTier tier) {
    return Customer.ofSealed(customerId, tier, MARKER);
  }

  /**
   * Returns whether a customer is the archive marker.
   *
   * @param c the customer
   * @return true if it stands for archived personal data
   */
  public static boolean isArchived(Customer c) {
    return c != null
        && c.form() == PersonalDataForm.SEALED
        && c.sealed().orElseThrow().keyId().equals(KEY_ID);
  }
}
