package io.loopdesk.access;

import io.loopdesk.access.internal.KeyIds;
import io.loopdesk.api.ValidationException;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * A {@link KeyProvider} over a fixed set of keys, e.g. loaded from a secrets manager at start-up.
 * Immutable.
 */
public final class StaticKeyProvider implements KeyProvider {
  private final String current;
  private final Map<String, SecretKey> keys;

  private StaticKeyProvider(String current, Map<String, SecretKey> keys) {
    this.current = current;
    this.keys = keys;
  }

  /**
   * Returns a provider.
   *
   * @param currentKeyId the id of the key for new data; must be among {@code keys}
   * @param keys every key that may still be needed to read, by id
   * @return the provider
   * @throws ValidationException if an id is malformed, a key is not AES or the current key is
   *     missing
   */
  public static StaticKeyProvider of(String currentKeyId, Map<String, SecretKey> keys) {
    if (keys == null || keys.isEmpty()) {
      throw new ValidationException(
          "keys", keys == null ? null : "{}", "must hold at least the current key");
    }
    for (Map.Entry<String, SecretKey> e : keys.entrySet()) {
      KeyIds.require("keyId", e.getKey());
      SecretKey k = e.getValue();
      if (k == null
          || !"AES".equals(k.getAlgorithm())
          || k.getEncoded() == null
          || !(k.getEncoded().length == 16
              || k.getEncoded().length == 24
              || k.getEncoded().length == 32)) {
        throw new ValidationException(
            "keys." + e.getKey(),
            k == null ? null : k.getAlgorithm(),
            "must be an AES key of 128, 192 or 256 bits");
      }
    }
    if (!keys.containsKey(currentKeyId)) {
      throw new ValidationException(
          "currentKeyId",
          currentKeyId,
          "must be one of the given keys " + new java.util.TreeSet<>(keys.keySet()));
    }
    return new StaticKeyProvider(currentKeyId, Map.copyOf(keys));
  }

  @Override
  public String currentKeyId() {
    return current;
  }

  @Override
  public Optional<SecretKey> key(String keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  @Override
  public String toString() {
    return "StaticKeyProvider[current="
        + current
        + ", keys="
        + new java.util.TreeSet<>(keys.keySet())
        + "]";
  }
}
