package io.loopdesk.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps each customer's data key, wrapped under a host-supplied master key, for {@link
 * CustomerKeys}. {@link InMemoryCustomerKeyStore} is the single-JVM reference; {@code
 * loopdesk-archive} has the JDBC one for H2 and PostgreSQL, shared safely by many instances.
 *
 * <h2>Contract</h2>
 *
 * <ul>
 *   <li>Thread-safe; with a shared database, correct across instances and restarts.
 *   <li>{@link #insertIfAbsent}: of any number of concurrent inserts for one customer exactly one
 *       is stored, and every caller gets that one back.
 *   <li>{@link #erase} is final and durable when it returns: the wrapped key is gone from the store
 *       (not merely flagged), a tombstone stays, and no later {@link #insertIfAbsent} or {@link
 *       #rewrap} brings a key back.
 * </ul>
 */
public interface CustomerKeyStore {

  /**
   * Finds a customer's key record.
   *
   * @param customerId the customer
   * @return the live record or the tombstone, or empty if the customer never had a key
   */
  Optional<CustomerKeyRecord> find(String customerId);

  /**
   * Stores a live key unless the customer already has a record (live or erased).
   *
   * @param record the live record to store
   * @return the record now stored: {@code record}, or the one that was there first
   */
  CustomerKeyRecord insertIfAbsent(CustomerKeyRecord record);

  /**
   * Destroys a customer's key: removes the wrapped key and leaves a tombstone; for a customer who
   * never had a key, stores a tombstone so that none is ever created.
   *
   * @param customerId the customer
   * @param at when
   * @return true if this call erased, false if the customer was already erased
   */
  boolean erase(String customerId, Instant at);

  /**
   * Replaces a live key's wrapping, e.g. after a master key rotation, if it is still wrapped under
   * {@code expectedMasterKeyId}.
   *
   * @param customerId the customer
   * @param expectedMasterKeyId the master key it must be wrapped under now
   * @param newMasterKeyId the new master key's id
   * @param newWrappedKey the data key wrapped under the new master key
   * @return true if replaced; false if erased, absent or wrapped otherwise meanwhile
   */
  boolean rewrap(
      String customerId, String expectedMasterKeyId, String newMasterKeyId, String newWrappedKey);

  /**
   * Returns live records wrapped under a master key other than the given one, for rotation.
   *
   * @param masterKeyId the current master key's id
   * @param limit at most this many, 1-10,000
   * @return the records, in customer id order
   */
  List<CustomerKeyRecord> wrappedOtherThan(String masterKeyId, int limit);

  /**
   * Returns the tombstones, in order of erasure then customer id.
   *
   * @return every erased customer's record
   */
  List<CustomerKeyRecord> erasures();
}
