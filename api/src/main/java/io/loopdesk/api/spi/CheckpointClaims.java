package io.loopdesk.api.spi;

import io.loopdesk.api.ValidationException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which instance fires a due checkpoint when several instances compute the same checkpoints
 * from the same event feed: the first claim of a key wins, durably, and every later claim of that
 * key, from any instance and after any restart, loses. The SLA engine uses it so that each warning,
 * breach and escalation fires once cluster-wide.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Of any number of concurrent or later claims of one key exactly one ever wins.
 *   <li>A won claim is durable when {@link #claim} returns (for stores that are durable at all).
 *   <li>Thread-safe; one call may claim many keys at once and should cost one round trip.
 * </ul>
 */
public interface CheckpointClaims {

  /** The largest number of claims one {@link #claim} call takes. */
  int MAX_BATCH = 10_000;

  /**
   * Claims checkpoints.
   *
   * @param claims the claims, with distinct keys; at most {@link #MAX_BATCH}
   * @return the keys this call won; the others had been claimed before, by any instance
   * @throws ValidationException if the list is null, too long or holds a null or a duplicate key
   */
  Set<String> claim(List<CheckpointClaim> claims);

  /**
   * Checks the argument of {@link #claim}; adapters call it first.
   *
   * @param claims the claims
   * @throws ValidationException if the list is null, too long or holds a null or a duplicate key
   */
  static void requireClaims(List<CheckpointClaim> claims) {
    if (claims == null) {
      throw new ValidationException("claims", null, "must not be null");
    }
    if (claims.size() > MAX_BATCH) {
      throw new ValidationException(
          "claims", claims.size() + " claims", "must be at most " + MAX_BATCH);
    }
    HashSet<String> keys = new HashSet<>();
    for (CheckpointClaim claim : claims) {
      if (claim == null) {
        throw new ValidationException("claims", null, "must not contain null");
      }
      if (!keys.add(claim.key())) {
        throw new ValidationException("claims", claim.key(), "must not contain a key twice");
      }
    }
  }
}
