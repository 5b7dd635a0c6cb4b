package io.loopdesk.dashboard;

import io.loopdesk.api.spi.TicketEventFeed;
import io.loopdesk.desk.Loopdesk;
import io.loopdesk.sla.calendar.BusinessCalendar;
import io.loopdesk.spring.boot.LoopdeskAutoConfiguration;
import io.loopdesk.spring.boot.LoopdeskConfigurationException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Serves the live KPI dashboard in a servlet web application that has the Loopdesk starter's desk:
 * at {@code loopdesk.dashboard.path} ({@code /loopdesk/dashboard} by default), fed by the store's
 * global event feed. Off with {@code loopdesk.dashboard.enabled=false}; every bean backs off when
 * the application defines its own of the same type, in particular the {@link
 * DashboardActorResolver} that maps the application's authenticated user to a Loopdesk actor.
 */
@AutoConfiguration(after = LoopdeskAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(SseEmitter.class)
@ConditionalOnBean(Loopdesk.class)
@ConditionalOnProperty(
    prefix = DashboardProperties.PREFIX,
    name = "enabled",
    havingValue = "true",
    matchIfMissing = true)
@EnableConfigurationProperties(DashboardProperties.class)
public class DashboardAutoConfiguration {

  /** Creates the configuration; Spring Boot does. */
  public DashboardAutoConfiguration() {}

  /**
   * Maps a request's authenticated principal to the actor the access directory knows.
   *
   * @param loopdesk the desk
   * @return the resolver
   */
  @Bean
  @ConditionalOnMissingBean
  public DashboardActorResolver loopdeskDashboardActorResolver(Loopdesk loopdesk) {
    return new PrincipalActorResolver(loopdesk.directory());
  }

  /**
   * Decides what each role sees, with the desk's directory, access policy and audit log.
   *
   * @param loopdesk the desk
   * @return the rule
   */
  @Bean
  @ConditionalOnMissingBean
  public DashboardAccess loopdeskDashboardAccess(Loopdesk loopdesk) {
    return new DashboardAccess(
        loopdesk.directory(), loopdesk.access().policy(), loopdesk.audit(), loopdesk.clock());
  }

  /**
   * The figures, from the store's global event feed.
   *
   * @param loopdesk the desk
   * @param settings the dashboard's settings
   * @return the dashboard's source of figures
   * @throws LoopdeskConfigurationException when the store offers no event feed
   */
  @Bean
  @ConditionalOnMissingBean
  public LiveDashboard loopdeskLiveDashboard(Loopdesk loopdesk, DashboardProperties settings) {
    TicketEventFeed feed =
        loopdesk
            .store()
            .eventFeed()
            .orElseThrow(
                () ->
                    new LoopdeskConfigurationException(
                        DashboardProperties.PREFIX + ".enabled",
                        "is true, but the ticket store offers no global event feed "
                            + "(TicketStore.eventFeed()); use the in-memory or JDBC store, or switch the dashboard off"));
    ZoneId zone =
        loopdesk.calendars().defaultCalendar().map(BusinessCalendar::zone).orElse(ZoneOffset.UTC);
    return new LiveDashboard(feed, loopdesk.sla(), loopdesk.clock(), zone, settings);
  }

  /**
   * The live stream, started and stopped with the application context.
   *
   * @param dashboard the figures
   * @param loopdesk the desk (its clock)
   * @param settings the dashboard's settings
   * @return the stopped stream
   */
  @Bean
  @ConditionalOnMissingBean
  public DashboardStream loopdeskDashboardStream(
      LiveDashboard dashboard, Loopdesk loopdesk, DashboardProperties settings) {
    return new DashboardStream(dashboard, loopdesk.clock(), settings);
  }

  /**
   * English and Chinese labels.
   *
   * @return the labels
   */
  @Bean
  @ConditionalOnMissingBean
  public DashboardLabels loopdeskDashboardLabels() {
    return new DashboardLabels();
  }

  /**
   * The controller serving page, data, events and exports.
   *
   * @param actors the actor resolver
   * @param access the access rule
   * @param dashboard the figures
   * @param stream the live stream
   * @param labels the labels
   * @param settings the dashboard's settings
   * @return the controller
   */
  @Bean
  @ConditionalOnMissingBean
  public DashboardController loopdeskDashboardController(
      DashboardActorResolver actors,
      DashboardAccess access,
      LiveDashboard dashboard,
      DashboardStream stream,
      DashboardLabels labels,
      DashboardProperties settings) {
    String path = settings.getPath();
    if (path == null || !path.startsWith("/") || path.length() < 2 || path.endsWith("/")) {
      throw new LoopdeskConfigurationException(
          DashboardProperties.PREFIX + ".path",
          "must be an absolute path below the root without a trailing slash, e.g. /loopdesk/dashboard");
    }
    return new DashboardController(actors, access, dashboard, stream, labels, settings);
  }
}
