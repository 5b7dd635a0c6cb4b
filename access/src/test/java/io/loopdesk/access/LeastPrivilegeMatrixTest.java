package io.loopdesk.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Category;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Escalation;
import io.loopdesk.api.Level;
import io.loopdesk.api.LoopdeskException;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Priority;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.core.InMemoryTicketStore;
import io.loopdesk.core.ServiceDesks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command and query of {@link SecuredServiceDesk}, for every role but {@code SYSTEM}, on a
 * ticket in every relation to the actor: allowed exactly when the standard grant table (written out
 * below, as in {@link AccessPolicy}'s documentation) gives the operation's permission over a scope
 * that holds the ticket, except that agent replies and internal notes are never a customer's. A
 * denied call throws {@link AccessDeniedException}, is audited once and changes nothing; an allowed
 * one reaches the desk (which may still refuse it for its own reasons).
 */
class LeastPrivilegeMatrixTest {
  /**
   * The handbook's least-privilege table: role -> READ, UPDATE, ASSIGN, CLOSE, CONFIGURE, EXPORT.
   */
  private static final Map<Role, List<Scope>> GRANTS =
      new EnumMap<>(
          Map.of(
              Role.AGENT,
                  List.of(Scope.QUEUE, Scope.OWN, Scope.NONE, Scope.OWN, Scope.NONE, Scope.NONE),
              Role.TEAM_LEAD,
                  List.of(Scope.TEAM, Scope.TEAM, Scope.TEAM, Scope.TEAM, Scope.NONE, Scope.TEAM),
              Role.QA_SPECIALIST,
                  List.of(Scope.ALL, Scope.NONE, Scope.NONE, Scope.NONE, Scope.NONE, Scope.ALL),
              Role.TRAINER,
                  List.of(Scope.ALL, Scope.NONE, Scope.NONE, Scope.NONE, Scope.NONE, Scope.NONE),
              Role.SUPERVISOR,
                  List.of(Scope.ALL, Scope.ALL, Scope.ALL, Scope.ALL, Scope.NONE, Scope.ALL),
              Role.ADMINISTRATOR,
                  List.of(Scope.ALL, Scope.NONE, Scope.NONE, Scope.NONE, Scope.ALL, Scope.NONE),
              Role.CUSTOMER,
                  List.of(Scope.OWN, Scope.OWN, Scope.NONE, Scope.NONE, Scope.NONE, Scope.NONE)));

  /**
   * How a ticket relates to the actor "me" (queue "mine", leading "mate" whose queue is "teamq").
   */
  enum Relation {
    ASSIGNED_TO_ME,
    OPENED_BY_ME_UNASSIGNED,
    IN_MY_QUEUE,
    ASSIGNED_TO_MY_TEAMMATE,
    IN_MY_TEAMS_QUEUE,
    UNRELATED,
    /**
     * For customers: a ticket of the customer "me"; every other relation is another customer's
     * ticket.
     */
    MY_OWN_AS_CUSTOMER
  }

  /** The scopes that hold a ticket in this relation, following {@link Scope}'s documentation. */
  private static boolean holds(Scope scope, Relation relation, Role role) {
    if (role == Role.CUSTOMER) {
      return scope != Scope.NONE && (scope == Scope.ALL || relation == Relation.MY_OWN_AS_CUSTOMER);
    }
    return switch (scope) {
      case NONE -> false;
      case OWN ->
          relation == Relation.ASSIGNED_TO_ME || relation == Relation.OPENED_BY_ME_UNASSIGNED;
      case QUEUE -> holds(Scope.OWN, relation, role) || relation == Relation.IN_MY_QUEUE;
      case TEAM ->
          holds(Scope.QUEUE, relation, role)
              || relation == Relation.ASSIGNED_TO_MY_TEAMMATE
              || relation == Relation.IN_MY_TEAMS_QUEUE;
      case ALL -> true;
    };
  }

  private static Scope granted(Role role, Permission permission) {
    return GRANTS.get(role).get(permission.ordinal());
  }

  /** One operation on one ticket and the permission it needs. */
  record Operation(
      String name,
      Permission permission,
      BiFunction<SecuredServiceDesk, Ticket, Object> call,
      boolean staffOnly) {
    Operation(
        String name, Permission permission, BiFunction<SecuredServiceDesk, Ticket, Object> call) {
      this(name, permission, call, false);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  private static List<Operation> operations(Actor me) {
    Escalation up = Escalation.of(1, me.id(), "customer angry");
    return List.of(
        new Operation(
            "classify",
            Permission.UPDATE,
            (d, t) ->
                d.classify(
                    t.id(),
                    t.version(),
                    Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.LOW, Level.LOW),
                    me)),
        new Operation(
            "assign to self",
            Permission.ASSIGN,
            (d, t) -> d.assign(t.id(), t.version(), Assignment.of(me.id(), "other"), me)),
        new Operation("start", Permission.UPDATE, (d, t) -> d.start(t.id(), t.version(), me)),
        new Operation(
            "waitOnCustomer",
            Permission.UPDATE,
            (d, t) -> d.waitOnCustomer(t.id(), t.version(), "photo", me)),
        new Operation(
            "waitOnThirdParty",
            Permission.UPDATE,
            (d, t) -> d.waitOnThirdParty(t.id(), t.version(), "part", me)),
        new Operation("resume", Permission.UPDATE, (d, t) -> d.resume(t.id(), t.version(), me)),
        new Operation(
            "resolve", Permission.UPDATE, (d, t) -> d.resolve(t.id(), t.version(), "fixed", me)),
        new Operation(
            "recordCallback",
            Permission.UPDATE,
            (d, t) ->
                d.recordCallback(t.id(), t.version(), CallbackResult.reached(true, 5, "ok"), me)),
        new Operation("close", Permission.CLOSE, (d, t) -> d.close(t.id(), t.version(), me)),
        new Operation(
            "reopen", Permission.UPDATE, (d, t) -> d.reopen(t.id(), t.version(), "again", me)),
        new Operation(
            "escalate", Permission.UPDATE, (d, t) -> d.escalate(t.id(), t.version(), up, me)),
        new Operation(
            "deescalate",
            Permission.ASSIGN,
            (d, t) -> d.deescalate(t.id(), t.version(), Escalation.of(0, me.id(), "calm"), me)),
        new Operation(
            "reprioritise",
            Permission.ASSIGN,
            (d, t) -> d.reprioritise(t.id(), t.version(), Priority.P0, "press", me)),
        new Operation(
            "changeDeadline",
            Permission.ASSIGN,
            (d, t) ->
                d.changeDeadline(
                    t.id(),
                    t.version(),
                    Desk.CLOCK.instant().plus(Duration.ofDays(3)),
                    "delay",
                    me)),
        new Operation(
            "perform",
            Permission.UPDATE,
            (d, t) -> d.perform(t.id(), t.version(), TicketAction.of("VISIT"), "site visit", me)),
        new Operation(
            "replyToCustomer",
            Permission.UPDATE,
            (d, t) -> d.replyToCustomer(t.id(), t.version(), Channel.EMAIL, "we are on it", me),
            true),
        new Operation(
            "recordCustomerReply",
            Permission.UPDATE,
            (d, t) ->
                d.recordCustomerReply(t.id(), t.version(), Channel.APP, "photo attached", me)),
        new Operation(
            "addInternalNote",
            Permission.UPDATE,
            (d, t) -> d.addInternalNote(t.id(), t.version(), "check stock", me),
            true),
        new Operation("get", Permission.READ, (d, t) -> d.get(t.id())),
        new Operation("find", Permission.READ, (d, t) -> d.find(t.id())),
        new Operation("history", Permission.READ, (d, t) -> d.history(t.id())),
        new Operation("allowedActions", Permission.READ, (d, t) -> d.allowedActions(t)),
        new Operation("exportHistory", Permission.EXPORT, (d, t) -> d.exportHistory(t.id())));
  }

  /** A desk where "me" has the role under test, queue "mine" and leads "mate" (queue "teamq"). */
  private static final class Organisation {
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final ServiceDesk raw =
        ServiceDesks.builder().clock(Desk.CLOCK).store(new InMemoryTicketStore()).build();
    final AccessDirectory directory =
        new AccessDirectory(AccessPolicy.standard(), audit, Desk.CLOCK);
    final AccessControl access =
        AccessControl.builder(raw, directory).audit(audit).clock(Desk.CLOCK).build();
    final Actor me;
    final Actor boss = Actor.of("boss", Role.SUPERVISOR);

    Organisation(Role role) {
      Actor admin = Actor.of("admin", Role.ADMINISTRATOR);
      directory.bootstrapAdministrator("admin");
      directory.grantRole("me", role, admin);
      directory.grantRole("mate", Role.AGENT, admin);
      directory.grantRole("stranger", Role.AGENT, admin);
      directory.grantRole("boss", Role.SUPERVISOR, admin);
      directory.queues("me", Set.of("mine"), admin);
      directory.queues("mate", Set.of("teamq"), admin);
      directory.team("me", Set.of("mate"), admin);
      me = Actor.of("me", role);
    }

    Ticket ticket(Relation relation) {
      String customer = relation == Relation.MY_OWN_AS_CUSTOMER ? "me" : "C-1";
      NewTicket request =
          NewTicket.builder()
              .channel(Channel.PHONE)
              .customer(Desk.customer(customer))
              .product("X9")
              .problem("屏幕碎了")
              .build();
      if (relation == Relation.OPENED_BY_ME_UNASSIGNED) {
        return raw.open(request, me);
      }
      String assignee =
          switch (relation) {
            case ASSIGNED_TO_ME -> "me";
            case ASSIGNED_TO_MY_TEAMMATE -> "mate";
            default -> "stranger";
          };
      String department =
          switch (relation) {
            case IN_MY_QUEUE -> "mine";
            case IN_MY_TEAMS_QUEUE -> "teamq";
            default -> "other";
          };
      Ticket t = raw.open(request, boss);
      t =
          raw.classify(
              t.id(),
              t.version(),
              Classification.of(Category.PRODUCT_FAULT, Level.LOW, Level.HIGH, Level.LOW),
              boss);
      return raw.assign(t.id(), t.version(), Assignment.of(assignee, department), boss);
    }
  }

  static Stream<Arguments> rolesAndRelations() {
    List<Arguments> cases = new ArrayList<>();
    for (Role role : GRANTS.keySet()) {
      List<Relation> relations =
          role == Role.CUSTOMER
              ? List.of(Relation.MY_OWN_AS_CUSTOMER, Relation.UNRELATED)
              : List.of(
                  Relation.ASSIGNED_TO_ME,
                  Relation.OPENED_BY_ME_UNASSIGNED,
                  Relation.IN_MY_QUEUE,
                  Relation.ASSIGNED_TO_MY_TEAMMATE,
                  Relation.IN_MY_TEAMS_QUEUE,
                  Relation.UNRELATED);
      for (Relation relation : relations) {
        cases.add(Arguments.of(role, relation));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} on a ticket {1}")
  @MethodSource("rolesAndRelations")
  void everyOperationForEveryRoleOnEveryRelation(Role role, Relation relation) {
    for (Operation operation : operations(Actor.of("me", role))) {
      Organisation org = new Organisation(role);
      Ticket ticket = org.ticket(relation);
      SecuredServiceDesk desk = org.access.as(org.me);
      Scope scope = granted(role, operation.permission());
      boolean allowed =
          holds(scope, relation, role) && !(operation.staffOnly() && role == Role.CUSTOMER);
      String situation =
          role + " " + operation + " (" + operation.permission() + " " + scope + ") on " + relation;
      int audited = org.audit.entries().size();
      if (allowed) {
        try {
          Object result = operation.call().apply(desk, ticket);
          checkResult(org, operation, ticket, result, situation);
        } catch (AccessDeniedException e) {
          throw new AssertionError(
              situation + " must be allowed, was denied: " + e.getMessage(), e);
        } catch (LoopdeskException e) {
          // allowed through: the desk itself refused it (lifecycle, validation), which is not
          // access control
        }
        assertThat(org.audit.entries()).as(situation).hasSize(audited);
      } else {
        assertThatThrownBy(() -> operation.call().apply(desk, ticket))
            .as(situation)
            .isInstanceOfSatisfying(
                AccessDeniedException.class,
                e -> {
                  assertThat(e.permission()).isEqualTo(operation.permission());
                  assertThat(e.role()).isEqualTo(role);
                  assertThat(e.actorId()).isEqualTo("me");
                });
        assertThat(org.raw.get(ticket.id())).as(situation + " changes nothing").isEqualTo(ticket);
        assertThat(org.audit.entries()).as(situation + " is audited once").hasSize(audited + 1);
        assertThat(org.audit.entries().get(audited))
            .isInstanceOfSatisfying(
                AuditEntry.AccessDenied.class,
                entry -> {
                  assertThat(entry.actorId()).isEqualTo("me");
                  assertThat(entry.permission()).isEqualTo(operation.permission());
                  assertThat(entry.ticketId()).isEqualTo(ticket.id());
                });
      }
    }
  }

  /**
   * What an allowed call returns: the stored ticket (as the role sees it), its history, its
   * actions.
   */
  private static void checkResult(
      Organisation org, Operation operation, Ticket before, Object result, String situation) {
    Ticket stored = org.raw.get(before.id());
    if (result instanceof Ticket ticket) {
      assertThat(ticket.id()).as(situation).isEqualTo(before.id());
      assertThat(ticket.version()).as(situation).isEqualTo(stored.version());
      if (operation.permission() != Permission.READ) {
        assertThat(stored.version())
            .as(situation + " was carried out")
            .isEqualTo(before.version() + 1);
      }
    } else if (result instanceof java.util.Optional<?> found) {
      assertThat(found).as(situation).isPresent();
    } else if (result instanceof List<?> events) {
      assertThat(events).as(situation).hasSize(org.raw.history(before.id()).size());
    } else if (result instanceof Set<?> actions) {
      assertThat(actions).as(situation).isEqualTo(org.raw.allowedActions(stored));
    } else {
      throw new AssertionError(situation + " returned " + result);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  void queriesAndExportsShowExactlyTheTicketsInScope(Role role) {
    Organisation org = new Organisation(role);
    Map<Relation, Ticket> tickets = new EnumMap<>(Relation.class);
    for (Relation relation : Relation.values()) {
      tickets.put(relation, org.ticket(relation));
    }
    SecuredServiceDesk desk = org.access.as(org.me);
    checkCollection(
        role, Permission.READ, tickets, () -> desk.query(TicketQuery.builder().build()).items());
    checkCollection(
        role, Permission.EXPORT, tickets, () -> desk.export(TicketQuery.builder().build()).items());
    if (granted(role, Permission.READ) == Scope.NONE) {
      return;
    }
    // every filter of the query still applies when the scope is filtered page by page
    Ticket sample = tickets.get(Relation.ASSIGNED_TO_ME);
    List<TicketQuery> filtered =
        List.of(
            TicketQuery.builder().status(TicketStatus.ASSIGNED).build(),
            TicketQuery.builder().status(TicketStatus.RECEIVED).build(),
            TicketQuery.builder().priority(Priority.P1).build(),
            TicketQuery.builder().assignee("me").build(),
            TicketQuery.builder().department("mine").build(),
            TicketQuery.builder().customerId("me").build(),
            TicketQuery.builder().category(Category.PRODUCT_FAULT).build(),
            TicketQuery.builder()
                .dueBefore(Desk.CLOCK.instant().plus(Duration.ofDays(400)))
                .build(),
            TicketQuery.builder().createdFrom(sample.createdAt().plusSeconds(1)).build());
    for (TicketQuery query : filtered) {
      Scope scope = granted(role, Permission.READ);
      List<TicketId> expected =
          org.raw.query(query).items().stream()
              .filter(
                  t ->
                      tickets.entrySet().stream()
                          .anyMatch(
                              e ->
                                  e.getValue().id().equals(t.id())
                                      && holds(scope, e.getKey(), role)))
              .map(Ticket::id)
              .toList();
      assertThat(desk.query(query).items().stream().map(Ticket::id).toList())
          .as(role + " " + query)
          .containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  static Stream<Role> roles() {
    return GRANTS.keySet().stream();
  }

  private static void checkCollection(
      Role role,
      Permission permission,
      Map<Relation, Ticket> tickets,
      java.util.function.Supplier<List<Ticket>> call) {
    Scope scope = granted(role, permission);
    if (scope == Scope.NONE) {
      assertThatThrownBy(call::get)
          .as(role + " " + permission)
          .isInstanceOf(AccessDeniedException.class);
      return;
    }
    List<TicketId> expected =
        tickets.entrySet().stream()
            .filter(e -> holds(scope, e.getKey(), role))
            .map(e -> e.getValue().id())
            .toList();
    assertThat(call.get().stream().map(Ticket::id).toList())
        .as(role + " " + permission + " " + scope)
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void openingNeedsUpdateAndACustomerOpensOnlyForThemselves() {
    for (Role role : GRANTS.keySet()) {
      Organisation org = new Organisation(role);
      SecuredServiceDesk desk = org.access.as(org.me);
      NewTicket own =
          NewTicket.builder()
              .channel(Channel.APP)
              .customer(Desk.customer("me"))
              .product("X9")
              .problem("坏了")
              .build();
      if (granted(role, Permission.UPDATE) == Scope.NONE) {
        assertThatThrownBy(() -> desk.open(own, org.me))
            .as(role.toString())
            .isInstanceOf(AccessDeniedException.class);
      } else {
        assertThat(desk.open(own, org.me).customer().customerId())
            .as(role.toString())
            .isEqualTo("me");
      }
    }
    Organisation org = new Organisation(Role.CUSTOMER);
    NewTicket other =
        NewTicket.builder()
            .channel(Channel.APP)
            .customer(Desk.customer("C-1"))
            .product("X9")
            .problem("坏了")
            .build();
    assertThatThrownBy(() -> org.access.as(org.me).open(other, org.me))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void assigningNeedsTheNewAssigneeInScopeToo() {
    for (Role role : List.of(Role.TEAM_LEAD, Role.SUPERVISOR)) {
      for (String target : List.of("me", "mate", "stranger")) {
        Organisation org = new Organisation(role);
        Ticket t = org.ticket(Relation.ASSIGNED_TO_ME);
        SecuredServiceDesk desk = org.access.as(org.me);
        boolean allowed = role == Role.SUPERVISOR || !target.equals("stranger");
        if (allowed) {
          assertThat(
                  desk.assign(t.id(), t.version(), Assignment.of(target, "other"), org.me)
                      .assignee())
              .contains(target);
        } else {
          assertThatThrownBy(
                  () -> desk.assign(t.id(), t.version(), Assignment.of(target, "other"), org.me))
              .as(role + " assigns to " + target)
              .isInstanceOf(AccessDeniedException.class);
          assertThat(org.raw.get(t.id())).isEqualTo(t);
        }
      }
    }
  }

  @Test
  void aRoleThatIsNotGrantedOrACommandOnSomeoneElsesBehalfIsDenied() {
    Organisation org = new Organisation(Role.SUPERVISOR);
    Ticket t = org.ticket(Relation.ASSIGNED_TO_ME);
    SecuredServiceDesk pretending = org.access.as(Actor.of("me", Role.AGENT));
    assertThatThrownBy(() -> pretending.get(t.id())).isInstanceOf(AccessDeniedException.class);
    SecuredServiceDesk me = org.access.as(org.me);
    assertThatThrownBy(() -> me.start(t.id(), t.version(), Actor.of("mate", Role.AGENT)))
        .isInstanceOf(AccessDeniedException.class);
    org.directory.revokeRole("me", Actor.of("admin", Role.ADMINISTRATOR));
    assertThatThrownBy(() -> me.get(t.id())).isInstanceOf(AccessDeniedException.class);
    assertThat(org.raw.get(t.id())).isEqualTo(t);
  }
}
