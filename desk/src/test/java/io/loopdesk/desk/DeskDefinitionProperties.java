package io.loopdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The canonical YAML of any desk definition reads back to an equal definition with equal calendars.
 */
class DeskDefinitionProperties {

  record CalendarSpec(
      String zone, String weekdays, String saturday, boolean china, List<Integer> holidayDays) {}

  @Provide
  Arbitrary<CalendarSpec> calendars() {
    return Combinators.combine(
            Arbitraries.of("Asia/Shanghai", "Europe/London", "America/New_York", "UTC"),
            Arbitraries.of(
                "[\"09:00-12:00\", \"13:30-18:00\"]", "[\"08:00-20:00\"]", "[\"22:00-06:00+1\"]"),
            Arbitraries.of("[\"09:00-12:00\"]", "[]"),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(0, 364).list().ofMaxSize(3).uniqueElements())
        .as(CalendarSpec::new);
  }

  @Property(tries = 60)
  void theCanonicalYamlOfAnyDefinitionReadsBackEqual(
      @ForAll("calendars") CalendarSpec office,
      @ForAll("calendars") CalendarSpec hotline,
      @ForAll("hours") int p1Hours,
      @ForAll boolean hotlineDefault) {
    String yaml =
        "calendars:\n"
            + calendar("office", office)
            + calendar("hotline", hotline)
            + "defaultCalendar: "
            + (hotlineDefault ? "hotline" : "office")
            + "\n"
            + "sla:\n  base: defaults\n  targets:\n"
            + "    - { metric: RESOLUTION, priority: P1, duration: PT"
            + p1Hours
            + "H, calendar: office }\n";
    DeskDefinition original = DeskDefinition.fromYaml(yaml);
    DeskDefinition again = DeskDefinition.fromYaml(original.toYaml());

    assertThat(again).isEqualTo(original);
    assertThat(again.toYaml()).isEqualTo(original.toYaml());
    assertThat(again.calendars()).isEqualTo(original.calendars());
    Instant start = Instant.parse("2026-03-02T03:00:00Z");
    for (int i = 0; i < original.calendars().size(); i++) {
      if (!original.calendars().get(i).weeklyHours(java.time.DayOfWeek.MONDAY).isEmpty()
          || !original.calendars().get(i).weeklyHours(java.time.DayOfWeek.SATURDAY).isEmpty()) {
        assertThat(deadline(again, i, start, p1Hours))
            .isEqualTo(deadline(original, i, start, p1Hours));
      }
    }
  }

  /**
   * The deadline, or the exception's type when the data runs out (e.g. a year without holiday
   * data).
   */
  private static Object deadline(
      DeskDefinition definition, int calendar, Instant start, int hours) {
    try {
      return definition.calendars().get(calendar).add(start, Duration.ofHours(hours));
    } catch (RuntimeException e) {
      return e.getClass();
    }
  }

  @Provide
  Arbitrary<Integer> hours() {
    return Arbitraries.integers().between(1, 200);
  }

  private static String calendar(String name, CalendarSpec spec) {
    StringBuilder out =
        new StringBuilder(
            "  "
                + name
                + ":\n    zone: "
                + spec.zone()
                + "\n"
                + "    weekly: { WEEKDAYS: "
                + spec.weekdays()
                + ", SATURDAY: "
                + spec.saturday()
                + " }\n");
    if (spec.china()) {
      out.append("    holidays: china\n");
    }
    if (!spec.holidayDays().isEmpty()) {
      out.append("    overrides:\n");
      for (int day : spec.holidayDays()) {
        out.append("      - { date: ")
            .append(LocalDate.of(2026, 1, 1).plusDays(day))
            .append(", label: closed }\n");
      }
    }
    return out.toString();
  }
}
