package io.loopdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.loopdesk.api.ValidationException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The filter as the URL carries it: parsed, checked, written back. */
class DashboardFilterTest {

  private static DashboardFilter parse(Map<String, String> query) {
    return DashboardFilter.parse(query::get);
  }

  @Test
  void readsEveryParameterAndWritesItBackInTheSameForm() {
    DashboardFilter f =
        parse(
            Map.of(
                "department",
                "售后 repair",
                "agent",
                "agent-1",
                "channel",
                "PHONE",
                "category",
                "PRODUCT_FAULT",
                "priority",
                "P1",
                "period",
                "30d",
                "as",
                "ignored"));
    assertThat(f)
        .isEqualTo(
            new DashboardFilter(
                "售后 repair", "agent-1", "PHONE", "PRODUCT_FAULT", "P1", Period.LAST_30_DAYS));
    String query = f.toQueryString();
    assertThat(query)
        .isEqualTo(
            "department=%E5%94%AE%E5%90%8E+repair&agent=agent-1&channel=PHONE"
                + "&category=PRODUCT_FAULT&priority=P1&period=30d");
    Map<String, String> back = new HashMap<>();
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=");
      back.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(parse(back)).isEqualTo(f);
  }

  @Test
  void blankMeansAllAndTheDefaultPeriodIsSevenDays() {
    DashboardFilter f = parse(Map.of("department", "  ", "agent", ""));
    assertThat(f).isEqualTo(DashboardFilter.all());
    assertThat(f.toQueryString()).isEqualTo("period=7d");
    assertThat(f.departmentFilter()).isEmpty();
  }

  @Test
  void badValuesAreRefusedNamingTheParameterWithoutEchoingThemWhole() {
    assertThatThrownBy(() -> parse(Map.of("period", "forever")))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("period"));
    assertThatThrownBy(() -> parse(Map.of("agent", "a".repeat(101))))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("agent");
              assertThat(e.getMessage()).doesNotContain("a".repeat(30));
            });
    assertThatThrownBy(() -> parse(Map.of("department", "repair\u0000\nX")))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> {
              assertThat(e.field()).isEqualTo("department");
              assertThat(e.getMessage()).doesNotContain("\n");
            });
    assertThat(parse(Map.of("agent", "a".repeat(100))).agent()).hasSize(100);
  }

  @Test
  void periodsStartAtMidnightOrSevenOrThirtyDaysBack() {
    Instant now = Instant.parse("2026-11-28T23:30:00Z");
    ZoneId shanghai = ZoneId.of("Asia/Shanghai");
    assertThat(Period.TODAY.start(now, shanghai)).isEqualTo(Instant.parse("2026-11-28T16:00:00Z"));
    assertThat(Period.LAST_7_DAYS.start(now, shanghai))
        .isEqualTo(Instant.parse("2026-11-21T23:30:00Z"));
    assertThat(Period.LAST_30_DAYS.start(now, shanghai))
        .isEqualTo(Instant.parse("2026-10-29T23:30:00Z"));
    assertThat(Period.parse("today")).isEqualTo(Period.TODAY);
  }
}
