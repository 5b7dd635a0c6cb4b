/**
 * A live KPI dashboard for the host Spring Boot application: {@link
 * io.loopdesk.dashboard.DashboardAutoConfiguration} serves it, {@link
 * io.loopdesk.dashboard.LiveDashboard} computes its figures with {@code loopdesk-insights} from the
 * store's global event feed, {@link io.loopdesk.dashboard.DashboardStream} pushes them over
 * server-sent events, {@link io.loopdesk.dashboard.DashboardAccess} scopes them per role and {@link
 * io.loopdesk.dashboard.DashboardActorResolver} maps the host's user to a Loopdesk actor.
 */
package io.loopdesk.dashboard;
