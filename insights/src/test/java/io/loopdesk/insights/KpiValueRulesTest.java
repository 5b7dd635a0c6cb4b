package io.loopdesk.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.TicketId;
import io.loopdesk.api.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalDouble;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * How each KPI reads a slice's values (durations to fractional minutes), and the limits of the
 * calculator's arguments.
 */
class KpiValueRulesTest {
  static final KpiValues VALUES =
      new KpiValues(
          12,
          9,
          7,
          3,
          Optional.of(Duration.ofSeconds(90, 500_000_000)),
          Optional.of(Duration.ofMillis(45)),
          OptionalDouble.of(0.5),
          OptionalDouble.of(4.25),
          OptionalDouble.of(0.75),
          OptionalDouble.of(0.875),
          OptionalDouble.of(0.125),
          OptionalDouble.of(0.625));

  @Test
  void eachKpiReadsItsValueAndDurationsBecomeFractionalMinutes() {
    assertThat(Kpi.TICKETS.of(VALUES)).hasValue(12);
    assertThat(Kpi.BACKLOG.of(VALUES)).hasValue(3);
    assertThat(Kpi.FIRST_RESPONSE_MINUTES.of(VALUES).getAsDouble())
        .isCloseTo(90.5 / 60, Offset.offset(1e-12));
    assertThat(Kpi.HANDLING_MINUTES.of(VALUES).getAsDouble())
        .isCloseTo(0.045 / 60, Offset.offset(1e-15));
    assertThat(Kpi.FIRST_CONTACT_RESOLUTION.of(VALUES)).hasValue(0.5);
    assertThat(Kpi.CSAT_AVERAGE.of(VALUES)).hasValue(4.25);
    assertThat(Kpi.SATISFIED_RATE.of(VALUES)).hasValue(0.75);
    assertThat(Kpi.RESOLUTION_SLA_ATTAINMENT.of(VALUES)).hasValue(0.875);
    assertThat(Kpi.REOPEN_RATE.of(VALUES)).hasValue(0.125);
    assertThat(Kpi.CALLBACK_COMPLETION.of(VALUES)).hasValue(0.625);
    KpiValues empty =
        new KpiValues(
            0,
            0,
            0,
            0,
            Optional.empty(),
            Optional.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty());
    assertThat(Kpi.FIRST_RESPONSE_MINUTES.of(empty)).isEmpty();
  }

  @Test
  void topProblemsMayBeOneToAThousand() {
    assertThatCode(() -> KpiCalculator.of(ZoneOffset.UTC, 1)).doesNotThrowAnyException();
    assertThatCode(() -> KpiCalculator.of(ZoneOffset.UTC, 1000)).doesNotThrowAnyException();
    assertThatThrownBy(() -> KpiCalculator.of(ZoneOffset.UTC, 1001))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("topProblems"));
  }

  @Test
  void anSlaOutcomeNamesItsMissingPart() {
    Instant at = Instant.parse("2026-03-02T09:00:00Z");
    assertThatThrownBy(() -> new SlaOutcome(null, "resolution", true, at))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("ticketId"));
    assertThatThrownBy(() -> new SlaOutcome(TicketId.of("T-1"), "resolution", true, null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("at"));
    assertThatThrownBy(() -> new SlaOutcome(TicketId.of("T-1"), " ", true, at))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("target"));
  }
}
