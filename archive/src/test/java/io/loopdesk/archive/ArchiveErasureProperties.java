package io.loopdesk.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.access.ErasedPersonalData;
import io.loopdesk.api.Customer;
import io.loopdesk.core.ManualClock;
import io.loopdesk.insights.KpiReport;
import io.loopdesk.store.tck.TicketHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * For random ticket histories, after archiving at a random instant and erasing random customers,
 * KPIs equal those of the untouched history, every history still verifies, and no erased customer's
 * personal data is found in any row of any table.
 */
class ArchiveErasureProperties {

  @Property(tries = 25)
  void archivingAndErasingKeepKpisAndLeaveNoErasedPersonalData(
      @ForAll long seed,
      @ForAll @IntRange(min = 1, max = 40) int tickets,
      @ForAll @IntRange(min = 0, max = 90) int archiveDay) {
    Random random = new Random(seed);
    List<Customer> pool = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      pool.add(Histories.customer(random, "C-" + i));
    }
    List<TicketHistory> histories = Histories.random(random, tickets, pool);
    JdbcConnectionPool ds = Databases.h2();
    try {
      ManualClock clock = ManualClock.at(Histories.START.plus(Duration.ofDays(archiveDay)));
      Stack stack = new Stack(ds, clock, "p");
      Histories.saveChained(histories, stack.store);
      Instant asOf = Histories.START.plus(Duration.ofDays(400));
      KpiReport untouched = Histories.kpis(histories, asOf);

      stack.archiver.archiveDue();
      List<Customer> erased = pool.stream().filter(c -> random.nextBoolean()).toList();
      for (Customer c : erased) {
        stack.erasure.erase(c.customerId(), "dpo");
      }
      clock.advance(Duration.ofDays(365));
      stack.archiver.archiveDue();

      assertThat(Histories.kpis(stack.store, histories, asOf)).isEqualTo(untouched);
      assertThat(Histories.kpis(stack.clear, histories, asOf)).isEqualTo(untouched);
      ErasedHistoryVerifier verifier =
          new ErasedHistoryVerifier(stack.clear, stack.log, Histories.CHAIN);
      for (TicketHistory h : histories) {
        assertThat(verifier.verify(h.id()).intact()).isTrue();
        boolean gone =
            erased.stream()
                .anyMatch(c -> c.customerId().equals(h.ticket().customer().customerId()));
        assertThat(ErasedPersonalData.isErased(stack.clear.find(h.id()).orElseThrow().customer()))
            .isEqualTo(gone);
      }
      String rows = Databases.everything(ds);
      for (Customer c : erased) {
        assertThat(rows).doesNotContain(Histories.secrets(c).toArray(String[]::new));
      }
      String report = ErasureReport.of(stack.log, stack.keys).toCsv();
      for (Customer c : erased) {
        assertThat(report).doesNotContain(Histories.secrets(c).toArray(String[]::new));
      }
    } finally {
      ds.dispose();
    }
  }
}
