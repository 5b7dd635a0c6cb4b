package io.loopdesk.examples.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.loopdesk.api.ValidationException;
import io.loopdesk.core.json.LoopdeskJson;
import io.loopdesk.routing.PublicOpinionFastLane;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulation is deterministic for a seed, and its report is drawn in a real browser. */
class ServiceSimulationTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path dir;

  private SimulationResult run(long seed, Path out) {
    return new ServiceSimulation(new SimulationOptions(4, 60, 8, seed, out, false)).run(null);
  }

  @Test
  void sameSeedSameRunOtherSeedOtherRun() {
    SimulationResult a = run(7, dir.resolve("a"));
    SimulationResult b = run(7, dir.resolve("b"));
    SimulationResult c = run(8, dir.resolve("c"));
    assertThat(a.kpis()).isEqualTo(b.kpis());
    assertThat(a.days()).isEqualTo(b.days());
    assertThat(a.qaSample()).isEqualTo(b.qaSample());
    assertThat(a.days()).isNotEqualTo(c.days());
    assertThat(a.days()).hasSize(4);
    assertThat(a.kpis().overall().tickets()).isGreaterThan(100);
    assertThat(a.kpis().overall().closed()).isPositive();
    assertThat(a.kpis().overall().reopenRate().orElseThrow())
        .as("some customers are unsatisfied")
        .isPositive();
    assertThat(a.improvementPlan().linkedTickets()).isNotEmpty();
    assertThat(a.days()).anyMatch(d -> !d.working()).as("the run crosses the National Day holiday");
    assertThat(a.kpis().slaAttainmentByTarget()).containsKeys("RESOLUTION", "CALLBACK");
  }

  @Test
  void writesReportJsonAndCsv() throws IOException {
    SimulationResult r = run(3, dir);
    Path html = new ReportWriter().write(r);
    assertThat(html).exists();
    JsonNode kpis =
        LoopdeskJson.newObjectMapper().readTree(Files.readString(dir.resolve("kpis.json")));
    assertThat(kpis.get("overall").get("TICKETS").asLong()).isEqualTo(r.kpis().overall().tickets());
    assertThat(Files.readAllLines(dir.resolve("daily.csv"))).hasSize(r.days().size() + 1);
    assertThat(Files.readAllLines(dir.resolve("agents.csv")))
        .hasSize(r.kpis().by(io.loopdesk.insights.Dimension.AGENT).size() + 1);
    String page = Files.readString(html);
    assertThat(page)
        .as("self-contained: nothing is loaded from the network")
        .doesNotContain("src=\"http", "href=\"http", "<link", "@import", "<script src")
        .contains("<script type=\"application/json\" id=\"data\">")
        .as("ECharts is inlined")
        .contains("echarts.init(")
        .hasSizeGreaterThan(1_000_000);
  }

  @Test
  void headlessChromiumDrawsEveryChartWithDataAndNoOverlappingLabels() throws Exception {
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    if (!ci) {
      Assumptions.assumeTrue(
          Files.isExecutable(CHROMIUM), "Chromium is installed by .ci/run; not here");
    }
    assertThat(CHROMIUM).as("CI installs Debian's chromium").isExecutable();
    Path out = Path.of("target", "report-test");
    Path html =
        new ReportWriter()
            .write(
                new ServiceSimulation(new SimulationOptions(7, 120, 16, 5, out, false, true))
                    .run(null));
    String dom = chromium(html, "--dump-dom");

    assertThat(dom).contains("data-rendered=\"" + CHARTS.size() + "\"");
    for (String chart : CHARTS) {
      Matcher tag = Pattern.compile("<div[^>]*data-chart=\"" + chart + "\"[^>]*>").matcher(dom);
      assertThat(tag.find()).as("chart " + chart + " is on the page").isTrue();
      String attributes = tag.group();
      assertThat(attribute(attributes, "data-points"))
          .as("data points of chart " + chart)
          .isPositive();
      assertThat(attribute(attributes, "data-labels"))
          .as("visible labels of chart " + chart)
          .isGreaterThan(3);
      Matcher overlaps = Pattern.compile("data-overlaps=\"([^\"]*)\"").matcher(attributes);
      assertThat(overlaps.find()).isTrue();
      assertThat(overlaps.group(1).replace("&quot;", "\""))
          .as("labels of chart " + chart + " that overlap a neighbour")
          .isEqualTo("[]");
    }
    assertThat(dom)
        .contains("<td>agent-01</td>")
        .contains("MET_LATE")
        .contains(PublicOpinionFastLane.RULE_ID);

    Path screenshot = out.resolve("report.png");
    Files.deleteIfExists(screenshot);
    chromium(
        html,
        "--screenshot=" + screenshot.toAbsolutePath(),
        "--window-size=1200,6000",
        "--hide-scrollbars");
    assertThat(screenshot).as("screenshot next to the report").exists();
    assertThat(Files.size(screenshot)).isGreaterThan(50_000);
  }

  static final List<String> CHARTS =
      List.of(
          "standards",
          "qa",
          "weekly",
          "slaTargets",
          "slaPriority",
          "erlang",
          "staffing",
          "surge",
          "problems",
          "backlog",
          "csat");

  private static int attribute(String tag, String name) {
    Matcher m = Pattern.compile(name + "=\"(\\d+)\"").matcher(tag);
    assertThat(m.find()).as(name + " in " + tag).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private String chromium(Path html, String... what) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + dir.resolve("profile"),
                "--virtual-time-budget=10000"));
    command.addAll(List.of(what));
    command.add(html.toAbsolutePath().toUri().toString());
    Process browser =
        new ProcessBuilder(command).redirectError(dir.resolve("chromium.log").toFile()).start();
    byte[] out = browser.getInputStream().readAllBytes();
    assertThat(browser.waitFor(90, TimeUnit.SECONDS)).isTrue();
    return new String(out, StandardCharsets.UTF_8);
  }

  @Test
  void optionsAreParsedAndChecked() {
    SimulationOptions o =
        SimulationOptions.parse(
            "--days", "3", "--tickets-per-day", "10", "--seed", "9", "--no-progress");
    assertThat(o.days()).isEqualTo(3);
    assertThat(o.seed()).isEqualTo(9);
    assertThat(o.progress()).isFalse();
    assertThatThrownBy(() -> SimulationOptions.parse("--days", "0"))
        .isInstanceOfSatisfying(
            ValidationException.class, e -> assertThat(e.field()).isEqualTo("days"));
    assertThatThrownBy(() -> SimulationOptions.parse("--days", "x"))
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> SimulationOptions.parse("--colour", "red"))
        .hasMessageContaining("unknown");
    assertThatThrownBy(() -> SimulationOptions.parse("--seed"))
        .hasMessageContaining("needs a value");
  }
}
