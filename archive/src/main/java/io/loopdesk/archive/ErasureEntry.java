package io.loopdesk.archive;

import io.loopdesk.access.CustomerKeyRecord;
import io.loopdesk.api.Checks;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an erasure did to one ticket, without personal data: whose data, which ticket, when, on
 * whose request, which event versions lost their personal data, and the history chain value each of
 * those events had, as verified before the customer's key was destroyed (empty text for an
 * unchained event), so that the history stays verifiable afterwards ({@link
 * ErasedHistoryVerifier}).
 *
 * @param customerId the erased customer (the CRM reference)
 * @param ticketId the ticket
 * @param erasedAt when
 * @param requestedBy who asked (a user id), 1-200 characters
 * @param erasedVersions the event versions whose personal data was erased, ascending
 * @param attestedChains the chain value of each of those events, in the same order
 */
public record ErasureEntry(
    String customerId,
    TicketId ticketId,
    Instant erasedAt,
    String requestedBy,
    List<Long> erasedVersions,
    List<String> attestedChains) {
  private static final Pattern CHAIN = Pattern.compile("|[0-9a-f]{64}");

  /** Validates the entry. */
  public ErasureEntry {
    CustomerKeyRecord.requireCustomerId(customerId);
    Checks.notNull("ticketId", ticketId);
    Checks.notNull("erasedAt", erasedAt);
    if (requestedBy == null
        || requestedBy.isBlank()
        || requestedBy.length() > 200
        || requestedBy.chars().anyMatch(Character::isISOControl)) {
      throw new ValidationException(
          "requestedBy", requestedBy, "must be 1-200 characters without control characters");
    }
    erasedVersions = List.copyOf(erasedVersions == null ? List.of() : erasedVersions);
    attestedChains = List.copyOf(attestedChains == null ? List.of() : attestedChains);
    if (erasedVersions.size() != attestedChains.size()) {
      throw new ValidationException(
          "attestedChains",
          attestedChains.size() + " values",
          "must have one value per erased version");
    }
    for (int i = 0; i < erasedVersions.size(); i++) {
      if (erasedVersions.get(i) < 1
          || (i > 0 && erasedVersions.get(i) <= erasedVersions.get(i - 1))) {
        throw new ValidationException(
            "erasedVersions", erasedVersions.get(i), "must be positive and ascending");
      }
      if (!CHAIN.matcher(attestedChains.get(i)).matches()) {
        throw new ValidationException(
            "attestedChains",
            "<" + attestedChains.get(i).length() + " characters>",
            "must be empty or 64 lowercase hex digits");
      }
    }
  }

  /**
   * Returns the attested chain value of an erased event.
   *
   * @param version the event version
   * @return the chain value (empty text for an unchained event), or empty if the version was not
   *     erased
   */
  public Optional<String> attestedChain(long version) {
    int i = erasedVersions.indexOf(version);
    return i < 0 ? Optional.empty() : Optional.of(attestedChains.get(i));
  }

  /** Returns the versions as stored: comma-separated. */
  String versionsText() {
    return String.join(",", erasedVersions.stream().map(String::valueOf).toList());
  }

  /** Returns the chains as stored: comma-separated. */
  String chainsText() {
    return String.join(",", attestedChains);
  }

  /** Parses {@link #versionsText()}. */
  static List<Long> versions(String text) {
    List<Long> out = new ArrayList<>();
    if (!text.isEmpty()) {
      for (String v : text.split(",", -1)) {
        out.add(Long.parseLong(v));
      }
    }
    return out;
  }

  /** Parses {@link #chainsText()} for {@code count} versions. */
  static List<String> chains(String text, int count) {
    if (count == 0) {
      return List.of();
    }
    return List.of(text.split(",", -1));
  }
}
