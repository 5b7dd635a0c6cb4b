package io.loopdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.loopdesk.api.Category;
import io.loopdesk.api.Priority;
import io.loopdesk.sla.calendar.CalendarRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each target ends met, breached or met late, with the instants (Zendesk's achieved / breached /
 * achieved late).
 */
class SlaResultsTest {

  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  private final List<SlaEvent> events = new ArrayList<>();
  private final SlaTracker tracker =
      SlaTracker.builder(SlaPolicy.standard(), CalendarRegistry.of()).listener(events::add).build();

  private static Instant hours(double h) {
    return T0.plus(Duration.ofSeconds(Math.round(h * 3600)));
  }

  private SlaStatus clock(TicketScript ticket, SlaMetric metric, Instant at) {
    tracker.tick(at);
    return tracker.status(ticket.id(), at).orElseThrow().clock(metric).orElseThrow();
  }

  @Test
  void metInTimeIsMetWithItsInstantAndNoBreach() {
    TicketScript t =
        TicketScript.open(tracker, "MET", T0)
            .classify(T0, Priority.P0, Category.COMPLAINT)
            .assign(T0)
            .start(hours(1))
            .resolve(hours(23));
    SlaStatus resolution = clock(t, SlaMetric.RESOLUTION, hours(30));
    assertEquals(Optional.of(SlaResult.MET), resolution.result());
    assertEquals(Optional.of(hours(23)), resolution.metAt());
    assertEquals(Optional.empty(), resolution.breachedAt());
    assertEquals(
        Optional.of(SlaResult.MET), clock(t, SlaMetric.FIRST_RESPONSE, hours(30)).result());
  }

  @Test
  void aTargetExceededAndThenMetIsMetLateWithBothInstants() {
    TicketScript t =
        TicketScript.open(tracker, "LATE", T0)
            .classify(T0, Priority.P0, Category.COMPLAINT)
            .assign(T0)
            .start(hours(3));
    SlaStatus firstResponse = clock(t, SlaMetric.FIRST_RESPONSE, hours(3));
    assertEquals(Optional.of(SlaResult.MET_LATE), firstResponse.result());
    assertEquals(
        Optional.of(hours(2)), firstResponse.breachedAt(), "complaints: first response within 2 h");
    assertEquals(Optional.of(hours(3)), firstResponse.metAt());
    SlaStatus open = clock(t, SlaMetric.RESOLUTION, hours(25));
    assertEquals(Optional.of(SlaResult.BREACHED), open.result(), "exceeded and not met yet");
    assertEquals(Optional.of(hours(24)), open.breachedAt());
    t.resolve(hours(26));
    SlaStatus late = clock(t, SlaMetric.RESOLUTION, hours(27));
    assertEquals(Optional.of(SlaResult.MET_LATE), late.result());
    assertEquals(Optional.of(hours(24)), late.breachedAt());
    assertEquals(Optional.of(hours(26)), late.metAt());
    SlaEvent.Met met =
        (SlaEvent.Met)
            events.stream()
                .filter(e -> e instanceof SlaEvent.Met m && m.metric() == SlaMetric.RESOLUTION)
                .findFirst()
                .orElseThrow();
    assertEquals(SlaResult.MET_LATE, met.result());
  }

  @Test
  void aTargetStillOpenWithinItsTimeHasNoResultAndABreachedOneStopsBreached() {
    TicketScript t =
        TicketScript.open(tracker, "OPEN", T0)
            .classify(T0, Priority.P0, Category.PRODUCT_FAULT)
            .assign(T0)
            .start(hours(1));
    assertEquals(Optional.empty(), clock(t, SlaMetric.RESOLUTION, hours(2)).result());
    t.resolve(hours(2));
    SlaStatus callback = clock(t, SlaMetric.CALLBACK, hours(30));
    assertEquals(Optional.of(SlaResult.BREACHED), callback.result());
    assertEquals(
        Optional.of(hours(26)), callback.breachedAt(), "P0 callback within 24 h of the resolution");
  }
}
