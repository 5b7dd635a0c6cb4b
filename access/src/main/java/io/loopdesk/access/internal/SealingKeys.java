package io.loopdesk.access.internal;

import io.loopdesk.access.CustomerKeys;
import io.loopdesk.access.KeyProvider;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Where {@link CustomerCipher} and {@link BodyCipher} get their keys: a host {@link KeyProvider}
 * (one current key for everyone) or {@link CustomerKeys} (one data key per customer, erasable).
 * Implementations throw a {@link io.loopdesk.api.LoopdeskException} when a key is unknown.
 */
public interface SealingKeys {
  /** The key id recorded with data sealed under a customer's own data key. */
  String CUSTOMER_KEY_ID = "customer";

  /**
   * A key and the id to record with what it seals.
   *
   * @param keyId the id
   * @param key the key
   */
  record Keyed(String keyId, SecretKey key) {}

  /**
   * Returns the key to seal a customer's data with.
   *
   * @param customerId the customer
   * @return the key and its id
   */
  Keyed forSealing(String customerId);

  /**
   * Returns the key to open data sealed under {@code keyId}.
   *
   * @param customerId the customer
   * @param keyId the recorded key id
   * @return the key, or empty if the customer's data was erased
   */
  Optional<SecretKey> forOpening(String customerId, String keyId);

  /**
   * Returns keys that remember each key they return, for one store call: a customer's key is then
   * looked up and unwrapped once per call, not once per value (a save seals the customer and a
   * message body; a read opens many values), and a later call still sees an erasure made in
   * between. Not thread-safe; use one per call.
   *
   * @param keys the keys
   * @return the remembering keys
   */
  static SealingKeys perCall(SealingKeys keys) {
    java.util.Map<String, Optional<SecretKey>> opened = new java.util.HashMap<>();
    java.util.Map<String, Keyed> sealing = new java.util.HashMap<>();
    return new SealingKeys() {
      @Override
      public Keyed forSealing(String customerId) {
        return sealing.computeIfAbsent(customerId, keys::forSealing);
      }

      @Override
      public Optional<SecretKey> forOpening(String customerId, String keyId) {
        String k = keyId + "\u0000" + customerId;
        Optional<SecretKey> key = opened.get(k);
        if (key == null) {
          key = keys.forOpening(customerId, keyId);
          opened.put(k, key);
        }
        return key;
      }
    };
  }

  /**
   * Returns keys from a host provider.
   *
   * @param keys the provider
   * @return the keys
   */
  static SealingKeys of(KeyProvider keys) {
    return new SealingKeys() {
      @Override
      public Keyed forSealing(String customerId) {
        String keyId = keys.currentKeyId();
        if (!KeyIds.isValid(keyId)) {
          throw new IllegalArgumentException("current key id " + KeyIds.RULE);
        }
        return new Keyed(
            keyId,
            keys.key(keyId)
                .orElseThrow(() -> new IllegalArgumentException("key " + keyId + " is unknown")));
      }

      @Override
      public Optional<SecretKey> forOpening(String customerId, String keyId) {
        return Optional.of(
            keys.key(keyId)
                .orElseThrow(() -> new IllegalArgumentException("key " + keyId + " is unknown")));
      }
    };
  }

  /**
   * Returns per-customer data keys.
   *
   * @param keys the envelope
   * @return the keys
   */
  static SealingKeys of(CustomerKeys keys) {
    return new SealingKeys() {
      @Override
      public Keyed forSealing(String customerId) {
        return new Keyed(CUSTOMER_KEY_ID, keys.forSealing(customerId));
      }

      @Override
      public Optional<SecretKey> forOpening(String customerId, String keyId) {
        if (!CUSTOMER_KEY_ID.equals(keyId)) {
          throw new IllegalArgumentException(
              "key " + keyId + " is unknown (this store seals under customer keys)");
        }
        return keys.forOpening(customerId);
      }
    };
  }
}
