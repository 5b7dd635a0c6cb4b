package io.loopdesk.access;

import io.loopdesk.access.internal.BodyCipher;
import io.loopdesk.access.internal.CustomerCipher;
import io.loopdesk.access.internal.SealingKeys;
import io.loopdesk.api.Page;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.CheckpointClaims;
import io.loopdesk.api.spi.FeedEvent;
import io.loopdesk.api.spi.FeedPosition;
import io.loopdesk.api.spi.TicketEventFeed;
import io.loopdesk.api.spi.TicketStore;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

/**
 * A {@link TicketStore} decorator that encrypts customers' personal data (name, phone, e-mail,
 * address, identity documents) at rest with AES-GCM from the JDK, so the wrapped store only ever
 * sees customers in {@link io.loopdesk.api.PersonalDataForm#SEALED} form, whose {@link
 * io.loopdesk.api.SealedPersonalData} holds the key id and the ciphertext, in ticket snapshots and
 * in opening events alike. The bodies of agent replies, customer replies and internal notes are
 * sealed too, under the same key, as text starting with {@code ld-sealed:1:}; a body whose sealed
 * form would exceed the body limit (about 9,300 Chinese characters) is refused with a {@link
 * ValidationException} naming {@code body}. Every save uses a fresh random IV; the ticket id (and
 * for bodies the event version) is bound as associated data, so sealed data copied to another
 * ticket or event does not open.
 *
 * <p>Two key models: one host {@link KeyProvider} for everybody ({@link
 * #EncryptingTicketStore(TicketStore, KeyProvider)}), or one data key per customer, wrapped under a
 * host master key, which {@link CustomerKeys#erase} destroys ({@link
 * #EncryptingTicketStore(TicketStore, CustomerKeys)}). After an erasure, the customer's tickets and
 * events read with the {@link ErasedPersonalData} marker in place of the customer's personal data
 * and of every message body, and everything else as before. Reads decrypt transparently, so the
 * decorated store keeps the {@link TicketStore} contract (tickets and events read back {@code
 * equals} what was saved). Customer id and tier stay in clear, so queries by customer still work.
 *
 * <p>Customers in masked form are stored as they are (they hold no personal data in clear), and so
 * are customers that are already sealed; reading one back that was not sealed by this store's keys
 * for this ticket fails with {@link PersonalDataCryptoException}.
 *
 * <pre>{@code
 * TicketStore store = new EncryptingTicketStore(new JdbcTicketStore(ds), StaticKeyProvider.of("k2026", keys));
 * ServiceDesk desk = ServiceDesks.builder().store(store).build();
 * }</pre>
 *
 * <p>Rotation: make a new key current; data sealed with older keys stays readable while the
 * provider still knows them, and is sealed with the current key the next time its ticket is saved.
 * Reads throw {@link PersonalDataCryptoException} when a key is unknown or data was altered.
 * Thread-safe if the wrapped store is.
 *
 * <p>History chains ({@code io.loopdesk.core.HistoryChain}) are computed by the desk over the clear
 * events, before this store seals them, and each event's chain is kept as it is. Verify histories
 * through this store ({@code TicketHistoryVerifier.of(encryptingStore, chain)}), which opens the
 * customer again: on the wrapped store the sealed opening event no longer matches its chain. After
 * an erasure the erased events' clear content is gone, so their links can no longer be recomputed:
 * {@code loopdesk-archive}'s {@code ErasedHistoryVerifier} checks them against the chain values its
 * erasure log attested before the key was destroyed, and every other link as usual.
 */
public final class EncryptingTicketStore implements TicketStore {
  private final TicketStore delegate;
  private final SealingKeys keys;
  private final SecureRandom random;

  /**
   * Wraps a store, sealing everybody's personal data under the provider's current key.
   *
   * @param delegate the store that keeps the ciphertext
   * @param keys the key provider
   */
  public EncryptingTicketStore(TicketStore delegate, KeyProvider keys) {
    this(delegate, keys == null ? null : SealingKeys.of(keys), "keys");
  }

  /**
   * Wraps a store, sealing each customer's personal data under their own data key, so that {@link
   * CustomerKeys#erase} erases it.
   *
   * @param delegate the store that keeps the ciphertext
   * @param customerKeys the per-customer data keys
   */
  public EncryptingTicketStore(TicketStore delegate, CustomerKeys customerKeys) {
    this(delegate, customerKeys == null ? null : SealingKeys.of(customerKeys), "customerKeys");
  }

  private EncryptingTicketStore(TicketStore delegate, SealingKeys keys, String keysField) {
    if (delegate == null) {
      throw new ValidationException("delegate", null, "must not be null");
    }
    if (keys == null) {
      throw new ValidationException(keysField, null, "must not be null");
    }
    this.random = new SecureRandom();
    this.keys = keys;
    this.delegate = delegate;
  }

  @Override
  public Optional<Ticket> find(TicketId id) {
    return delegate.find(id).map(t -> new Opener().open(t));
  }

  @Override
  public void save(TicketEvent event, Ticket ticket) {
    TicketStore.requireMatching(event, ticket);
    // one key lookup for the customer and a message body
    SealingKeys perCall = SealingKeys.perCall(keys);
    CustomerCipher cipher = new CustomerCipher(perCall, random);
    BodyCipher bodies = new BodyCipher(perCall, random);
    Ticket sealed =
        ticket.toBuilder().customer(cipher.seal(ticket.id(), ticket.customer())).build();
    TicketChange change = event.change();
    TicketChange stored = change;
    if (change instanceof TicketChange.Opened o) {
      stored =
          new TicketChange.Opened(
              o.channel(),
              sealed.customer(),
              o.product(),
              o.problem(),
              o.expectation(),
              o.alreadyTried());
    } else if (change instanceof TicketChange.Communication c) {
      stored =
          withBody(
              c,
              bodies.seal(
                  event.ticketId(), event.version(), ticket.customer().customerId(), c.body()));
    }
    delegate.save(stored == change ? event : withChange(event, stored), sealed);
  }

  @Override
  public List<TicketEvent> events(TicketId id) {
    Opener opener = new Opener();
    return delegate.events(id).stream().map(opener::open).toList();
  }

  @Override
  public Page<Ticket> query(TicketQuery query) {
    Page<Ticket> page = delegate.query(query);
    Opener opener = new Opener();
    return new Page<>(page.items().stream().map(opener::open).toList(), page.hasMore());
  }

  /**
   * Returns the wrapped store's event feed, with customers opened as by {@link #events}, so that
   * consumers on this store see the same events either way.
   */
  @Override
  public Optional<TicketEventFeed> eventFeed() {
    return delegate.eventFeed().map(OpeningFeed::new);
  }

  /** Returns the wrapped store's checkpoint claims; they hold no personal data. */
  @Override
  public Optional<CheckpointClaims> checkpointClaims() {
    return delegate.checkpointClaims();
  }

  /** The wrapped feed with each event's customer opened. */
  private final class OpeningFeed implements TicketEventFeed {
    private final TicketEventFeed sealed;

    OpeningFeed(TicketEventFeed sealed) {
      this.sealed = sealed;
    }

    @Override
    public List<FeedEvent> readAfter(FeedPosition after, int limit) {
      Opener opener = new Opener();
      return sealed.readAfter(after, limit).stream()
          .map(e -> new FeedEvent(e.position(), opener.open(e.event())))
          .toList();
    }

    @Override
    public Optional<FeedPosition> subscriptionPosition(String subscription) {
      return sealed.subscriptionPosition(subscription);
    }

    @Override
    public void saveSubscriptionPosition(String subscription, FeedPosition position) {
      sealed.saveSubscriptionPosition(subscription, position);
    }
  }

  /**
   * Opens the values of one read call, looking each customer's key up once for the whole call (a
   * later call sees an erasure made in between).
   */
  private final class Opener {
    private final CustomerCipher customers;
    private final BodyCipher messages;

    Opener() {
      SealingKeys perCall = SealingKeys.perCall(keys);
      this.customers = new CustomerCipher(perCall, random);
      this.messages = new BodyCipher(perCall, random);
    }

    Ticket open(Ticket t) {
      return t.toBuilder().customer(customers.open(t.id(), t.customer())).build();
    }

    TicketEvent open(TicketEvent e) {
      if (e.change() instanceof TicketChange.Opened o) {
        return withChange(
            e,
            new TicketChange.Opened(
                o.channel(),
                customers.open(e.ticketId(), o.customer()),
                o.product(),
                o.problem(),
                o.expectation(),
                o.alreadyTried()));
      }
      if (e.change() instanceof TicketChange.Communication c) {
        String body = messages.open(e.ticketId(), e.version(), c.body());
        return body.equals(c.body()) ? e : withChange(e, withBody(c, body));
      }
      return e;
    }
  }

  private static TicketEvent withChange(TicketEvent e, TicketChange change) {
    return new TicketEvent(
        e.ticketId(), e.version(), e.at(), e.actor(), e.from(), e.to(), change, e.chain());
  }

  private static TicketChange.Communication withBody(TicketChange.Communication c, String body) {
    if (c instanceof TicketChange.AgentReplied r) {
      return new TicketChange.AgentReplied(r.channel(), body);
    }
    if (c instanceof TicketChange.CustomerReplied r) {
      return new TicketChange.CustomerReplied(r.channel(), body, r.resumed());
    }
    return new TicketChange.InternalNoteAdded(body);
  }
}
