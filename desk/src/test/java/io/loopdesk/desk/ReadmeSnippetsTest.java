package io.loopdesk.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.Customer;
import io.loopdesk.api.CustomerTier;
import io.loopdesk.api.IdDocumentType;
import io.loopdesk.desk.readme.QuickStart;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java snippet in the root README is a tagged region of this module's test sources, so that
 * it is compiled and run here; this test checks that the README shows exactly those regions, in
 * both directions, so that neither can drift from the other.
 */
class ReadmeSnippetsTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path TEST_SOURCES = Path.of("src", "test", "java");
  private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern XML_BLOCK = Pattern.compile("```xml\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern REGION =
      Pattern.compile(
          "^[ \\t]*// tag::([\\w-]+)\\[\\]\\n(.*?)^[ \\t]*// end::\\1\\[\\]$",
          Pattern.DOTALL | Pattern.MULTILINE);

  private static String readme() throws IOException {
    return Files.readString(README, StandardCharsets.UTF_8);
  }

  static Map<String, String> regions() throws IOException {
    Map<String, String> regions = new LinkedHashMap<>();
    try (Stream<Path> files = Files.walk(TEST_SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        Matcher m = REGION.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
          String previous = regions.put(m.group(1), dedent(m.group(2)));
          assertThat(previous).as("region %s is defined twice", m.group(1)).isNull();
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
    for (String line : lines) {
      out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return out.toString();
  }

  private static List<String> blocks(Pattern pattern, String text) {
    List<String> blocks = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  @Test
  void everyJavaBlockInTheReadmeIsATestedRegionAndEveryRegionIsInTheReadme() throws IOException {
    Map<String, String> regions = regions();
    List<String> blocks = blocks(JAVA_BLOCK, readme());
    assertThat(regions).containsKeys("quick-start", "personal-data");
    assertThat(blocks)
        .as("the README's Java blocks, in order, are the test sources' regions")
        .containsExactlyInAnyOrderElementsOf(regions.values());
    assertThat(blocks.get(0))
        .as("the first example is the Quick start")
        .isEqualTo(regions.get("quick-start"));
  }

  @Test
  void theDependencySnippetComesFirstAndNamesThisVersionTheDeskAndAnSlf4jBinding()
      throws IOException {
    String readme = readme();
    List<String> xml = blocks(XML_BLOCK, readme);
    assertThat(xml).isNotEmpty();
    String snippet = xml.get(0);
    assertThat(readme.indexOf("```xml"))
        .as("the snippet comes before any other code block")
        .isLessThan(readme.indexOf("```java"))
        .isLessThan(readme.indexOf("```bash"));
    Matcher version =
        Pattern.compile("<version>(.*?)</version>").matcher(Files.readString(Path.of("pom.xml")));
    assertThat(version.find()).isTrue();
    assertThat(snippet)
        .contains(
            "<artifactId>loopdesk-bom</artifactId>",
            "<scope>import</scope>",
            "<version>" + version.group(1) + "</version>",
            "<artifactId>loopdesk-desk</artifactId>",
            "<artifactId>slf4j-simple</artifactId>");
  }

  @Test
  void theQuickStartRunsAndClosesItsTicketOnTheNationalDayDeadline() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      QuickStart.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .contains("P1, due 2026-10-14T14:30+08:00")
        .contains(" CLOSED after 7 events");
  }

  @Test
  void thePersonalDataSnippetMasksEveryField() {
    // tag::personal-data[]
    Customer c =
        Customer.builder("C-1001")
            .name("张三")
            .phone("13812345678")
            .email("zhang.san@example.cn")
            .address("北京市朝阳区建国路88号")
            .idDocument(
                IdDocumentType.CN_RESIDENT_ID, "11010519491231002X") // check character verified
            .tier(CustomerTier.VIP)
            .build();
    // end::personal-data[]
    assertThat(c.toString())
        .contains("张*", "138****5678", "z****@example.cn", "北京市****", "11****2X")
        .doesNotContain("13812345678", "建国路", "11010519491231002X");
  }
}
