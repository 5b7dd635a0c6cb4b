package io.loopdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.access.internal.CustomerCipher;
import io.loopdesk.access.internal.SealingKeys;
import io.loopdesk.api.Customer;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.IdDocument;
import io.loopdesk.api.IdDocumentType;
import io.loopdesk.api.PersonalDataForm;
import io.loopdesk.api.SealedPersonalData;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.core.InMemoryTicketStore;
import io.loopdesk.core.json.LoopdeskJson;
import io.loopdesk.store.tck.Samples;
import io.loopdesk.store.tck.TicketHistory;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The wrapped store sees only ciphertext; reads give back exactly what was saved; tampering is
 * detected.
 */
class EncryptingTicketStoreTest {
  static SecretKey key(int seed) {
    byte[] bytes = new byte[32];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (seed * 31 + i);
    }
    return new SecretKeySpec(bytes, "AES");
  }

  final LoopdeskJson json = LoopdeskJson.standard();
  final InMemoryTicketStore raw = new InMemoryTicketStore();
  final KeyProvider keys = StaticKeyProvider.of("k1", Map.of("k1", key(1)));
  final EncryptingTicketStore encrypting = new EncryptingTicketStore(raw, keys);

  Ticket lifecycle(TicketStore store) {
    Desk desk = new Desk(store, AccessPolicy.standard());
    Ticket t = desk.assigned("C-1", "a1", "repair");
    return desk.as(Desk.A1).start(t.id(), t.version(), Desk.A1);
  }

  /** Everything the raw store holds for a ticket, as JSON text and as toString. */
  String rawText(InMemoryTicketStore store, TicketId id) {
    return json.write(store.find(id).orElseThrow())
        + json.write(store.events(id))
        + json.write(store.query(TicketQuery.builder().build()))
        + store.find(id).orElseThrow()
        + store.events(id);
  }

  static SealedPersonalData sealedData(Customer c) {
    assertThat(c.form()).isEqualTo(PersonalDataForm.SEALED);
    return c.sealed().orElseThrow();
  }

  @Test
  void theWrappedStoreSeesOnlyCiphertextForPersonalData() {
    Ticket t = lifecycle(encrypting);
    assertThat(t.customer()).isEqualTo(Desk.customer("C-1"));
    assertThat(rawText(raw, t.id())).doesNotContain(Desk.PERSONAL_DATA.toArray(String[]::new));
    Customer stored = raw.find(t.id()).orElseThrow().customer();
    assertThat(sealedData(stored).keyId()).isEqualTo("k1");
    assertThat(stored.phoneNumber()).isEmpty();
    assertThat(stored.customerId()).isEqualTo("C-1");
    for (TicketEvent e : raw.events(t.id())) {
      if (e.change() instanceof TicketChange.Opened o) {
        sealedData(o.customer());
      }
    }
    assertThat(encrypting.find(t.id()).orElseThrow()).isEqualTo(t);
    assertThat(encrypting.find(t.id()).orElseThrow().customer().address()).isEqualTo(Desk.ADDRESS);
    assertThat(TicketEvent.replay(encrypting.events(t.id()))).isEqualTo(t);
    assertThat(encrypting.query(TicketQuery.builder().customerId("C-1").build()).items())
        .containsExactly(t);
  }

  @Test
  void theEventFeedIsPassedOnWithCustomersOpenedAndTheClaimsToo() {
    Ticket t = lifecycle(encrypting);
    List<io.loopdesk.api.spi.FeedEvent> feed =
        encrypting
            .eventFeed()
            .orElseThrow()
            .readAfter(io.loopdesk.api.spi.FeedPosition.START, 1_000);
    assertThat(feed)
        .extracting(io.loopdesk.api.spi.FeedEvent::event)
        .containsExactlyElementsOf(encrypting.events(t.id()));
    assertThat(encrypting.checkpointClaims()).isEqualTo(raw.checkpointClaims());
    assertThat(
            raw.eventFeed()
                .orElseThrow()
                .readAfter(io.loopdesk.api.spi.FeedPosition.START, 1_000)
                .toString())
        .doesNotContain(Desk.NAME);
  }

  @Property(tries = 30)
  void randomHistoriesRoundTripAndLeaveNoClearPersonalDataInTheWrappedStore(@ForAll long seed) {
    Random random = new Random(seed);
    InMemoryTicketStore inner = new InMemoryTicketStore();
    EncryptingTicketStore store = new EncryptingTicketStore(inner, keys);
    TicketHistory h =
        Samples.randomHistory(
            random,
            TicketId.of("R-" + Long.toHexString(seed)),
            Instant.parse("2026-06-01T00:00:00Z"),
            20,
            3);
    h.saveAllTo(store);
    assertThat(store.find(h.id())).contains(h.ticket());
    assertThat(store.events(h.id())).isEqualTo(h.events());
    Customer customer = h.ticket().customer();
    Customer stored = inner.find(h.id()).orElseThrow().customer();
    if (customer.form() == PersonalDataForm.CLEAR) {
      sealedData(stored);
      List<String> secrets = new ArrayList<>(List.of(customer.name()));
      customer.phoneNumber().ifPresent(secrets::add);
      customer.emailAddress().ifPresent(secrets::add);
      customer
          .postalAddress()
          .filter(a -> !Samples.HOSTILE_TEXTS.contains(a))
          .ifPresent(secrets::add);
      customer.idDocuments().forEach(d -> secrets.add(d.number()));
      for (String secret : List.copyOf(secrets)) {
        String escaped = json.write(secret);
        secrets.add(escaped.substring(1, escaped.length() - 1));
      }
      assertThat(rawText(inner, h.id())).doesNotContain(secrets.toArray(String[]::new));
    } else {
      assertThat(stored).isEqualTo(customer);
    }
  }

  @Test
  void eachSaveUsesAFreshIvSoEqualDataGivesDifferentCiphertext() {
    Ticket t = lifecycle(encrypting);
    String v1 =
        sealedData(((TicketChange.Opened) raw.events(t.id()).get(0).change()).customer())
            .ciphertext();
    String latest = sealedData(raw.find(t.id()).orElseThrow().customer()).ciphertext();
    assertThat(v1).isNotEqualTo(latest);
  }

  @Test
  void rotatedKeysStillReadOldDataAndSealNewDataWithTheCurrentKey() {
    Ticket t = lifecycle(encrypting);
    EncryptingTicketStore rotated =
        new EncryptingTicketStore(
            raw, StaticKeyProvider.of("k2", Map.of("k1", key(1), "k2", key(2))));
    assertThat(rotated.find(t.id()).orElseThrow()).isEqualTo(t);
    Desk desk = new Desk(rotated, AccessPolicy.standard());
    Ticket resolved = desk.as(Desk.A1).resolve(t.id(), t.version(), "screen replaced", Desk.A1);
    assertThat(sealedData(raw.find(t.id()).orElseThrow().customer()).keyId()).isEqualTo("k2");
    assertThat(
            sealedData(((TicketChange.Opened) raw.events(t.id()).get(0).change()).customer())
                .keyId())
        .isEqualTo("k1");
    assertThat(rotated.find(t.id())).contains(resolved);
    assertThat(TicketEvent.replay(rotated.events(t.id()))).isEqualTo(resolved);
  }

  @Test
  void unknownKeysWrongKeysAndTamperingAreTypedErrors() {
    Ticket t = lifecycle(encrypting);
    EncryptingTicketStore wrong =
        new EncryptingTicketStore(raw, StaticKeyProvider.of("k2", Map.of("k2", key(2))));
    assertThatThrownBy(() -> wrong.find(t.id()))
        .isInstanceOf(PersonalDataCryptoException.class)
        .hasMessageContaining("key k1 is unknown");
    EncryptingTicketStore impostor =
        new EncryptingTicketStore(raw, StaticKeyProvider.of("k1", Map.of("k1", key(9))));
    assertThatThrownBy(() -> impostor.find(t.id()))
        .isInstanceOf(PersonalDataCryptoException.class)
        .hasMessageContaining("cannot be opened");

    Ticket stored = raw.find(t.id()).orElseThrow();
    SealedPersonalData data = sealedData(stored.customer());
    for (int position :
        new int[] {0, 20, data.ciphertext().length() / 2, data.ciphertext().length() - 2}) {
      char[] chars = data.ciphertext().toCharArray();
      chars[position] = chars[position] == 'A' ? 'B' : 'A';
      assertThatThrownBy(
              () ->
                  new EncryptingTicketStore(
                          storeWith(t.id(), new SealedPersonalData("k1", new String(chars))), keys)
                      .find(t.id()))
          .as("ciphertext altered at %d", position)
          .isInstanceOf(PersonalDataCryptoException.class)
          .hasMessageContaining(t.id().value())
          .hasMessageNotContaining(data.ciphertext());
    }
    assertThatThrownBy(
            () ->
                new EncryptingTicketStore(
                        storeWith(
                            t.id(),
                            new SealedPersonalData("k1", data.ciphertext().substring(0, 30))),
                        keys)
                    .find(t.id()))
        .isInstanceOf(PersonalDataCryptoException.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(
            () ->
                new EncryptingTicketStore(
                        storeWith(t.id(), new SealedPersonalData("k1", data.ciphertext() + "AAAA")),
                        keys)
                    .find(t.id()))
        .isInstanceOf(PersonalDataCryptoException.class);
  }

  /**
   * A store holding the opening event of {@link #raw}'s ticket, with its customer's sealed data
   * replaced.
   */
  private InMemoryTicketStore storeWith(TicketId id, SealedPersonalData data) {
    TicketEvent opening = raw.events(id).get(0);
    TicketChange.Opened o = (TicketChange.Opened) opening.change();
    Customer altered = Customer.ofSealed(o.customer().customerId(), o.customer().tier(), data);
    TicketEvent event =
        new TicketEvent(
            opening.ticketId(),
            1,
            opening.at(),
            opening.actor(),
            null,
            opening.to(),
            new TicketChange.Opened(
                o.channel(), altered, o.product(), o.problem(), o.expectation(), o.alreadyTried()));
    InMemoryTicketStore tampered = new InMemoryTicketStore();
    tampered.save(event, event.applyTo(null));
    return tampered;
  }

  @Test
  void sealedDataIsBoundToItsTicket() {
    Ticket a = lifecycle(encrypting);
    Customer sealedForA = raw.find(a.id()).orElseThrow().customer();
    InMemoryTicketStore other = new InMemoryTicketStore();
    Ticket b = lifecycle(new EncryptingTicketStore(other, keys));
    TicketEvent opening = other.events(b.id()).get(0);
    Ticket moved =
        other.find(b.id()).orElseThrow().toBuilder()
            .customer(sealedForA)
            .version(1)
            .status(opening.to())
            .updatedAt(opening.at())
            .build();
    InMemoryTicketStore swapped = new InMemoryTicketStore();
    swapped.save(opening, moved);
    assertThatThrownBy(() -> new EncryptingTicketStore(swapped, keys).find(b.id()))
        .isInstanceOf(PersonalDataCryptoException.class)
        .hasMessageContaining(b.id().value());
  }

  @Test
  void theLongestPersonalDataIsSealedWithoutLimitsOfItsOwn() {
    Customer.Builder b =
        Customer.builder("C".repeat(64))
            .name("名".repeat(Customer.MAX_NAME_LENGTH))
            .phone("+" + "1".repeat(Customer.MAX_PHONE_LENGTH - 1))
            .email("邮".repeat(Customer.MAX_EMAIL_LENGTH - 11) + "@example.cn")
            .address("😀".repeat(Customer.MAX_ADDRESS_LENGTH / 2))
            .tier(CustomerTier.VIP);
    for (int i = 0; i < Customer.MAX_ID_DOCUMENTS; i++) {
      b.idDocument(
          IdDocumentType.of("T" + "X".repeat(62) + i), "证".repeat(IdDocument.MAX_NUMBER_LENGTH));
    }
    Customer longest = b.build();
    CustomerCipher cipher = new CustomerCipher(SealingKeys.of(keys), new SecureRandom());
    TicketId id = TicketId.of("T-1");
    Customer sealed = cipher.seal(id, longest);
    assertThat(sealedData(sealed).ciphertext())
        .hasSizeGreaterThan(5_000)
        .hasSizeLessThanOrEqualTo(SealedPersonalData.MAX_CIPHERTEXT_LENGTH);
    assertThat(cipher.open(id, sealed)).isEqualTo(longest);
  }

  @Test
  void maskedCustomersAreStoredAsTheyAreAndForeignSealedDataDoesNotOpen() {
    CustomerCipher cipher = new CustomerCipher(SealingKeys.of(keys), new SecureRandom());
    TicketId id = TicketId.of("T-1");
    Customer masked = Desk.customer("C-1").masked();
    assertThat(cipher.seal(id, masked)).isSameAs(masked);
    assertThat(cipher.open(id, masked)).isSameAs(masked);
    Customer foreign = Samples.sealedCustomer(new Random(1), "C-1");
    assertThat(cipher.seal(id, foreign)).isSameAs(foreign);
    assertThatThrownBy(() -> cipher.open(id, foreign))
        .isInstanceOf(PersonalDataCryptoException.class);
  }

  @Test
  void keyProvidersRejectBadKeys() {
    assertThatThrownBy(
            () -> StaticKeyProvider.of("k1", Map.of("k1", new SecretKeySpec(new byte[7], "AES"))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("keys.k1");
    assertThatThrownBy(() -> StaticKeyProvider.of("k3", Map.of("k1", key(1))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("currentKeyId");
    assertThatThrownBy(() -> StaticKeyProvider.of("bad id", Map.of("bad id", key(1))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("keyId");
    assertThat(StaticKeyProvider.of("k1", Map.of("k1", key(1))).toString())
        .doesNotContain("SecretKeySpec");
  }
}
