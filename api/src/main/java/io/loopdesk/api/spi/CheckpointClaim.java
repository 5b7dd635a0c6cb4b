package io.loopdesk.api.spi;

import io.loopdesk.api.ValidationException;
import java.time.Instant;

/**
 * A request to fire one due checkpoint (an SLA warning, breach or other timed event) exactly once
 * across every instance that shares a {@link CheckpointClaims} store.
 *
 * @param key what is claimed, the same text on every instance for the same checkpoint; 1 to {@link
 *     #MAX_KEY_LENGTH} characters without control characters
 * @param dueAt when the checkpoint fell due
 * @param firedAt when the claiming instance fires it
 * @param owner who claims it, e.g. an instance name; 1 to 200 characters
 * @param late whether it fires late, e.g. because every instance was down when it fell due
 */
public record CheckpointClaim(
    String key, Instant dueAt, Instant firedAt, String owner, boolean late) {

  /** The longest key, in characters. */
  public static final int MAX_KEY_LENGTH = 300;

  /** Validates the claim. */
  public CheckpointClaim {
    if (key == null
        || key.isEmpty()
        || key.length() > MAX_KEY_LENGTH
        || key.codePoints()
            .anyMatch(
                c -> Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE)) {
      throw new ValidationException(
          "claim.key",
          key == null || key.length() <= 40 ? key : key.substring(0, 40) + "...",
          "must be 1 to "
              + MAX_KEY_LENGTH
              + " characters without control characters or unpaired surrogates");
    }
    if (dueAt == null) {
      throw new ValidationException("claim.dueAt", null, "must not be null");
    }
    if (firedAt == null) {
      throw new ValidationException("claim.firedAt", null, "must not be null");
    }
    if (owner == null
        || owner.isBlank()
        || owner.length() > 200
        || owner.chars().anyMatch(Character::isISOControl)) {
      throw new ValidationException(
          "claim.owner", owner, "must be 1 to 200 characters without control characters");
    }
  }
}
