package io.loopdesk.access;

import io.loopdesk.api.Role;
import io.loopdesk.api.ValidationException;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which permission each role has, over which tickets, and whether it sees personal data. Immutable
 * and thread-safe. Anything not granted is denied.
 *
 * <p>{@link #standard()} follows the handbook's least-privilege table:
 *
 * <table>
 *   <caption>Standard grants</caption>
 *   <tr><th>Role</th><th>READ</th><th>UPDATE</th><th>ASSIGN</th><th>CLOSE</th><th>CONFIGURE</th><th>EXPORT</th><th>READ_ARCHIVE</th><th>Personal data</th></tr>
 *   <tr><td>AGENT</td><td>QUEUE</td><td>OWN</td><td>-</td><td>OWN</td><td>-</td><td>-</td><td>-</td><td>FULL</td></tr>
 *   <tr><td>TEAM_LEAD</td><td>TEAM</td><td>TEAM</td><td>TEAM</td><td>TEAM</td><td>-</td><td>TEAM</td><td>-</td><td>FULL</td></tr>
 *   <tr><td>QA_SPECIALIST</td><td>ALL</td><td>-</td><td>-</td><td>-</td><td>-</td><td>ALL</td><td>-</td><td>MASKED</td></tr>
 *   <tr><td>TRAINER</td><td>ALL</td><td>-</td><td>-</td><td>-</td><td>-</td><td>-</td><td>-</td><td>MASKED</td></tr>
 *   <tr><td>SUPERVISOR</td><td>ALL</td><td>ALL</td><td>ALL</td><td>ALL</td><td>-</td><td>ALL</td><td>ALL</td><td>FULL</td></tr>
 *   <tr><td>ADMINISTRATOR</td><td>ALL</td><td>-</td><td>-</td><td>-</td><td>ALL</td><td>-</td><td>-</td><td>MASKED</td></tr>
 *   <tr><td>CUSTOMER</td><td>OWN</td><td>OWN</td><td>-</td><td>-</td><td>-</td><td>-</td><td>-</td><td>FULL</td></tr>
 *   <tr><td>SYSTEM</td><td>ALL</td><td>ALL</td><td>ALL</td><td>ALL</td><td>ALL</td><td>ALL</td><td>ALL</td><td>FULL</td></tr>
 * </table>
 */
public final class AccessPolicy {
  private final Map<Role, Map<Permission, Scope>> grants;
  private final Map<Role, PersonalDataView> views;

  private AccessPolicy(Builder b) {
    EnumMap<Role, Map<Permission, Scope>> g = new EnumMap<>(Role.class);
    b.grants.forEach((role, m) -> g.put(role, Map.copyOf(new EnumMap<>(m))));
    this.grants = g;
    this.views = new EnumMap<>(b.views);
  }

  /** Returns the standard least-privilege policy (see the class description). */
  public static AccessPolicy standard() {
    return builder()
        .grant(Role.AGENT, Permission.READ, Scope.QUEUE)
        .grant(Role.AGENT, Permission.UPDATE, Scope.OWN)
        .grant(Role.AGENT, Permission.CLOSE, Scope.OWN)
        .grant(Role.TEAM_LEAD, Permission.READ, Scope.TEAM)
        .grant(Role.TEAM_LEAD, Permission.UPDATE, Scope.TEAM)
        .grant(Role.TEAM_LEAD, Permission.ASSIGN, Scope.TEAM)
        .grant(Role.TEAM_LEAD, Permission.CLOSE, Scope.TEAM)
        .grant(Role.TEAM_LEAD, Permission.EXPORT, Scope.TEAM)
        .grant(Role.QA_SPECIALIST, Permission.READ, Scope.ALL)
        .grant(Role.QA_SPECIALIST, Permission.EXPORT, Scope.ALL)
        .personalData(Role.QA_SPECIALIST, PersonalDataView.MASKED)
        .grant(Role.TRAINER, Permission.READ, Scope.ALL)
        .personalData(Role.TRAINER, PersonalDataView.MASKED)
        .grantAll(
            Role.SUPERVISOR,
            Scope.ALL,
            Permission.READ,
            Permission.UPDATE,
            Permission.ASSIGN,
            Permission.CLOSE,
            Permission.EXPORT,
            Permission.READ_ARCHIVE)
        .grant(Role.ADMINISTRATOR, Permission.READ, Scope.ALL)
        .grant(Role.ADMINISTRATOR, Permission.CONFIGURE, Scope.ALL)
        .personalData(Role.ADMINISTRATOR, PersonalDataView.MASKED)
        .grant(Role.CUSTOMER, Permission.READ, Scope.OWN)
        .grant(Role.CUSTOMER, Permission.UPDATE, Scope.OWN)
        .grantAll(Role.SYSTEM, Scope.ALL, Permission.values())
        .build();
  }

  /** Returns a builder with nothing granted and personal data visible to every role. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the scope of a permission for a role.
   *
   * @param role the role
   * @param permission the permission
   * @return the scope, {@link Scope#NONE} if not granted
   */
  public Scope scope(Role role, Permission permission) {
    Map<Permission, Scope> m = grants.get(role);
    return m == null ? Scope.NONE : m.getOrDefault(permission, Scope.NONE);
  }

  /**
   * Returns whether a role sees personal data.
   *
   * @param role the role
   * @return the view
   */
  public PersonalDataView personalData(Role role) {
    return views.getOrDefault(role, PersonalDataView.FULL);
  }

  /** Builds an {@link AccessPolicy}; not thread-safe. */
  public static final class Builder {
    private final Map<Role, Map<Permission, Scope>> grants = new EnumMap<>(Role.class);
    private final Map<Role, PersonalDataView> views = new EnumMap<>(Role.class);

    private Builder() {}

    /** Grants a permission over a scope, replacing an earlier grant of it. */
    public Builder grant(Role role, Permission permission, Scope scope) {
      require("role", role);
      require("permission", permission);
      require("scope", scope);
      grants.computeIfAbsent(role, r -> new EnumMap<>(Permission.class)).put(permission, scope);
      return this;
    }

    /** Grants several permissions over one scope. */
    public Builder grantAll(Role role, Scope scope, Permission... permissions) {
      for (Permission p : permissions) {
        grant(role, p, scope);
      }
      return this;
    }

    /** Sets whether a role sees personal data (default {@link PersonalDataView#FULL}). */
    public Builder personalData(Role role, PersonalDataView view) {
      views.put(require("role", role), require("view", view));
      return this;
    }

    /** Returns the policy. */
    public AccessPolicy build() {
      return new AccessPolicy(this);
    }

    private static <T> T require(String field, T value) {
      if (value == null) {
        throw new ValidationException(field, null, "must not be null");
      }
      return value;
    }
  }
}
