package io.loopdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.access.AccessDeniedException;
import io.loopdesk.access.AccessDirectory;
import io.loopdesk.access.AccessPolicy;
import io.loopdesk.access.AuditEntry;
import io.loopdesk.access.InMemoryAuditLog;
import io.loopdesk.access.Permission;
import io.loopdesk.access.PersonalDataView;
import io.loopdesk.access.Scope;
import io.loopdesk.api.Actor;
import io.loopdesk.api.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rule behind the dashboard's scopes, without a server: the policy narrows, never widens. */
class DashboardAccessRulesTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC);
  private static final Actor ADMIN = Actor.of("admin", Role.ADMINISTRATOR);

  private static AccessDirectory directory(AccessPolicy policy, InMemoryAuditLog audit) {
    AccessDirectory directory = new AccessDirectory(policy, audit, CLOCK);
    directory.bootstrapAdministrator("admin");
    directory.grantRole("lead", Role.TEAM_LEAD, ADMIN);
    directory.queues("lead", Set.of("repair"), ADMIN);
    directory.team("lead", Set.of("a1"), ADMIN);
    directory.grantRole("a1", Role.AGENT, ADMIN);
    directory.queues("a1", Set.of("repair", "returns"), ADMIN);
    return directory;
  }

  @Test
  void aPolicyThatGrantsLessNarrowsTheDashboardScope() {
    AccessPolicy narrow =
        AccessPolicy.builder()
            .grant(Role.TEAM_LEAD, Permission.READ, Scope.OWN)
            .grant(Role.ADMINISTRATOR, Permission.CONFIGURE, Scope.ALL)
            .build();
    InMemoryAuditLog audit = new InMemoryAuditLog();
    DashboardAccess access = new DashboardAccess(directory(narrow, audit), narrow, audit, CLOCK);
    Viewer lead = access.viewer(Actor.of("lead", Role.TEAM_LEAD), DashboardFilter.all());
    assertThat(lead.scope()).isEqualTo(Scope.OWN);
    assertThat(lead.agents()).containsExactly("lead");
    assertThat(lead.sees("a1", "repair")).isFalse();
    assertThat(lead.mayExport()).isFalse();
    assertThatThrownBy(() -> access.viewer(ADMIN, DashboardFilter.all()))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("sees no dashboard figures");
    assertThat(audit.entries())
        .last()
        .isInstanceOfSatisfying(
            AuditEntry.AccessDenied.class,
            d -> {
              assertThat(d.actorId()).isEqualTo("admin");
              assertThat(d.operation()).isEqualTo(DashboardAccess.VIEW);
              assertThat(d.at()).isEqualTo(CLOCK.instant());
            });
  }

  @Test
  void theStandardScopesFollowTheDirectoryAtEveryRequest() {
    AccessPolicy policy = AccessPolicy.standard();
    InMemoryAuditLog audit = new InMemoryAuditLog();
    AccessDirectory directory = directory(policy, audit);
    DashboardAccess access = new DashboardAccess(directory, policy, audit, CLOCK);
    Viewer lead = access.viewer(Actor.of("lead", Role.TEAM_LEAD), DashboardFilter.all());
    assertThat(lead.scope()).isEqualTo(Scope.TEAM);
    assertThat(lead.agents()).containsExactlyInAnyOrder("lead", "a1");
    assertThat(lead.departments()).containsExactlyInAnyOrder("repair", "returns");
    assertThat(lead.sees(null, "returns")).isTrue();
    assertThat(lead.sees("a2", "billing")).isFalse();
    assertThat(lead.personalData()).isEqualTo(PersonalDataView.FULL);
    assertThat(lead.mayExport()).isTrue();

    Viewer agent =
        access.viewer(Actor.of("a1", Role.AGENT), DashboardFilter.all().withDepartment("returns"));
    assertThat(agent.scope()).isEqualTo(Scope.OWN);
    assertThat(agent.sees(null, "repair"))
        .as("an agent sees only tickets assigned to them")
        .isFalse();

    directory.revokeRole("a1", ADMIN);
    assertThatThrownBy(() -> access.viewer(Actor.of("a1", Role.AGENT), DashboardFilter.all()))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("not granted");
    assertThatThrownBy(
            () ->
                access.exporter(
                    Actor.of("lead", Role.TEAM_LEAD), DashboardFilter.all().withAgent("a9")))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(
            audit.entries().stream()
                .filter(AuditEntry.AccessDenied.class::isInstance)
                .map(e -> ((AuditEntry.AccessDenied) e).operation()))
        .containsExactly(DashboardAccess.VIEW, DashboardAccess.EXPORT);
  }

  @Test
  void scopesCanBeConfiguredPerRole() {
    AccessPolicy policy = AccessPolicy.standard();
    InMemoryAuditLog audit = new InMemoryAuditLog();
    DashboardAccess access =
        new DashboardAccess(
            directory(policy, audit), policy, audit, CLOCK, Map.of(Role.AGENT, Scope.QUEUE));
    Viewer agent = access.viewer(Actor.of("a1", Role.AGENT), DashboardFilter.all());
    assertThat(agent.scope()).isEqualTo(Scope.QUEUE);
    assertThat(agent.sees(null, "returns")).isTrue();
    assertThatThrownBy(() -> access.viewer(Actor.of("lead", Role.TEAM_LEAD), DashboardFilter.all()))
        .isInstanceOf(AccessDeniedException.class);
  }
}
