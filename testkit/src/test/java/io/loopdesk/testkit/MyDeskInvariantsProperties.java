package io.loopdesk.testkit;

import io.loopdesk.api.Role;
import io.loopdesk.api.TicketAction;
import io.loopdesk.core.Lifecycle;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import java.util.Optional;

// The README's example, verbatim between the markers (ReadmeExampleTest keeps them equal).
// README-EXAMPLE-START
class MyDeskInvariantsProperties extends ServiceDeskInvariantsProperties {
  static final Lifecycle LIFECYCLE =
      Lifecycle.standard().toBuilder()
          .guard(
              "team leads assign",
              (ticket, action, target, actor) ->
                  action.equals(TicketAction.ASSIGN) && actor.role() != Role.TEAM_LEAD
                      ? Optional.of("only a team lead assigns")
                      : Optional.empty())
          .build();

  @Override
  protected DeskUnderTest deskUnderTest(ManualClock clock) {
    return DeskUnderTest.builder(ServiceDesks.builder().clock(clock).lifecycle(LIFECYCLE).build())
        .lifecycle(LIFECYCLE)
        .forbid(
            "team leads assign",
            (ticket, action, actor) ->
                action.equals(TicketAction.ASSIGN) && actor.role() != Role.TEAM_LEAD)
        .build();
  }
}
// README-EXAMPLE-END
