package io.loopdesk.access;

import io.loopdesk.api.Checks;
import io.loopdesk.api.ValidationException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link CustomerKeyStore} in memory: for tests and single-JVM hosts. Thread-safe; nothing
 * survives a restart, so data sealed under these keys cannot be opened by a new process.
 */
public final class InMemoryCustomerKeyStore implements CustomerKeyStore {
  private final ConcurrentMap<String, CustomerKeyRecord> records = new ConcurrentHashMap<>();

  @Override
  public Optional<CustomerKeyRecord> find(String customerId) {
    return Optional.ofNullable(records.get(CustomerKeyRecord.requireCustomerId(customerId)));
  }

  @Override
  public CustomerKeyRecord insertIfAbsent(CustomerKeyRecord record) {
    Checks.notNull("record", record);
    if (record.isErased()) {
      throw new ValidationException(
          "record", record.customerId(), "must be a live key; use erase for tombstones");
    }
    CustomerKeyRecord before = records.putIfAbsent(record.customerId(), record);
    return before == null ? record : before;
  }

  @Override
  public boolean erase(String customerId, Instant at) {
    CustomerKeyRecord.requireCustomerId(customerId);
    Checks.notNull("at", at);
    boolean[] erasedNow = {false};
    records.compute(
        customerId,
        (id, old) -> {
          if (old != null && old.isErased()) {
            return old;
          }
          erasedNow[0] = true;
          return CustomerKeyRecord.erased(id, old == null ? at : old.createdAt(), at);
        });
    return erasedNow[0];
  }

  @Override
  public boolean rewrap(
      String customerId, String expectedMasterKeyId, String newMasterKeyId, String newWrappedKey) {
    CustomerKeyRecord.requireCustomerId(customerId);
    boolean[] done = {false};
    records.computeIfPresent(
        customerId,
        (id, old) -> {
          if (old.isErased() || !old.masterKeyId().equals(expectedMasterKeyId)) {
            return old;
          }
          done[0] = true;
          return CustomerKeyRecord.live(id, newMasterKeyId, newWrappedKey, old.createdAt());
        });
    return done[0];
  }

  @Override
  public List<CustomerKeyRecord> wrappedOtherThan(String masterKeyId, int limit) {
    if (limit < 1 || limit > 10_000) {
      throw new ValidationException("limit", limit, "must be between 1 and 10000");
    }
    return records.values().stream()
        .filter(r -> !r.isErased() && !r.masterKeyId().equals(masterKeyId))
        .sorted(Comparator.comparing(CustomerKeyRecord::customerId))
        .limit(limit)
        .toList();
  }

  @Override
  public List<CustomerKeyRecord> erasures() {
    return records.values().stream()
        .filter(CustomerKeyRecord::isErased)
        .sorted(
            Comparator.comparing(CustomerKeyRecord::erasedAt)
                .thenComparing(CustomerKeyRecord::customerId))
        .toList();
  }
}
