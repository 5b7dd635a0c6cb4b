package io.loopdesk.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.TicketStatus;
import io.loopdesk.insights.Kpi;
import io.loopdesk.insights.KpiValues;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Mean durations stay exact however many tickets a slice holds. */
class AccumulatorTest {
  private static final long TEN_MILLION = 10_000_000L;

  private static TicketFacts resolvedTicket(Duration firstResponse, Duration handling) {
    TicketFacts f = new TicketFacts();
    f.status = TicketStatus.CLOSED;
    f.firstResponse = firstResponse;
    f.handling = handling;
    f.resolvedOnce = true;
    return f;
  }

  @Test
  void tenMillionTicketsOfOneDayEachAverageExactlyOneDay() {
    Accumulator accumulator = new Accumulator();
    TicketFacts day = resolvedTicket(Duration.ofHours(24), Duration.ofHours(24));
    for (long i = 0; i < TEN_MILLION; i++) {
      accumulator.add(day);
    }
    KpiValues v = accumulator.values();
    assertThat(v.tickets()).isEqualTo(TEN_MILLION);
    assertThat(v.averageFirstResponse()).contains(Duration.ofHours(24));
    assertThat(v.averageHandling()).contains(Duration.ofHours(24));
    assertThat(Kpi.FIRST_RESPONSE_MINUTES.of(v).getAsDouble()).isEqualTo(1440.0);
    assertThat(Kpi.HANDLING_MINUTES.of(v).getAsDouble()).isEqualTo(1440.0);
  }

  @Test
  void theMeanIsTheExactSumDividedByTheCountTruncatedToTheNanosecond() {
    Accumulator accumulator = new Accumulator();
    TicketFacts short_ = resolvedTicket(Duration.ofDays(1).plusNanos(1), Duration.ofDays(400));
    TicketFacts long_ =
        resolvedTicket(Duration.ofDays(2).plusNanos(2), Duration.ofDays(400).plusNanos(1));
    for (long i = 0; i < TEN_MILLION / 2; i++) {
      accumulator.add(short_);
      accumulator.add(long_);
    }
    KpiValues v = accumulator.values();
    assertThat(v.averageFirstResponse())
        .as("1.5 days + 1.5 ns, truncated")
        .contains(Duration.ofHours(36).plusNanos(1));
    assertThat(v.averageHandling())
        .as("400 days + 0.5 ns, truncated")
        .contains(Duration.ofDays(400));
  }

  @Test
  void durationsLongerThanLongNanosecondsAreAveragedToo() {
    Accumulator accumulator = new Accumulator();
    Duration threeHundredYears = Duration.ofDays(300L * 365);
    accumulator.add(resolvedTicket(threeHundredYears, threeHundredYears));
    accumulator.add(resolvedTicket(threeHundredYears.plusDays(2), threeHundredYears));
    KpiValues v = accumulator.values();
    assertThat(v.averageFirstResponse()).contains(threeHundredYears.plusDays(1));
    assertThat(Kpi.HANDLING_MINUTES.of(v).getAsDouble()).isEqualTo(threeHundredYears.toMinutes());
  }
}
