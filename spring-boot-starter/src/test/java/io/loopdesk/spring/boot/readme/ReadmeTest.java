package io.loopdesk.spring.boot.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.Actor;
import io.loopdesk.api.Channel;
import io.loopdesk.api.Customer;
import io.loopdesk.api.NewTicket;
import io.loopdesk.api.Priority;
import io.loopdesk.api.Role;
import io.loopdesk.api.ServiceDesk;
import io.loopdesk.api.Ticket;
import io.loopdesk.desk.DeskDefinition;
import io.loopdesk.desk.Loopdesk;
import io.loopdesk.sla.SlaMetric;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The starter's README is what a newcomer copies: its {@code application.yml} is started as the
 * whole configuration of a fresh application (Spring Boot, H2, the starter, nothing else) that then
 * works as a desk, and every Java block is a tagged region ({@code // tag::name[]}) of this
 * module's compiled test sources.
 */
class ReadmeTest {

  private static final Path README = Path.of("README.md");
  private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern REGION =
      Pattern.compile(
          "^[ \\t]*// tag::([\\w-]+)\\[\\]\\n(.*?)^[ \\t]*// end::\\1\\[\\]$",
          Pattern.DOTALL | Pattern.MULTILINE);

  private static String readme() throws IOException {
    return Files.readString(README, StandardCharsets.UTF_8);
  }

  /** The first YAML block after the "Write application.yml" heading. */
  private static String applicationYaml() throws IOException {
    String text = readme();
    Matcher m = YAML_BLOCK.matcher(text);
    assertThat(m.find(text.indexOf("## Write application.yml")))
        .as("a YAML block under the heading")
        .isTrue();
    return m.group(1);
  }

  private static Map<String, String> regions() throws IOException {
    Map<String, String> regions = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(Path.of("src", "test", "java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        Matcher m = REGION.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
          regions.put(m.group(1), dedent(m.group(2)));
        }
      }
    }
    return regions;
  }

  private static String dedent(String text) {
    List<String> lines = text.lines().toList();
    int indent =
        lines.stream()
            .filter(l -> !l.isBlank())
            .mapToInt(l -> l.length() - l.stripLeading().length())
            .min()
            .orElse(0);
    StringBuilder out = new StringBuilder();
    lines.forEach(l -> out.append(l.isBlank() ? "" : l.substring(indent)).append('\n'));
    return out.toString();
  }

  @Test
  void everyJavaBlockIsACompiledRegionOfTheTestSources() throws IOException {
    Matcher m = JAVA_BLOCK.matcher(readme());
    List<String> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(m.group(1));
    }
    assertThat(blocks).isNotEmpty();
    assertThat(regions().values()).containsAll(blocks);
  }

  @Test
  void theReadmesApplicationYamlAloneGivesAWorkingDesk(@TempDir Path dir) throws IOException {
    Path yaml = dir.resolve("application.yml");
    Files.writeString(yaml, applicationYaml(), StandardCharsets.UTF_8);
    SpringApplication application = new SpringApplication(ReadmeApplication.class);
    application.setWebApplicationType(WebApplicationType.NONE);

    try (ConfigurableApplicationContext context =
        application.run(
            "--spring.config.location=file:" + yaml.toAbsolutePath(),
            "--spring.main.banner-mode=off")) {
      Loopdesk loopdesk = context.getBean(Loopdesk.class);
      DeskDefinition definition = context.getBean(DeskDefinition.class);
      assertThat(loopdesk.calendars().defaultCalendar().orElseThrow().name()).isEqualTo("office");
      assertThat(
              loopdesk
                  .calendars()
                  .defaultCalendar()
                  .orElseThrow()
                  .isWorkingDay(LocalDate.of(2026, 10, 1)))
          .as("National Day, from holidays: china")
          .isFalse();
      assertThat(
              definition
                  .slaPolicy()
                  .orElseThrow()
                  .target(SlaMetric.FIRST_RESPONSE, Priority.P2, null)
                  .orElseThrow()
                  .duration())
          .isEqualTo(Duration.ofHours(2));
      assertThat(definition.users()).containsOnlyKeys("agent-1", "lead-1");

      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      jdbc.execute("CREATE TABLE orders (id VARCHAR(20) PRIMARY KEY, disputed BOOLEAN)");
      jdbc.update("INSERT INTO orders VALUES ('O-1', FALSE)");
      Actor agent = Actor.of("agent-1", Role.AGENT);
      Ticket ticket =
          context
              .getBean(Complaints.class)
              .complain(
                  "O-1",
                  NewTicket.builder()
                      .channel(Channel.PHONE)
                      .customer(Customer.of("C-1", "张三", "13812345678", null))
                      .product("X9 phone")
                      .problem("battery does not charge")
                      .build(),
                  agent);

      assertThat(jdbc.queryForObject("SELECT disputed FROM orders WHERE id = 'O-1'", Boolean.class))
          .isTrue();
      assertThat(context.getBean(ServiceDesk.class).get(ticket.id())).isEqualTo(ticket);
      assertThat(loopdesk.as(agent).get(ticket.id()).id())
          .as("agent-1 was granted by the YAML")
          .isEqualTo(ticket.id());
    }
  }
}
