package io.loopdesk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Category;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Level;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.ValidationException;
import io.loopdesk.core.json.LoopdeskJson;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Where JSON errors point (without echoing the input), the manual clock's and builder's argument
 * checks.
 */
class JsonAndClockErrorsTest {
  private final LoopdeskJson json = LoopdeskJson.standard();

  @Test
  void malformedJsonNamesTheLineAndColumnButNotTheText() {
    assertThatThrownBy(() -> json.read("{\"customerId\":\"C-1\",\n \"name\": 张三}", Customer.class))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("json");
              assertThat(e.value()).isEqualTo("<input at line 2, column 10>");
              assertThat(e.getMessage()).doesNotContain("张三");
            });
  }

  @Test
  void aValueOfTheWrongTypeIsNotEchoed() {
    assertThatThrownBy(
            () ->
                json.read(
                    "{\"impact\":\"13812345678\",\"urgency\":\"LOW\",\"severity\":\"LOW\"}",
                    io.loopdesk.api.PriorityFactors.class))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("PriorityFactors.impact");
              assertThat(e.getMessage()).doesNotContain("13812345678").contains("Level");
            });
    assertThatThrownBy(() -> json.read("{\"value\":{\"phone\":\"13812345678\"}}", TicketId.class))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.getMessage()).doesNotContain("13812345678"));
  }

  @Test
  void aWrongTypeNamesTheFieldPathAndWhereItIs() {
    assertThatThrownBy(
            () ->
                json.read(
                    "{\"impact\":\"HUGE\",\"urgency\":\"LOW\",\"severity\":\"LOW\"}",
                    io.loopdesk.api.PriorityFactors.class))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("PriorityFactors.impact");
              assertThat(e.value()).isEqualTo("<input at line 1, column 11>");
            });
  }

  @Test
  void aValueThatCannotBeWrittenIsAValidationErrorNamingItsType() {
    assertThatThrownBy(() -> json.write(new Object()))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("value");
              assertThat(e.value()).isEqualTo("Object");
            });
  }

  @Test
  void manualClockNamesTheMissingArgument() {
    assertThatThrownBy(() -> ManualClock.at(null, ZoneOffset.UTC))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("start"));
    assertThatThrownBy(() -> ManualClock.at(Instant.EPOCH, null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("zone"));
    assertThat(ManualClock.at(Instant.EPOCH, ZoneId.of("Asia/Shanghai")).getZone())
        .isEqualTo(ZoneId.of("Asia/Shanghai"));
  }

  @Test
  void ticketsOpenedWithoutAnIdGetOneFromTheConfiguredGenerator() {
    AtomicInteger next = new AtomicInteger();
    ServiceDesk desk =
        ServiceDesks.builder()
            .idGenerator(() -> TicketId.of("T-" + next.incrementAndGet()))
            .clock(ManualClock.at(Instant.parse("2026-04-01T00:00:00Z")))
            .build();
    Ticket first = desk.open(Fixtures.newTickets().sample(), Fixtures.AGENT);
    Ticket second = desk.open(Fixtures.newTickets().sample(), Fixtures.AGENT);
    assertThat(first.id()).isEqualTo(TicketId.of("T-1"));
    assertThat(second.id()).isEqualTo(TicketId.of("T-2"));
    assertThat(
            desk.classify(
                    first.id(),
                    1,
                    Classification.of(Category.SUGGESTION, Level.LOW, Level.LOW, Level.LOW),
                    Fixtures.AGENT)
                .version())
        .isEqualTo(2);
  }
}
