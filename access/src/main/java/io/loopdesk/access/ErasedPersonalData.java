package io.loopdesk.access;

import io.loopdesk.api.Customer;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.PersonalDataForm;
import io.loopdesk.api.SealedPersonalData;

/**
 * The marker {@link EncryptingTicketStore} returns in place of personal data whose customer was
 * erased ({@link CustomerKeys#erase}): a customer in {@link PersonalDataForm#SEALED} form whose key
 * id is {@value #KEY_ID}, and the text {@value #BODY} in place of a message body. Customer id, tier
 * and everything that is not personal data read as before. Like any sealed customer, the marker's
 * {@code Optional} accessors are empty and {@link Customer#toString()} shows {@code keyId=erased}.
 */
public final class ErasedPersonalData {
  /** The key id of an erased customer's marker. */
  public static final String KEY_ID = "erased";

  /** The text that stands in for an erased message body. */
  public static final String BODY = "[erased]";

  private static final SealedPersonalData MARKER = new SealedPersonalData(KEY_ID, "ZXJhc2Vk");

  private ErasedPersonalData() {}

  /**
   * Returns the marker for an erased customer.
   *
   * @param customerId the customer id
   * @param tier the tier
   * @return a sealed customer whose key id is {@value #KEY_ID}
   */
  public static Customer customer(String customerId, CustomerTier tier) {
    return Customer.ofSealed(customerId, tier, MARKER);
  }

  /**
   * Returns whether a customer is the erased marker.
   *
   * @param c the customer
   * @return true if its personal data was erased
   */
  public static boolean isErased(Customer c) {
    return c != null
        && c.form() == PersonalDataForm.SEALED
        && c.sealed().orElseThrow().keyId().equals(KEY_ID);
  }
}
