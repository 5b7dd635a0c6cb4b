package io.loopdesk.access;

import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * Supplies AES keys for {@link EncryptingTicketStore}, e.g. from a KMS or HSM. New data is
 * encrypted with the current key; data is decrypted with the key whose id it was sealed with, so
 * keys can be rotated by adding a new current key and keeping old ones readable. Implementations
 * must be thread-safe.
 */
public interface KeyProvider {

  /**
   * Returns the id of the key to encrypt new data with: 1-16 letters, digits, {@code _} or {@code
   * -}.
   *
   * @return the key id
   */
  String currentKeyId();

  /**
   * Returns a key by id.
   *
   * @param keyId the id recorded with the ciphertext
   * @return the AES key (128, 192 or 256 bits), or empty if unknown
   */
  Optional<SecretKey> key(String keyId);
}
