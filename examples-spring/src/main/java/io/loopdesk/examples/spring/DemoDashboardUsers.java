package io.loopdesk.examples.spring;

import io.loopdesk.api.Actor;
import io.loopdesk.dashboard.DashboardActorResolver;
import io.loopdesk.desk.Loopdesk;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * DEMO ONLY: this example has no login, so the dashboard's user is the {@code as} query parameter
 * ({@code /loopdesk/dashboard?as=agent-1}) or, without one, {@code helpdesk.dashboard-user}; the
 * role is the one {@code application.yml} grants that user. A real application drops this class and
 * lets the dashboard's default resolver take the user from its login (the request's {@link
 * java.security.Principal}, e.g. Spring Security's), or defines its own {@link
 * DashboardActorResolver} bean.
 */
@Component
public class DemoDashboardUsers implements DashboardActorResolver {

  private final Loopdesk loopdesk;
  private final String defaultUser;

  /**
   * Creates the resolver.
   *
   * @param loopdesk the desk, whose access directory knows the users' roles
   * @param defaultUser the user of requests without {@code as}
   */
  public DemoDashboardUsers(
      Loopdesk loopdesk, @Value("${helpdesk.dashboard-user:sup-1}") String defaultUser) {
    this.loopdesk = loopdesk;
    this.defaultUser = defaultUser;
  }

  @Override
  public Optional<Actor> resolve(jakarta.servlet.http.HttpServletRequest request) {
    String asked = request.getParameter("as");
    String user = asked == null || asked.isBlank() ? defaultUser : asked;
    return loopdesk.directory().roleOf(user).map(role -> Actor.of(user, role));
  }
}
