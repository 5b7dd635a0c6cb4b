package io.loopdesk.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Role;
import io.loopdesk.api.ValidationException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Building chains from any kind of list; a null step is a validation error, not a crash. */
class EscalationChainTest {
  static final EscalationChain.Step LEAD =
      new EscalationChain.Step("team lead", Role.TEAM_LEAD, "lead-1");

  @Test
  void acceptsAnImmutableListOfSteps() {
    EscalationChain chain =
        new EscalationChain(
            "repair",
            List.of(LEAD, new EscalationChain.Step("supervisor", Role.SUPERVISOR, "sup-1")));
    assertThat(chain.top()).isEqualTo(2);
    assertThat(chain.step(2).ownerId()).isEqualTo("sup-1");
  }

  @Test
  void rejectsANullStepWithAValidationError() {
    assertThatThrownBy(() -> new EscalationChain("repair", Arrays.asList(LEAD, null)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("chain repair.steps");
  }
}
