package io.loopdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackOutcome;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.IdDocumentType;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketNotFoundException;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import io.loopdesk.core.json.LoopdeskJson;
import java.time.Instant;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input gets a ValidationException naming the field, and changes nothing. */
class ValidationTest {
  private final ServiceDesk desk =
      ServiceDesks.builder().clock(ManualClock.at(Instant.parse("2026-01-05T00:00:00Z"))).build();

  private static void rejects(String field, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageContaining(field);
  }

  private static NewTicket.Builder valid() {
    return NewTicket.builder()
        .channel(Channel.EMAIL)
        .customer(Customer.of("C-1", "Alice", null, "alice@example.com"))
        .product("Router R2")
        .problem("no internet");
  }

  @Test
  void newTicketFieldsAreChecked() {
    rejects("channel", () -> valid().channel(null).build());
    rejects("customer", () -> valid().customer(null).build());
    rejects("product", () -> valid().product(" ").build());
    rejects("problem", () -> valid().problem(null).build());
    rejects("problem", () -> valid().problem("x".repeat(Ticket.MAX_PROBLEM_LENGTH + 1)).build());
    rejects(
        "expectation", () -> valid().expectation("x".repeat(Ticket.MAX_NOTE_LENGTH + 1)).build());
  }

  @Test
  void customerDataIsCheckedAndMaskedInErrors() {
    rejects("customer.name", () -> Customer.of("C-1", "", "13812345678", null));
    rejects("customer.customerId", () -> Customer.of(null, "张三", "13812345678", null));
    rejects("customer.phone", () -> Customer.of("C-1", "张三", null, null));
    rejects(
        "customer.tier",
        () -> Customer.builder("C-1").name("张三").phone("13812345678").tier(null).build());
    rejects(
        "customer.address",
        () -> Customer.builder("C-1").name("张三").phone("13812345678").address("").build());
    assertThatThrownBy(
            () ->
                Customer.builder("C-1")
                    .name("张三")
                    .phone("13812345678")
                    .address("北京市朝阳区" + "建国路".repeat(200))
                    .build())
        .hasMessageContaining("customer.address")
        .hasMessageContaining("606 characters")
        .hasMessageNotContaining("朝阳区");
    assertThatThrownBy(
            () ->
                Customer.builder("C-1")
                    .name("张三")
                    .phone("13812345678")
                    .idDocument(IdDocumentType.CN_RESIDENT_ID, "110105194912310021")
                    .build())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("customer.idDocuments[0].number"))
        .hasMessageContaining("18 characters")
        .hasMessageNotContaining("0519491231");
    assertThatThrownBy(() -> Customer.of("C-1", "张三", "13812345678x", null))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("customer.phone")
        .hasMessageNotContaining("13812345678");
    assertThatThrownBy(() -> Customer.of("C-1", "张三", null, "zhang.san.at.example"))
        .hasMessageContaining("customer.email")
        .hasMessageNotContaining("zhang.san");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "lower",
        "WITH SPACE",
        "Ü",
        "TOO_LONG_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
      })
  void codesMustBeUpperCaseIdentifiers(String code) {
    rejects("category", () -> Category.of(code));
    rejects("channel", () -> Channel.of(code));
    rejects("status", () -> TicketStatus.of(code));
    rejects("action", () -> TicketAction.of(code));
  }

  @Test
  void callbackResultsAreConsistent() {
    rejects("callback.rating", () -> CallbackResult.reached(true, 0, ""));
    rejects("callback.rating", () -> CallbackResult.reached(true, 6, ""));
    rejects(
        "callback.rating", () -> new CallbackResult(CallbackOutcome.REACHED, true, null, "", null));
    rejects(
        "callback.rating", () -> new CallbackResult(CallbackOutcome.NO_ANSWER, false, 3, "", null));
    rejects(
        "callback.resolved",
        () -> new CallbackResult(CallbackOutcome.NO_ANSWER, true, null, "", null));
    rejects("callback.outcome", () -> CallbackResult.notReached(CallbackOutcome.REACHED, ""));
    rejects(
        "callback.satisfaction",
        () ->
            new CallbackResult(
                CallbackOutcome.NO_ANSWER,
                false,
                null,
                "",
                io.loopdesk.api.Satisfaction.of(3, 3, 3)));
    rejects("satisfaction.accuracy", () -> io.loopdesk.api.Satisfaction.of(3, 3, 6));
  }

  @Test
  void commandArgumentsAreCheckedBeforeAnythingIsStored() {
    Ticket t = desk.open(valid().build(), Fixtures.AGENT);
    rejects("actor", () -> desk.start(t.id(), t.version(), null));
    rejects("classification", () -> desk.classify(t.id(), t.version(), null, Fixtures.AGENT));
    rejects("assignee", () -> Assignment.of(" ", "support"));
    rejects("reason", () -> desk.waitOnCustomer(t.id(), t.version(), "  ", Fixtures.AGENT));
    rejects("resolution", () -> desk.resolve(t.id(), t.version(), null, Fixtures.AGENT));
    rejects("id", () -> desk.get(null));
    rejects("ticketId", () -> TicketId.of("has space"));
    rejects("actor.id", () -> Actor.of("", Role.AGENT));
    rejects(
        "action", () -> desk.perform(t.id(), t.version(), TicketAction.CLOSE, "", Fixtures.AGENT));
    rejects("limit", () -> TicketQuery.builder().limit(0).build());
    rejects("limit", () -> TicketQuery.builder().limit(TicketQuery.MAX_LIMIT + 1).build());
    rejects("offset", () -> TicketQuery.builder().offset(-1).build());
    rejects(
        "closedLoop.minimumRating",
        () -> new ClosedLoopPolicy(6, 3, ClosedLoopPolicy.UnreachablePolicy.KEEP_CALLING));
    rejects(
        "closedLoop.maxUnreachedAttempts",
        () -> new ClosedLoopPolicy(3, 0, ClosedLoopPolicy.UnreachablePolicy.KEEP_CALLING));
    assertThat(desk.get(t.id())).isEqualTo(t);
    assertThat(desk.history(t.id())).hasSize(1);
  }

  @Test
  void unknownTicketIsATypedNotFound() {
    assertThatThrownBy(() -> desk.start(TicketId.of("nope"), 1, Fixtures.AGENT))
        .isInstanceOfSatisfying(
            TicketNotFoundException.class,
            e -> assertThat(e.ticketId()).isEqualTo(TicketId.of("nope")));
  }

  @Test
  void lifecycleCannotBeConfiguredToLeaveClosedOrRedirectCallbacks() {
    Consumer<Lifecycle.Builder> none = b -> {};
    none.accept(Lifecycle.standard().toBuilder());
    rejects(
        "from",
        () ->
            Lifecycle.standard().toBuilder()
                .transition(TicketStatus.CLOSED, TicketAction.REOPEN, TicketStatus.RECEIVED));
    rejects(
        "to",
        () ->
            Lifecycle.standard().toBuilder()
                .transition(
                    TicketStatus.RESOLVED, TicketAction.RECORD_CALLBACK, TicketStatus.CLOSED));
    rejects(
        "action",
        () ->
            Lifecycle.standard().toBuilder()
                .transition(TicketStatus.RECEIVED, TicketAction.OPEN, TicketStatus.RECEIVED));
  }

  @Test
  void malformedJsonIsATypedErrorThatDoesNotEchoPersonalData() {
    LoopdeskJson json = LoopdeskJson.standard();
    assertThatThrownBy(() -> json.read("{\"customerId\":\"C-1\",\"name\":\"张三\",", Customer.class))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("malformed JSON")
        .hasMessageNotContaining("张三");
    rejects(
        "customer.tier",
        () ->
            json.read(
                "{\"customerId\":\"C-1\",\"name\":\"张三\",\"phone\":\"13812345678\",\"email\":null,\"tier\":null}",
                Customer.class));
    assertThatThrownBy(
            () ->
                json.read(
                    "{\"customerId\":\"C-1\",\"name\":\"张三\",\"phone\":\"13812345678\",\"email\":null,\"tier\":\"GOLD\"}",
                    Customer.class))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("Customer.tier"));
    assertThatThrownBy(() -> json.read("{\"unexpected\":1}", TicketId.class))
        .isInstanceOf(ValidationException.class);
    rejects("json", () -> json.read(null, Ticket.class));
    assertThat(json.read(json.write(CustomerTier.VIP), CustomerTier.class))
        .isEqualTo(CustomerTier.VIP);
  }

  @Test
  void malformedPersonalDataInJsonIsATypedErrorThatDoesNotEchoIt() {
    LoopdeskJson json = LoopdeskJson.standard();
    assertThatThrownBy(
            () ->
                json.read(
                    "{\"customerId\":\"C-1\",\"form\":\"HIDDEN\",\"name\":\"张三\",\"phone\":\"13812345678\",\"tier\":\"VIP\"}",
                    Customer.class))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("Customer.form"))
        .hasMessageNotContaining("张三");
    assertThatThrownBy(
            () ->
                json.read(
                    "{\"customerId\":\"C-1\",\"form\":\"SEALED\",\"name\":\"张三丰\",\"sealed\":{\"keyId\":\"k1\",\"ciphertext\":\"AAAA\"},\"tier\":\"VIP\"}",
                    Customer.class))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("customer.name"))
        .hasMessageContaining("sealed")
        .hasMessageNotContaining("张三丰");
    rejects(
        "customer.sealed",
        () ->
            json.read(
                "{\"customerId\":\"C-1\",\"form\":\"SEALED\",\"tier\":\"VIP\"}", Customer.class));
    rejects(
        "customer.sealed",
        () ->
            json.read(
                "{\"customerId\":\"C-1\",\"name\":\"张三\",\"phone\":\"13812345678\",\"sealed\":{\"keyId\":\"k1\",\"ciphertext\":\"AAAA\"},\"tier\":\"VIP\"}",
                Customer.class));
    rejects(
        "sealed.ciphertext",
        () ->
            json.read(
                "{\"customerId\":\"C-1\",\"form\":\"SEALED\",\"sealed\":{\"keyId\":\"k1\",\"ciphertext\":\"not base64!\"},\"tier\":\"VIP\"}",
                Customer.class));
    assertThatThrownBy(
            () ->
                json.read(
                    "{\"customerId\":\"C-1\",\"name\":\"张三\",\"phone\":\"13812345678\",\"idDocuments\":[{\"type\":\"CN_RESIDENT_ID\",\"number\":\"110105194912310021\"}],\"tier\":\"VIP\"}",
                    Customer.class))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.field()).isEqualTo("customer.idDocuments[0].number"))
        .hasMessageNotContaining("0519491231");
    assertThatThrownBy(
            () ->
                json.read(
                    "{\"customerId\":\"C-1\",\"name\":\"张三\",\"phone\":\"13812345678\",\"idDocuments\":{\"number\":1},\"tier\":\"VIP\"}",
                    Customer.class))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.field()).startsWith("Customer.idDocuments"));
    assertThatThrownBy(
            () ->
                json.read(
                    "{\"customerId\":\"C-1\",\"name\":\"张三\",\"phone\":\"13812345678\",\"birthday\":\"1990-01-01\",\"tier\":\"VIP\"}",
                    Customer.class))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).startsWith("Customer"))
        .hasMessageNotContaining("1990-01-01");
  }

  @Test
  void ticketsAreOpenedOnlyForCustomersInClearForm() {
    Customer clear = valid().build().customer();
    rejects(
        "customer.form", () -> desk.open(valid().customer(clear.masked()).build(), Fixtures.AGENT));
    Customer sealed =
        Customer.ofSealed(
            "C-1",
            CustomerTier.STANDARD,
            new io.loopdesk.api.SealedPersonalData(
                "k1", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8"));
    rejects("customer.form", () -> desk.open(valid().customer(sealed).build(), Fixtures.AGENT));
    assertThat(desk.query(TicketQuery.builder().build()).items()).isEmpty();
  }
}
