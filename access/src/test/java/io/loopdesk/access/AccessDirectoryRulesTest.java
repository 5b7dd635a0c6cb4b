package io.loopdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Role;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.ValidationException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who may change roles and memberships, what user ids look like, and what a denial says. */
class AccessDirectoryRulesTest {
  private final InMemoryAuditLog audit = new InMemoryAuditLog();
  private final AccessDirectory directory =
      new AccessDirectory(AccessPolicy.standard(), audit, Desk.CLOCK);
  private final Actor admin = Actor.of("admin", Role.ADMINISTRATOR);

  AccessDirectoryRulesTest() {
    directory.bootstrapAdministrator("admin");
  }

  @Test
  void userIdsAreOneToSixtyFourCharactersAndNotBlank() {
    String longest = "u".repeat(64);
    directory.grantRole(longest, Role.AGENT, admin);
    assertThat(directory.roleOf(longest)).contains(Role.AGENT);
    for (String bad : new String[] {null, "", "  ", "u".repeat(65)}) {
      assertThatThrownBy(() -> directory.grantRole(bad, Role.AGENT, admin))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("userId"));
      assertThatThrownBy(() -> directory.revokeRole(bad, admin))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("userId"));
      assertThatThrownBy(() -> directory.queues(bad, Set.of("repair"), admin))
          .isInstanceOfSatisfying(
              ValidationException.class, e -> assertThat(e.field()).isEqualTo("userId"));
    }
  }

  @Test
  void onlyARoleThatConfiguresMayRevokeAndEveryRevocationIsAudited() {
    directory.grantRole("a1", Role.AGENT, admin);
    directory.grantRole("sup1", Role.SUPERVISOR, admin);
    int before = audit.entries().size();
    assertThatThrownBy(() -> directory.revokeRole("a1", Actor.of("sup1", Role.SUPERVISOR)))
        .isInstanceOfSatisfying(
            AccessDeniedException.class,
            e -> {
              assertThat(e.permission()).isEqualTo(Permission.CONFIGURE);
              assertThat(e.ticketId()).isEmpty();
              assertThat(e.reason()).contains("may not configure access");
            });
    assertThat(directory.roleOf("a1")).contains(Role.AGENT);
    assertThat(audit.entries()).hasSize(before + 1);

    directory.revokeRole("a1", admin);
    assertThat(directory.roleOf("a1")).isEmpty();
    assertThat(audit.entries()).hasSize(before + 2);
    assertThat(audit.entries().get(before + 1))
        .isInstanceOfSatisfying(
            AuditEntry.RoleChanged.class,
            e -> {
              assertThat(e.userId()).isEqualTo("a1");
              assertThat(e.from()).isEqualTo(Role.AGENT);
              assertThat(e.to()).isNull();
            });
  }

  @Test
  void aDenialNamesTheTicketOnlyWhenThereIsOne() {
    AccessDeniedException onTicket =
        new AccessDeniedException(
            "a1", Role.AGENT, Permission.CLOSE, TicketId.of("T-9"), "not hers");
    assertThat(onTicket.getMessage())
        .isEqualTo("Access denied: a1 (AGENT) may not CLOSE ticket T-9: not hers");
    assertThat(onTicket.ticketId()).contains(TicketId.of("T-9"));
    assertThat(onTicket.reason()).isEqualTo("not hers");
    AccessDeniedException general =
        new AccessDeniedException("a1", Role.AGENT, Permission.EXPORT, null, "no export");
    assertThat(general.getMessage())
        .isEqualTo("Access denied: a1 (AGENT) may not EXPORT: no export");
  }

  @Test
  void widerScopesCoverNarrowerOnes() {
    assertThat(Scope.ALL.covers(Scope.TEAM)).isTrue();
    assertThat(Scope.QUEUE.covers(Scope.QUEUE)).isTrue();
    assertThat(Scope.OWN.covers(Scope.QUEUE)).isFalse();
    assertThat(Scope.NONE.covers(Scope.OWN)).isFalse();
  }

  @Test
  void theAccessControlHandsOutViewsForItsPolicy() {
    AccessControl access = AccessControl.builder(new Desk().raw, directory).build();
    assertThat(access.policy().scope(Role.AGENT, Permission.READ)).isEqualTo(Scope.QUEUE);
    assertThat(access.as(Actor.of("a1", Role.AGENT)).actor()).isEqualTo(Actor.of("a1", Role.AGENT));
  }
}
