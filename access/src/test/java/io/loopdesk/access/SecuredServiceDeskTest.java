package io.loopdesk.access;

import static io.loopdesk.access.Desk.A1;
import static io.loopdesk.access.Desk.A2;
import static io.loopdesk.access.Desk.ADMIN;
import static io.loopdesk.access.Desk.CUSTOMER;
import static io.loopdesk.access.Desk.LEAD;
import static io.loopdesk.access.Desk.QA;
import static io.loopdesk.access.Desk.SUP;
import static io.loopdesk.access.Desk.TRAINER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Escalation;
import io.loopdesk.api.IdDocument;
import io.loopdesk.api.Level;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Page;
import io.loopdesk.api.PersonalDataForm;
import io.loopdesk.api.Priority;
import io.loopdesk.api.Role;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.VersionConflictException;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.core.json.LoopdeskJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Least privilege through every facade method, masking per role, audit of denials and role changes.
 */
class SecuredServiceDeskTest {
  final Desk desk = new Desk();

  @Test
  void anAgentCannotReadOrChangeAnotherAgentsTicketThroughAnyFacadeMethod() {
    Ticket mine = desk.assigned("C-1", "a1", "repair");
    Ticket before = desk.raw.get(mine.id());
    int auditBefore = desk.audit.entries().size();
    SecuredServiceDesk other = desk.as(A2);
    long v = mine.version();
    List<ThrowingCallable> calls =
        List.of(
            () -> other.get(mine.id()),
            () -> other.find(mine.id()),
            () -> other.history(mine.id()),
            () -> other.allowedActions(mine),
            () ->
                other.classify(
                    mine.id(),
                    v,
                    Classification.of(Category.COMPLAINT, Level.LOW, Level.LOW, Level.LOW),
                    A2),
            () -> other.assign(mine.id(), v, Assignment.of("a2", "billing"), A2),
            () -> other.start(mine.id(), v, A2),
            () -> other.waitOnCustomer(mine.id(), v, "photo", A2),
            () -> other.waitOnThirdParty(mine.id(), v, "supplier", A2),
            () -> other.resume(mine.id(), v, A2),
            () -> other.resolve(mine.id(), v, "done", A2),
            () -> other.recordCallback(mine.id(), v, CallbackResult.reached(true, 5, ""), A2),
            () -> other.close(mine.id(), v, A2),
            () -> other.reopen(mine.id(), v, "again", A2),
            () -> other.perform(mine.id(), v, TicketAction.of("ESCALATE_TO_VENDOR"), "", A2),
            () -> other.escalate(mine.id(), v, Escalation.of(1, "lead1", "angry customer"), A2),
            () -> other.deescalate(mine.id(), v, Escalation.of(0, "a2", "calm again"), A2),
            () -> other.reprioritise(mine.id(), v, Priority.P0, "urgent", A2),
            () ->
                other.changeDeadline(
                    mine.id(), v, Desk.CLOCK.instant().plusSeconds(86_400), "more time", A2),
            () -> other.export(TicketQuery.builder().build()),
            () -> other.exportHistory(mine.id()));
    for (ThrowingCallable call : calls) {
      assertThatThrownBy(call).isInstanceOf(AccessDeniedException.class);
    }
    assertThat(other.query(TicketQuery.builder().build()).items()).isEmpty();
    assertThat(other.query(TicketQuery.builder().assignee("a1").build()).items()).isEmpty();
    assertThat(other.query(TicketQuery.builder().customerId("C-1").build()).items()).isEmpty();
    assertThat(desk.raw.get(mine.id())).isEqualTo(before);
    assertThat(desk.raw.history(mine.id())).hasSize((int) before.version());
    assertThat(desk.audit.entries()).hasSize(auditBefore + calls.size());
    assertThat(desk.audit.entries().get(auditBefore))
        .isInstanceOfSatisfying(
            AuditEntry.AccessDenied.class,
            e -> {
              assertThat(e.actorId()).isEqualTo("a2");
              assertThat(e.operation()).isEqualTo("find");
              assertThat(e.ticketId()).isEqualTo(mine.id());
              assertThat(e.reason()).contains("QUEUE scope");
            });
    assertThat(desk.as(A1).get(mine.id())).isEqualTo(before);
  }

  @Test
  void agentsWorkTheirOwnTicketsAndReadTheirQueue() {
    Ticket mine = desk.assigned("C-1", "a1", "repair");
    Ticket colleague = desk.assigned("C-2", "a9", "repair");
    SecuredServiceDesk a1 = desk.as(A1);
    Ticket t = a1.start(mine.id(), mine.version(), A1);
    t = a1.resolve(t.id(), t.version(), "replaced", A1);
    t = a1.recordCallback(t.id(), t.version(), CallbackResult.reached(true, 5, ""), A1);
    assertThat(a1.close(t.id(), t.version(), A1).status().name()).isEqualTo("CLOSED");
    assertThat(a1.get(colleague.id()).id()).isEqualTo(colleague.id());
    assertThatThrownBy(() -> a1.start(colleague.id(), colleague.version(), A1))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("OWN scope");
    assertThatThrownBy(
            () -> a1.assign(colleague.id(), colleague.version(), Assignment.of("a1", "repair"), A1))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("no ASSIGN permission");
    Ticket other = desk.assigned("C-3", "a1", "repair");
    Ticket escalated =
        a1.escalate(
            other.id(),
            other.version(),
            Escalation.of(1, "lead1", "customer asks for a manager"),
            A1);
    assertThat(escalated.escalationLevel()).isEqualTo(1);
    assertThatThrownBy(
            () ->
                a1.deescalate(
                    escalated.id(), escalated.version(), Escalation.of(0, "a1", "calm"), A1))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(
            desk.as(LEAD)
                .deescalate(
                    escalated.id(), escalated.version(), Escalation.of(0, "a1", "calm"), LEAD)
                .escalationLevel())
        .isZero();
  }

  @Test
  void queryPagesOnlyOverVisibleTickets() {
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      Ticket t =
          desk.assigned("C-" + i, i % 3 == 0 ? "a1" : "a2", i % 3 == 0 ? "repair" : "billing");
      if (i % 3 == 0) {
        expected.add(t.id().value());
      }
    }
    SecuredServiceDesk a1 = desk.as(A1);
    List<String> seen = new ArrayList<>();
    TicketQuery q = TicketQuery.builder().limit(3).build();
    Page<Ticket> page;
    do {
      page = a1.query(q);
      page.items().forEach(t -> seen.add(t.id().value()));
      assertThat(page.items()).allSatisfy(t -> assertThat(t.assignee()).contains("a1"));
      q = q.nextPage();
    } while (page.hasMore());
    assertThat(seen).containsExactlyInAnyOrderElementsOf(expected).hasSize(8);
    assertThat(desk.as(SUP).query(TicketQuery.builder().limit(500).build()).items()).hasSize(24);
  }

  @Test
  void teamLeadsSeeAndAssignWithinTheirTeamOnly() {
    Ticket teamTicket = desk.assigned("C-1", "a1", "repair");
    Ticket outside = desk.assigned("C-2", "a2", "billing");
    SecuredServiceDesk lead = desk.as(LEAD);
    assertThat(lead.get(teamTicket.id()).id()).isEqualTo(teamTicket.id());
    assertThatThrownBy(() -> lead.get(outside.id())).isInstanceOf(AccessDeniedException.class);
    assertThat(lead.query(TicketQuery.builder().build()).items())
        .extracting(Ticket::id)
        .containsExactly(teamTicket.id());
    Ticket reassigned =
        lead.assign(teamTicket.id(), teamTicket.version(), Assignment.of("lead1", "repair"), LEAD);
    assertThat(reassigned.assignee()).contains("lead1");
    assertThatThrownBy(
            () ->
                lead.assign(
                    reassigned.id(), reassigned.version(), Assignment.of("a2", "billing"), LEAD))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("assignee a2");
    assertThat(desk.raw.get(reassigned.id())).isEqualTo(reassigned);
  }

  private static void assertMasked(Customer c) {
    assertThat(c.form()).isEqualTo(PersonalDataForm.MASKED);
    assertThat(c.name()).isEqualTo("欧*");
    assertThat(c.phone()).isEqualTo("139****4321");
    assertThat(c.email()).isEqualTo("n****@example.com");
    assertThat(c.address()).isEqualTo("上海市****");
    assertThat(c.idDocuments())
        .extracting(IdDocument::number)
        .containsExactly("31****61", "E9****32");
    assertThat(c.customerId()).isEqualTo("C-7");
  }

  @Test
  void personalDataIsMaskedForRolesThatMayNotSeeItAndInEveryExport() {
    Ticket t = desk.assigned("C-7", "a1", "repair");
    assertThat(desk.as(A1).get(t.id()).customer()).isEqualTo(Desk.customer("C-7"));
    Customer expectedMasked = Desk.customer("C-7").masked();
    for (Actor masked : new Actor[] {QA, TRAINER, ADMIN}) {
      Ticket seen = desk.as(masked).get(t.id());
      assertMasked(seen.customer());
      assertThat(seen.customer()).isEqualTo(expectedMasked);
      assertThat(desk.as(masked).history(t.id()).get(0).change())
          .isInstanceOfSatisfying(
              TicketChange.Opened.class, o -> assertThat(o.customer()).isEqualTo(expectedMasked));
      assertThat(desk.as(masked).query(TicketQuery.builder().build()).items().get(0).customer())
          .isEqualTo(expectedMasked);
    }
    assertThat(desk.as(SUP).export(TicketQuery.builder().build()).items())
        .singleElement()
        .satisfies(x -> assertMasked(x.customer()));
    assertThat(desk.as(SUP).exportHistory(t.id()).get(0).change())
        .isInstanceOfSatisfying(TicketChange.Opened.class, o -> assertMasked(o.customer()));
    assertThat(LoopdeskJson.standard().write(desk.as(SUP).export(TicketQuery.builder().build())))
        .doesNotContain(Desk.PERSONAL_DATA.toArray(String[]::new));
    assertThat(LoopdeskJson.standard().write(desk.as(QA).exportHistory(t.id())))
        .doesNotContain(Desk.PERSONAL_DATA.toArray(String[]::new));
    assertThatThrownBy(() -> desk.as(A1).exportHistory(t.id()))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(desk.as(SUP).get(t.id()).customer()).isEqualTo(Desk.customer("C-7"));
    assertThat(desk.as(CUSTOMER).get(t.id()).customer().phone()).isEqualTo(Desk.PHONE);
    Ticket someoneElses = desk.assigned("C-8", "a1", "repair");
    assertThatThrownBy(() -> desk.as(CUSTOMER).get(someoneElses.id()))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void theClaimedRoleMustBeGrantedAndCommandsMustBeIssuedAsTheBoundActor() {
    Ticket t = desk.assigned("C-1", "a1", "repair");
    assertThatThrownBy(() -> desk.as(Actor.of("a1", Role.SUPERVISOR)).get(t.id()))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("not granted");
    assertThatThrownBy(() -> desk.as(A2).start(t.id(), t.version(), A1))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("must be issued as a2");
    desk.directory.revokeRole("a1", ADMIN);
    assertThatThrownBy(() -> desk.as(A1).get(t.id())).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                desk.as(Actor.of("stranger", Role.AGENT))
                    .open(
                        NewTicket.builder()
                            .channel(Channel.PHONE)
                            .customer(Desk.customer("C-3"))
                            .product("X9")
                            .problem("p")
                            .build(),
                        Actor.of("stranger", Role.AGENT)))
        .isInstanceOf(AccessDeniedException.class);
    assertThat(desk.raw.query(TicketQuery.builder().build()).items()).hasSize(1);
  }

  @Test
  void aStaleVersionIsAConflictNotAnAccessCheckOnAnotherVersion() {
    Ticket t = desk.assigned("C-1", "a1", "repair");
    assertThatThrownBy(() -> desk.as(A1).start(t.id(), t.version() - 1, A1))
        .isInstanceOf(VersionConflictException.class);
  }

  @Test
  void roleAndMembershipChangesAreAuditedAndOnlyConfigurersMayMakeThem() {
    int before = desk.audit.entries().size();
    desk.directory.grantRole("a2", Role.TEAM_LEAD, ADMIN);
    assertThat(desk.audit.entries().get(before))
        .isEqualTo(
            new AuditEntry.RoleChanged(
                Desk.CLOCK.instant(), "admin1", "a2", Role.AGENT, Role.TEAM_LEAD));
    assertThatThrownBy(() -> desk.directory.grantRole("a1", Role.SUPERVISOR, SUP))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("may not configure");
    assertThatThrownBy(() -> desk.directory.grantRole("a1", Role.ADMINISTRATOR, A1))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                desk.directory.team(
                    "lead1", Set.of("a1", "a2"), Actor.of("a1", Role.ADMINISTRATOR)))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageContaining("not granted");
    assertThat(desk.directory.roleOf("a1")).contains(Role.AGENT);
    assertThat(desk.directory.teamOf("lead1")).containsExactly("a1");
    assertThat(desk.audit.entries().subList(before + 1, desk.audit.entries().size()))
        .hasSize(3)
        .allSatisfy(e -> assertThat(e).isInstanceOf(AuditEntry.AccessDenied.class));
    desk.directory.queues("a1", Set.of("repair", "returns"), ADMIN);
    assertThat(desk.audit.entries().get(desk.audit.entries().size() - 1))
        .isInstanceOfSatisfying(
            AuditEntry.MembershipChanged.class,
            e -> assertThat(e.to()).containsExactlyInAnyOrder("repair", "returns"));
  }
}
