package io.loopdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loopdesk.api.Category;
import io.loopdesk.api.Priority;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.sla.calendar.CalendarRegistry;
import io.loopdesk.sla.calendar.WorkingInterval;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Pausing and resuming at random instants, with ticks at random instants: warnings and the breach
 * are reported exactly once each, at the instants a simple model computes from the running
 * segments.
 */
class SlaClockProperties {

  private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

  @Property(tries = 200)
  void warningsAndBreachLandWhereTheRunningSegmentsSayRegardlessOfTickTimes(
      @ForAll @Size(max = 12) List<@IntRange(min = 1, max = 200 * 60) Integer> pauseToggleMinutes,
      @ForAll @Size(max = 6) List<@IntRange(min = 1, max = 400 * 60) Integer> tickMinutes,
      @ForAll boolean businessHours,
      @ForAll @IntRange(min = 0, max = 3) int priorityIndex) {
    BusinessCalendar office =
        BusinessCalendar.builder("business-hours", ZoneId.of("America/New_York"))
            .weekdays(WorkingInterval.parse("09:00-12:00"), WorkingInterval.parse("13:00-17:30"))
            .build();
    Priority priority = Priority.values()[priorityIndex == 3 ? 2 : priorityIndex];
    Duration standard =
        SlaPolicy.standard()
            .target(SlaMetric.RESOLUTION, priority, Category.PRODUCT_FAULT)
            .orElseThrow()
            .duration();
    SlaPolicy policy =
        SlaPolicy.standard().toBuilder()
            .target(
                SlaMetric.RESOLUTION,
                priority,
                businessHours
                    ? SlaTarget.on("business-hours", Duration.ofHours(8L * (priorityIndex + 1)))
                    : SlaTarget.roundTheClock(standard))
            .build();
    List<SlaEvent> events = new ArrayList<>();
    SlaTracker tracker =
        SlaTracker.builder(policy, CalendarRegistry.of(office))
            .escalationPolicy(EscalationPolicy.none())
            .listener(events::add)
            .build();
    SlaTarget target =
        policy.target(SlaMetric.RESOLUTION, priority, Category.PRODUCT_FAULT).orElseThrow();
    BusinessCalendar calendar = businessHours ? office : BusinessCalendar.twentyFourSeven();

    TreeSet<Integer> toggles = new TreeSet<>(pauseToggleMinutes);
    TreeSet<Integer> ticks = new TreeSet<>(tickMinutes);
    TicketScript ticket =
        TicketScript.open(tracker, "P-1", T0)
            .classify(T0, priority, Category.PRODUCT_FAULT)
            .assign(T0)
            .start(T0);
    boolean paused = false;
    List<Instant[]> running = new ArrayList<>();
    Instant segmentStart = T0;
    TreeSet<Integer> all = new TreeSet<>(toggles);
    all.addAll(ticks);
    for (int minute : all) {
      Instant at = T0.plusSeconds(minute * 60L);
      if (ticks.contains(minute)) {
        tracker.tick(at);
      }
      if (toggles.contains(minute)) {
        if (paused) {
          ticket.resume(at);
          segmentStart = at;
        } else {
          ticket.waitOnCustomer(at);
          running.add(new Instant[] {segmentStart, at});
        }
        paused = !paused;
      }
    }
    if (paused) {
      Instant at = T0.plusSeconds((all.last() + 1) * 60L);
      ticket.resume(at);
      segmentStart = at;
    }
    running.add(new Instant[] {segmentStart, null});
    tracker.tick(Instant.parse("2030-01-01T00:00:00Z"));

    List<SlaEvent> expected = new ArrayList<>();
    for (double level : new double[] {0.75, 0.90, 1.0}) {
      Duration levelTime = Duration.ofNanos(Math.round(target.duration().toNanos() * level));
      Instant crossing = model(calendar, running, levelTime);
      expected.add(
          level < 1.0
              ? new SlaEvent.Warned(ticket.id(), SlaMetric.RESOLUTION, level, crossing, target)
              : new SlaEvent.Breached(ticket.id(), SlaMetric.RESOLUTION, crossing, target));
    }
    assertEquals(
        expected, events.stream().filter(e -> e.metric() == SlaMetric.RESOLUTION).toList());
  }

  /** The earliest instant at which the running segments accumulate {@code needed} business time. */
  private static Instant model(
      BusinessCalendar calendar, List<Instant[]> running, Duration needed) {
    Duration remaining = needed;
    for (Instant[] segment : running) {
      if (segment[1] == null) {
        return calendar.add(segment[0], remaining);
      }
      Duration available = calendar.between(segment[0], segment[1]);
      if (available.compareTo(remaining) >= 0) {
        return calendar.add(segment[0], remaining);
      }
      remaining = remaining.minus(available);
    }
    throw new AssertionError("the last segment is open");
  }
}
