package io.loopdesk.sla;

import io.loopdesk.api.Channel;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.Ticket;
import java.util.Optional;

/**
 * What an {@link SlaContracts} rule looks at to choose a ticket's SLA policy: the customer, the
 * customer's tier, the channel, the product and the customer's contract. None of it is personal
 * data (the customer id and tier are in clear on every ticket), so it may appear in audit entries
 * and exception messages.
 *
 * @param customerId the customer's id, or null when unknown
 * @param tier the customer's commercial tier, or null when unknown
 * @param channel the channel the ticket came in on, or null when unknown
 * @param product the product or service, or null when unknown
 * @param contract the customer's contract, e.g. {@code ENTERPRISE}, or null when the customer has
 *     none
 */
public record SlaSubject(
    String customerId, CustomerTier tier, Channel channel, String product, String contract) {

  /** The longest contract name accepted. */
  public static final int MAX_CONTRACT_LENGTH = 200;

  /** A subject nothing is known about: only rules without conditions match it. */
  public static final SlaSubject UNKNOWN = new SlaSubject(null, null, null, null, null);

  /**
   * Validates the contract name.
   *
   * @throws SlaPolicyException when the contract is blank or longer than {@link
   *     #MAX_CONTRACT_LENGTH}
   */
  public SlaSubject {
    if (contract != null && (contract.isBlank() || contract.length() > MAX_CONTRACT_LENGTH)) {
      throw new SlaPolicyException(
          "contract",
          contract.length() > MAX_CONTRACT_LENGTH ? contract.length() + " characters" : contract,
          "a contract name has 1 to " + MAX_CONTRACT_LENGTH + " characters, or is null for none");
    }
  }

  /** The subject of a ticket: its customer's id and tier, its channel and product; no contract. */
  public static SlaSubject of(Ticket ticket) {
    if (ticket == null) {
      throw new SlaPolicyException("ticket", null, "a ticket is required");
    }
    return new SlaSubject(
        ticket.customer() == null ? null : ticket.customer().customerId(),
        ticket.customer() == null ? null : ticket.customer().tier(),
        ticket.channel(),
        ticket.product(),
        null);
  }

  /** This subject with another tier (e.g. after an upgrade to VIP). */
  public SlaSubject withTier(CustomerTier newTier) {
    return new SlaSubject(customerId, newTier, channel, product, contract);
  }

  /** This subject with another contract, or none for null. */
  public SlaSubject withContract(String newContract) {
    return new SlaSubject(customerId, tier, channel, product, newContract);
  }

  /** The contract, if the customer has one. */
  public Optional<String> contractName() {
    return Optional.ofNullable(contract);
  }
}
