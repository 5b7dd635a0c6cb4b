package io.loopdesk.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loopdesk.api.Category;
import io.loopdesk.api.Priority;
import io.loopdesk.api.TicketStatus;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** SLA policies from YAML and JSON, and their errors. */
class SlaPoliciesTest {

  @Test
  void yamlPolicyOverridesTheDefaults() {
    SlaPolicy policy =
        SlaPolicies.fromYaml(
            """
                base: defaults
                pausingStatuses: [WAITING_ON_CUSTOMER]
                warningThresholds: [0.5, 0.8]
                targets:
                  - { metric: RESOLUTION, priority: P1, duration: PT16H, calendar: business-hours }
                  - { metric: RESOLUTION, priority: P2, none: true }
                  - { metric: first_response, category: COMPLAINT, duration: PT1H, calendar: 24x7 }
                """);
    assertEquals(
        SlaTarget.on("business-hours", Duration.ofHours(16)),
        policy.target(SlaMetric.RESOLUTION, Priority.P1, Category.PRODUCT_FAULT).orElseThrow());
    assertTrue(policy.target(SlaMetric.RESOLUTION, Priority.P2, Category.PRODUCT_FAULT).isEmpty());
    assertEquals(
        Duration.ofHours(24),
        policy.target(SlaMetric.RESOLUTION, Priority.P0, null).orElseThrow().duration());
    assertEquals(
        Duration.ofHours(1),
        policy
            .target(SlaMetric.FIRST_RESPONSE, Priority.P3, Category.COMPLAINT)
            .orElseThrow()
            .duration());
    assertEquals(Set.of(TicketStatus.WAITING_ON_CUSTOMER), policy.pausingStatuses());
    assertEquals(List.of(0.5, 0.8), policy.warningThresholds());
    assertEquals(
        Set.of("24x7", "business-hours", SlaTarget.DEFAULT_CALENDAR), policy.calendarNames());
  }

  @Test
  void jsonPolicyWithoutBaseStartsEmpty() {
    SlaPolicy policy =
        SlaPolicies.fromJson(
            """
                {"targets": [{"metric": "CALLBACK", "duration": "P3D", "calendar": "24x7"}]}""");
    assertEquals(
        Duration.ofDays(3),
        policy
            .target(SlaMetric.CALLBACK, Priority.P0, Category.COMPLAINT)
            .orElseThrow()
            .duration());
    assertTrue(policy.target(SlaMetric.RESOLUTION, Priority.P0, Category.COMPLAINT).isEmpty());
    assertTrue(policy.pausingStatuses().isEmpty());
  }

  @Test
  void badPolicyDocumentsNameTheField() {
    assertEquals(
        "targets[0].duration",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    SlaPolicies.fromJson(
                        "{\"targets\":[{\"metric\":\"RESOLUTION\",\"duration\":\"48 hours\",\"calendar\":\"24x7\"}]}"))
            .field());
    assertEquals(
        "targets[0].metric",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    SlaPolicies.fromJson(
                        "{\"targets\":[{\"metric\":\"RESOLVE\",\"duration\":\"PT1H\",\"calendar\":\"24x7\"}]}"))
            .field());
    assertEquals(
        "targets[0].duration",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    SlaPolicies.fromJson(
                        "{\"targets\":[{\"metric\":\"RESOLUTION\",\"duration\":\"PT0S\",\"calendar\":\"24x7\"}]}"))
            .field());
    assertEquals(
        "targets[0].calendar",
        assertThrows(
                SlaPolicyException.class,
                () ->
                    SlaPolicies.fromJson(
                        "{\"targets\":[{\"metric\":\"RESOLUTION\",\"duration\":\"PT1H\"}]}"))
            .field());
    assertEquals(
        "warningThresholds[1]",
        assertThrows(
                SlaPolicyException.class,
                () -> SlaPolicies.fromJson("{\"warningThresholds\":[0.9, 0.5]}"))
            .field());
    assertEquals(
        "pausingStatuses[0]",
        assertThrows(
                SlaPolicyException.class,
                () -> SlaPolicies.fromJson("{\"pausingStatuses\":[\"waiting on customer\"]}"))
            .field());
    assertEquals(
        "$.targtes",
        assertThrows(SlaPolicyException.class, () -> SlaPolicies.fromJson("{\"targtes\":[]}"))
            .field());
    assertTrue(
        assertThrows(SlaPolicyException.class, () -> SlaPolicies.fromJson("{\"targets\": ["))
            .field()
            .startsWith("$ (line 1"));
    assertThrows(SlaPolicyException.class, () -> SlaPolicies.fromYaml(" "));
    assertThrows(
        SlaPolicyException.class,
        () -> SlaPolicies.fromJson("{\"targets\":[{\"metric\":\"RESOLUTION\",\"none\":true}]}"));
  }
}
