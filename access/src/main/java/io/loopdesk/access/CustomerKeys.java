package io.loopdesk.access;

import io.loopdesk.access.internal.KeyIds;
import io.loopdesk.api.Checks;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption with one data key per customer, for {@link EncryptingTicketStore}: each
 * customer's personal data is sealed under a random 256-bit AES data key of their own; the data key
 * is stored only wrapped (AES-GCM, the customer id as associated data) under a master key the host
 * supplies through a {@link KeyProvider} (a KMS, an HSM, a secrets manager), in a {@link
 * CustomerKeyStore}.
 *
 * <p><b>Erasure (crypto-shredding).</b> {@link #erase} destroys the customer's wrapped data key.
 * Every ciphertext sealed under it, in every ticket snapshot, event and backup, can then no longer
 * be opened by anyone, master key holders included; {@link EncryptingTicketStore} reads it as the
 * {@link ErasedPersonalData} marker. Erasure is final: sealing new personal data for an erased
 * customer id fails with {@link CustomerKeyException}.
 *
 * <p><b>Master key rotation.</b> Make a new master key current in the provider and keep the old one
 * readable; new data keys are wrapped under the new one at once, and {@link #rewrapBatch} rewraps
 * existing ones (idempotent, safe to run on several instances: each rewrap is a compare-and-set).
 * Once it returns 0, the old master key can be retired.
 *
 * <p>Unwrapped data keys are not cached, so an erasure on one instance takes effect on every
 * instance sharing the key store at its next read. Thread-safe if the store and provider are.
 */
public final class CustomerKeys {
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int DATA_KEY_BYTES = 32;
  private static final byte[] AAD_PREFIX =
      "loopdesk-customer-key-v1:".getBytes(StandardCharsets.US_ASCII);

  private final CustomerKeyStore store;
  private final KeyProvider masterKeys;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /**
   * Creates the envelope.
   *
   * @param store where the wrapped data keys are kept
   * @param masterKeys the host's master keys; the current one wraps new data keys
   * @param clock the clock for creation and erasure instants
   */
  public CustomerKeys(CustomerKeyStore store, KeyProvider masterKeys, Clock clock) {
    Checks.notNull("store", store);
    Checks.notNull("masterKeys", masterKeys);
    Checks.notNull("clock", clock);
    this.store = store;
    this.masterKeys = masterKeys;
    this.clock = clock;
  }

  /**
   * Returns the data key to seal a customer's personal data with, creating it on first use.
   *
   * @param customerId the customer
   * @return the data key
   * @throws CustomerKeyException if the customer was erased or the key cannot be unwrapped
   */
  public SecretKey forSealing(String customerId) {
    CustomerKeyRecord.requireCustomerId(customerId);
    Optional<CustomerKeyRecord> found = store.find(customerId);
    CustomerKeyRecord record =
        found.isPresent() ? found.get() : store.insertIfAbsent(newRecord(customerId));
    if (record.isErased()) {
      throw new CustomerKeyException(
          customerId,
          "the customer's personal data was erased at "
              + record.erasedAt()
              + "; new personal data cannot be sealed under an erased customer id",
          null);
    }
    return unwrap(record);
  }

  /**
   * Returns the data key to open a customer's personal data with.
   *
   * @param customerId the customer
   * @return the data key, or empty if the customer was erased
   * @throws CustomerKeyException if the customer never had a key or it cannot be unwrapped
   */
  public Optional<SecretKey> forOpening(String customerId) {
    CustomerKeyRecord record =
        store
            .find(CustomerKeyRecord.requireCustomerId(customerId))
            .orElseThrow(
                () ->
                    new CustomerKeyException(
                        customerId, "no data key is known for this customer", null));
    return record.isErased() ? Optional.empty() : Optional.of(unwrap(record));
  }

  /**
   * Erases a customer's personal data by destroying their data key.
   *
   * @param customerId the customer
   * @return true if this call erased, false if the customer was already erased
   */
  public boolean erase(String customerId) {
    return store.erase(CustomerKeyRecord.requireCustomerId(customerId), clock.instant());
  }

  /**
   * Returns whether a customer was erased.
   *
   * @param customerId the customer
   * @return true once their data key was destroyed
   */
  public boolean isErased(String customerId) {
    return store
        .find(CustomerKeyRecord.requireCustomerId(customerId))
        .map(CustomerKeyRecord::isErased)
        .orElse(false);
  }

  /** Returns the key store's tombstones, in order of erasure. */
  public List<CustomerKeyRecord> erasures() {
    return store.erasures();
  }

  /**
   * Rewraps up to {@code limit} data keys that are wrapped under a master key other than the
   * current one.
   *
   * @param limit at most this many, 1-10,000
   * @return how many this call rewrapped; 0 when every live key is under the current master key
   * @throws CustomerKeyException if an old master key is no longer known
   */
  public int rewrapBatch(int limit) {
    String current = currentMasterKeyId();
    int done = 0;
    for (CustomerKeyRecord r : store.wrappedOtherThan(current, limit)) {
      SecretKey dataKey = unwrap(r);
      if (store.rewrap(
          r.customerId(), r.masterKeyId(), current, wrap(r.customerId(), current, dataKey))) {
        done++;
      }
    }
    return done;
  }

  private CustomerKeyRecord newRecord(String customerId) {
    byte[] raw = new byte[DATA_KEY_BYTES];
    random.nextBytes(raw);
    String masterKeyId = currentMasterKeyId();
    return CustomerKeyRecord.live(
        customerId,
        masterKeyId,
        wrap(customerId, masterKeyId, new SecretKeySpec(raw, "AES")),
        clock.instant());
  }

  private String currentMasterKeyId() {
    return KeyIds.require("masterKeys.currentKeyId", masterKeys.currentKeyId());
  }

  private SecretKey master(String customerId, String masterKeyId) {
    return masterKeys
        .key(masterKeyId)
        .orElseThrow(
            () ->
                new CustomerKeyException(
                    customerId, "master key " + masterKeyId + " is unknown", null));
  }

  private String wrap(String customerId, String masterKeyId, SecretKey dataKey) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE, master(customerId, masterKeyId), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(aad(customerId));
      byte[] sealed = cipher.doFinal(dataKey.getEncoded());
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(
              ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new CustomerKeyException(
          customerId, "wrapping failed: " + e.getClass().getSimpleName(), e);
    }
  }

  private SecretKey unwrap(CustomerKeyRecord record) {
    try {
      byte[] all = Base64.getUrlDecoder().decode(record.wrappedKey());
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          master(record.customerId(), record.masterKeyId()),
          new GCMParameterSpec(TAG_BITS, all, 0, IV_BYTES));
      cipher.updateAAD(aad(record.customerId()));
      byte[] raw = cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
      if (raw.length != DATA_KEY_BYTES) {
        throw new CustomerKeyException(
            record.customerId(), "the unwrapped data key has the wrong length", null);
      }
      return new SecretKeySpec(raw, "AES");
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new CustomerKeyException(
          record.customerId(),
          "the wrapped data key cannot be unwrapped (altered, or wrapped under another master key)",
          e);
    }
  }

  private static byte[] aad(String customerId) {
    byte[] id = customerId.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(AAD_PREFIX.length + id.length).put(AAD_PREFIX).put(id).array();
  }

  /** Names the master key provider, never a key. */
  @Override
  public String toString() {
    return "CustomerKeys[masterKeys=" + masterKeys + "]";
  }
}
