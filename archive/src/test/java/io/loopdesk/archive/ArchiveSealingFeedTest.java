package io.loopdesk.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.Customer;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.spi.FeedEvent;
import io.loopdesk.api.spi.FeedPosition;
import io.loopdesk.api.spi.TicketEventFeed;
import io.loopdesk.core.InMemoryTicketStore;
import io.loopdesk.core.ManualClock;
import io.loopdesk.store.tck.TicketHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The event feed of an archive-sealing store: events of tickets archived as they are now carry no
 * personal data, other tickets' events are untouched, and a page of the feed asks the archive index
 * once, not once per ticket.
 */
class ArchiveSealingFeedTest {

  @Test
  void theFeedSealsArchivedTicketsEventsWithOneIndexLookupPerPage() {
    ManualClock clock = ManualClock.at(Histories.START.plus(Duration.ofDays(60)));
    Random random = new Random(20261129);
    List<Customer> pool = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      pool.add(Histories.customer(random, "C-" + i));
    }
    List<TicketHistory> histories = Histories.random(random, 40, pool);
    InMemoryTicketStore raw = new InMemoryTicketStore();
    Histories.saveChained(histories, raw);
    CountingIndex index = new CountingIndex(new InMemoryArchiveIndex());
    TicketArchiver.builder(raw, index)
        .clock(clock)
        .archiveAfter(Duration.ofDays(30))
        .instance("a")
        .build()
        .archiveDue();
    Instant cutoff = clock.instant().minus(Duration.ofDays(30));
    Set<TicketId> archived =
        histories.stream()
            .filter(
                h ->
                    h.ticket().status().equals(TicketStatus.CLOSED)
                        && !h.ticket().updatedAt().isAfter(cutoff))
            .map(TicketHistory::id)
            .collect(Collectors.toSet());
    assertThat(archived).as("the sample has archived tickets").hasSizeBetween(3, 39);

    TicketEventFeed feed = new ArchiveSealingTicketStore(raw, index).eventFeed().orElseThrow();
    index.lookups.set(0);
    List<FeedEvent> page = feed.readAfter(FeedPosition.START, 10_000);

    assertThat(index.lookups.get()).as("archive index round trips for one page").isEqualTo(1);
    assertThat(page).hasSize(raw.readAfter(FeedPosition.START, 10_000).size());
    int opened = 0;
    for (FeedEvent f : page) {
      if (f.event().change() instanceof TicketChange.Opened o) {
        opened++;
        assertThat(ArchivedPersonalData.isArchived(o.customer()))
            .as("sealed exactly when archived")
            .isEqualTo(archived.contains(f.event().ticketId()));
      }
      if (f.event().change() instanceof TicketChange.Communication c
          && archived.contains(f.event().ticketId())) {
        assertThat(c.body()).isEqualTo(ArchivedPersonalData.BODY);
      }
    }
    assertThat(opened).isEqualTo(histories.size());
  }

  /** Counts the index reads the feed makes. */
  private static final class CountingIndex implements ArchiveIndex {
    private final ArchiveIndex delegate;
    final AtomicInteger lookups = new AtomicInteger();

    CountingIndex(ArchiveIndex delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean claim(ArchivedTicket ticket) {
      return delegate.claim(ticket);
    }

    @Override
    public Optional<ArchivedTicket> find(TicketId id) {
      lookups.incrementAndGet();
      return delegate.find(id);
    }

    @Override
    public Map<TicketId, Long> archivedAmong(Collection<TicketId> ids) {
      lookups.incrementAndGet();
      return delegate.archivedAmong(ids);
    }

    @Override
    public List<ArchivedTicket> byCustomer(String customerId) {
      lookups.incrementAndGet();
      return delegate.byCustomer(customerId);
    }
  }
}
