package io.loopdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Page;
import io.loopdesk.api.Role;
import io.loopdesk.api.Ticket;
import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.api.event.TicketEvent;
import io.loopdesk.insights.Dimension;
import io.loopdesk.insights.KpiCalculator;
import io.loopdesk.insights.KpiReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dashboard as a supervisor's browser shows it: a real server on a free port with the in-memory
 * store and 300 tickets, headless Chromium on the page, tiles checked against what {@code
 * loopdesk-insights} computes, a ticket closed through the desk and seen on the page within two
 * seconds, a filter switched (and reflected in the URL), and screenshots saved to {@code
 * target/surefire-reports}. Skipped where no Chromium is installed, except on CI, which installs
 * it.
 */
class DashboardBrowserTest {
  private static final int TICKETS = 300;
  private static final Path REPORTS = Path.of("target", "surefire-reports");

  private static TestServer server;

  @BeforeAll
  static void startServerWithTickets() {
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    if (!ci) {
      Assumptions.assumeTrue(
          Files.isExecutable(HeadlessChromium.BINARY),
          "Chromium is installed by .ci/run; not here");
    }
    assertThat(HeadlessChromium.BINARY).as("CI installs Debian's chromium").isExecutable();
    server = new TestServer();
    for (int n = 1; n <= TICKETS; n++) {
      server.fixtures.openAndStep(n, n % 7);
    }
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static KpiReport insights() {
    List<TicketEvent> events = new ArrayList<>();
    TicketQuery query = TicketQuery.builder().limit(TicketQuery.MAX_LIMIT).build();
    while (true) {
      Page<Ticket> page = server.loopdesk.store().query(query);
      for (Ticket t : page.items()) {
        events.addAll(server.loopdesk.store().events(t.id()));
      }
      if (!page.hasMore()) {
        break;
      }
      query = query.nextPage();
    }
    return KpiCalculator.of(ZoneOffset.UTC, 10).compute(events, server.loopdesk.clock().instant());
  }

  private static String tile(String key) {
    return "document.querySelector('.tile[data-key=\"" + key + "\"]')";
  }

  @Test
  void tilesShowInsightsFiguresMoveWithinTwoSecondsAndFollowTheFilter() throws Exception {
    try (HeadlessChromium browser =
        new HeadlessChromium(Path.of("target", "chromium-profile-" + System.nanoTime()), "en-US")) {
      browser.navigate(server.url("?as=admin-1"));
      assertThat(
              browser.await(
                  "document.body.getAttribute('data-updates') >= 1 && !!" + tile("tickets"),
                  Duration.ofSeconds(20)))
          .as("the page draws a snapshot")
          .isTrue();
      assertThat(
              browser.await(
                  "document.querySelectorAll('#chart-volume svg').length > 0",
                  Duration.ofSeconds(10)))
          .as("ECharts draws from the local WebJar")
          .isTrue();

      KpiReport expected = insights();
      assertThat(expected.overall().tickets()).isEqualTo(TICKETS);
      assertThat(browser.eval(tile("tickets") + ".querySelector('.value').textContent"))
          .isEqualTo(Long.toString(expected.overall().tickets()));
      assertThat(browser.eval(tile("open") + ".querySelector('.value').textContent"))
          .isEqualTo(Long.toString(expected.overall().open()));
      assertThat(browser.eval(tile("fcr") + ".querySelector('.value').textContent"))
          .isEqualTo(
              DashboardExport.format(
                  expected.overall().firstContactResolutionRate().getAsDouble(), "percent"));
      assertThat(browser.eval(tile("csat") + ".querySelector('.value').textContent"))
          .isEqualTo(
              DashboardExport.format(expected.overall().csatAverage().getAsDouble(), "score"));
      assertThat(
              browser.eval("document.querySelector('.tile[data-key=\"fcr\"] .label').textContent"))
          .isEqualTo("First-contact resolution");
      browser.screenshot(REPORTS.resolve("dashboard-admin.png"));

      Ticket ready =
          server
              .loopdesk
              .desk()
              .query(TicketQuery.builder().status(TicketStatus.CALLBACK).limit(1000).build())
              .items()
              .stream()
              .filter(Ticket::isCallbackConfirmed)
              .findFirst()
              .orElseThrow();
      long open = expected.overall().open();
      long closedBefore = expected.overall().closed();
      long start = System.nanoTime();
      server
          .loopdesk
          .desk()
          .close(ready.id(), ready.version(), Actor.of(ready.assignee().orElseThrow(), Role.AGENT));
      boolean moved =
          browser.await(
              tile("open") + ".querySelector('.value').textContent === '" + (open - 1) + "'",
              Duration.ofSeconds(5));
      long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
      assertThat(moved).as("the open tile drops by one").isTrue();
      assertThat(millis).as("page updated %d ms after the close", millis).isLessThan(2000);
      assertThat(insights().overall().closed()).isEqualTo(closedBefore + 1);

      browser.eval(
          "(function(){var s=document.getElementById('f-department'); s.value='billing';"
              + "s.dispatchEvent(new Event('change'));return true;})()");
      long billing = insights().by(Dimension.DEPARTMENT).get("billing").tickets();
      assertThat(billing).isBetween(1L, (long) TICKETS - 1);
      assertThat(
              browser.await(
                  tile("tickets") + ".querySelector('.value').textContent === '" + billing + "'",
                  Duration.ofSeconds(5)))
          .as("the tiles show billing's %d tickets", billing)
          .isTrue();
      assertThat(browser.eval("window.location.search"))
          .contains("department=billing")
          .contains("as=admin-1");
      assertThat(browser.eval("document.querySelector('#agents').textContent"))
          .contains("agent-3")
          .doesNotContain("agent-1");
      browser.screenshot(REPORTS.resolve("dashboard-billing.png"));
    }
  }
}
