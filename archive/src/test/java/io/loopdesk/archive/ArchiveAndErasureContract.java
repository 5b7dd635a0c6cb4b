package io.loopdesk.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.access.AccessDeniedException;
import io.loopdesk.access.AccessDirectory;
import io.loopdesk.access.AccessPolicy;
import io.loopdesk.access.AuditEntry;
import io.loopdesk.access.ErasedPersonalData;
import io.loopdesk.access.InMemoryAuditLog;
import io.loopdesk.access.Permission;
import io.loopdesk.access.PersonalDataCryptoException;
import io.loopdesk.access.StaticKeyProvider;
import io.loopdesk.api.Actor;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Role;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.core.ManualClock;
import io.loopdesk.insights.KpiReport;
import io.loopdesk.store.tck.Samples;
import io.loopdesk.store.tck.TicketHistory;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Archive and erasure on one database, with several instances and restarts; run on H2 and
 * PostgreSQL.
 */
abstract class ArchiveAndErasureContract {
  static final Actor ADMIN = Actor.of("admin1", Role.ADMINISTRATOR);
  static final Actor SUPERVISOR = Actor.of("sup1", Role.SUPERVISOR);
  static final Actor AGENT = Actor.of("agent-1", Role.AGENT);

  final ManualClock clock = ManualClock.at(Histories.START.plus(Duration.ofDays(60)));
  final InMemoryAuditLog audit = new InMemoryAuditLog();
  DataSource ds;
  List<TicketHistory> histories;
  Map<String, Customer> customers;

  /** Returns an empty database at the current schema version. */
  abstract DataSource database();

  @BeforeEach
  void histories() {
    ds = database();
    Random random = new Random(20261128);
    List<Customer> pool = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      pool.add(Histories.customer(random, "C-" + i));
    }
    histories = Histories.random(random, 60, pool);
    customers = Histories.customersOf(histories);
  }

  List<TicketHistory> due() {
    Instant cutoff = clock.instant().minus(Duration.ofDays(30));
    return histories.stream()
        .filter(
            h ->
                h.ticket().status().equals(TicketStatus.CLOSED)
                    && !h.ticket().updatedAt().isAfter(cutoff))
        .toList();
  }

  TicketArchive archive(Stack s) {
    AccessDirectory directory = new AccessDirectory(AccessPolicy.standard(), audit, clock);
    directory.bootstrapAdministrator(ADMIN.id());
    directory.grantRole(SUPERVISOR.id(), Role.SUPERVISOR, ADMIN);
    directory.grantRole(AGENT.id(), Role.AGENT, ADMIN);
    return new TicketArchive(s.clear, s.index, directory, AccessPolicy.standard(), audit, clock);
  }

  @Test
  void
      closedTicketsAreArchivedAfterThePeriodOnceSealedForAllButTheArchiveRolesAndKpisDoNotChange() {
    Stack a = new Stack(ds, clock, "instance-a");
    Histories.saveChained(histories, a.store);
    Instant asOf = clock.instant();
    KpiReport before = Histories.kpis(histories, asOf);
    assertThat(Histories.kpis(a.store, histories, asOf)).isEqualTo(before);
    List<TicketHistory> due = due();
    assertThat(due)
        .as("the sample has due tickets")
        .hasSizeGreaterThan(3)
        .hasSizeLessThan(histories.size());

    TicketArchiver.ArchiveRun run = a.archiver.archiveDue();
    assertThat(run.archived()).isEqualTo(due.size());
    assertThat(a.archiver.archiveDue().archived()).as("idempotent").isZero();

    for (TicketHistory h : histories) {
      Ticket read = a.store.find(h.id()).orElseThrow();
      if (due.contains(h)) {
        assertThat(ArchivedPersonalData.isArchived(read.customer())).isTrue();
        assertThat(read.toBuilder().customer(h.ticket().customer()).historyHash(null).build())
            .isEqualTo(h.ticket().toBuilder().historyHash(null).build());
        assertThat(a.store.events(h.id()))
            .allSatisfy(
                e -> {
                  if (e.change() instanceof TicketChange.Communication c) {
                    assertThat(c.body()).isEqualTo(ArchivedPersonalData.BODY);
                  }
                });
      } else {
        assertThat(read.customer()).isEqualTo(h.ticket().customer());
      }
    }
    assertThat(Histories.kpis(a.store, histories, asOf))
        .as("KPIs after archiving")
        .isEqualTo(before);

    TicketHistory archived = due.get(0);
    TicketArchive view = archive(a);
    Ticket clearTicket = view.find(SUPERVISOR, archived.id()).orElseThrow();
    assertThat(clearTicket.customer()).isEqualTo(archived.ticket().customer());
    assertThat(view.events(SUPERVISOR, archived.id())).hasSameSizeAs(archived.events());
    assertThat(
            view.find(
                SUPERVISOR,
                histories.stream().filter(h -> !due.contains(h)).findFirst().orElseThrow().id()))
        .isEmpty();
    assertThatThrownBy(() -> view.find(AGENT, archived.id()))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("READ_ARCHIVE")
        .hasMessageNotContaining(archived.ticket().customer().name());
    assertThatThrownBy(() -> view.find(Actor.of(AGENT.id(), Role.SUPERVISOR), archived.id()))
        .as("a claimed role is not trusted")
        .isInstanceOf(AccessDeniedException.class);
    assertThat(audit.entries())
        .filteredOn(
            e ->
                e instanceof AuditEntry.AccessDenied d && d.permission() == Permission.READ_ARCHIVE)
        .hasSize(2);

    TicketHistory reopened = archived;
    reopened.reopen("客户再次来电");
    long version = a.jdbc.find(reopened.id()).orElseThrow().version();
    assertThatThrownBy(() -> a.store.save(reopened.lastEvent(), reopened.ticket()))
        .isInstanceOf(ArchivedTicketException.class);
    assertThat(a.jdbc.find(reopened.id()).orElseThrow().version()).isEqualTo(version);
  }

  @Test
  void instancesArchivingAtOnceArchiveEachTicketOnce() throws Exception {
    Histories.saveChained(histories, new Stack(ds, clock, "loader").store);
    List<Stack> instances =
        List.of(new Stack(ds, clock, "a"), new Stack(ds, clock, "b"), new Stack(ds, clock, "c"));
    ExecutorService pool = Executors.newFixedThreadPool(instances.size());
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<TicketArchiver.ArchiveRun>> runs = new ArrayList<>();
      for (Stack s : instances) {
        runs.add(
            pool.submit(
                (Callable<TicketArchiver.ArchiveRun>)
                    () -> {
                      start.await();
                      return s.archiver.archiveDue();
                    }));
      }
      start.countDown();
      int archived = 0;
      for (Future<TicketArchiver.ArchiveRun> f : runs) {
        archived += f.get(60, TimeUnit.SECONDS).archived();
      }
      assertThat(archived).isEqualTo(due().size());
    } finally {
      pool.shutdownNow();
    }
    for (TicketHistory h : due()) {
      assertThat(instances.get(0).index.find(h.id()).orElseThrow().version())
          .isEqualTo(h.ticket().version());
    }
  }

  @Test
  void erasureOnOneInstanceShredsTheCustomerEverywhereAndSurvivesARestart() {
    Stack a = new Stack(ds, clock, "instance-a");
    Histories.saveChained(histories, a.store);
    a.archiver.archiveDue();
    Instant asOf = clock.instant();
    KpiReport before = Histories.kpis(histories, asOf);
    String erased = "C-1";
    List<TicketHistory> theirs =
        histories.stream().filter(h -> h.ticket().customer().customerId().equals(erased)).toList();
    assertThat(theirs).isNotEmpty();
    Stack b = new Stack(ds, clock, "instance-b");
    clock.advance(Duration.ofHours(1));
    ErasureService.ErasureResult result = b.erasure.erase(erased, "dpo-1");
    assertThat(result.tickets()).isEqualTo(theirs.size());
    assertThat(result.keyDestroyed()).isTrue();
    assertThat(b.erasure.erase(erased, "dpo-1").keyDestroyed()).as("idempotent").isFalse();

    for (Stack s : List.of(a, b, new Stack(ds, clock, "restarted"))) {
      for (TicketHistory h : histories) {
        Ticket read = s.clear.find(h.id()).orElseThrow();
        if (theirs.contains(h)) {
          assertThat(ErasedPersonalData.isErased(read.customer())).isTrue();
          assertThat(io.loopdesk.api.event.TicketEvent.replay(s.clear.events(h.id())))
              .as("replay")
              .isEqualTo(read);
          assertThat(s.clear.events(h.id()))
              .allSatisfy(
                  e -> {
                    if (e.change() instanceof TicketChange.Communication c) {
                      assertThat(c.body()).isEqualTo(ErasedPersonalData.BODY);
                    }
                  });
        } else {
          assertThat(read)
              .isEqualTo(
                  h.ticket().toBuilder().historyHash(read.historyHash().orElse(null)).build());
        }
      }
      assertThat(Histories.kpis(s.store, histories, asOf)).isEqualTo(before);
      ErasedHistoryVerifier verifier = new ErasedHistoryVerifier(s.clear, s.log, Histories.CHAIN);
      for (TicketHistory h : histories) {
        ErasedHistoryVerifier.Verification v = verifier.verify(h.id());
        assertThat(v.intact()).as(h.id() + ": " + v.reason()).isTrue();
        assertThat(v.erasedEventsAttested() > 0).isEqualTo(theirs.contains(h));
      }
    }

    String rows = Databases.everything(ds);
    assertThat(rows)
        .doesNotContain(Histories.secrets(customers.get(erased)).toArray(String[]::new));
    assertThat(rows)
        .as("the scan reads the stored text")
        .containsAnyOf("X9 手机", "X9 \\u624b\\u673a", "X9 \\u624B\\u673A");

    ErasureReport report = ErasureReport.of(a.log, a.keys);
    assertThat(report.rows())
        .hasSize(theirs.size())
        .allSatisfy(
            r -> {
              assertThat(r.customerId()).isEqualTo(erased);
              assertThat(r.requestedBy()).isEqualTo("dpo-1");
              assertThat(r.erasedAt())
                  .isEqualTo(Histories.START.plus(Duration.ofDays(60)).plus(Duration.ofHours(1)));
              assertThat(r.erasedVersions()).isNotEmpty();
            });
    assertThat(report.toCsv() + report.toJson())
        .doesNotContain(Histories.secrets(customers.get(erased)).toArray(String[]::new))
        .contains(theirs.get(0).id().value());

    TicketHistory fresh =
        TicketHistory.open(
            TicketId.of("T-new"),
            clock.instant(),
            Duration.ofMinutes(1),
            Samples.AGENT,
            new TicketChange.Opened(
                Channel.PHONE, customers.get(erased), "X9", "again", "fix", ""));
    assertThatThrownBy(() -> fresh.saveAllTo(a.store))
        .isInstanceOf(PersonalDataCryptoException.class)
        .hasMessageContaining("erased");
  }

  @Test
  void anEditedEventIsStillDetectedAfterAnErasure() throws Exception {
    Stack a = new Stack(ds, clock, "a");
    Histories.saveChained(histories, a.store);
    a.erasure.erase("C-2", "dpo-1");
    ErasedHistoryVerifier verifier = new ErasedHistoryVerifier(a.clear, a.log, Histories.CHAIN);
    assertThat(histories).allSatisfy(h -> assertThat(verifier.verify(h.id()).intact()).isTrue());
    try (Connection c = ds.getConnection();
        Statement st = c.createStatement()) {
      assertThat(
              st.executeUpdate(
                  "UPDATE loopdesk_ticket_event SET event = REPLACE(event, 'agent-1', 'agent-9') "
                      + "WHERE event LIKE '%ASSIGNED%' AND event LIKE '%agent-1%'"))
          .isPositive();
    }
    assertThat(histories).anySatisfy(h -> assertThat(verifier.verify(h.id()).intact()).isFalse());
  }

  @Test
  void anotherMasterKeyOpensNothingAndRotationKeepsEverythingReadable() {
    Stack a = new Stack(ds, clock, "a");
    Histories.saveChained(histories, a.store);
    TicketHistory any = histories.get(0);
    Stack stranger =
        new Stack(
            ds,
            clock,
            "x",
            StaticKeyProvider.of(
                "m1", Map.of("m1", new javax.crypto.spec.SecretKeySpec(new byte[32], "AES"))));
    assertThatThrownBy(() -> stranger.clear.find(any.id()))
        .isInstanceOf(PersonalDataCryptoException.class);
    javax.crypto.SecretKey m2 =
        new javax.crypto.spec.SecretKeySpec(
            new byte[] {
              9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
              9, 9, 9
            },
            "AES");
    Stack rotating =
        new Stack(
            ds,
            clock,
            "r",
            StaticKeyProvider.of(
                "m2", Map.of("m1", Stack.MASTER.key("m1").orElseThrow(), "m2", m2)));
    assertThat(rotating.keys.rewrapBatch(10_000)).isEqualTo(customers.size());
    Stack onlyNew = new Stack(ds, clock, "n", StaticKeyProvider.of("m2", Map.of("m2", m2)));
    assertThat(onlyNew.clear.find(any.id()).orElseThrow())
        .isEqualTo(
            any.ticket().toBuilder()
                .historyHash(onlyNew.clear.find(any.id()).orElseThrow().historyHash().orElse(null))
                .build());
  }
}
