package io.loopdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.PersonalDataForm;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.FeedPosition;
import io.loopdesk.core.InMemoryTicketStore;
import io.loopdesk.core.json.LoopdeskJson;
import io.loopdesk.store.tck.TicketHistory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * Per-customer keys: customers and message bodies sealed, erasure leaves a clear marker and
 * everything else.
 */
class CustomerKeyEncryptionTest {
  static final String BODY = "请回电 13987654321，地址 上海市静安区南京西路1266号 nana@example.com";
  final InMemoryTicketStore raw = new InMemoryTicketStore();
  final CustomerKeys keys =
      new CustomerKeys(
          new InMemoryCustomerKeyStore(),
          StaticKeyProvider.of("m1", Map.of("m1", EncryptingTicketStoreTest.key(3))),
          CustomerKeysTest.CLOCK);
  final EncryptingTicketStore store = new EncryptingTicketStore(raw, keys);

  TicketHistory history(String ticket, String customer) {
    TicketHistory h =
        TicketHistory.open(
            TicketId.of(ticket),
            Instant.parse("2026-11-01T01:00:00Z"),
            java.time.Duration.ofMinutes(5),
            io.loopdesk.store.tck.Samples.AGENT,
            new TicketChange.Opened(
                Channel.PHONE, Desk.customer(customer), "X9", "battery", "refund", ""));
    return h.replyToCustomer(Channel.EMAIL, BODY)
        .customerReply(Channel.PHONE, BODY + " 😀")
        .internalNote("note " + BODY)
        .start();
  }

  String rawText(TicketId id) {
    LoopdeskJson json = LoopdeskJson.standard();
    return json.write(raw.find(id).orElseThrow())
        + json.write(raw.events(id))
        + raw.readAfter(FeedPosition.START, 1000);
  }

  @Test
  void savingAReplyReadsTheCustomersKeyOnce() {
    InMemoryCustomerKeyStore keyRecords = new InMemoryCustomerKeyStore();
    java.util.concurrent.atomic.AtomicInteger reads =
        new java.util.concurrent.atomic.AtomicInteger();
    CustomerKeyStore counting =
        (CustomerKeyStore)
            java.lang.reflect.Proxy.newProxyInstance(
                CustomerKeyStore.class.getClassLoader(),
                new Class<?>[] {CustomerKeyStore.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("find")) {
                    reads.incrementAndGet();
                  }
                  try {
                    return method.invoke(keyRecords, args);
                  } catch (java.lang.reflect.InvocationTargetException e) {
                    throw e.getCause();
                  }
                });
    EncryptingTicketStore counted =
        new EncryptingTicketStore(
            new InMemoryTicketStore(),
            new CustomerKeys(
                counting,
                StaticKeyProvider.of("m1", Map.of("m1", EncryptingTicketStoreTest.key(3))),
                CustomerKeysTest.CLOCK));
    TicketHistory opened =
        TicketHistory.open(
            TicketId.of("T-9"),
            Instant.parse("2026-11-01T01:00:00Z"),
            java.time.Duration.ofMinutes(5),
            io.loopdesk.store.tck.Samples.AGENT,
            new TicketChange.Opened(Channel.PHONE, Desk.customer("C-9"), "X9", "battery", "", ""));
    opened.saveAllTo(counted);
    TicketHistory replied = opened.replyToCustomer(Channel.EMAIL, BODY);
    reads.set(0);

    replied.saveTo(counted, 1);
    TicketEvent reply = replied.lastEvent();

    assertThat(reply.change()).isInstanceOf(TicketChange.Communication.class);
    assertThat(reads.get()).as("key reads for sealing the customer and the body").isEqualTo(1);
  }

  @Test
  void customersAndBodiesAreSealedUnderTheCustomersKeyAndReadBackExactly() {
    TicketHistory h = history("T-1", "C-1");
    h.saveAllTo(store);
    assertThat(store.find(h.id())).contains(h.ticket());
    assertThat(store.events(h.id())).isEqualTo(h.events());
    assertThat(rawText(h.id()))
        .doesNotContain(Desk.PERSONAL_DATA.toArray(String[]::new))
        .contains("battery");
    for (TicketEvent e : raw.events(h.id())) {
      if (e.change() instanceof TicketChange.Communication c) {
        assertThat(c.body()).startsWith("ld-sealed:1:customer:").doesNotContain("请回电");
      }
    }
    assertThat(raw.find(h.id()).orElseThrow().customer().sealed().orElseThrow().keyId())
        .isEqualTo("customer");
    assertThat(store.eventFeed().orElseThrow().readAfter(FeedPosition.START, 100))
        .extracting(f -> f.event())
        .isEqualTo(h.events());
  }

  @Test
  void erasingOneCustomerLeavesAMarkerThereAndNothingElseChanges() {
    TicketHistory erased = history("T-1", "C-1");
    TicketHistory kept = history("T-2", "C-2");
    erased.saveAllTo(store);
    kept.saveAllTo(store);
    assertThat(keys.erase("C-1")).isTrue();

    Ticket t = store.find(erased.id()).orElseThrow();
    assertThat(ErasedPersonalData.isErased(t.customer())).isTrue();
    assertThat(t.customer().customerId()).isEqualTo("C-1");
    assertThat(t.customer().form()).isEqualTo(PersonalDataForm.SEALED);
    assertThat(t.customer().phoneNumber()).isEmpty();
    assertThat(t.toBuilder().customer(erased.ticket().customer()).build())
        .as("only the personal data changed")
        .isEqualTo(erased.ticket());
    List<TicketEvent> events = store.events(erased.id());
    assertThat(events).hasSameSizeAs(erased.events());
    for (int i = 0; i < events.size(); i++) {
      TicketEvent e = events.get(i);
      TicketEvent before = erased.events().get(i);
      assertThat(e.version()).isEqualTo(before.version());
      assertThat(e.at()).isEqualTo(before.at());
      assertThat(e.to()).isEqualTo(before.to());
      assertThat(e.change().getClass()).isEqualTo(before.change().getClass());
      if (e.change() instanceof TicketChange.Communication c) {
        assertThat(c.body()).isEqualTo(ErasedPersonalData.BODY);
      } else if (e.change() instanceof TicketChange.Opened o) {
        assertThat(ErasedPersonalData.isErased(o.customer())).isTrue();
      } else {
        assertThat(e).isEqualTo(before);
      }
    }
    assertThat(store.events(kept.id())).isEqualTo(kept.events());
    assertThat(store.find(kept.id())).contains(kept.ticket());
  }

  @Test
  void anErasedCustomersTicketCanStillMoveButTakesNoNewPersonalData() {
    TicketHistory h = history("T-1", "C-1");
    h.saveAllTo(store);
    keys.erase("C-1");
    Ticket erasedTicket = store.find(h.id()).orElseThrow();
    h.resolve("fixed");
    TicketEvent resolved = h.lastEvent();
    store.save(resolved, h.ticket().toBuilder().customer(erasedTicket.customer()).build());
    assertThat(store.find(h.id()).orElseThrow().status()).isEqualTo(resolved.to());
    h.replyToCustomer(Channel.APP, "您好");
    assertThatThrownBy(
            () ->
                store.save(
                    h.lastEvent(),
                    h.ticket().toBuilder().customer(erasedTicket.customer()).build()))
        .isInstanceOf(PersonalDataCryptoException.class)
        .hasMessageContaining("erased")
        .hasMessageNotContaining("您好");
  }

  @Test
  void aSealedBodyMovedToAnotherEventDoesNotOpen() {
    TicketHistory h = history("T-1", "C-1");
    h.saveAllTo(store);
    List<TicketEvent> sealed = raw.events(h.id());
    TicketChange.AgentReplied reply = (TicketChange.AgentReplied) sealed.get(1).change();
    InMemoryTicketStore forged = new InMemoryTicketStore();
    TicketHistory other = history("T-1", "C-1");
    int n = 0;
    for (TicketEvent e : sealed) {
      TicketChange change =
          e.version() == 3
              ? new TicketChange.CustomerReplied(Channel.PHONE, reply.body(), false)
              : e.change();
      forged.save(
          new TicketEvent(
              e.ticketId(), e.version(), e.at(), e.actor(), e.from(), e.to(), change, e.chain()),
          other.snapshots().get(n++));
    }
    assertThatThrownBy(() -> new EncryptingTicketStore(forged, keys).events(h.id()))
        .isInstanceOf(PersonalDataCryptoException.class)
        .hasMessageContaining("version 3")
        .hasMessageNotContaining("请回电");
  }

  @Test
  void theLongestBodiesThatFitAreSealedAndLongerOnesAreRefusedByName() {
    String latin = "a".repeat(TicketChange.Communication.MAX_BODY_LENGTH);
    String chinese = "话".repeat(9_300);
    TicketHistory h =
        TicketHistory.open(
            TicketId.of("T-9"),
            Instant.parse("2026-11-01T01:00:00Z"),
            java.time.Duration.ofMinutes(1),
            io.loopdesk.store.tck.Samples.AGENT,
            new TicketChange.Opened(Channel.PHONE, Desk.customer("C-9"), "X9", "p", "e", ""));
    h.replyToCustomer(Channel.EMAIL, latin).internalNote(chinese);
    h.saveAllTo(store);
    assertThat(store.events(h.id())).isEqualTo(h.events());
    h.internalNote("话".repeat(9_400));
    assertThatThrownBy(() -> store.save(h.lastEvent(), h.ticket()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("body")
        .hasMessageNotContaining("话话");
  }

  @Property(tries = 200)
  void anyBodyRoundTrips(
      @ForAll @StringLength(min = 1, max = 300) String text, @ForAll boolean unpairedSurrogate) {
    String body = (text.isBlank() ? "x" + text : text) + (unpairedSurrogate ? "\uD800" : "");
    InMemoryTicketStore fresh = new InMemoryTicketStore();
    EncryptingTicketStore s = new EncryptingTicketStore(fresh, keys);
    TicketHistory h =
        TicketHistory.open(
            TicketId.of("T-p"),
            Instant.parse("2026-11-01T01:00:00Z"),
            java.time.Duration.ofMinutes(1),
            io.loopdesk.store.tck.Samples.AGENT,
            new TicketChange.Opened(
                Channel.PHONE, Customer.of("C-p", "王五", "13800000000", null), "X", "p", "e", ""));
    h.customerReply(Channel.ONLINE_CHAT, body);
    h.saveAllTo(s);
    assertThat(s.events(h.id())).isEqualTo(h.events());
  }
}
