package io.loopdesk.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Counting arrivals from the event trail, the seasonal baseline, and the error measures. */
class ForecastTest {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final Duration HALF_HOUR = Duration.ofMinutes(30);
  static final LocalDate MONDAY = LocalDate.of(2026, 9, 7);

  final List<TicketEvent> events = new ArrayList<>();

  void arrive(Channel channel, LocalDateTime local, int count) {
    for (int i = 0; i < count; i++) {
      TicketId id = TicketId.of("T-" + (events.size() + 1));
      events.add(
          new TicketEvent(
              id,
              1,
              local.atZone(SHANGHAI).toInstant(),
              Actor.SYSTEM,
              null,
              TicketStatus.RECEIVED,
              new TicketChange.Opened(
                  channel, Customer.of("C-1", "张三", "13812345678", null), "X9", "broken", "", "")));
      events.add(
          new TicketEvent(
              id,
              2,
              local.atZone(SHANGHAI).toInstant().plusSeconds(60),
              Actor.SYSTEM,
              TicketStatus.RECEIVED,
              TicketStatus.RECEIVED,
              new TicketChange.Reopened("noise that is not an arrival")));
    }
  }

  /**
   * Weekdays get 3 phone calls at 09:00-09:30 plus one chat at 09:44; weekends one call at 10:10.
   */
  void regularWeeks(int weeks) {
    for (LocalDate d = MONDAY; d.isBefore(MONDAY.plusWeeks(weeks)); d = d.plusDays(1)) {
      if (d.getDayOfWeek().getValue() <= 5) {
        arrive(Channel.PHONE, d.atTime(9, 5), 3);
        arrive(Channel.ONLINE_CHAT, d.atTime(9, 44), 1);
      } else {
        arrive(Channel.PHONE, d.atTime(10, 10), 1);
      }
    }
  }

  @Test
  void countsOpenedTicketsPerChannelAndLocalInterval() {
    regularWeeks(1);
    ArrivalCounts counts = ArrivalCounts.fromEvents(events, SHANGHAI, HALF_HOUR);
    assertThat(counts.intervalsPerDay()).isEqualTo(48);
    assertThat(counts.count(Channel.PHONE, MONDAY.atTime(9, 0))).isEqualTo(3);
    assertThat(counts.count(Channel.ONLINE_CHAT, MONDAY.atTime(9, 30))).isEqualTo(1);
    assertThat(counts.count(Channel.ONLINE_CHAT, MONDAY.atTime(9, 0))).isZero();
    assertThat(counts.total(MONDAY.atTime(9, 0))).isEqualTo(3);
    assertThat(counts.count(Channel.EMAIL, MONDAY.atTime(9, 0))).isZero();
    assertThat(counts.channels()).containsExactly(Channel.ONLINE_CHAT, Channel.PHONE);
    assertThat(counts.firstDay()).isEqualTo(MONDAY);
    assertThat(counts.lastDay()).isEqualTo(MONDAY.plusDays(6));
    ArrivalCounts quarter = ArrivalCounts.fromEvents(events, SHANGHAI, Duration.ofMinutes(15));
    assertThat(quarter.count(Channel.ONLINE_CHAT, MONDAY.atTime(9, 30))).isOne();
    assertThat(
            ArrivalCounts.fromEvents(events, ZoneId.of("UTC"), HALF_HOUR)
                .count(Channel.PHONE, MONDAY.atTime(1, 0)))
        .as("counted in the zone given")
        .isEqualTo(3);
  }

  @Test
  void aStablePatternIsForecastExactlyWithZeroError() {
    regularWeeks(5);
    ArrivalCounts all = ArrivalCounts.fromEvents(events, SHANGHAI, HALF_HOUR);
    ArrivalForecast forecast =
        SeasonalForecaster.builder().build().forecast(all, MONDAY.plusWeeks(4), 7);
    assertThat(forecast.intervals()).hasSize(7 * 48);
    assertThat(forecast.expected(Channel.PHONE, MONDAY.plusWeeks(4).atTime(9, 0))).isEqualTo(3.0);
    assertThat(forecast.expected(Channel.PHONE, MONDAY.plusWeeks(4).plusDays(5).atTime(10, 0)))
        .isEqualTo(1.0);
    assertThat(forecast.total(MONDAY.plusWeeks(4).atTime(9, 30))).isEqualTo(1.0);
    ForecastAccuracy accuracy = ForecastAccuracy.perChannel(forecast, all);
    assertThat(accuracy.wape()).isZero();
    assertThat(accuracy.bias()).isZero();
    assertThat(accuracy.actualTotal()).isEqualTo(5 * 4 + 2);
    assertThat(accuracy.points()).isEqualTo(2 * 7 * 48);
  }

  @Test
  void medianIgnoresOneOddDayWhereTheMeanFollowsIt() {
    regularWeeks(4);
    arrive(Channel.PHONE, MONDAY.plusWeeks(1).atTime(9, 10), 17);
    ArrivalCounts history = ArrivalCounts.fromEvents(events, SHANGHAI, HALF_HOUR);
    LocalDateTime nextMonday9 = MONDAY.plusWeeks(4).atTime(9, 0);
    assertThat(
            SeasonalForecaster.builder()
                .build()
                .forecast(history, MONDAY.plusWeeks(4), 1)
                .expected(Channel.PHONE, nextMonday9))
        .isEqualTo((3 + 20 + 3 + 3) / 4.0);
    assertThat(
            SeasonalForecaster.builder()
                .aggregation(SeasonalForecaster.Aggregation.MEDIAN)
                .build()
                .forecast(history, MONDAY.plusWeeks(4), 1)
                .expected(Channel.PHONE, nextMonday9))
        .isEqualTo(3.0);
    assertThat(
            SeasonalForecaster.builder()
                .lookBackWeeks(2)
                .build()
                .forecast(history, MONDAY.plusWeeks(4), 1)
                .expected(Channel.PHONE, nextMonday9))
        .as("the odd week is outside a 2-week window")
        .isEqualTo(3.0);
  }

  @Test
  void calendarAwareClassifierForecastsHolidaysLikeWeekendsAndWeekdaysWithoutThem() {
    LocalDate holiday = MONDAY.plusWeeks(1).plusDays(3);
    for (LocalDate d = MONDAY; d.isBefore(MONDAY.plusWeeks(4)); d = d.plusDays(1)) {
      boolean working = d.getDayOfWeek().getValue() <= 5 && !d.equals(holiday);
      arrive(Channel.PHONE, d.atTime(11, 0), working ? 4 : 1);
    }
    ArrivalCounts history = ArrivalCounts.fromEvents(events, SHANGHAI, HALF_HOUR);
    DayClassifier calendar =
        DayClassifier.workingDays(d -> d.getDayOfWeek().getValue() <= 5 && !d.equals(holiday));
    LocalDate nextThursday = MONDAY.plusWeeks(4).plusDays(3);
    assertThat(nextThursday.getDayOfWeek()).isEqualTo(DayOfWeek.THURSDAY);
    assertThat(
            SeasonalForecaster.builder()
                .build()
                .forecast(history, nextThursday, 1)
                .expected(Channel.PHONE, nextThursday.atTime(11, 0)))
        .as("by weekday the holiday drags Thursday down")
        .isEqualTo(3.25);
    SeasonalForecaster aware = SeasonalForecaster.builder().dayClassifier(calendar).build();
    assertThat(
            aware
                .forecast(history, nextThursday, 1)
                .expected(Channel.PHONE, nextThursday.atTime(11, 0)))
        .isEqualTo(4.0);
    DayClassifier nextThursdayOff =
        DayClassifier.workingOrNot(
            d -> d.getDayOfWeek().getValue() <= 5 && !d.equals(holiday) && !d.equals(nextThursday));
    assertThat(
            SeasonalForecaster.builder()
                .dayClassifier(nextThursdayOff)
                .build()
                .forecast(history, nextThursday, 1)
                .expected(Channel.PHONE, nextThursday.atTime(11, 0)))
        .as("a holiday is forecast like the other non-working days")
        .isEqualTo(1.0);
  }

  @Test
  void errorMeasuresFollowTheirDefinitions() {
    arrive(Channel.PHONE, MONDAY.atTime(9, 0), 1);
    arrive(Channel.PHONE, MONDAY.atTime(9, 30), 3);
    arrive(Channel.PHONE, MONDAY.plusDays(1).atTime(9, 0), 2);
    arrive(Channel.PHONE, MONDAY.plusDays(1).atTime(9, 30), 2);
    ArrivalCounts counts = ArrivalCounts.fromEvents(events, SHANGHAI, HALF_HOUR);
    ArrivalForecast forecast =
        SeasonalForecaster.builder().build().forecast(counts, MONDAY.plusDays(1), 1);
    assertThat(forecast.expected(Channel.PHONE, MONDAY.plusDays(1).atTime(9, 0)))
        .as("fallback: all days of the window")
        .isEqualTo(1.0);
    ForecastAccuracy a = ForecastAccuracy.perChannel(forecast, counts, Set.of(Channel.PHONE));
    assertThat(a.actualTotal()).isEqualTo(4);
    assertThat(a.forecastTotal()).isEqualTo(4.0);
    assertThat(a.wape()).isCloseTo(2.0 / 4, within(1e-12));
    assertThat(a.mape()).isCloseTo((0.5 + 0.5) / 2, within(1e-12));
    assertThat(a.mapePoints()).isEqualTo(2);
    assertThat(a.bias()).isZero();
    assertThat(a.summary()).contains("WAPE 50.0%").contains("bias +0.0%");
    assertThat(ForecastAccuracy.totals(forecast, counts).wape()).isCloseTo(0.5, within(1e-12));
  }

  @Test
  void poissonMeanAbsoluteDeviationEqualsTheDirectSum() {
    for (double lambda : new double[] {0.3, 1.0, 2.5, 7.2, 40.0}) {
      double direct = 0;
      double p = Math.exp(-lambda);
      for (int k = 0; k < 400; k++) {
        direct += p * Math.abs(k - lambda);
        p = p * lambda / (k + 1);
      }
      assertThat(ForecastAccuracy.poissonMeanAbsoluteDeviation(lambda))
          .as("lambda %s", lambda)
          .isCloseTo(direct, within(1e-9));
    }
    assertThat(ForecastAccuracy.poissonMeanAbsoluteDeviation(0)).isZero();
  }

  @Test
  void badInputIsRejectedNamingTheField() {
    assertThatThrownBy(() -> ArrivalCounts.fromEvents(events, SHANGHAI, Duration.ofMinutes(7)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("interval");
    assertThatThrownBy(() -> ArrivalCounts.fromEvents(null, SHANGHAI, HALF_HOUR))
        .hasMessageContaining("events");
    assertThatThrownBy(() -> ArrivalCounts.fromEvents(events, null, HALF_HOUR))
        .hasMessageContaining("zone");
    ArrivalCounts empty = ArrivalCounts.fromEvents(events, SHANGHAI, HALF_HOUR);
    assertThatThrownBy(() -> SeasonalForecaster.builder().build().forecast(empty, MONDAY, 1))
        .hasMessageContaining("history");
    regularWeeks(1);
    ArrivalCounts week = ArrivalCounts.fromEvents(events, SHANGHAI, HALF_HOUR);
    assertThatThrownBy(
            () -> SeasonalForecaster.builder().build().forecast(week, MONDAY.plusWeeks(1), 0))
        .hasMessageContaining("days");
    assertThatThrownBy(() -> SeasonalForecaster.builder().lookBackWeeks(0))
        .hasMessageContaining("lookBackWeeks");
    assertThatThrownBy(() -> SeasonalForecaster.builder().build().forecast(week, MONDAY, 1))
        .as("nothing before the first day")
        .hasMessageContaining("history");
    ArrivalForecast forecast =
        SeasonalForecaster.builder().build().forecast(week, MONDAY.plusWeeks(1), 1);
    ArrivalCounts quarter = ArrivalCounts.fromEvents(events, SHANGHAI, Duration.ofMinutes(15));
    assertThatThrownBy(() -> ForecastAccuracy.perChannel(forecast, quarter))
        .hasMessageContaining("interval");
    assertThatThrownBy(() -> StaffingPlanner.builder(Duration.ofMinutes(3)).shrinkage(0.95))
        .hasMessageContaining("shrinkage");
  }

  @Test
  void staffingPlanStaffsEachIntervalWithErlangCAndShrinkage() {
    regularWeeks(4);
    for (LocalDate d = MONDAY; d.isBefore(MONDAY.plusWeeks(4)); d = d.plusDays(1)) {
      arrive(Channel.PHONE, d.atTime(LocalTime.of(14, 0)), 60);
    }
    ArrivalCounts history = ArrivalCounts.fromEvents(events, SHANGHAI, HALF_HOUR);
    ArrivalForecast forecast =
        SeasonalForecaster.builder().build().forecast(history, MONDAY.plusWeeks(4), 1);
    List<StaffingInterval> plan =
        StaffingPlanner.builder(Duration.ofMinutes(4))
            .channels(Set.of(Channel.PHONE))
            .target(ServiceTarget.HANDBOOK)
            .shrinkage(0.3)
            .build()
            .plan(forecast);
    assertThat(plan).hasSize(48);
    StaffingInterval two = plan.get(28);
    assertThat(two.start()).isEqualTo(MONDAY.plusWeeks(4).atTime(14, 0));
    assertThat(two.arrivals()).isEqualTo(60.0);
    int required =
        ErlangC.of(60, HALF_HOUR, Duration.ofMinutes(4)).requiredAgents(ServiceTarget.HANDBOOK);
    assertThat(two.requiredAgents()).isEqualTo(required);
    assertThat(two.scheduledAgents()).isEqualTo((int) Math.ceil(required / 0.7));
    assertThat(two.figures().serviceLevel()).isGreaterThanOrEqualTo(0.85);
    assertThat(plan.get(0).requiredAgents()).isZero();
    assertThat(plan.get(0).figures()).isNull();
    assertThat(plan.get(18).arrivals()).as("chat is not staffed here").isEqualTo(3.0);
  }
}
