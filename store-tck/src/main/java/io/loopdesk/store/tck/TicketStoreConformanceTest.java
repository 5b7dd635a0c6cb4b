package io.loopdesk.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.loopdesk.api.Actor;
import io.loopdesk.api.CallbackOutcome;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.IdDocument;
import io.loopdesk.api.IdDocumentType;
import io.loopdesk.api.Page;
import io.loopdesk.api.Priority;
import io.loopdesk.api.PriorityDecision;
import io.loopdesk.api.Role;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.VersionConflictException;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketChange.CallbackEffect;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.TicketStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeTry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The conformance kit for {@link TicketStore} adapters: the executable form of the contract in the
 * SPI's Javadoc. Extend it in your adapter's tests and implement {@link #newStore()}:
 *
 * <pre>{@code
 * class MyStoreConformanceTest extends TicketStoreConformanceTest {
 *   @Override
 *   protected TicketStore newStore() {
 *     return new MyStore(freshEmptyDatabase());
 *   }
 * }
 * }</pre>
 *
 * <p>It checks the round trip of every field (long, Chinese, emoji and hostile text, instants to
 * the nanosecond, customers with addresses and identity documents in clear, masked and sealed form,
 * agent replies, customer replies and internal notes with their channels), optimistic concurrency
 * (stale, duplicate and gapped versions are rejected and write nothing), atomic ticket and event
 * writes as seen by concurrent readers, event order, queries against the reference semantics of
 * {@link TicketQuery#matches} (random data and queries, with jqwik), paging, and concurrent
 * writers. Example tests run on JUnit Jupiter, properties on jqwik; both engines must be on the
 * test runtime class path (they are dependencies of this kit).
 *
 * <p>Each test and each property try gets a new store from {@link #newStore()} and hands it to
 * {@link #release(TicketStore)} afterwards. Tests in one class run one after another.
 */
public abstract class TicketStoreConformanceTest {
  private static final Instant T0 = Instant.parse("2026-03-02T08:15:30.123456789Z");
  private static final Comparator<Ticket> REFERENCE_ORDER =
      Comparator.comparing(Ticket::createdAt).thenComparing(t -> t.id().value());

  /** The store under test, new for every test and every property try. */
  protected TicketStore store;

  /**
   * Returns a new, empty store: no ticket and no event is visible through it. Called before every
   * test and every property try.
   *
   * @return the store under test
   */
  protected abstract TicketStore newStore();

  /**
   * Releases a store returned by {@link #newStore()}, e.g. closes its connections or drops its
   * data. Does nothing by default.
   *
   * @param used the store
   */
  protected void release(TicketStore used) {}

  /** How many threads the concurrency tests use; override to use more. */
  protected int writerThreads() {
    return 4;
  }

  @BeforeEach
  @BeforeTry
  void openStore() {
    store = newStore();
    assertThat(store).as("newStore()").isNotNull();
  }

  @AfterEach
  @AfterTry
  void releaseStore() {
    if (store != null) {
      release(store);
      store = null;
    }
  }

  // ---------------------------------------------------------------- empty store

  @Test
  void anUnknownTicketIsNotFoundAndHasNoEvents() {
    TicketId id = TicketId.of("does-not-exist");
    assertThat(store.find(id)).isEmpty();
    assertThat(store.events(id)).isEmpty();
    Page<Ticket> page = store.query(TicketQuery.builder().build());
    assertThat(page.items()).isEmpty();
    assertThat(page.hasMore()).isFalse();
  }

  // ---------------------------------------------------------------- fidelity

  @Test
  void everyFieldRoundTripsAfterEverySave() {
    Random random = new Random(1);
    TicketHistory h =
        TicketHistory.open(
            TicketId.of("工单-2026-0001"),
            T0,
            Duration.ofMinutes(13).plusNanos(7),
            Actor.of("接线员-01", Role.AGENT),
            new TicketChange.Opened(
                Channel.of("WECOM"),
                Customer.builder("客户-88")
                    .name("李小龙")
                    .phone("+86 138-0000-1111")
                    .email("li.xiaolong@example.cn")
                    .address("香港九龍尖沙咀彌敦道 132 號\n美麗華大廈 12/F 🏢")
                    .idDocument(IdDocumentType.CN_RESIDENT_ID, "11010519491231002X")
                    .idDocument(IdDocumentType.PASSPORT, "E12345678")
                    .tier(CustomerTier.VIP)
                    .build(),
                "空调 KFR-35",
                "制冷不工作 😡, \"E5\" error",
                "上门维修",
                "restarted twice"));
    h.classify(
            Category.of("BILLING"),
            Samples.priority(random),
            T0.plus(Duration.ofHours(24)).plusNanos(1))
        .assign("张伟", "售后服务部")
        .start()
        .waitOnThirdParty("waiting for spare part 压缩机")
        .resume()
        .custom(TicketAction.of("SUBMIT_QA"), "质检", TicketStatus.of("QA_REVIEW"))
        .custom(TicketAction.of("QA_PASSED"), "", TicketStatus.IN_PROGRESS)
        .resolve("replaced compressor 更换压缩机")
        .callback(
            "回访-01",
            CallbackResult.notReached(CallbackOutcome.NO_ANSWER, "no answer"),
            CallbackEffect.NOT_REACHED)
        .callback("回访-01", CallbackResult.reached(false, 2, "还是不冷"), CallbackEffect.REOPENED)
        .classify(Category.COMPLAINT, Samples.priority(random), null)
        .by(Actor.of("lead-01", Role.TEAM_LEAD))
        .assign("o'brien", "field service")
        .start()
        .resolve("second repair")
        .callback("回访-02", CallbackResult.reached(true, 5, "满意 👍"), CallbackEffect.CONFIRMED);
    assertThat(h.ticket().isCallbackConfirmed()).isTrue();
    assertThat(h.ticket().failedCallbackAttempts()).isZero();
    assertThat(h.ticket().reopenCount()).isEqualTo(1);
    assertThat(h.ticket().callbacks()).hasSize(3);
    assertThat(h.ticket().dueAt()).isEmpty();
    h.close();

    List<TicketEvent> events = h.events();
    List<Ticket> snapshots = h.snapshots();
    for (int i = 0; i < events.size(); i++) {
      store.save(events.get(i), snapshots.get(i));
      assertThat(store.find(h.id()))
          .as("ticket after save of version %d", i + 1)
          .contains(snapshots.get(i));
      assertThat(store.events(h.id()))
          .as("events after save of version %d", i + 1)
          .isEqualTo(events.subList(0, i + 1));
    }
    assertThat(TicketEvent.replay(store.events(h.id()))).isEqualTo(h.ticket());
  }

  @Test
  void theLongestAcceptedTextsRoundTripExactly() {
    Random random = new Random(2);
    TicketHistory h =
        TicketHistory.open(
            TicketId.of("𠀀".repeat(64)),
            T0,
            Duration.ofSeconds(1),
            Samples.AGENT,
            new TicketChange.Opened(
                Channel.EMAIL,
                longestCustomer(random),
                Samples.longText(Ticket.MAX_PRODUCT_LENGTH, random),
                Samples.longText(Ticket.MAX_PROBLEM_LENGTH, random),
                Samples.longText(Ticket.MAX_NOTE_LENGTH, random),
                Samples.longText(Ticket.MAX_NOTE_LENGTH, random)));
    h.classify(Category.PRODUCT_FAULT, Samples.priority(random), null)
        .assign("a".repeat(64), "d".repeat(100))
        .start()
        .resolve(Samples.longText(Ticket.MAX_NOTE_LENGTH, random));
    for (int i = 0; i < 10; i++) {
      h.callback(
              "x".repeat(64),
              CallbackResult.reached(false, 1, Samples.longText(2000, random)),
              CallbackEffect.REOPENED)
          .classify(Category.PRODUCT_FAULT, Samples.priority(random), null)
          .assign("a".repeat(64), "d".repeat(100))
          .start()
          .resolve(Samples.longText(Ticket.MAX_NOTE_LENGTH, random));
    }
    h.saveAllTo(store);

    assertThat(store.find(h.id())).contains(h.ticket());
    assertThat(store.events(h.id())).isEqualTo(h.events());
    assertThat(store.find(h.id()).orElseThrow().problem()).hasSize(Ticket.MAX_PROBLEM_LENGTH);
  }

  private static Customer longestCustomer(Random random) {
    Customer.Builder b =
        Customer.builder("C".repeat(64))
            .name("名".repeat(Customer.MAX_NAME_LENGTH))
            .phone("+" + "1".repeat(Customer.MAX_PHONE_LENGTH - 1))
            .email("a".repeat(Customer.MAX_EMAIL_LENGTH - 11) + "@example.cn")
            .address(Samples.longText(Customer.MAX_ADDRESS_LENGTH, random));
    for (int i = 0; i < Customer.MAX_ID_DOCUMENTS; i++) {
      b.idDocument(IdDocumentType.OTHER, "证件-" + i + "-" + "😀".repeat(29) + "x");
    }
    return b.build();
  }

  @Test
  void customersRoundTripInClearMaskedAndSealedForm() {
    Random random = new Random(3);
    Customer clear =
        Customer.builder("客户-7")
            .name("欧阳娜娜")
            .phone("13987654321")
            .email("nana@example.com")
            .address(Samples.ADDRESSES.get(0))
            .idDocuments(
                List.of(
                    IdDocument.of(IdDocumentType.CN_RESIDENT_ID, Samples.cnResidentId(random)),
                    IdDocument.of(IdDocumentType.of("HK_MACAO_PERMIT"), "H1234567")))
            .build();
    List<Customer> customers =
        List.of(
            clear,
            clear.masked(),
            Samples.sealedCustomer(random, "客户-7"),
            longestCustomer(random).masked());
    for (int i = 0; i < customers.size(); i++) {
      TicketHistory h =
          TicketHistory.open(
              TicketId.of("T-form-" + i),
              T0.plusSeconds(i),
              Duration.ofSeconds(1),
              Samples.AGENT,
              new TicketChange.Opened(Channel.PHONE, customers.get(i), "X9", "屏幕碎了", "", ""));
      h.classify(Category.PRODUCT_FAULT, Samples.priority(random), null).assign("张伟", "售后");
      h.saveAllTo(store);
      assertThat(store.find(h.id()))
          .as("ticket with a customer in %s form", customers.get(i).form())
          .contains(h.ticket());
      assertThat(store.events(h.id())).isEqualTo(h.events());
      assertThat(
              store
                  .query(TicketQuery.builder().customerId(customers.get(i).customerId()).build())
                  .items())
          .extracting(Ticket::id)
          .contains(h.id());
    }
  }

  @Test
  void hostileAndNonLatinTextRoundTripsInEveryTextField() {
    for (int n = 0; n < Samples.HOSTILE_TEXTS.size(); n++) {
      String text = Samples.HOSTILE_TEXTS.get(n);
      String name = Samples.HOSTILE_NAMES.get(n % Samples.HOSTILE_NAMES.size());
      // the last two sample ids already have the maximum length of 64 characters
      TicketId id =
          TicketId.of(Samples.HOSTILE_IDS.get(n % (Samples.HOSTILE_IDS.size() - 2)) + "#" + n);
      TicketHistory h =
          TicketHistory.open(
              id,
              T0.plusSeconds(n),
              Duration.ofMillis(1),
              Actor.of(name, Role.CUSTOMER),
              new TicketChange.Opened(
                  Channel.PHONE,
                  Customer.builder(name)
                      .name(text.isBlank() ? "x" : text)
                      .email("x@example.cn")
                      .address(text.isBlank() ? "x" : text)
                      .idDocument(
                          IdDocumentType.CN_RESIDENT_ID, Samples.cnResidentId(new Random(n)))
                      .build(),
                  name,
                  text,
                  text,
                  text));
      h.classify(Category.COMPLAINT, Samples.priority(new Random(n)), null)
          .assign(
              name,
              text.substring(0, Math.min(100, text.length())).isBlank()
                  ? "d"
                  : text.substring(0, Math.min(100, text.length())))
          .start()
          .waitOnCustomer(text)
          .resume()
          .custom(TicketAction.of("NOTE"), text, TicketStatus.IN_PROGRESS)
          .resolve(text)
          .callback(name, CallbackResult.reached(true, 5, text), CallbackEffect.CONFIRMED)
          .reopen(text);
      h.saveAllTo(store);
      assertThat(store.find(id)).as("ticket %s with text #%d", id, n).contains(h.ticket());
      assertThat(store.events(id)).as("events of %s with text #%d", id, n).isEqualTo(h.events());
    }
  }

  @Test
  void communicationsRoundTripWithChannelExactTextAndTheirEffectOnStatus() {
    Random random = new Random(4);
    TicketHistory h =
        TicketHistory.open(
            TicketId.of("T-conversation"),
            T0,
            Duration.ofSeconds(7).plusNanos(3),
            Samples.AGENT,
            Samples.opened(random, 2));
    h.replyToCustomer(Channel.of("WECOM"), "您好，我们已收到您的反馈 🙏")
        .classify(Category.COMPLAINT, Samples.priority(random), T0.plus(Duration.ofHours(24)))
        .assign("张伟", "售后")
        .start()
        .internalNote("客户电话 138-0000-1111, never show this")
        .waitOnCustomer("need the invoice")
        .by(Actor.of("客户-1", Role.CUSTOMER))
        .customerReply(Channel.APP, "发票见附件\nO'Brien; DROP TABLE tickets;--")
        .by(Samples.AGENT)
        .replyToCustomer(
            Channel.EMAIL, Samples.longText(TicketChange.Communication.MAX_BODY_LENGTH, random))
        .customerReply(Channel.PHONE, "还要多久？");
    for (String text : Samples.HOSTILE_TEXTS) {
      String body = text.isBlank() ? "x" + text : text;
      h.replyToCustomer(Channel.SOCIAL_MEDIA, body)
          .customerReply(Channel.ONLINE_CHAT, body)
          .internalNote(body);
    }
    List<TicketEvent> events = h.events();
    assertThat(events.get(7).to())
        .as("a customer reply resumed the waiting ticket")
        .isEqualTo(TicketStatus.IN_PROGRESS);
    assertThat(events.get(7).change())
        .isInstanceOfSatisfying(
            TicketChange.CustomerReplied.class, r -> assertThat(r.resumed()).isTrue());
    h.saveAllTo(store);
    assertThat(store.find(h.id())).contains(h.ticket());
    assertThat(store.events(h.id())).isEqualTo(events);
    assertThat(TicketEvent.replay(store.events(h.id()))).isEqualTo(h.ticket());
  }

  @Test
  void instantsRoundTripToTheNanosecondFarFromToday() {
    List<Instant> instants =
        List.of(
            Instant.parse("1970-01-01T00:00:00Z"),
            Instant.parse("1969-12-31T23:59:59.999999999Z"),
            Instant.parse("0001-01-01T00:00:00.000000001Z"),
            Instant.parse("9999-12-31T23:59:58.999999999Z"),
            T0);
    int n = 0;
    for (Instant openedAt : instants) {
      TicketHistory h =
          TicketHistory.open(
              TicketId.of("T-time-" + n++),
              openedAt,
              Duration.ofNanos(1),
              Samples.AGENT,
              Samples.opened(new Random(n), 3));
      h.classify(
              Category.PRODUCT_FAULT,
              Samples.priority(new Random(n)),
              openedAt.plusNanos(999_999_999))
          .assign("a", "d");
      h.saveAllTo(store);
      assertThat(store.find(h.id())).contains(h.ticket());
      assertThat(store.events(h.id())).isEqualTo(h.events());
    }
  }

  @Property(tries = 25)
  void randomHistoriesRoundTripAndReplayToTheStoredTicket(@ForAll long seed) {
    Random random = new Random(seed);
    List<TicketHistory> histories = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      histories.add(
          Samples.randomHistory(
              random,
              TicketId.of("R-" + i + "-" + Long.toHexString(seed)),
              T0.plusSeconds(i),
              25,
              3));
    }
    int[] saved = new int[histories.size()];
    boolean progress = true;
    while (progress) {
      progress = false;
      for (int i = 0; i < histories.size(); i++) {
        TicketHistory h = histories.get(i);
        if (saved[i] < h.events().size()) {
          store.save(h.events().get(saved[i]), h.snapshots().get(saved[i]));
          saved[i]++;
          progress = true;
        }
      }
    }
    for (TicketHistory h : histories) {
      assertThat(store.find(h.id())).contains(h.ticket());
      List<TicketEvent> events = store.events(h.id());
      assertThat(events).isEqualTo(h.events());
      assertThat(TicketEvent.replay(events)).isEqualTo(h.ticket());
    }
  }

  // ---------------------------------------------------------------- optimistic concurrency

  @Test
  void creatingAnExistingTicketConflictsAndWritesNothing() {
    TicketHistory first = TicketHistory.open(TicketId.of("T-dup"), T0);
    first.saveAllTo(store);
    TicketHistory second = TicketHistory.open(TicketId.of("T-dup"), T0.plusSeconds(60));

    VersionConflictException conflict =
        catchThrowableOfType(
            VersionConflictException.class, () -> store.save(second.lastEvent(), second.ticket()));

    assertThat(conflict).as("a second version 1 of the same id").isNotNull();
    assertThat(conflict.ticketId()).isEqualTo(first.id());
    assertThat(conflict.expectedVersion()).isZero();
    assertThat(conflict.actualVersion()).isEqualTo(1);
    assertUnchanged(first);
  }

  @Test
  void aStaleUpdateConflictsAndWritesNothing() {
    TicketHistory h =
        TicketHistory.open(TicketId.of("T-stale"), T0)
            .classify(Category.PRODUCT_FAULT, Samples.priority(new Random(3)), null);
    h.saveAllTo(store);
    TicketHistory rival =
        TicketHistory.open(TicketId.of("T-stale"), T0)
            .classify(Category.PRODUCT_FAULT, Samples.priority(new Random(3)), null);
    h.assign("winner", "support");
    rival.assign("loser", "support");
    store.save(h.lastEvent(), h.ticket());

    VersionConflictException conflict =
        catchThrowableOfType(
            VersionConflictException.class, () -> store.save(rival.lastEvent(), rival.ticket()));

    assertThat(conflict).as("a save based on a version that is no longer current").isNotNull();
    assertThat(conflict.expectedVersion()).isEqualTo(2);
    assertThat(conflict.actualVersion()).isEqualTo(3);
    assertUnchanged(h);
  }

  @Test
  void aVersionGapConflictsAndWritesNothing() {
    TicketHistory h = TicketHistory.open(TicketId.of("T-gap"), T0);
    h.saveAllTo(store);
    TicketHistory ahead =
        TicketHistory.open(TicketId.of("T-gap"), T0)
            .classify(Category.PRODUCT_FAULT, Samples.priority(new Random(4)), null)
            .assign("a", "d");

    VersionConflictException conflict =
        catchThrowableOfType(
            VersionConflictException.class, () -> store.save(ahead.lastEvent(), ahead.ticket()));

    assertThat(conflict).as("saving version 3 over version 1").isNotNull();
    assertThat(conflict.expectedVersion()).isEqualTo(2);
    assertThat(conflict.actualVersion()).isEqualTo(1);
    assertUnchanged(h);
  }

  @Test
  void updatingAMissingTicketConflictsAndWritesNothing() {
    TicketHistory h =
        TicketHistory.open(TicketId.of("T-missing"), T0)
            .classify(Category.PRODUCT_FAULT, Samples.priority(new Random(5)), null);

    VersionConflictException conflict =
        catchThrowableOfType(
            VersionConflictException.class, () -> store.save(h.lastEvent(), h.ticket()));

    assertThat(conflict).as("saving version 2 of a ticket that does not exist").isNotNull();
    assertThat(conflict.expectedVersion()).isEqualTo(1);
    assertThat(conflict.actualVersion()).isZero();
    assertThat(store.find(h.id())).isEmpty();
    assertThat(store.events(h.id())).isEmpty();
  }

  @Test
  void aTicketThatDoesNotBelongToItsEventIsRejectedAndNothingIsWritten() {
    TicketHistory h = TicketHistory.open(TicketId.of("T-valid"), T0);
    h.saveAllTo(store);
    h.classify(Category.PRODUCT_FAULT, Samples.priority(new Random(6)), null);
    TicketHistory other =
        TicketHistory.open(TicketId.of("T-other"), T0)
            .classify(Category.PRODUCT_FAULT, Samples.priority(new Random(6)), null);
    Ticket wrongVersion = h.snapshots().get(0);

    assertThatThrownBy(() -> store.save(null, h.ticket())).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> store.save(h.lastEvent(), null))
        .isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> store.save(h.lastEvent(), other.ticket()))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("ticket.id"));
    assertThatThrownBy(() -> store.save(h.lastEvent(), wrongVersion))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("ticket.version"));

    assertThat(store.find(h.id())).contains(h.snapshots().get(0));
    assertThat(store.events(h.id())).containsExactly(h.events().get(0));
    assertThat(store.find(other.id())).isEmpty();
  }

  // ---------------------------------------------------------------- concurrency and atomicity

  @Test
  void ofConcurrentSavesOnOneVersionExactlyOneWins() throws Exception {
    int threads = writerThreads() * 2;
    for (int round = 0; round < 10; round++) {
      TicketId id = TicketId.of("T-race-" + round);
      TicketHistory base =
          TicketHistory.open(id, T0)
              .classify(Category.PRODUCT_FAULT, Samples.priority(new Random(round)), null);
      base.saveAllTo(store);
      List<TicketHistory> rivals = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        rivals.add(
            TicketHistory.open(id, T0)
                .classify(Category.PRODUCT_FAULT, Samples.priority(new Random(round)), null)
                .assign("agent-" + i, "support"));
      }
      CountDownLatch go = new CountDownLatch(1);
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (TicketHistory rival : rivals) {
        tasks.add(
            () -> {
              go.await();
              try {
                store.save(rival.lastEvent(), rival.ticket());
                return true;
              } catch (VersionConflictException conflict) {
                assertThat(conflict.expectedVersion()).isEqualTo(2);
                assertThat(conflict.actualVersion()).isEqualTo(3);
                return false;
              }
            });
      }
      List<Boolean> outcomes = runTogether(tasks, go);
      assertThat(outcomes.stream().filter(b -> b).count())
          .as("winners in round %d", round)
          .isEqualTo(1);
      TicketHistory winner = rivals.get(outcomes.indexOf(true));
      assertThat(store.find(id)).contains(winner.ticket());
      assertThat(store.events(id)).isEqualTo(winner.events());
    }
  }

  @Test
  void ofConcurrentCreatesOfOneIdExactlyOneWins() throws Exception {
    int threads = writerThreads() * 2;
    for (int round = 0; round < 10; round++) {
      TicketId id = TicketId.of("T-create-race-" + round);
      List<TicketHistory> rivals = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        rivals.add(
            TicketHistory.open(
                id,
                T0.plusSeconds(i),
                Duration.ZERO,
                Samples.AGENT,
                Samples.opened(new Random(i), 5)));
      }
      CountDownLatch go = new CountDownLatch(1);
      List<Callable<Boolean>> tasks = new ArrayList<>();
      for (TicketHistory rival : rivals) {
        tasks.add(
            () -> {
              go.await();
              try {
                store.save(rival.lastEvent(), rival.ticket());
                return true;
              } catch (VersionConflictException conflict) {
                assertThat(conflict.expectedVersion()).isZero();
                assertThat(conflict.actualVersion()).isEqualTo(1);
                return false;
              }
            });
      }
      List<Boolean> outcomes = runTogether(tasks, go);
      assertThat(outcomes.stream().filter(b -> b).count())
          .as("winners in round %d", round)
          .isEqualTo(1);
      TicketHistory winner = rivals.get(outcomes.indexOf(true));
      assertThat(store.find(id)).contains(winner.ticket());
      assertThat(store.events(id)).isEqualTo(winner.events());
    }
  }

  @Test
  void concurrentWritersOnManyTicketsLoseNothing() throws Exception {
    int threads = writerThreads();
    int perThread = 15;
    CountDownLatch go = new CountDownLatch(1);
    List<Callable<List<TicketHistory>>> tasks = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      tasks.add(
          () -> {
            go.await();
            Random random = new Random(thread);
            List<TicketHistory> written = new ArrayList<>();
            for (int i = 0; i < perThread; i++) {
              TicketHistory h =
                  Samples.randomHistory(
                      random, TicketId.of("W-" + thread + "-" + i), T0.plusMillis(i), 12, 3);
              h.saveAllTo(store);
              written.add(h);
            }
            return written;
          });
    }
    List<TicketHistory> all = new ArrayList<>();
    for (List<TicketHistory> written : runTogether(tasks, go)) {
      all.addAll(written);
    }
    for (TicketHistory h : all) {
      assertThat(store.find(h.id())).contains(h.ticket());
      assertThat(store.events(h.id())).isEqualTo(h.events());
    }
    assertThat(collectAll(TicketQuery.builder().limit(TicketQuery.MAX_LIMIT).build()))
        .hasSize(threads * perThread);
  }

  @Test
  void findingForACommandAnswersWithTheStoredTicket() {
    TicketHistory h =
        TicketHistory.open(TicketId.of("T-for-command"), T0)
            .classify(Category.PRODUCT_FAULT, Samples.priority(new Random(8)), null);
    h.saveAllTo(store);
    assertThat(store.findForCommand(h.id(), h.ticket().version())).contains(h.ticket());
    assertThat(store.findForCommand(TicketId.of("T-for-nothing"), 1)).isEmpty();
    h.assign("agent-1", "support");
    store.save(h.lastEvent(), h.ticket());
    assertThat(store.findForCommand(h.id(), h.ticket().version())).contains(h.ticket());
    assertThat(store.find(h.id())).contains(h.ticket());
  }

  @Test
  void writersWorkingFromRememberedVersionsLoseNothing() throws Exception {
    retryingWritersSerialiseEveryUpdate("T-remembered", 9, true);
  }

  @Test
  void retryingWritersOnOneTicketSerialiseEveryUpdate() throws Exception {
    retryingWritersSerialiseEveryUpdate("T-hot", 7, false);
  }

  /**
   * Several threads append notes to one ticket until each has written its share, retrying on
   * conflicts; they read with {@link TicketStore#findForCommand} and the version they last wrote or
   * saw, or with {@link TicketStore#find}. No update may be lost and the history must replay.
   */
  private void retryingWritersSerialiseEveryUpdate(String id, long seed, boolean fromMemory)
      throws Exception {
    TicketHistory h =
        TicketHistory.open(TicketId.of(id), T0)
            .classify(Category.PRODUCT_FAULT, Samples.priority(new Random(seed)), null)
            .assign("a", "d")
            .start();
    h.saveAllTo(store);
    int threads = writerThreads();
    int updatesPerThread = 10;
    CountDownLatch go = new CountDownLatch(1);
    List<Callable<Integer>> tasks = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String agent = "agent-" + t;
      tasks.add(
          () -> {
            go.await();
            int conflicts = 0;
            long remembered = h.ticket().version();
            for (int done = 0; done < updatesPerThread; ) {
              Ticket current =
                  (fromMemory ? store.findForCommand(h.id(), remembered) : store.find(h.id()))
                      .orElseThrow();
              TicketEvent event =
                  new TicketEvent(
                      current.id(),
                      current.version() + 1,
                      current.updatedAt().plusNanos(1),
                      Actor.of(agent, Role.AGENT),
                      current.status(),
                      TicketStatus.IN_PROGRESS,
                      new TicketChange.CustomTransition(
                          TicketAction.of("NOTE"), agent + " #" + done));
              try {
                store.save(event, event.applyTo(current));
                remembered = event.version();
                done++;
              } catch (VersionConflictException conflict) {
                conflicts++;
                remembered = store.find(h.id()).orElseThrow().version();
              }
            }
            return conflicts;
          });
    }
    runTogether(tasks, go);
    Ticket stored = store.find(h.id()).orElseThrow();
    List<TicketEvent> events = store.events(h.id());
    assertThat(stored.version())
        .isEqualTo(h.ticket().version() + (long) threads * updatesPerThread);
    assertThat(events).hasSize((int) stored.version());
    for (int i = 0; i < events.size(); i++) {
      assertThat(events.get(i).version()).isEqualTo(i + 1);
    }
    assertThat(TicketEvent.replay(events)).isEqualTo(stored);
  }

  @Test
  void readersNeverSeeATicketWithoutTheEventThatProducedIt() throws Exception {
    TicketHistory h =
        TicketHistory.open(
            TicketId.of("T-atomic"),
            T0,
            Duration.ofSeconds(1),
            Samples.AGENT,
            Samples.opened(new Random(8), 3));
    for (int i = 0; i < 60; i++) {
      h.custom(TicketAction.of("NOTE"), "note " + i + " 备注", TicketStatus.RECEIVED);
    }
    List<Ticket> snapshots = h.snapshots();
    List<TicketEvent> events = h.events();
    AtomicBoolean writing = new AtomicBoolean(true);
    ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    int readers = Math.max(1, writerThreads() - 1);
    CountDownLatch go = new CountDownLatch(1);
    List<Callable<Integer>> tasks = new ArrayList<>();
    tasks.add(
        () -> {
          go.await();
          try {
            for (int i = 0; i < events.size(); i++) {
              store.save(events.get(i), snapshots.get(i));
            }
          } finally {
            writing.set(false);
          }
          return events.size();
        });
    for (int r = 0; r < readers; r++) {
      tasks.add(
          () -> {
            go.await();
            int reads = 0;
            while (writing.get() || reads == 0) {
              reads++;
              var found = store.find(h.id());
              if (found.isEmpty()) {
                continue;
              }
              Ticket ticket = found.get();
              List<TicketEvent> seen = store.events(h.id());
              if (!ticket.equals(snapshots.get((int) ticket.version() - 1))) {
                violations.add(
                    "ticket at version " + ticket.version() + " differs from the one saved");
              }
              if (seen.size() < ticket.version()) {
                violations.add(
                    "ticket at version "
                        + ticket.version()
                        + " visible with only "
                        + seen.size()
                        + " events");
              } else if (!seen.equals(events.subList(0, seen.size()))) {
                violations.add("events out of order or altered: " + seen.size());
              }
              Page<Ticket> page = store.query(TicketQuery.builder().build());
              for (Ticket listed : page.items()) {
                if (!listed.equals(snapshots.get((int) listed.version() - 1))) {
                  violations.add(
                      "query returned a ticket at version "
                          + listed.version()
                          + " that differs from the one saved");
                }
              }
            }
            return reads;
          });
    }
    runTogether(tasks, go);
    assertThat(violations).isEmpty();
    assertUnchanged(h);
  }

  @Test
  void eventsComeBackInVersionOrderWhateverTheWriteInterleaving() {
    Random random = new Random(9);
    List<TicketHistory> histories = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      TicketHistory h =
          TicketHistory.open(
              TicketId.of("E-" + (5 - i)),
              T0,
              Duration.ZERO,
              Samples.AGENT,
              Samples.opened(random, 3));
      for (int v = 2; v <= 12; v++) {
        h.custom(TicketAction.of("NOTE"), "v" + v, TicketStatus.RECEIVED);
      }
      histories.add(h);
    }
    for (int v = 0; v < 12; v++) {
      for (int i = histories.size() - 1; i >= 0; i--) {
        TicketHistory h = histories.get((i * 7 + v) % histories.size());
        store.save(h.events().get(v), h.snapshots().get(v));
      }
    }
    for (TicketHistory h : histories) {
      assertThat(store.events(h.id())).isEqualTo(h.events());
    }
  }

  // ---------------------------------------------------------------- queries

  @Test
  void queriesFilterByStatusAssigneePriorityAndDueInstant() {
    Instant due = T0.plus(Duration.ofHours(24));
    Random random = new Random(10);
    TicketHistory received = TicketHistory.open(TicketId.of("Q-received"), T0);
    TicketHistory dueEarly =
        TicketHistory.open(TicketId.of("Q-due-early"), T0.plusSeconds(1))
            .classify(Category.PRODUCT_FAULT, decision(Priority.P1, random), due.minusNanos(1));
    TicketHistory dueExactly =
        TicketHistory.open(TicketId.of("Q-due-exactly"), T0.plusSeconds(2))
            .classify(Category.PRODUCT_FAULT, decision(Priority.P0, random), due);
    TicketHistory assigned =
        TicketHistory.open(TicketId.of("Q-assigned"), T0.plusSeconds(3))
            .classify(Category.COMPLAINT, decision(Priority.P1, random), null)
            .assign("张伟", "售后");
    TicketHistory other =
        TicketHistory.open(TicketId.of("Q-other"), T0.plusSeconds(4))
            .classify(Category.COMPLAINT, decision(Priority.P3, random), due.plusSeconds(1))
            .assign("张伟2", "售后")
            .start();
    for (TicketHistory h : List.of(received, dueEarly, dueExactly, assigned, other)) {
      h.saveAllTo(store);
    }

    assertThat(ids(TicketQuery.builder().status(TicketStatus.CLASSIFIED).build()))
        .containsExactly("Q-due-early", "Q-due-exactly");
    assertThat(
            ids(
                TicketQuery.builder()
                    .status(TicketStatus.RECEIVED, TicketStatus.IN_PROGRESS)
                    .build()))
        .containsExactly("Q-received", "Q-other");
    assertThat(ids(TicketQuery.builder().assignee("张伟").build())).containsExactly("Q-assigned");
    assertThat(ids(TicketQuery.builder().priority(Priority.P1).build()))
        .containsExactly("Q-due-early", "Q-assigned");
    assertThat(ids(TicketQuery.builder().priority(Priority.P0, Priority.P3).build()))
        .containsExactly("Q-due-exactly", "Q-other");
    assertThat(ids(TicketQuery.builder().priority(Priority.P2).build())).isEmpty();
    assertThat(ids(TicketQuery.builder().dueBefore(due).build()))
        .as("strictly before, never without a deadline")
        .containsExactly("Q-due-early");
    assertThat(ids(TicketQuery.builder().dueBefore(due.plusNanos(1)).build()))
        .containsExactly("Q-due-early", "Q-due-exactly");
    assertThat(ids(TicketQuery.builder().department("售后").category(Category.COMPLAINT).build()))
        .containsExactly("Q-assigned", "Q-other");
    assertThat(ids(TicketQuery.builder().customerId("C-1").createdFrom(T0.plusSeconds(3)).build()))
        .containsExactly("Q-assigned", "Q-other");
    assertThat(ids(TicketQuery.builder().assignee("张伟").status(TicketStatus.IN_PROGRESS).build()))
        .isEmpty();
  }

  @Test
  void resultsAreOrderedByCreationInstantThenIdAsJavaComparesStrings() {
    List<String> idTexts = new ArrayList<>(Samples.HOSTILE_IDS);
    for (int i = 0; i < idTexts.size(); i++) {
      Instant created = i % 3 == 0 ? T0.plusNanos(1) : T0;
      TicketHistory.open(TicketId.of(idTexts.get(i)), created).saveAllTo(store);
    }
    List<String> expected =
        idTexts.stream()
            .sorted(
                Comparator.comparing((String s) -> idTexts.indexOf(s) % 3 == 0)
                    .thenComparing(Comparator.naturalOrder()))
            .toList();
    assertThat(ids(TicketQuery.builder().build())).containsExactlyElementsOf(expected);
  }

  @Test
  void pagingWalksEveryMatchExactlyOnce() {
    Random random = new Random(11);
    List<Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < 45; i++) {
      tickets.add(
          Samples.randomHistory(random, TicketId.of("P-" + i), T0.plusSeconds(i % 4), 6, 3)
              .saveAllTo(store));
    }
    List<Ticket> expected = tickets.stream().sorted(REFERENCE_ORDER).toList();

    List<Ticket> walked = new ArrayList<>();
    TicketQuery query = TicketQuery.builder().limit(7).build();
    Page<Ticket> page;
    int pages = 0;
    do {
      page = store.query(query);
      walked.addAll(page.items());
      assertThat(page.items()).hasSizeLessThanOrEqualTo(7);
      query = query.nextPage();
      pages++;
    } while (page.hasMore());
    assertThat(pages).isEqualTo(7);
    assertThat(walked).containsExactlyElementsOf(expected);

    Page<Ticket> exact = store.query(TicketQuery.builder().limit(45).build());
    assertThat(exact.items()).hasSize(45);
    assertThat(exact.hasMore()).as("a page that ends exactly at the last match").isFalse();
    Page<Ticket> beyond = store.query(TicketQuery.builder().offset(45).build());
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.hasMore()).isFalse();
    Page<Ticket> last = store.query(TicketQuery.builder().offset(44).limit(1).build());
    assertThat(last.items()).containsExactly(expected.get(44));
    assertThat(last.hasMore()).isFalse();
    Page<Ticket> farBeyond =
        store.query(
            TicketQuery.builder().offset(Integer.MAX_VALUE).limit(TicketQuery.MAX_LIMIT).build());
    assertThat(farBeyond.items()).isEmpty();
  }

  @Property(tries = 15)
  void queriesReturnExactlyWhatTheReferenceSemanticsSelect(@ForAll long seed) {
    Random random = new Random(seed);
    List<Ticket> stored = new ArrayList<>();
    int count = 5 + random.nextInt(20);
    for (int i = 0; i < count; i++) {
      String id = Samples.pick(random, Samples.HOSTILE_IDS.subList(0, 10)) + "~" + i;
      Instant created = T0.plusSeconds(random.nextInt(4)).plusNanos(random.nextInt(2));
      stored.add(Samples.randomHistory(random, TicketId.of(id), created, 10, 3).saveAllTo(store));
    }
    for (int q = 0; q < 30; q++) {
      TicketQuery query = randomQuery(random);
      List<Ticket> all = stored.stream().filter(query::matches).sorted(REFERENCE_ORDER).toList();
      int from = (int) Math.min(all.size(), (long) query.offset());
      int to = (int) Math.min(all.size(), (long) from + query.limit());
      Page<Ticket> page = store.query(query);
      assertThat(page.items()).as("%s", query).containsExactlyElementsOf(all.subList(from, to));
      assertThat(page.hasMore()).as("hasMore of %s", query).isEqualTo(to < all.size());
    }
  }

  private static TicketQuery randomQuery(Random random) {
    TicketQuery.Builder b = TicketQuery.builder();
    List<TicketStatus> statuses =
        List.of(
            TicketStatus.RECEIVED,
            TicketStatus.CLASSIFIED,
            TicketStatus.ASSIGNED,
            TicketStatus.IN_PROGRESS,
            TicketStatus.RESOLVED,
            TicketStatus.CALLBACK,
            TicketStatus.CLOSED,
            TicketStatus.of("QA_REVIEW"));
    int statusCount = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
    for (int i = 0; i < statusCount; i++) {
      b.status(Samples.pick(random, statuses));
    }
    if (random.nextInt(4) == 0) {
      b.priority(Samples.pick(random, List.of(Priority.values())));
      if (random.nextBoolean()) {
        b.priority(Samples.pick(random, List.of(Priority.values())));
      }
    }
    if (random.nextInt(5) == 0) {
      b.assignee(Samples.pick(random, Samples.HOSTILE_NAMES.subList(0, 4)));
    }
    if (random.nextInt(6) == 0) {
      b.department("售后 " + random.nextInt(3));
    }
    if (random.nextInt(5) == 0) {
      b.customerId((random.nextBoolean() ? "C-" : "客户-") + random.nextInt(3));
    }
    if (random.nextInt(6) == 0) {
      b.category(
          Samples.pick(
              random, List.of(Category.PRODUCT_FAULT, Category.COMPLAINT, Category.of("BILLING"))));
    }
    if (random.nextInt(4) == 0) {
      b.dueBefore(
          T0.plus(Duration.ofHours(1 + random.nextInt(4))).plusNanos(random.nextInt(3) - 1L));
    }
    if (random.nextInt(5) == 0) {
      b.createdFrom(T0.plusSeconds(random.nextInt(4)).plusNanos(random.nextInt(2)));
    }
    b.offset(random.nextInt(3) == 0 ? random.nextInt(12) : 0);
    b.limit(random.nextInt(3) == 0 ? 1 + random.nextInt(8) : TicketQuery.MAX_LIMIT);
    return b.build();
  }

  // ---------------------------------------------------------------- helpers

  private static PriorityDecision decision(Priority priority, Random random) {
    PriorityDecision sample = Samples.priority(random);
    return new PriorityDecision(priority, sample.factors(), sample.reasons());
  }

  private List<String> ids(TicketQuery query) {
    return store.query(query).items().stream().map(t -> t.id().value()).toList();
  }

  private List<Ticket> collectAll(TicketQuery first) {
    List<Ticket> all = new ArrayList<>();
    TicketQuery query = first;
    Page<Ticket> page;
    do {
      page = store.query(query);
      all.addAll(page.items());
      query = query.nextPage();
    } while (page.hasMore());
    Set<TicketId> distinct = new HashSet<>();
    all.forEach(
        t -> assertThat(distinct.add(t.id())).as("ticket %s listed twice", t.id()).isTrue());
    return all;
  }

  private void assertUnchanged(TicketHistory h) {
    assertThat(store.find(h.id())).contains(h.ticket());
    assertThat(store.events(h.id())).isEqualTo(h.events());
  }

  private static <T> List<T> runTogether(List<Callable<T>> tasks, CountDownLatch go)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> task : tasks) {
        futures.add(pool.submit(task));
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get(120, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
