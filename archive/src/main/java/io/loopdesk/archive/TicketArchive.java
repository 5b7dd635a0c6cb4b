package io.loopdesk.archive;

import io.loopdesk.access.AccessDeniedException;
import io.loopdesk.access.AccessDirectory;
import io.loopdesk.access.AccessPolicy;
import io.loopdesk.access.AuditEntry;
import io.loopdesk.access.AuditLog;
import io.loopdesk.access.Permission;
import io.loopdesk.access.Scope;
import io.loopdesk.api.Actor;
import io.loopdesk.api.Checks;
import io.loopdesk.api.Role;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketId;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.api.spi.TicketStore;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Reads archived tickets with their personal data, for roles the {@link AccessPolicy} grants {@link
 * Permission#READ_ARCHIVE} (the standard policy: supervisors, scope ALL). The actor's role is the
 * one the {@link AccessDirectory} granted, never the one claimed. Every other actor gets an {@link
 * AccessDeniedException}, recorded as {@link AuditEntry.AccessDenied} in the {@link AuditLog}, and
 * reads nothing. Personal data of erased customers reads as the erased marker here too. Thread-safe
 * if its collaborators are.
 */
public final class TicketArchive {
  private final TicketStore clearStore;
  private final ArchiveIndex index;
  private final AccessDirectory directory;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Clock clock;

  /**
   * Creates the archive view.
   *
   * @param clearStore the store that opens personal data, e.g. the {@code EncryptingTicketStore}
   *     under the {@link ArchiveSealingTicketStore}
   * @param index the archive index
   * @param directory who holds which role
   * @param policy the grants; {@code READ_ARCHIVE} decides
   * @param audit where denials are recorded
   * @param clock the clock for audit entries
   */
  public TicketArchive(
      TicketStore clearStore,
      ArchiveIndex index,
      AccessDirectory directory,
      AccessPolicy policy,
      AuditLog audit,
      Clock clock) {
    this.clearStore = Checks.notNull("clearStore", clearStore);
    this.index = Checks.notNull("index", index);
    this.directory = Checks.notNull("directory", directory);
    this.policy = Checks.notNull("policy", policy);
    this.audit = Checks.notNull("audit", audit);
    this.clock = Checks.notNull("clock", clock);
  }

  /**
   * Reads an archived ticket with its personal data.
   *
   * @param actor who reads
   * @param id the ticket
   * @return the ticket, or empty if it is not archived (live tickets are read through the desk)
   * @throws AccessDeniedException if the actor may not read it; audited
   */
  public Optional<Ticket> find(Actor actor, TicketId id) {
    return archived(actor, id, "archive.find");
  }

  /**
   * Reads an archived ticket's events with their personal data.
   *
   * @param actor who reads
   * @param id the ticket
   * @return the events, empty if the ticket is not archived
   * @throws AccessDeniedException if the actor may not read it; audited
   */
  public List<TicketEvent> events(Actor actor, TicketId id) {
    return archived(actor, id, "archive.events").map(t -> clearStore.events(id)).orElse(List.of());
  }

  /**
   * Returns a customer's archived tickets, without personal data.
   *
   * @param actor who asks; needs {@code READ_ARCHIVE} with scope ALL
   * @param customerId the customer
   * @return the archive records
   * @throws AccessDeniedException if the actor may not; audited
   */
  public List<ArchivedTicket> byCustomer(Actor actor, String customerId) {
    Role role = grantedRole(actor, "archive.byCustomer", null);
    if (policy.scope(role, Permission.READ_ARCHIVE) != Scope.ALL) {
      throw deny(
          actor,
          "archive.byCustomer",
          null,
          "listing a customer's archive needs READ_ARCHIVE with scope ALL");
    }
    return index.byCustomer(customerId);
  }

  /** The archived ticket as read for the access checks, or empty if it is not archived. */
  private Optional<Ticket> archived(Actor actor, TicketId id, String operation) {
    Checks.notNull("id", id);
    Role role = grantedRole(actor, operation, id);
    Scope scope = policy.scope(role, Permission.READ_ARCHIVE);
    if (scope == Scope.NONE) {
      throw deny(actor, operation, id, "role " + role + " has no READ_ARCHIVE permission");
    }
    Optional<Ticket> ticket = clearStore.find(id);
    Optional<ArchivedTicket> record =
        index.find(id).filter(a -> ticket.map(t -> a.covers(t.version())).orElse(false));
    if (record.isEmpty()) {
      return Optional.empty();
    }
    if (!directory.covers(scope, actor, ticket.get(), () -> false)) {
      throw deny(actor, operation, id, "the ticket is outside the actor's " + scope + " scope");
    }
    return ticket;
  }

  private Role grantedRole(Actor actor, String operation, TicketId id) {
    Checks.notNull("actor", actor);
    Optional<Role> granted = directory.roleOf(actor.id());
    if (granted.isEmpty() || granted.get() != actor.role()) {
      throw deny(actor, operation, id, "role " + actor.role() + " is not granted to " + actor.id());
    }
    return granted.get();
  }

  private AccessDeniedException deny(Actor actor, String operation, TicketId id, String reason) {
    audit.record(
        new AuditEntry.AccessDenied(
            clock.instant(),
            actor.id(),
            actor.role(),
            operation,
            Permission.READ_ARCHIVE,
            id,
            reason));
    return new AccessDeniedException(actor.id(), actor.role(), Permission.READ_ARCHIVE, id, reason);
  }
}
