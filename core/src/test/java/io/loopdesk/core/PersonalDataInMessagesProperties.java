package io.loopdesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Escalation;
import io.loopdesk.api.IdDocumentType;
import io.loopdesk.api.LoopdeskException;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.core.json.LoopdeskJson;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Personal data never appears in an exception message, wherever a caller puts it: into any field of
 * any input type, in clear, made invalid (too long, with a control character, in the wrong format),
 * or into any leaf of a JSON document read by the codec.
 */
class PersonalDataInMessagesProperties {
  /**
   * Personal data as it reaches a CRM: names, phones, e-mails, addresses, ID and passport numbers.
   */
  private static final List<String> PERSONAL_DATA =
      List.of(
          "欧阳娜娜",
          "13987654321",
          "nana.ouyang@example.com",
          "上海市静安区南京西路1266号",
          "310106199003075161",
          "E98765432",
          "Alice Johnson",
          "+86 139 8765 4321");

  /** Ways to make a value invalid in most fields while keeping the personal data inside it. */
  private static final List<java.util.function.UnaryOperator<String>> HOSTILE_FORMS =
      List.of(
          v -> v,
          v -> v.repeat(2_000),
          v -> v + "\u0000",
          v -> " " + v + "\n",
          v -> v.toLowerCase(),
          v -> "[" + v + "]");

  private static final ServiceDesk DESK =
      ServiceDesks.builder().clock(ManualClock.at(Instant.parse("2026-03-02T01:00:00Z"))).build();
  private static final Ticket TICKET = DESK.open(Fixtures.newTickets().sample(), Fixtures.AGENT);
  private static final ObjectMapper TREE = new ObjectMapper();

  @Property(tries = 500)
  void noExceptionMessageFromAnyInputFieldContainsThePersonalDataPutThere(
      @ForAll("personalData") String personal,
      @ForAll("hostile") java.util.function.UnaryOperator<String> form,
      @ForAll("fields") Field field) {
    String value = form.apply(personal);
    try {
      field.set().accept(value);
    } catch (LoopdeskException | IllegalStateException e) {
      assertNoPersonalData(e, personal, field.name());
    }
  }

  @Property(tries = 500)
  void noCodecMessageContainsPersonalDataPutIntoAnyLeafOfADocument(
      @ForAll("personalData") String personal,
      @ForAll("documents") Document document,
      @ForAll("picks") int pick,
      @ForAll boolean asNumber)
      throws Exception {
    JsonNode tree = TREE.readTree(document.json());
    List<JsonNode> parents = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    collectLeaves(tree, parents, keys);
    int i = pick % parents.size();
    JsonNode replacement =
        asNumber && personal.chars().allMatch(Character::isDigit)
            ? TREE.readTree(personal)
            : TextNode.valueOf(personal);
    if (parents.get(i) instanceof ObjectNode object) {
      object.set(keys.get(i), replacement);
    } else {
      ((ArrayNode) parents.get(i)).set(Integer.parseInt(keys.get(i)), replacement);
    }
    try {
      LoopdeskJson.standard().read(TREE.writeValueAsString(tree), document.type());
    } catch (LoopdeskException e) {
      assertNoPersonalData(e, personal, document.type().getSimpleName() + " at " + keys.get(i));
    }
  }

  private static void assertNoPersonalData(Throwable e, String personal, String where) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      assertThat(message)
          .as("message of %s thrown for %s", t.getClass().getSimpleName(), where)
          .doesNotContain(personal);
      String digits = personal.replaceAll("\\D", "");
      if (digits.length() >= 8) {
        assertThat(message.replaceAll("\\D", ""))
            .as("digits of %s", where)
            .doesNotContain(digits.substring(2, digits.length() - 2));
      }
    }
  }

  private static void collectLeaves(JsonNode node, List<JsonNode> parents, List<String> keys) {
    if (node instanceof ObjectNode object) {
      object
          .fieldNames()
          .forEachRemaining(
              name -> {
                JsonNode child = object.get(name);
                if (child.isValueNode() || child.isNull()) {
                  parents.add(object);
                  keys.add(name);
                } else {
                  collectLeaves(child, parents, keys);
                }
              });
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode child = array.get(i);
        if (child.isValueNode() || child.isNull()) {
          parents.add(array);
          keys.add(Integer.toString(i));
        } else {
          collectLeaves(child, parents, keys);
        }
      }
    }
  }

  record Field(String name, Consumer<String> set) {
    @Override
    public String toString() {
      return name;
    }
  }

  record Document(Class<?> type, String json) {
    @Override
    public String toString() {
      return type.getSimpleName();
    }
  }

  @Provide
  Arbitrary<String> personalData() {
    return Arbitraries.of(PERSONAL_DATA);
  }

  @Provide
  Arbitrary<java.util.function.UnaryOperator<String>> hostile() {
    return Arbitraries.of(HOSTILE_FORMS);
  }

  @Provide
  Arbitrary<Integer> picks() {
    return Arbitraries.integers().between(0, 10_000);
  }

  @Provide
  Arbitrary<Field> fields() {
    Customer valid = Fixtures.customers().sample();
    return Arbitraries.of(
        new Field("customer.id", v -> Customer.builder(v).name("Bob").build()),
        new Field("customer.name", v -> Customer.builder("C-1").name(v).build()),
        new Field("customer.phone", v -> Customer.builder("C-1").name("Bob").phone(v).build()),
        new Field("customer.email", v -> Customer.builder("C-1").name("Bob").email(v).build()),
        new Field("customer.address", v -> Customer.builder("C-1").name("Bob").address(v).build()),
        new Field(
            "customer.idNumber",
            v ->
                Customer.builder("C-1")
                    .name("Bob")
                    .idDocument(IdDocumentType.CN_RESIDENT_ID, v)
                    .build()),
        new Field(
            "customer.passport",
            v ->
                Customer.builder("C-1").name("Bob").idDocument(IdDocumentType.PASSPORT, v).build()),
        new Field(
            "idDocument.type",
            v ->
                Customer.builder("C-1")
                    .name("Bob")
                    .idDocument(IdDocumentType.of(v), "E1234567")
                    .build()),
        new Field("channel", v -> Channel.of(v)),
        new Field("category", v -> Category.of(v)),
        new Field("status", v -> TicketStatus.of(v)),
        new Field("action", v -> TicketAction.of(v)),
        new Field("ticketId", v -> TicketId.of(v)),
        new Field("actor.id", v -> Actor.of(v, Role.AGENT)),
        new Field(
            "problem",
            v ->
                NewTicket.builder()
                    .channel(Channel.PHONE)
                    .customer(valid)
                    .product("X9")
                    .problem(v)
                    .build()),
        new Field(
            "product",
            v ->
                NewTicket.builder()
                    .channel(Channel.PHONE)
                    .customer(valid)
                    .product(v)
                    .problem("p")
                    .build()),
        new Field(
            "expectation",
            v ->
                NewTicket.builder()
                    .channel(Channel.PHONE)
                    .customer(valid)
                    .product("X9")
                    .problem("p")
                    .expectation(v)
                    .build()),
        new Field("callback.comment", v -> CallbackResult.reached(true, 5, v)),
        new Field("assignment.assignee", v -> Assignment.of(v, "support")),
        new Field("assignment.department", v -> Assignment.of("a-1", v)),
        new Field("escalation.to", v -> Escalation.of(1, v, "late")),
        new Field("escalation.reason", v -> Escalation.of(1, "lead-1", v)),
        new Field(
            "desk.resolve", v -> DESK.resolve(TICKET.id(), TICKET.version(), v, Fixtures.AGENT)),
        new Field(
            "desk.waitOnCustomer",
            v -> DESK.waitOnCustomer(TICKET.id(), TICKET.version(), v, Fixtures.AGENT)),
        new Field(
            "desk.perform",
            v ->
                DESK.perform(
                    TICKET.id(), TICKET.version(), TicketAction.of("NOTE"), v, Fixtures.AGENT)),
        new Field(
            "desk.query",
            v -> DESK.query(io.loopdesk.api.TicketQuery.builder().customerId(v).build())));
  }

  @Provide
  Arbitrary<Document> documents() {
    LoopdeskJson json = LoopdeskJson.standard();
    Ticket ticket = Scenarios.openAndResolve(DESK, Fixtures.newTickets().sample());
    List<TicketEvent> events = DESK.history(ticket.id());
    List<Document> documents = new ArrayList<>();
    documents.add(new Document(Ticket.class, json.write(ticket)));
    documents.add(new Document(Customer.class, json.write(ticket.customer())));
    for (TicketEvent event : events) {
      documents.add(new Document(TicketEvent.class, json.write(event)));
    }
    return Arbitraries.of(documents);
  }
}
