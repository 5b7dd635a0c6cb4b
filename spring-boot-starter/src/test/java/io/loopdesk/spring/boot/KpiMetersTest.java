package io.loopdesk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.ServiceDesk;
import io.loopdesk.insights.KpiMeterBinder;
import io.loopdesk.spring.boot.app.CrmService;
import io.loopdesk.spring.boot.app.TestApplication;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The KPI gauges in the application's meter registry, as Spring Boot's metrics support binds them.
 */
@SpringBootTest(classes = TestApplication.class, properties = "loopdesk.monitor.period=PT0.2S")
class KpiMetersTest {

  @Autowired MeterRegistry registry;

  @Autowired KpiMeterBinder binder;

  @Autowired ServiceDesk desk;

  @Test
  void everyKpiIsAGaugeThatFollowsTheStore() {
    assertThat(registry.find("loopdesk.kpi.tickets").gauge()).isNotNull();
    assertThat(registry.find("loopdesk.kpi.backlog").gauge()).isNotNull();
    assertThat(registry.find("loopdesk.kpi.first.response.minutes").gauge()).isNotNull();
    double before = registry.get("loopdesk.kpi.tickets").gauge().value();

    desk.open(CrmService.newTicket("C-" + UUID.randomUUID()), CrmService.AGENT);
    desk.open(CrmService.newTicket("C-" + UUID.randomUUID()), CrmService.AGENT);
    binder.update();

    assertThat(registry.get("loopdesk.kpi.tickets").gauge().value()).isEqualTo(before + 2);
    assertThat(registry.get("loopdesk.kpi.backlog").gauge().value()).isGreaterThanOrEqualTo(2);
  }
}
