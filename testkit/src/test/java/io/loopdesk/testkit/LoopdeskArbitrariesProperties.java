package io.loopdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Customer;
import io.loopdesk.api.IdDocumentType;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import io.loopdesk.sla.calendar.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The arbitraries generate what they promise: every value passes Loopdesk's own validation, and the
 * properties checked here are stated independently of how the values are built.
 */
class LoopdeskArbitrariesProperties {

  @Property(tries = 500)
  void residentIdNumbersHaveARegionABirthDateASequenceAndTheirCheckCharacter(
      @ForAll("ids") String number) {
    assertThat(number).matches("[0-9]{17}[0-9X]");
    assertThat(ChineseResidentIds.REGION_CODES).contains(number.substring(0, 6));
    LocalDate birth = LocalDate.parse(number.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
    assertThat(birth).isBetween(LocalDate.of(1940, 1, 1), LocalDate.of(2008, 12, 31));
    assertThat(number.charAt(17)).isEqualTo(checkCharacterBySum(number));
    assertThat(ChineseResidentIds.isValid(number)).isTrue();
    Statistics.label("check character X").collect(number.endsWith("X"));
    Statistics.label("check character X").coverage(c -> c.check(true).percentage(p -> p > 3));
  }

  @Property(tries = 300)
  void mobileNumbersAreElevenDigitsWithACarrierPrefix(@ForAll("mobiles") String phone) {
    String digits =
        phone.startsWith("+86 ") ? phone.substring(4).replace("-", "") : phone.replace("-", "");
    assertThat(digits).matches("1[3-9][0-9]{9}");
    assertThat(LoopdeskArbitraries.MOBILE_PREFIXES).contains(digits.substring(0, 3));
  }

  @Property(tries = 200)
  void customersAreClearWithAValidIdDocumentAndCanBeCalledBack(
      @ForAll("customers") Customer customer) {
    assertThat(customer.idDocuments())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.type()).isEqualTo(IdDocumentType.CN_RESIDENT_ID);
              assertThat(ChineseResidentIds.isValid(d.number())).isTrue();
            });
    assertThat(customer.phoneNumber()).isPresent();
    assertThat(customer.toString())
        .doesNotContain(customer.idDocuments().get(0).number())
        .doesNotContain(customer.name());
  }

  @Property(tries = 100)
  void everyGeneratedRequestOpensATicket(@ForAll("tickets") NewTicket request) {
    ServiceDesk desk =
        ServiceDesks.builder().clock(ManualClock.at(Instant.parse("2026-03-02T01:00:00Z"))).build();
    Ticket ticket = desk.open(request, io.loopdesk.api.Actor.SYSTEM);
    assertThat(ticket.status()).isEqualTo(TicketStatus.RECEIVED);
    assertThat(ticket.customer()).isEqualTo(request.customer());
  }

  @Property(tries = 300)
  void satisfiedCallbacksCloseTheLoopAndTheOthersDoNot(
      @ForAll @IntRange(min = 1, max = 5) int minimumRating, @ForAll("seeds") int seed) {
    CallbackResult satisfied = LoopdeskArbitraries.satisfiedCallbacks(minimumRating).sample();
    CallbackResult unsatisfied = LoopdeskArbitraries.unsatisfiedCallbacks(minimumRating).sample();
    CallbackResult unreached = LoopdeskArbitraries.unreachedCallbacks().sample();
    assertThat(satisfied.isSatisfactory(minimumRating)).isTrue();
    assertThat(unsatisfied.isSatisfactory(minimumRating)).isFalse();
    assertThat(unsatisfied.outcome().reached()).isTrue();
    assertThat(unreached.outcome().reached()).isFalse();
  }

  @Property(tries = 200)
  void calendarsHaveWorkingTimeEveryWeek(
      @ForAll("calendars") BusinessCalendar calendar, @ForAll @IntRange(max = 600) int dayOffset) {
    Instant start = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofDays(dayOffset));
    Instant due = calendar.add(start, Duration.ofHours(1));
    assertThat(due).isAfter(start).isBefore(start.plus(Duration.ofDays(8)));
    assertThat(calendar.between(start, due)).isEqualTo(Duration.ofHours(1));
  }

  @Provide
  Arbitrary<String> ids() {
    return LoopdeskArbitraries.chineseResidentIdNumbers();
  }

  @Provide
  Arbitrary<String> mobiles() {
    return LoopdeskArbitraries.mobileNumbers();
  }

  @Provide
  Arbitrary<Customer> customers() {
    return LoopdeskArbitraries.customers();
  }

  @Provide
  Arbitrary<NewTicket> tickets() {
    return LoopdeskArbitraries.newTickets();
  }

  @Provide
  Arbitrary<Integer> seeds() {
    return net.jqwik.api.Arbitraries.integers().between(0, 1000);
  }

  @Provide
  Arbitrary<BusinessCalendar> calendars() {
    return LoopdeskArbitraries.businessCalendars();
  }

  /**
   * GB 11643 written out: sum of digit times 2^(17-i) mod 11, mapped 0..10 to 1 0 X 9 8 7 6 5 4 3
   * 2.
   */
  private static char checkCharacterBySum(String number) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (number.charAt(i) - '0') * (1 << (17 - i)) % 11;
    }
    return "10X98765432".charAt(sum % 11);
  }
}
