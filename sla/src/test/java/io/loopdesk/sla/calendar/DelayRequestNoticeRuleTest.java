package io.loopdesk.sla.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.ValidationException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** The boundary cases written out in the rule's Javadoc, one by one. */
class DelayRequestNoticeRuleTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DelayRequestNoticeRule RULE =
      DelayRequestNoticeRule.on(
          BusinessCalendar.builder("cn-office", SHANGHAI)
              .weekdays(WorkingInterval.parse("09:00-18:00"))
              .holidays(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7), "National Day")
              .workingDayLike(LocalDate.of(2026, 9, 27), DayOfWeek.MONDAY, "make-up day")
              .build());

  private static Instant at(int month, int day, int hour, int minute) {
    return LocalDateTime.of(2026, month, day, hour, minute).atZone(SHANGHAI).toInstant();
  }

  @Test
  void exactlyAtTheLimitIsInTimeAndOneNanosecondLaterIsLate() {
    Instant due = at(9, 17, 10, 0);
    assertThat(RULE.latestFiling(due)).isEqualTo(at(9, 16, 10, 0));
    assertThat(RULE.isInTime(at(9, 16, 10, 0), due)).isTrue();
    assertThat(RULE.isInTime(at(9, 16, 10, 0).plusNanos(1), due)).isFalse();
    assertThat(RULE.isInTime(at(9, 15, 17, 0), due)).isTrue();
  }

  @Test
  void weekendDaysAreNoNotice() {
    Instant mondayNine = at(9, 21, 9, 0);
    assertThat(RULE.latestFiling(mondayNine)).isEqualTo(at(9, 18, 9, 0));
    assertThat(RULE.isInTime(at(9, 19, 10, 0), mondayNine)).as("Saturday").isFalse();
    assertThat(RULE.isInTime(at(9, 20, 23, 0), mondayNine)).as("Sunday").isFalse();
  }

  @Test
  void aRequestFiledDuringAHolidayForTheFirstDayBackIsLate() {
    Instant due = at(10, 8, 10, 0);
    assertThat(RULE.latestFiling(due)).isEqualTo(at(9, 30, 10, 0));
    assertThat(RULE.isInTime(at(10, 5, 10, 0), due)).isFalse();
    assertThat(RULE.isInTime(at(9, 30, 10, 0), due)).isTrue();
  }

  @Test
  void aMakeUpWorkingDayCountsAsTheWorkingDayBefore() {
    Instant due = at(9, 28, 12, 0);
    assertThat(RULE.latestFiling(due)).isEqualTo(at(9, 27, 12, 0));
    assertThat(RULE.isInTime(at(9, 27, 12, 0), due)).isTrue();
    assertThat(RULE.isInTime(at(9, 27, 13, 0), due)).isFalse();
    assertThat(RULE.latestFiling(at(9, 29, 12, 0)))
        .as("Tuesday after the make-up Sunday")
        .isEqualTo(at(9, 28, 12, 0));
  }

  @Test
  void aDeadlineOutsideWorkingHoursKeepsItsClockTime() {
    assertThat(RULE.latestFiling(at(9, 19, 10, 0))).as("due Saturday").isEqualTo(at(9, 18, 10, 0));
    assertThat(RULE.latestFiling(at(9, 15, 7, 0)))
        .as("due Tuesday before opening")
        .isEqualTo(at(9, 14, 7, 0));
    Instant due = at(9, 15, 7, 0);
    assertThat(RULE.isInTime(at(9, 15, 6, 0), due))
        .as("after the deadline's own date began")
        .isFalse();
    assertThat(RULE.isInTime(due.plus(Duration.ofHours(1)), due))
        .as("after the deadline")
        .isFalse();
  }

  @Test
  void aClockTimeInADaylightSavingGapMovesForward() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    DelayRequestNoticeRule everyDay =
        DelayRequestNoticeRule.on(
            BusinessCalendar.builder("berlin", berlin)
                .everyDay(WorkingInterval.parse("08:00-20:00"))
                .build());
    Instant due = LocalDateTime.of(2026, 3, 30, 2, 30).atZone(berlin).toInstant();
    assertThat(everyDay.latestFiling(due))
        .isEqualTo(LocalDateTime.of(2026, 3, 29, 3, 30).atZone(berlin).toInstant());
  }

  @Test
  void missingArgumentsAreNamed() {
    assertThatThrownBy(() -> DelayRequestNoticeRule.on(null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("calendar"));
    assertThatThrownBy(() -> RULE.latestFiling(null))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("due"));
    assertThatThrownBy(() -> RULE.isInTime(null, at(9, 17, 10, 0)))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("filedAt"));
    assertThat(RULE.toString()).contains("cn-office");
  }
}
