package io.loopdesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackRecord;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.IdDocumentType;
import io.loopdesk.api.LoopdeskException;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Page;
import io.loopdesk.api.PersonalDataForm;
import io.loopdesk.api.Priority;
import io.loopdesk.api.PriorityDecision;
import io.loopdesk.api.SealedPersonalData;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.core.ClosedLoopPolicy.UnreachablePolicy;
import io.loopdesk.core.LifecycleProperties.Command;
import io.loopdesk.core.LifecycleProperties.Setup;
import io.loopdesk.core.json.LoopdeskJson;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Every api value and event written as JSON reads back equal. */
class JsonRoundTripProperties {
  private final LoopdeskJson json = LoopdeskJson.standard();
  private final LifecycleProperties commands = new LifecycleProperties();

  private <T> void roundTrips(T value, Class<T> type) {
    String text = json.write(value);
    assertThat(json.read(text, type)).isEqualTo(value);
  }

  @Property(tries = 300)
  void customersRoundTripInEveryForm(@ForAll("customersInEveryForm") Customer customer) {
    roundTrips(customer, Customer.class);
    String text = json.write(customer);
    assertThat(text).contains("\"form\":\"" + customer.form() + "\"");
    if (customer.form() != PersonalDataForm.CLEAR) {
      assertThat(text).doesNotContain("13800001111", "alice@", "zhang.san@", "北京市朝阳区建国路");
    }
  }

  @Property(tries = 200)
  void openingEventsAndTicketsRoundTripWithCustomersInEveryForm(
      @ForAll("customersInEveryForm") Customer customer, @ForAll("newTickets") NewTicket request) {
    TicketChange.Opened opened =
        new TicketChange.Opened(
            request.channel(),
            customer,
            request.product(),
            request.problem(),
            request.expectation(),
            request.alreadyTried());
    TicketEvent event =
        new TicketEvent(
            TicketId.of("T-1"),
            1,
            Instant.parse("2026-07-01T08:30:00.123456789Z"),
            Fixtures.AGENT,
            null,
            TicketStatus.RECEIVED,
            opened);
    roundTrips(event, TicketEvent.class);
    roundTrips(event.applyTo(null), Ticket.class);
  }

  @Test
  void customersStoredBeforeAddressesAndFormsExistedReadAsClear() {
    Customer old =
        json.read(
            "{\"customerId\":\"C-1001\",\"name\":\"张三\",\"phone\":\"13812345678\",\"email\":null,\"tier\":\"VIP\"}",
            Customer.class);
    assertThat(old)
        .isEqualTo(
            Customer.builder("C-1001")
                .name("张三")
                .phone("13812345678")
                .tier(CustomerTier.VIP)
                .build());
    assertThat(old.form()).isEqualTo(PersonalDataForm.CLEAR);
    assertThat(old.postalAddress()).isEmpty();
    assertThat(old.idDocuments()).isEmpty();
    assertThat(json.write(old))
        .isEqualTo(
            "{\"customerId\":\"C-1001\",\"form\":\"CLEAR\",\"name\":\"张三\",\"phone\":\"13812345678\",\"tier\":\"VIP\"}");
    Ticket stored =
        json.read(
            "{\"id\":\"T-1\",\"version\":1,\"status\":\"RECEIVED\",\"channel\":\"PHONE\",\"customer\":"
                + "{\"customerId\":\"C-1001\",\"name\":\"张三\",\"phone\":\"13812345678\",\"email\":null,\"tier\":\"STANDARD\"},"
                + "\"product\":\"X9\",\"problem\":\"电池\",\"expectation\":\"\",\"alreadyTried\":\"\",\"callbacks\":[],"
                + "\"failedCallbackAttempts\":0,\"callbackConfirmed\":false,\"reopenCount\":0,\"escalationLevel\":0,"
                + "\"createdAt\":\"2026-01-01T00:00:00Z\",\"updatedAt\":\"2026-01-01T00:00:00Z\"}",
            Ticket.class);
    assertThat(stored.customer()).isEqualTo(Customer.of("C-1001", "张三", "13812345678", null));
  }

  @Test
  void everyFormHasItsOwnShapeInJson() {
    Customer clear =
        Customer.builder("C-1")
            .name("张三")
            .phone("13812345678")
            .address("北京市朝阳区建国路88号")
            .idDocument(IdDocumentType.CN_RESIDENT_ID, "11010519491231002X")
            .build();
    assertThat(json.write(clear.masked()))
        .isEqualTo(
            "{\"customerId\":\"C-1\",\"form\":\"MASKED\",\"name\":\"张*\",\"phone\":\"138****5678\",\"address\":\"北京市****\","
                + "\"idDocuments\":[{\"type\":\"CN_RESIDENT_ID\",\"number\":\"11****2X\"}],\"tier\":\"STANDARD\"}");
    Customer sealed =
        Customer.ofSealed(
            "C-1",
            CustomerTier.VIP,
            new SealedPersonalData("k1", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"));
    assertThat(json.write(sealed))
        .isEqualTo(
            "{\"customerId\":\"C-1\",\"form\":\"SEALED\",\"sealed\":{\"keyId\":\"k1\",\"ciphertext\":\"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8\"},\"tier\":\"VIP\"}");
  }

  @Property(tries = 200)
  void newTicketRequestsRoundTrip(@ForAll("newTickets") NewTicket request) {
    roundTrips(request, NewTicket.class);
    roundTrips(
        NewTicket.builder()
            .id(TicketId.of("CRM-42/7"))
            .channel(request.channel())
            .customer(request.customer())
            .product(request.product())
            .problem(request.problem())
            .build(),
        NewTicket.class);
  }

  @Property(tries = 200)
  void queriesRoundTrip(@ForAll("queries") TicketQuery query) {
    roundTrips(query, TicketQuery.class);
  }

  @Provide
  Arbitrary<io.loopdesk.api.TicketQuery> queries() {
    return Combinators.combine(
            Arbitraries.of(TicketStatus.RECEIVED, TicketStatus.CLOSED, TicketStatus.of("QA_REVIEW"))
                .set()
                .ofMaxSize(3),
            Arbitraries.of(Priority.class).set(),
            Arbitraries.of("agent-1", "张工").injectNull(0.5),
            Arbitraries.of(Fixtures.CATEGORIES).injectNull(0.5),
            Arbitraries.longs()
                .between(0, 4_000_000_000L)
                .map(Instant::ofEpochSecond)
                .injectNull(0.5),
            Arbitraries.integers().between(0, 10_000),
            Arbitraries.integers().between(1, TicketQuery.MAX_LIMIT))
        .as(
            (statuses, priorities, assignee, category, due, offset, limit) -> {
              TicketQuery.Builder b =
                  TicketQuery.builder()
                      .status(statuses.toArray(TicketStatus[]::new))
                      .priority(priorities.toArray(Priority[]::new))
                      .offset(offset)
                      .limit(limit);
              if (assignee != null) {
                b.assignee(assignee).department("售后").customerId("C-1");
              }
              if (category != null) {
                b.category(category);
              }
              if (due != null) {
                b.dueBefore(due).createdFrom(due.minusSeconds(86_400));
              }
              return b.build();
            });
  }

  @Test
  void pagesRoundTripWithTheirElementType() throws Exception {
    Page<Customer> page = new Page<>(List.of(Fixtures.customers().sample()), true);
    ObjectMapper mapper = LoopdeskJson.newObjectMapper();
    Page<Customer> back =
        mapper.readValue(mapper.writeValueAsString(page), new TypeReference<Page<Customer>>() {});
    assertThat(back).isEqualTo(page);
  }

  @Property(tries = 200)
  void callbackResultsRoundTrip(@ForAll("callbacks") CallbackResult result) {
    roundTrips(result, CallbackResult.class);
    roundTrips(
        new CallbackRecord(Instant.parse("2026-02-03T04:05:06.789Z"), "agent-1", result),
        CallbackRecord.class);
  }

  @Property(tries = 100)
  void classificationsRoundTrip(@ForAll("classifications") Classification c) {
    roundTrips(c, Classification.class);
    PriorityDecision decision =
        MatrixPriorityModel.standard().cell(c.factors()) == null
            ? null
            : new PriorityDecision(
                MatrixPriorityModel.standard().cell(c.factors()),
                c.factors(),
                List.of("matrix", "其他原因 😀"));
    roundTrips(decision, PriorityDecision.class);
    roundTrips(Assignment.of("agent-1", "技术支持部"), Assignment.class);
    roundTrips(Fixtures.LEAD, Actor.class);
  }

  @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
  void ticketsAndEventsFromArbitraryHistoriesRoundTrip(
      @ForAll("newTickets") NewTicket request,
      @ForAll @Size(min = 10, max = 80) List<@From("commands") Command> steps) {
    ServiceDesk desk =
        LifecycleProperties.desk(
            new Setup(3, 2, UnreachablePolicy.MARK_UNREACHABLE, true),
            ManualClock.at(Instant.parse("2026-07-01T08:30:00.123456789Z")),
            new InMemoryTicketStore());
    Ticket t = desk.open(request, Fixtures.AGENT);
    for (Command step : steps) {
      try {
        t = LifecycleProperties.apply(desk, desk.get(t.id()), step);
      } catch (LoopdeskException rejected) {
        // rejected commands add nothing to round-trip
      }
    }
    roundTrips(desk.get(t.id()), Ticket.class);
    for (TicketEvent event : desk.history(t.id())) {
      roundTrips(event, TicketEvent.class);
    }
  }

  @Test
  void everyChangeTypeIsCoveredByTheHistoriesAbove() {
    Set<Class<?>> seen = new HashSet<>();
    Set<Class<?>> all = changeRecords(TicketChange.class);
    assertThat(all).hasSizeGreaterThanOrEqualTo(15);
    for (int run = 0; run < 200 && seen.size() < all.size(); run++) {
      ServiceDesk desk =
          LifecycleProperties.desk(
              new Setup(3, 2, UnreachablePolicy.MARK_UNREACHABLE, true),
              ManualClock.at(Instant.parse("2026-07-01T08:30:00Z")),
              new InMemoryTicketStore());
      Ticket t = desk.open(Fixtures.newTickets().sample(), Fixtures.AGENT);
      for (Command step : commands.commands().list().ofSize(80).sample()) {
        try {
          t = LifecycleProperties.apply(desk, desk.get(t.id()), step);
        } catch (LoopdeskException rejected) {
          // only accepted commands produce events
        }
      }
      for (TicketEvent event : desk.history(t.id())) {
        seen.add(event.change().getClass());
        roundTrips(event, TicketEvent.class);
      }
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(all);
  }

  /** The concrete change records below a sealed type, through any sealed sub-interfaces. */
  private static Set<Class<?>> changeRecords(Class<?> type) {
    Set<Class<?>> records = new HashSet<>();
    if (type.isRecord()) {
      records.add(type);
    } else {
      for (Class<?> sub : type.getPermittedSubclasses()) {
        records.addAll(changeRecords(sub));
      }
    }
    return records;
  }

  @Provide
  Arbitrary<Customer> customersInEveryForm() {
    return Fixtures.customersInEveryForm();
  }

  @Provide
  Arbitrary<CallbackResult> callbacks() {
    return Fixtures.callbackResults();
  }

  @Provide
  Arbitrary<Classification> classifications() {
    return Fixtures.classifications();
  }

  @Provide
  Arbitrary<NewTicket> newTickets() {
    return Fixtures.newTickets();
  }

  @Provide
  Arbitrary<Command> commands() {
    return commands.commands();
  }
}
