package io.loopdesk.access;

import io.loopdesk.access.internal.PersonalData;
import io.loopdesk.api.Actor;
import io.loopdesk.api.Assignment;
import io.loopdesk.api.CallbackResult;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Customer;
import io.loopdesk.api.Escalation;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Page;
import io.loopdesk.api.Priority;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketAction;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.TicketNotFoundException;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.ValidationException;
import io.loopdesk.api.VersionConflictException;
import io.loopdesk.api.event.TicketChange;
import io.loopdesk.api.event.TicketEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One actor's view of a {@link ServiceDesk} with least privilege enforced: every read and every
 * command is checked against the {@link AccessPolicy} and {@link AccessDirectory} before it reaches
 * the desk. Obtain it from {@link AccessControl#as(Actor)}.
 *
 * <ul>
 *   <li>The actor's role must be the one granted in the directory, whatever its name (an actor
 *       claiming {@code SYSTEM} is denied; the system acts only through {@link
 *       AccessControl#system(String)}, audited); commands must be issued as this actor (no acting
 *       on behalf of someone else).
 *   <li>A ticket is the actor's own when it is assigned to them, or when it is unassigned and they
 *       opened it; for a customer, when it is theirs.
 *   <li>Reads ({@code get, find, history, allowedActions, query}) need {@link Permission#READ} over
 *       the ticket; {@code query} silently leaves out tickets outside the scope, with correct
 *       paging.
 *   <li>{@code open}, lifecycle commands, {@code escalate} and {@code recordCustomerReply} need
 *       {@link Permission#UPDATE}; so do {@code replyToCustomer} and {@code addInternalNote}, which
 *       a customer may never issue; {@code assign} needs {@link Permission#ASSIGN} over the ticket
 *       and over the new assignee; the supervisory commands {@code deescalate}, {@code
 *       reprioritise} and {@code changeDeadline} need {@link Permission#ASSIGN}; {@code close}
 *       needs {@link Permission#CLOSE}.
 *   <li>A check runs against the exact version the command names, so a concurrent reassignment
 *       cannot slip a command through.
 *   <li>A denied call throws {@link AccessDeniedException}, changes nothing, and leaves only an
 *       {@link AuditEntry.AccessDenied} entry and an INFO log line without personal data.
 *   <li>Returned tickets and events have the customer's personal data (name, phone, e-mail,
 *       address, ID numbers) masked for roles with {@link PersonalDataView#MASKED}, with {@link
 *       io.loopdesk.api.Customer#masked()}, also where it appears in message bodies (with any other
 *       e-mail address or long number); exports are always masked.
 *   <li>A customer's view of the history leaves out internal notes.
 * </ul>
 *
 * <p>Thread-safe if the wrapped desk is.
 */
public final class SecuredServiceDesk implements ServiceDesk {
  private static final Logger LOG = LoggerFactory.getLogger(SecuredServiceDesk.class);

  private final ServiceDesk desk;
  private final AccessDirectory directory;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Clock clock;
  private final Actor actor;

  /** Non-null only for the explicit system view of {@link AccessControl#system(String)}. */
  private final String systemPurpose;

  SecuredServiceDesk(
      ServiceDesk desk,
      AccessDirectory directory,
      AccessPolicy policy,
      AuditLog audit,
      Clock clock,
      Actor actor,
      String systemPurpose) {
    this.desk = desk;
    this.directory = directory;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
    this.actor = actor;
    this.systemPurpose = systemPurpose;
  }

  /** Returns the actor this view belongs to. */
  public Actor actor() {
    return actor;
  }

  @Override
  public Ticket open(NewTicket request, Actor by) {
    require("request", request);
    Scope scope = authorise("open", Permission.UPDATE, null, by);
    if (scope == Scope.NONE) {
      throw deny("open", Permission.UPDATE, null, "role " + actor.role() + " may not open tickets");
    }
    if (actor.role() == Role.CUSTOMER && !request.customer().customerId().equals(actor.id())) {
      throw deny(
          "open", Permission.UPDATE, null, "a customer may open tickets only for themselves");
    }
    return view(desk.open(request, by));
  }

  @Override
  public Ticket classify(
      TicketId id, long expectedVersion, Classification classification, Actor by) {
    return command(
        "classify",
        Permission.UPDATE,
        id,
        expectedVersion,
        by,
        () -> desk.classify(id, expectedVersion, classification, by));
  }

  @Override
  public Ticket assign(TicketId id, long expectedVersion, Assignment assignment, Actor by) {
    require("assignment", assignment);
    Scope scope = authorise("assign", Permission.ASSIGN, id, by);
    Ticket current = checked("assign", Permission.ASSIGN, scope, id, expectedVersion);
    String target = assignment.assignee();
    boolean targetAllowed =
        switch (scope) {
          case ALL -> true;
          case TEAM -> target.equals(actor.id()) || directory.teamOf(actor.id()).contains(target);
          default -> target.equals(actor.id());
        };
    if (!targetAllowed) {
      throw deny(
          "assign",
          Permission.ASSIGN,
          current.id(),
          "assignee " + target + " is outside the actor's " + scope + " scope");
    }
    return view(desk.assign(id, expectedVersion, assignment, by));
  }

  @Override
  public Ticket start(TicketId id, long expectedVersion, Actor by) {
    return command(
        "start",
        Permission.UPDATE,
        id,
        expectedVersion,
        by,
        () -> desk.start(id, expectedVersion, by));
  }

  @Override
  public Ticket waitOnCustomer(TicketId id, long expectedVersion, String reason, Actor by) {
    return command(
        "waitOnCustomer",
        Permission.UPDATE,
        id,
        expectedVersion,
        by,
        () -> desk.waitOnCustomer(id, expectedVersion, reason, by));
  }

  @Override
  public Ticket waitOnThirdParty(TicketId id, long expectedVersion, String reason, Actor by) {
    return command(
        "waitOnThirdParty",
        Permission.UPDATE,
        id,
        expectedVersion,
        by,
        () -> desk.waitOnThirdParty(id, expectedVersion, reason, by));
  }

  @Override
  public Ticket resume(TicketId id, long expectedVersion, Actor by) {
    return command(
        "resume",
        Permission.UPDATE,
        id,
        expectedVersion,
        by,
        () -> desk.resume(id, expectedVersion, by));
  }

  @Override
  public Ticket resolve(TicketId id, long expectedVersion, String resolution, Actor by) {
    return command(
        "resolve",
        Permission.UPDATE,
        id,
        expectedVersion,
        by,
        () -> desk.resolve(id, expectedVersion, resolution, by));
  }

  @Override
  public Ticket recordCallback(TicketId id, long expectedVersion, CallbackResult result, Actor by) {
    return command(
        "recordCallback",
        Permission.UPDATE,
        id,
        expectedVersion,
        by,
        () -> desk.recordCallback(id, expectedVersion, result, by));
  }

  @Override
  public Ticket close(TicketId id, long expectedVersion, Actor by) {
    return command(
        "close",
        Permission.CLOSE,
        id,
        expectedVersion,
        by,
        () -> desk.close(id, expectedVersion, by));
  }

  @Override
  public Ticket reopen(TicketId id, long expectedVersion, String reason, Actor by) {
    return command(
        "reopen",
        Permission.UPDATE,
        id,
        expectedVersion,
        by,
        () -> desk.reopen(id, expectedVersion, reason, by));
  }

  @Override
  public Ticket escalate(TicketId id, long expectedVersion, Escalation escalation, Actor by) {
    return command(
        "escalate",
        Permission.UPDATE,
        id,
        expectedVersion,
        by,
        () -> desk.escalate(id, expectedVersion, escalation, by));
  }

  @Override
  public Ticket deescalate(TicketId id, long expectedVersion, Escalation escalation, Actor by) {
    return command(
        "deescalate",
        Permission.ASSIGN,
        id,
        expectedVersion,
        by,
        () -> desk.deescalate(id, expectedVersion, escalation, by));
  }

  @Override
  public Ticket reprioritise(
      TicketId id, long expectedVersion, Priority priority, String reason, Actor by) {
    return command(
        "reprioritise",
        Permission.ASSIGN,
        id,
        expectedVersion,
        by,
        () -> desk.reprioritise(id, expectedVersion, priority, reason, by));
  }

  @Override
  public Ticket changeDeadline(
      TicketId id, long expectedVersion, Instant dueAt, String reason, Actor by) {
    return command(
        "changeDeadline",
        Permission.ASSIGN,
        id,
        expectedVersion,
        by,
        () -> desk.changeDeadline(id, expectedVersion, dueAt, reason, by));
  }

  @Override
  public Ticket perform(
      TicketId id, long expectedVersion, TicketAction action, String note, Actor by) {
    return command(
        "perform",
        Permission.UPDATE,
        id,
        expectedVersion,
        by,
        () -> desk.perform(id, expectedVersion, action, note, by));
  }

  @Override
  public Ticket replyToCustomer(
      TicketId id, long expectedVersion, Channel channel, String body, Actor by) {
    return staffCommand(
        "replyToCustomer",
        id,
        expectedVersion,
        by,
        () -> desk.replyToCustomer(id, expectedVersion, channel, body, by));
  }

  @Override
  public Ticket recordCustomerReply(
      TicketId id, long expectedVersion, Channel channel, String body, Actor by) {
    return command(
        "recordCustomerReply",
        Permission.UPDATE,
        id,
        expectedVersion,
        by,
        () -> desk.recordCustomerReply(id, expectedVersion, channel, body, by));
  }

  @Override
  public Ticket addInternalNote(TicketId id, long expectedVersion, String body, Actor by) {
    return staffCommand(
        "addInternalNote",
        id,
        expectedVersion,
        by,
        () -> desk.addInternalNote(id, expectedVersion, body, by));
  }

  /** A command that needs {@link Permission#UPDATE} and is never a customer's to issue. */
  private Ticket staffCommand(
      String operation, TicketId id, long expectedVersion, Actor by, Supplier<Ticket> call) {
    Scope scope = authorise(operation, Permission.UPDATE, id, by);
    if (actor.role() == Role.CUSTOMER) {
      throw deny(
          operation,
          Permission.UPDATE,
          id,
          "a customer may not "
              + (operation.equals("addInternalNote")
                  ? "write internal notes"
                  : "send agent replies"));
    }
    checked(operation, Permission.UPDATE, scope, id, expectedVersion);
    return view(call.get());
  }

  @Override
  public Ticket get(TicketId id) {
    return find(id).orElseThrow(() -> new TicketNotFoundException(id));
  }

  @Override
  public Optional<Ticket> find(TicketId id) {
    require("id", id);
    Scope scope = authorise("find", Permission.READ, id, actor);
    Optional<Ticket> ticket = desk.find(id);
    if (ticket.isPresent() && !inScope(scope, ticket.get())) {
      throw deny("find", Permission.READ, id, outside(scope));
    }
    return ticket.map(this::view);
  }

  @Override
  public List<TicketEvent> history(TicketId id) {
    require("id", id);
    Scope scope = authorise("history", Permission.READ, id, actor);
    Optional<Ticket> ticket = desk.find(id);
    if (ticket.isEmpty()) {
      return List.of();
    }
    if (!inScope(scope, ticket.get())) {
      throw deny("history", Permission.READ, id, outside(scope));
    }
    List<TicketEvent> events = desk.history(id);
    if (actor.role() == Role.CUSTOMER) {
      events = events.stream().filter(SecuredServiceDesk::visibleToCustomer).toList();
    }
    Customer customer = ticket.get().customer();
    return masked() ? events.stream().map(e -> PersonalData.mask(e, customer)).toList() : events;
  }

  @Override
  public Page<Ticket> query(TicketQuery query) {
    require("query", query);
    Scope scope = authorise("query", Permission.READ, null, actor);
    if (scope == Scope.NONE) {
      throw deny("query", Permission.READ, null, "role " + actor.role() + " may not read tickets");
    }
    if (scope == Scope.ALL) {
      Page<Ticket> page = desk.query(query);
      return new Page<>(page.items().stream().map(this::view).toList(), page.hasMore());
    }
    return filteredPage(query, scope);
  }

  @Override
  public Set<TicketAction> allowedActions(Ticket ticket) {
    require("ticket", ticket);
    Scope scope = authorise("allowedActions", Permission.READ, ticket.id(), actor);
    Ticket stored =
        desk.find(ticket.id()).orElseThrow(() -> new TicketNotFoundException(ticket.id()));
    if (!inScope(scope, stored)) {
      throw deny("allowedActions", Permission.READ, ticket.id(), outside(scope));
    }
    return desk.allowedActions(stored);
  }

  /**
   * Exports tickets for analytics, always with personal data masked whatever the role.
   *
   * @param query criteria and paging
   * @return the page, limited to the tickets within the actor's {@link Permission#EXPORT} scope
   */
  public Page<Ticket> export(TicketQuery query) {
    require("query", query);
    Scope scope = authorise("export", Permission.EXPORT, null, actor);
    if (scope == Scope.NONE) {
      throw deny("export", Permission.EXPORT, null, "role " + actor.role() + " may not export");
    }
    Page<Ticket> page = scope == Scope.ALL ? desk.query(query) : filteredPage(query, scope);
    return new Page<>(page.items().stream().map(PersonalData::mask).toList(), page.hasMore());
  }

  /**
   * Exports a ticket's events for analytics, always with personal data masked whatever the role.
   *
   * @param id the ticket
   * @return the events, empty if the ticket does not exist
   * @throws AccessDeniedException if the ticket is outside the actor's {@link Permission#EXPORT}
   *     scope
   */
  public List<TicketEvent> exportHistory(TicketId id) {
    require("id", id);
    Scope scope = authorise("exportHistory", Permission.EXPORT, id, actor);
    Optional<Ticket> ticket = desk.find(id);
    if (ticket.isEmpty()) {
      return List.of();
    }
    if (!inScope(scope, ticket.get())) {
      throw deny("exportHistory", Permission.EXPORT, id, outside(scope));
    }
    Customer customer = ticket.get().customer();
    return desk.history(id).stream().map(e -> PersonalData.mask(e, customer)).toList();
  }

  /** Internal notes are never shown to a customer, not even in their own ticket's history. */
  private static boolean visibleToCustomer(TicketEvent e) {
    return !(e.change() instanceof TicketChange.Communication c) || c.visibleToCustomer();
  }

  private Page<Ticket> filteredPage(TicketQuery query, Scope scope) {
    List<Ticket> visible = new ArrayList<>();
    int toSkip = query.offset();
    TicketQuery scan = rewindowed(query, 0);
    while (true) {
      Page<Ticket> page = desk.query(scan);
      for (Ticket t : page.items()) {
        if (!inScope(scope, t)) {
          continue;
        }
        if (toSkip > 0) {
          toSkip--;
          continue;
        }
        if (visible.size() == query.limit()) {
          return new Page<>(visible.stream().map(this::view).toList(), true);
        }
        visible.add(t);
      }
      if (!page.hasMore()) {
        return new Page<>(visible.stream().map(this::view).toList(), false);
      }
      scan = scan.nextPage();
    }
  }

  /** The same criteria from another offset with the largest page. */
  private static TicketQuery rewindowed(TicketQuery q, int offset) {
    TicketQuery.Builder b = TicketQuery.builder().offset(offset).limit(TicketQuery.MAX_LIMIT);
    if (!q.statuses().isEmpty()) {
      b.status(q.statuses().toArray(io.loopdesk.api.TicketStatus[]::new));
    }
    if (!q.priorities().isEmpty()) {
      b.priority(q.priorities().toArray(Priority[]::new));
    }
    q.assignee().ifPresent(b::assignee);
    q.department().ifPresent(b::department);
    q.customerId().ifPresent(b::customerId);
    q.category().ifPresent(b::category);
    q.dueBefore().ifPresent(b::dueBefore);
    q.createdFrom().ifPresent(b::createdFrom);
    return b.build();
  }

  private Ticket command(
      String operation,
      Permission permission,
      TicketId id,
      long expectedVersion,
      Actor by,
      Supplier<Ticket> call) {
    Scope scope = authorise(operation, permission, id, by);
    checked(operation, permission, scope, id, expectedVersion);
    return view(call.get());
  }

  /** Loads the ticket, checks the scope and that it is the version the command names. */
  private Ticket checked(
      String operation, Permission permission, Scope scope, TicketId id, long expectedVersion) {
    require("id", id);
    Ticket current = desk.find(id).orElseThrow(() -> new TicketNotFoundException(id));
    if (!inScope(scope, current)) {
      throw deny(operation, permission, id, outside(scope));
    }
    if (current.version() != expectedVersion) {
      throw new VersionConflictException(id, expectedVersion, current.version());
    }
    return current;
  }

  /** Checks the actor and returns the scope of the permission. */
  private Scope authorise(String operation, Permission permission, TicketId id, Actor by) {
    require("actor", by);
    if (!by.equals(actor)) {
      throw deny(
          operation,
          permission,
          id,
          "commands must be issued as "
              + actor.id()
              + " ("
              + actor.role()
              + "), not as "
              + by.id());
    }
    if (systemPurpose != null) {
      audit.record(new AuditEntry.SystemAccess(clock.instant(), systemPurpose, operation, id));
    } else {
      Optional<Role> granted = directory.roleOf(actor.id());
      if (granted.isEmpty() || granted.get() != actor.role()) {
        throw deny(
            operation,
            permission,
            id,
            "role "
                + actor.role()
                + " is not granted to "
                + actor.id()
                + " (granted: "
                + granted.orElse(null)
                + ")");
      }
    }
    Scope scope = policy.scope(actor.role(), permission);
    if (scope == Scope.NONE && id != null) {
      throw deny(
          operation,
          permission,
          id,
          "role " + actor.role() + " has no " + permission + " permission");
    }
    return scope;
  }

  private boolean inScope(Scope scope, Ticket t) {
    return directory.covers(scope, actor, t, () -> openedBy(t, actor.id()));
  }

  /** An unassigned ticket belongs to whoever opened it, so that they can classify it. */
  private boolean openedBy(Ticket t, String userId) {
    List<TicketEvent> events = desk.history(t.id());
    return !events.isEmpty() && events.get(0).actor().id().equals(userId);
  }

  private static String outside(Scope scope) {
    return "the ticket is outside the actor's " + scope + " scope";
  }

  private AccessDeniedException deny(
      String operation, Permission permission, TicketId id, String reason) {
    audit.record(
        new AuditEntry.AccessDenied(
            clock.instant(), actor.id(), actor.role(), operation, permission, id, reason));
    LOG.info(
        "denied {} ({}) on ticket {} to {} ({}): {}",
        operation,
        permission,
        id,
        actor.id(),
        actor.role(),
        reason);
    return new AccessDeniedException(actor.id(), actor.role(), permission, id, reason);
  }

  private boolean masked() {
    return policy.personalData(actor.role()) == PersonalDataView.MASKED;
  }

  private Ticket view(Ticket t) {
    return masked() ? PersonalData.mask(t) : t;
  }

  private static <T> T require(String field, T value) {
    if (value == null) {
      throw new ValidationException(field, null, "must not be null");
    }
    return value;
  }
}
