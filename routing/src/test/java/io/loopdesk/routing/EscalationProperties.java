package io.loopdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Category;
import io.loopdesk.api.Level;
import io.loopdesk.api.Ticket;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever sequence of escalation steps is tried, a ticket stays within its chain and each accepted
 * step is one audited event.
 */
class EscalationProperties {

  @Provide
  Arbitrary<List<Integer>> steps() {
    return Arbitraries.integers().between(0, 11).list().ofMinSize(1).ofMaxSize(30);
  }

  @Property(tries = 60)
  void aTicketNeverPassesTheTopOfItsChainAndEveryStepIsAudited(
      @ForAll("steps") List<Integer> steps) {
    EscalationsTest fixture = new EscalationsTest();
    Ticket t = fixture.ticket("C-1", Category.COMPLAINT, Level.LOW);
    int top = fixture.escalations.chainOf(t).top();
    for (int step : steps) {
      Ticket before = fixture.desk.get(t.id());
      int events = fixture.desk.history(t.id()).size();
      boolean changed;
      try {
        if (step < 4) {
          fixture.escalations.escalate(
              t.id(),
              before.version(),
              EscalationTrigger.MANUAL,
              "step " + step,
              EscalationsTest.AGENT);
          changed = true;
        } else if (step < 8) {
          Optional<Ticket> r =
              fixture.escalations.escalateAtLeast(
                  t.id(), step - 3, EscalationTrigger.SLA_WARNING, "w", Actor.SYSTEM);
          changed = r.isPresent();
          assertThat(changed).isEqualTo(before.escalationLevel() < Math.min(step - 3, top));
        } else if (step < 11) {
          fixture.escalations.deescalate(
              t.id(), before.version(), step - 8, "calm", EscalationsTest.SUP);
          changed = true;
        } else {
          changed = fixture.escalations.onComplaint(t.id(), Actor.SYSTEM).isPresent();
        }
      } catch (EscalationException rejected) {
        changed = false;
        if (rejected.problem() == EscalationException.Problem.TOP_OF_CHAIN) {
          assertThat(before.escalationLevel()).isEqualTo(top);
        } else {
          assertThat(rejected.problem()).isEqualTo(EscalationException.Problem.NOT_LOWER);
          assertThat(step - 8).isGreaterThanOrEqualTo(before.escalationLevel());
        }
      }
      Ticket after = fixture.desk.get(t.id());
      assertThat(after.escalationLevel()).isBetween(0, top);
      assertThat(fixture.desk.history(t.id())).hasSize(events + (changed ? 1 : 0));
      if (!changed) {
        assertThat(after).isEqualTo(before);
      }
    }
  }
}
