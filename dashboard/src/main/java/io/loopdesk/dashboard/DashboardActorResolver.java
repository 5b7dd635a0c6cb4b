package io.loopdesk.dashboard;

import io.loopdesk.api.Actor;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Maps the host application's authenticated user to the Loopdesk {@link Actor} the dashboard
 * serves. The default, {@link PrincipalActorResolver}, takes the request's {@link
 * java.security.Principal} name as the user id and the role the access directory granted that user.
 * Define a bean of this type to map users otherwise (a claim of a token, a header set by a trusted
 * gateway); it must be thread-safe.
 */
@FunctionalInterface
public interface DashboardActorResolver {

  /**
   * Returns the actor behind a request.
   *
   * @param request the request to the dashboard's page, data, events or export
   * @return the actor, or empty when the user is not authenticated (the dashboard answers 401)
   */
  Optional<Actor> resolve(HttpServletRequest request);
}
