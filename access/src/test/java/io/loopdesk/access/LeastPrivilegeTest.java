package io.loopdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Escalation;
import io.loopdesk.api.Role;
import io.loopdesk.api.Ticket;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** No role is trusted because of its name, and nobody changes their own rights. */
class LeastPrivilegeTest {
  private final Desk desk = new Desk();

  @Test
  void anActorClaimingTheSystemRoleGetsNothing() {
    Ticket t = desk.assigned("C-1", "a1", "repair");
    assertThatThrownBy(() -> desk.as(Actor.of("loopdesk", Role.SYSTEM)).get(t.id()))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> desk.as(Actor.SYSTEM).get(t.id()))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(desk.audit.entries())
        .filteredOn(AuditEntry.AccessDenied.class::isInstance)
        .hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void theSystemRoleCannotChangeTheDirectory() {
    assertThatThrownBy(() -> desk.directory.grantRole("mallory", Role.ADMINISTRATOR, Actor.SYSTEM))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(desk.directory.roleOf("mallory")).isEmpty();
  }

  @Test
  void anAdministratorCannotGrantThemselvesAnotherRole() {
    assertThatThrownBy(() -> desk.directory.grantRole("admin1", Role.SUPERVISOR, Desk.ADMIN))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("own");
    assertThat(desk.directory.roleOf("admin1")).contains(Role.ADMINISTRATOR);
    assertThat(desk.audit.entries())
        .filteredOn(AuditEntry.AccessDenied.class::isInstance)
        .map(e -> ((AuditEntry.AccessDenied) e).operation())
        .contains("grantRole");
  }

  @Test
  void theSystemActsOnlyThroughTheExplicitViewAndEveryCallIsAudited() {
    Ticket t = desk.assigned("C-1", "a1", "repair");
    SecuredServiceDesk system = desk.access.system("sla-escalation");
    Ticket escalated =
        system.escalate(t.id(), t.version(), Escalation.of(1, "lead1", "breach"), Actor.SYSTEM);
    assertThat(escalated.escalationLevel()).isEqualTo(1);
    assertThat(desk.audit.entries())
        .filteredOn(AuditEntry.SystemAccess.class::isInstance)
        .map(e -> (AuditEntry.SystemAccess) e)
        .anySatisfy(
            e -> {
              assertThat(e.purpose()).isEqualTo("sla-escalation");
              assertThat(e.operation()).isEqualTo("escalate");
              assertThat(e.ticketId()).isEqualTo(t.id());
            });
  }

  @Test
  void nobodyWidensTheirOwnQueuesOrTeam() {
    desk.directory.grantRole("admin2", Role.ADMINISTRATOR, Desk.ADMIN);
    Actor admin2 = Actor.of("admin2", Role.ADMINISTRATOR);
    assertThatThrownBy(() -> desk.directory.queues("admin2", Set.of("vip"), admin2))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> desk.directory.team("admin2", Set.of("a1"), admin2))
        .isInstanceOf(AccessDeniedException.class);
    desk.directory.queues("admin2", Set.of("vip"), Desk.ADMIN);
    assertThat(desk.directory.queuesOf("admin2")).containsExactly("vip");
  }

  @Test
  void theBootstrapGrantWorksOnlyOnce() {
    assertThatThrownBy(() -> desk.directory.bootstrapAdministrator("mallory"))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(desk.directory.roleOf("mallory")).isEmpty();
  }
}
