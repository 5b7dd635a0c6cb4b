package io.loopdesk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * The README's first property test is the real {@link MyDeskInvariantsProperties}, character for
 * character.
 */
class ReadmeExampleTest {
  private static final String START = "// README-EXAMPLE-START\n";
  private static final String END = "// README-EXAMPLE-END";

  @Test
  void theReadmeExampleIsTheTestThatRuns() throws IOException {
    String source =
        Files.readString(
            Path.of("src/test/java/io/loopdesk/testkit/MyDeskInvariantsProperties.java"),
            StandardCharsets.UTF_8);
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    String example = between(source, START, END);
    assertThat(readme).contains("```java\n" + example + "```\n");
    assertThat(example.lines().count())
        .as("an embedder's first property test stays under 20 lines")
        .isLessThan(20);
  }

  @Test
  void theReadmeExampleRunsAndPassesOnTheJUnitPlatform() {
    SummaryGeneratingListener summary = new SummaryGeneratingListener();
    LauncherFactory.create()
        .execute(
            LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(MyDeskInvariantsProperties.class))
                .build(),
            summary);

    assertThat(summary.getSummary().getTestsSucceededCount())
        .as("the example's property ran and passed")
        .isPositive();
    assertThat(summary.getSummary().getTotalFailureCount()).isZero();
    assertThat(MyDeskInvariantsProperties.class.getSimpleName())
        .as("Surefire runs *Properties classes")
        .endsWith("Properties");
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    int to = text.indexOf(end);
    assertThat(from).as("start marker").isNotNegative();
    assertThat(to).as("end marker").isGreaterThan(from);
    return text.substring(from + start.length(), to);
  }
}
