package io.loopdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Customer;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.TicketStore;
import io.loopdesk.core.InMemoryTicketStore;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The wrapped store sees only ciphertext; reads give back exactly what was saved; tampering is detected. */
class EncryptingTicketStoreTest {
  static SecretKey key(int seed) {
    byte[] bytes = new byte[32];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (seed * 31 + i);
    }
    return new SecretKeySpec(bytes, "AES");
  }

  final InMemoryTicketStore raw = new InMemoryTicketStore();
  final KeyProvider keys = StaticKeyProvider.of("k1", Map.of("k1", key(1)));
  final EncryptingTicketStore encrypting = new EncryptingTicketStore(raw, keys);

  Ticket lifecycle(TicketStore store) {
    Desk desk = new Desk(store, AccessPolicy.standard());
    Ticket t = desk.assigned("C-1", "a1", "repair");
    return desk.as(Desk.A1).start(t.id(), t.version(), Desk.A1);
  }

  @Test
  void theWrappedStoreSeesOnlyCiphertextForPersonalData() {
    Ticket t = lifecycle(encrypting);
    String rawText = raw.find(t.id()).orElseThrow().customer().name() + raw.find(t.id()).orElseThrow().customer().email()
        + raw.events(t.id()) + raw.query(TicketQuery.builder().build()).items().get(0).customer().name();
    assertThat(rawText).doesNotContain("欧阳娜娜", "13987654321", "nana@example.com", "nana", "3987654321");
    Customer stored = raw.find(t.id()).orElseThrow().customer();
    assertThat(stored.name()).startsWith("ldk1.k1.");
    assertThat(stored.phone()).isNull();
    assertThat(stored.customerId()).isEqualTo("C-1");
    assertThat(encrypting.find(t.id()).orElseThrow()).isEqualTo(t);
    assertThat(encrypting.find(t.id()).orElseThrow().customer().phone()).isEqualTo("13987654321");
    assertThat(TicketEvent.replay(encrypting.events(t.id()))).isEqualTo(t);
    assertThat(encrypting.query(TicketQuery.builder().customerId("C-1").build()).items()).containsExactly(t);
  }

  @Test
  void eachSaveUsesAFreshIvSoEqualDataGivesDifferentCiphertext() {
    Ticket t = lifecycle(encrypting);
    String v1 = ((io.loopdesk.api.event.TicketChange.Opened) raw.events(t.id()).get(0).change()).customer().name();
    String latest = raw.find(t.id()).orElseThrow().customer().name();
    assertThat(v1).isNotEqualTo(latest);
  }

  @Test
  void rotatedKeysStillReadOldDataAndUnknownKeysOrTamperingAreTypedErrors() {
    Ticket t = lifecycle(encrypting);
    EncryptingTicketStore rotated = new EncryptingTicketStore(raw, StaticKeyProvider.of("k2", Map.of("k1", key(1), "k2", key(2))));
    assertThat(rotated.find(t.id()).orElseThrow()).isEqualTo(t);
    EncryptingTicketStore wrong = new EncryptingTicketStore(raw, StaticKeyProvider.of("k2", Map.of("k2", key(2))));
    assertThatThrownBy(() -> wrong.find(t.id())).isInstanceOf(PersonalDataCryptoException.class).hasMessageContaining("key k1 is unknown");
    EncryptingTicketStore impostor = new EncryptingTicketStore(raw, StaticKeyProvider.of("k1", Map.of("k1", key(9))));
    assertThatThrownBy(() -> impostor.find(t.id())).isInstanceOf(PersonalDataCryptoException.class).hasMessageContaining("cannot be opened");

    InMemoryTicketStore tampered = new InMemoryTicketStore();
    Ticket stored = raw.find(t.id()).orElseThrow();
    Customer c = stored.customer();
    char[] name = c.name().toCharArray();
    name[20] = name[20] == 'A' ? 'B' : 'A';
    Ticket altered = stored.toBuilder().customer(new Customer(c.customerId(), new String(name), null, c.email(), c.tier())).version(1).build();
    TicketEvent opening = raw.events(t.id()).get(0);
    tampered.save(opening, altered.toBuilder().status(opening.to()).updatedAt(opening.at()).build());
    assertThatThrownBy(() -> new EncryptingTicketStore(tampered, keys).find(t.id())).isInstanceOf(PersonalDataCryptoException.class);
  }

  @Test
  void sealedDataIsBoundToItsTicket() {
    Ticket a = lifecycle(encrypting);
    Customer sealedForA = raw.find(a.id()).orElseThrow().customer();
    InMemoryTicketStore other = new InMemoryTicketStore();
    Ticket b = lifecycle(new EncryptingTicketStore(other, keys));
    TicketEvent opening = other.events(b.id()).get(0);
    Ticket moved = other.find(b.id()).orElseThrow().toBuilder().customer(sealedForA).version(1).status(opening.to()).updatedAt(opening.at()).build();
    InMemoryTicketStore swapped = new InMemoryTicketStore();
    swapped.save(opening, moved);
    assertThatThrownBy(() -> new EncryptingTicketStore(swapped, keys).find(b.id()))
        .isInstanceOf(PersonalDataCryptoException.class).hasMessageContaining(b.id().value());
  }

  @Test
  void longPersonalDataIsSealedAcrossNameAndEmailOrRejectedClearly() {
    Customer longer = new Customer("C-9", "Maximiliane Alexandra von Habsburg-Lothringen zu Tirol", "+86 138 1234 5678",
        "maximiliane.alexandra.habsburg-lothringen@a-rather-long-company-domain.example.com", CustomerTier.VIP);
    io.loopdesk.access.internal.CustomerCipher cipher = new io.loopdesk.access.internal.CustomerCipher(keys, new java.security.SecureRandom());
    io.loopdesk.api.TicketId id = io.loopdesk.api.TicketId.of("T-1");
    Customer sealed = cipher.seal(id, longer);
    assertThat(sealed.email()).endsWith("@sealed.loopdesk.invalid").hasSizeGreaterThan(30);
    assertThat(cipher.open(id, sealed)).isEqualTo(longer);
    Customer tooLong = new Customer("C-9", "名".repeat(200), null, "x@example.com", CustomerTier.STANDARD);
    assertThatThrownBy(() -> cipher.seal(id, tooLong)).isInstanceOf(PersonalDataCryptoException.class).hasMessageContaining("too long");
  }

  @Test
  void keyProvidersRejectBadKeys() {
    assertThatThrownBy(() -> StaticKeyProvider.of("k1", Map.of("k1", new SecretKeySpec(new byte[7], "AES"))))
        .isInstanceOf(ValidationException.class).hasMessageContaining("keys.k1");
    assertThatThrownBy(() -> StaticKeyProvider.of("k3", Map.of("k1", key(1)))).isInstanceOf(ValidationException.class).hasMessageContaining("currentKeyId");
    assertThatThrownBy(() -> StaticKeyProvider.of("bad id", Map.of("bad id", key(1)))).isInstanceOf(ValidationException.class).hasMessageContaining("keyId");
    assertThat(StaticKeyProvider.of("k1", Map.of("k1", key(1))).toString()).doesNotContain("SecretKeySpec");
  }
}
