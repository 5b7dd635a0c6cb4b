package io.loopdesk.dashboard;

import io.loopdesk.access.AccessDirectory;
import io.loopdesk.api.Actor;
import io.loopdesk.api.Checks;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;

/**
 * The default {@link DashboardActorResolver}: the authenticated {@link Principal}'s name is the
 * Loopdesk user id and the {@link AccessDirectory} says the role. A user without a principal is not
 * authenticated; a user the directory grants no role is resolved to nobody as well. Thread-safe.
 */
public final class PrincipalActorResolver implements DashboardActorResolver {

  private final AccessDirectory directory;

  /**
   * Creates the resolver.
   *
   * @param directory the desk's access directory
   */
  public PrincipalActorResolver(AccessDirectory directory) {
    Checks.notNull("directory", directory);
    this.directory = directory;
  }

  @Override
  public Optional<Actor> resolve(HttpServletRequest request) {
    Principal principal = request.getUserPrincipal();
    if (principal == null || principal.getName() == null || principal.getName().isBlank()) {
      return Optional.empty();
    }
    String user = principal.getName();
    return directory.roleOf(user).map(role -> Actor.of(user, role));
  }
}
