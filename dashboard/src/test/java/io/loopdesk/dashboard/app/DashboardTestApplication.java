package io.loopdesk.dashboard.app;

import io.loopdesk.api.Actor;
import io.loopdesk.dashboard.DashboardActorResolver;
import io.loopdesk.desk.Loopdesk;
import java.util.Optional;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The host application of the dashboard's tests. It has no login: its actor resolver (overriding
 * the dashboard's principal-based default, as a host would) takes the user id from the {@code as}
 * query parameter and the role from the access directory.
 */
@SpringBootApplication
public class DashboardTestApplication {

  /**
   * Resolves {@code ?as=user} to that user's granted role; a role claimed with {@code &role=} is
   * used as claimed, so that tests can claim a role the directory does not grant.
   *
   * @param loopdesk the desk
   * @return the resolver
   */
  @Bean
  DashboardActorResolver queryParameterActors(Loopdesk loopdesk) {
    return request -> {
      String user = request.getParameter("as");
      if (user == null || user.isBlank()) {
        return Optional.empty();
      }
      String claimed = request.getParameter("role");
      if (claimed != null) {
        return Optional.of(Actor.of(user, io.loopdesk.api.Role.valueOf(claimed)));
      }
      return loopdesk.directory().roleOf(user).map(role -> Actor.of(user, role));
    };
  }
}
