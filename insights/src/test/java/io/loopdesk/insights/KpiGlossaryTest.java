package io.loopdesk.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The KPI glossary in the package documentation defines every KPI, and every Javadoc link into it
 * lands.
 */
class KpiGlossaryTest {
  private static final Path SOURCES = Path.of("src/main/java/io/loopdesk/insights");

  @Test
  void everyKpiIsDefinedAndEveryLinkIntoTheGlossaryHasItsAnchor() throws IOException {
    // Javadoc lines may wrap anywhere (the formatter decides): read the comment as one line
    String glossary =
        Files.readString(SOURCES.resolve("package-info.java")).replaceAll("\\s*\n\\s*\\*\\s*", " ");
    assertThat(glossary).contains("<h2 id=\"glossary\">KPI glossary</h2>");
    for (Kpi kpi : Kpi.values()) {
      assertThat(glossary).as("glossary defines %s", kpi).contains("({@code " + kpi.name() + "})");
    }
    Set<String> anchors = new HashSet<>();
    Matcher ids = Pattern.compile("id=\"([a-z-]+)\"").matcher(glossary);
    while (ids.find()) {
      anchors.add(ids.group(1));
    }
    Set<String> links = new HashSet<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).toList();
    }
    for (Path file : files) {
      Matcher href =
          Pattern.compile("package-summary\\.html#([a-z-]+)").matcher(Files.readString(file));
      while (href.find()) {
        links.add(href.group(1));
      }
    }
    assertThat(links).as("links into the glossary").hasSizeGreaterThan(10);
    assertThat(anchors).containsAll(links);
  }
}
