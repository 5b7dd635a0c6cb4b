package io.loopdesk.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.access.CustomerKeys;
import io.loopdesk.access.InMemoryCustomerKeyStore;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import io.loopdesk.core.InMemoryTicketStore;
import io.loopdesk.core.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The archive's value types, in-memory implementations, report export and argument checks. */
class ArchiveValuesTest {
  static final Instant T = Instant.parse("2026-05-01T00:00:00Z");

  @Test
  void theReportExportsQuoteHostileIdsAndDefuseFormulas() {
    InMemoryErasureLog log = new InMemoryErasureLog();
    log.record(
        new ErasureEntry(
            "=HYPERLINK(\"x\")",
            TicketId.of("T,1"),
            T,
            "dpo\"1",
            List.of(1L, 4L),
            List.of("", "a".repeat(64))));
    CustomerKeys keys =
        new CustomerKeys(new InMemoryCustomerKeyStore(), Stack.MASTER, ManualClock.at(T));
    keys.erase("C-no-tickets");
    ErasureReport report = ErasureReport.of(log, keys);
    assertThat(report.rows())
        .extracting(ErasureReport.Row::customerId)
        .containsExactly("=HYPERLINK(\"x\")", "C-no-tickets");
    assertThat(report.toCsv())
        .isEqualTo(
            "customer_id,ticket_id,erased_at,requested_by,erased_event_versions,erased_fields\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\",\"T,1\",2026-05-01T00:00:00Z,\"dpo\"\"1\",1 4,\""
                + ErasureReport.ERASED_FIELDS
                + "\"\r\n"
                + "C-no-tickets,,2026-05-01T00:00:00Z,,,\r\n");
    assertThat(report.toJson())
        .contains(
            "\"customerId\":\"=HYPERLINK(\\\"x\\\")\"",
            "\"erasedEventVersions\":[1, 4]",
            "\"ticketId\":\"\"");
    assertThat(new ErasureReport(List.of()).toJson()).isEqualTo("[]");
  }

  @Test
  void theInMemoryIndexKeepsTheNewestArchivedVersionAndAnswersInBatches() {
    InMemoryArchiveIndex index = new InMemoryArchiveIndex();
    TicketId a = TicketId.of("T-a");
    assertThat(index.claim(new ArchivedTicket(a, 5, "C-1", T, T, "x"))).isTrue();
    assertThat(index.claim(new ArchivedTicket(a, 5, "C-1", T, T, "y"))).isFalse();
    assertThat(index.claim(new ArchivedTicket(a, 4, "C-1", T, T, "y"))).isFalse();
    assertThat(index.claim(new ArchivedTicket(a, 7, "C-1", T, T, "y"))).isTrue();
    assertThat(index.find(a).orElseThrow().archivedBy()).isEqualTo("y");
    assertThat(index.archivedAmong(List.of(a, a, TicketId.of("T-b")))).isEqualTo(Map.of(a, 7L));
    assertThat(index.byCustomer("C-1")).hasSize(1);
    assertThat(index.byCustomer("C-2")).isEmpty();
    assertThat(index.find(a).orElseThrow().covers(7)).isTrue();
    assertThat(index.find(a).orElseThrow().covers(8)).isFalse();
  }

  @Test
  void theInMemoryLogRecordsEachCustomerAndTicketOnce() {
    InMemoryErasureLog log = new InMemoryErasureLog();
    ErasureEntry e =
        new ErasureEntry("C-1", TicketId.of("T-1"), T, "dpo", List.of(1L), List.of(""));
    assertThat(log.record(e)).isTrue();
    assertThat(
            log.record(
                new ErasureEntry(
                    "C-1", TicketId.of("T-1"), T.plusSeconds(5), "other", List.of(), List.of())))
        .isFalse();
    assertThat(log.entries()).containsExactly(e);
    assertThat(log.entriesOf(TicketId.of("T-1"))).containsExactly(e);
    assertThat(e.attestedChain(1)).contains("");
    assertThat(e.attestedChain(2)).isEmpty();
  }

  @Test
  void badArgumentsAreRejectedByName() {
    assertThatThrownBy(() -> new ArchivedTicket(TicketId.of("T"), 0, "C", T, T, "x"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("version");
    assertThatThrownBy(() -> new ArchivedTicket(TicketId.of("T"), 1, "C", T, T, "a\nb"))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("archivedBy");
    assertThatThrownBy(
            () ->
                new ErasureEntry("C", TicketId.of("T"), T, "dpo", List.of(2L, 1L), List.of("", "")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("erasedVersions");
    assertThatThrownBy(
            () -> new ErasureEntry("C", TicketId.of("T"), T, "dpo", List.of(1L), List.of("nothex")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("attestedChains")
        .hasMessageNotContaining("nothex");
    assertThatThrownBy(
            () -> new ErasureEntry("C", TicketId.of("T"), T, "dpo", List.of(1L), List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("attestedChains");
    InMemoryTicketStore store = new InMemoryTicketStore();
    InMemoryArchiveIndex index = new InMemoryArchiveIndex();
    assertThatThrownBy(() -> TicketArchiver.builder(null, index))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("store");
    assertThatThrownBy(() -> TicketArchiver.builder(store, index).archiveAfter(Duration.ofDays(-1)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("archiveAfter");
    assertThatThrownBy(() -> TicketArchiver.builder(store, index).closingStatuses(Set.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("closingStatuses");
    assertThatThrownBy(() -> TicketArchiver.builder(store, index).instance(" "))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("instance");
    assertThatThrownBy(
            () -> index.archivedAmong(java.util.Collections.nCopies(1001, TicketId.of("T"))))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("ids");
    assertThatThrownBy(() -> new ArchiveSealingTicketStore(store, null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("index");
    assertThatThrownBy(() -> new JdbcArchiveIndex(null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("dataSource");
    assertThat(
            TicketArchiver.builder(store, index)
                .closingStatuses(Set.of(TicketStatus.CLOSED, TicketStatus.of("CANCELLED")))
                .build()
                .archiveDue()
                .scanned())
        .isZero();
  }
}
