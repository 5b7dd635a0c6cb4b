package io.loopdesk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.TicketQuery;
import io.loopdesk.api.TicketStatus;
import io.loopdesk.desk.Loopdesk;
import io.loopdesk.insights.KpiReport;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Starts the example as a newcomer would, only faster, and watches it work tickets to the end. */
@SpringBootTest(properties = {"helpdesk.work-every=PT0.1S", "helpdesk.kpi-log-every=PT0.5S"})
class HelpdeskApplicationTest {

  @Autowired Loopdesk loopdesk;

  @Autowired TicketWorker worker;

  @Autowired KpiLogger kpis;

  @Autowired MeterRegistry registry;

  @Test
  void theDeskFromApplicationYamlOpensWorksAndClosesTicketsAndLogsKpis()
      throws InterruptedException {
    assertThat(loopdesk.calendars().defaultCalendar().orElseThrow().name()).isEqualTo("office");
    assertThat(loopdesk.store().getClass().getSimpleName())
        .isEqualTo("SpringTransactionTicketStore");

    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while ((worker.closed() < 2 || kpis.last() == null) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }

    assertThat(worker.closed()).isGreaterThanOrEqualTo(2);
    assertThat(
            loopdesk
                .desk()
                .query(TicketQuery.builder().status(TicketStatus.CLOSED).build())
                .items())
        .hasSizeGreaterThanOrEqualTo(2);
    KpiReport report = kpis.last();
    assertThat(report).isNotNull();
    assertThat(report.overall().tickets()).isPositive();
    assertThat(registry.find("loopdesk.kpi.tickets").gauge()).isNotNull();
  }
}
