package io.loopdesk.access.bench;

import io.loopdesk.access.CustomerKeys;
import io.loopdesk.access.EncryptingTicketStore;
import io.loopdesk.access.InMemoryCustomerKeyStore;
import io.loopdesk.access.KeyProvider;
import io.loopdesk.access.StaticKeyProvider;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.core.InMemoryTicketStore;
import io.loopdesk.store.tck.Samples;
import io.loopdesk.store.tck.TicketHistory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reading one ticket's history (11 events: the opening with the customer, 4 message bodies, 6
 * changes without personal data) through the in-memory store: in clear (the baseline), through
 * {@link EncryptingTicketStore} with one host key, and with per-customer keys (one unwrap of the
 * customer's data key per opened value, no cache, so erasure takes effect at once).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EncryptedReadBenchmark {
  /** Which store reads the history. */
  @Param({"clear", "host-key", "customer-keys"})
  public String store;

  private TicketStore reader;
  private TicketId id;

  /** Writes the history once. */
  @Setup
  public void setUp() {
    InMemoryTicketStore raw = new InMemoryTicketStore();
    KeyProvider master =
        StaticKeyProvider.of("m1", Map.of("m1", new SecretKeySpec(new byte[32], "AES")));
    reader =
        switch (store) {
          case "clear" -> raw;
          case "host-key" -> new EncryptingTicketStore(raw, master);
          default ->
              new EncryptingTicketStore(
                  raw,
                  new CustomerKeys(
                      new InMemoryCustomerKeyStore(),
                      master,
                      Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)));
        };
    id = TicketId.of("B-1");
    Customer c =
        Customer.builder("C-1")
            .name("欧阳娜娜")
            .phone("13987654321")
            .email("nana@example.com")
            .address("上海市静安区南京西路1266号")
            .build();
    TicketHistory h =
        TicketHistory.open(
            id,
            Instant.parse("2026-01-01T00:00:00Z"),
            Duration.ofMinutes(5),
            Samples.AGENT,
            new TicketChange.Opened(Channel.PHONE, c, "X9", "电池无法充电", "维修", ""));
    h.classify(
            io.loopdesk.api.Category.PRODUCT_FAULT, Samples.priority(new java.util.Random(1)), null)
        .assign("a1", "售后")
        .replyToCustomer(Channel.EMAIL, "您好，我们已收到您的报修，工程师会在 24 小时内联系您。")
        .start()
        .customerReply(Channel.PHONE, "好的，我的电话是 13987654321，请下午打来。")
        .internalNote("客户要求下午回电，已备件。")
        .resolve("已更换电池")
        .replyToCustomer(Channel.APP, "电池已更换，请确认是否正常充电。")
        .callback(
            "qa-1",
            io.loopdesk.api.CallbackResult.reached(true, 5, "满意"),
            TicketChange.CallbackEffect.CONFIRMED)
        .close();
    h.saveAllTo(reader);
  }

  /** Reads the history. */
  @Benchmark
  public List<TicketEvent> readHistory() {
    return reader.events(id);
  }
}
