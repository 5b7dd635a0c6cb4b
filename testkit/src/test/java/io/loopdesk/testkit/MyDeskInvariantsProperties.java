package io.loopdesk.testkit;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Role;
import io.loopdesk.api.TicketAction;
import io.loopdesk.core.Lifecycle;
import io.loopdesk.core.ManualClock;
import io.loopdesk.core.ServiceDesks;
import java.util.Optional;

// The README's example, verbatim between the markers (ReadmeExampleTest keeps them equal).
// README-EXAMPLE-START
class MyDeskInvariantsProperties extends ServiceDeskInvariantsProperties {
  static Optional<String> onlyLeadsAssign(TicketAction action, Actor who) {
    boolean refused = action.equals(TicketAction.ASSIGN) && who.role() != Role.TEAM_LEAD;
    return refused ? Optional.of("only a team lead assigns") : Optional.empty();
  }

  static final Lifecycle LIFECYCLE =
      Lifecycle.standard().toBuilder()
          .guard("team leads assign", (t, action, target, who) -> onlyLeadsAssign(action, who))
          .build();

  @Override
  protected DeskUnderTest deskUnderTest(ManualClock clock) {
    return DeskUnderTest.builder(ServiceDesks.builder().clock(clock).lifecycle(LIFECYCLE).build())
        .lifecycle(LIFECYCLE)
        .forbid("team leads assign", (t, action, who) -> onlyLeadsAssign(action, who).isPresent())
        .build();
  }
}
// README-EXAMPLE-END
