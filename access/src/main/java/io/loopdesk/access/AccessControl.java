package io.loopdesk.access;

import io.loopdesk.api.Actor;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.ValidationException;
import java.time.Clock;

/**
 * Enforces least privilege inside the library: wraps a {@link ServiceDesk} and hands out a {@link
 * SecuredServiceDesk} per actor, which checks every call against the {@link AccessPolicy} and the
 * {@link AccessDirectory} before it reaches the desk.
 *
 * <pre>{@code
 * AccessControl access = AccessControl.builder(desk, directory).policy(AccessPolicy.standard())
 *     .audit(auditLog).clock(clock).build();
 * ServiceDesk asAgent = access.as(Actor.of("agent-7", Role.AGENT));
 * asAgent.query(TicketQuery.builder().build());   // only agent-7's own and queue tickets
 * }</pre>
 *
 * <p>Personal data: roles with {@link PersonalDataView#MASKED} get customers in {@link
 * io.loopdesk.api.PersonalDataForm#MASKED} form ({@link io.loopdesk.api.Customer#masked()}): name,
 * phone, e-mail, address and ID numbers masked, e.g. {@code 张*}, {@code 138****5678}, {@code
 * 北京市****}, {@code 11****2X}. Thread-safe.
 */
public final class AccessControl {
  private final ServiceDesk desk;
  private final AccessDirectory directory;
  private final AccessPolicy policy;
  private final AuditLog audit;
  private final Clock clock;

  private AccessControl(Builder b) {
    this.desk = b.desk;
    this.directory = b.directory;
    this.policy = b.policy;
    this.audit = b.audit;
    this.clock = b.clock;
  }

  /**
   * Returns a builder.
   *
   * @param desk the desk to protect; give the host only the secured views, never this desk
   * @param directory roles, queues and teams
   * @return the builder
   */
  public static Builder builder(ServiceDesk desk, AccessDirectory directory) {
    return new Builder(desk, directory);
  }

  /**
   * Returns the desk as seen and operated by one actor. Every call checks that the actor's role is
   * the one granted in the directory at that moment, so a revoked or changed role takes effect at
   * once.
   *
   * @param actor the authenticated user and the role they act in
   * @return the secured view
   */
  public SecuredServiceDesk as(Actor actor) {
    if (actor == null) {
      throw new ValidationException("actor", null, "must not be null");
    }
    return new SecuredServiceDesk(desk, directory, policy, audit, clock, actor, null);
  }

  /**
   * Returns the desk as operated by Loopdesk's own machinery ({@link Actor#SYSTEM}), with the
   * rights the policy gives {@link io.loopdesk.api.Role#SYSTEM}. This is the only way to act as the
   * system: an actor merely claiming the SYSTEM role through {@link #as(Actor)} is denied, because
   * the directory never grants it. Every call through this view is recorded as an {@link
   * AuditEntry.SystemAccess} with the purpose. Hand it only to wiring code (an SLA escalation
   * handler, a migration), never to code serving users.
   *
   * @param purpose why the system acts, e.g. {@code "sla-escalation"}; 1-64 characters
   * @return the system view
   */
  public SecuredServiceDesk system(String purpose) {
    if (purpose == null || purpose.isBlank() || purpose.length() > 64) {
      throw new ValidationException("purpose", purpose, "must be 1-64 characters, not blank");
    }
    return new SecuredServiceDesk(desk, directory, policy, audit, clock, Actor.SYSTEM, purpose);
  }

  /** Returns the policy. */
  public AccessPolicy policy() {
    return policy;
  }

  /** Builds {@link AccessControl}; not thread-safe. */
  public static final class Builder {
    private final ServiceDesk desk;
    private final AccessDirectory directory;
    private AccessPolicy policy = AccessPolicy.standard();
    private AuditLog audit = new InMemoryAuditLog();
    private Clock clock = Clock.systemUTC();

    private Builder(ServiceDesk desk, AccessDirectory directory) {
      this.desk = require("desk", desk);
      this.directory = require("directory", directory);
    }

    /** Sets the policy (default {@link AccessPolicy#standard()}). */
    public Builder policy(AccessPolicy value) {
      policy = require("policy", value);
      return this;
    }

    /** Sets the audit log for denied actions (default: a new in-memory log). */
    public Builder audit(AuditLog value) {
      audit = require("audit", value);
      return this;
    }

    /** Sets the clock that stamps audit entries (default: the UTC system clock). */
    public Builder clock(Clock value) {
      clock = require("clock", value);
      return this;
    }

    /** Returns the access control. */
    public AccessControl build() {
      return new AccessControl(this);
    }

    private static <T> T require(String field, T value) {
      if (value == null) {
        throw new ValidationException(field, null, "must not be null");
      }
      return value;
    }
  }
}
