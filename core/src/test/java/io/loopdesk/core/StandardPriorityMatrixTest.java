package io.loopdesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.loopdesk.api.Category;
import io.loopdesk.api.Classification;
import io.loopdesk.api.Level;
import io.loopdesk.api.Priority;
import io.loopdesk.api.PriorityDecision;
import io.loopdesk.api.PriorityFactors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The standard priority matrix, cell by cell: each of the 27 impact x urgency x severity cells with
 * the words of the after-sales standard it follows. The same table is in the root README
 * ("Priority"), and {@link #readmeTableIsThisTable()} keeps the two equal.
 *
 * <p>Impact HIGH means many customers (or the business) affected, urgency HIGH means normal use is
 * blocked, severity HIGH means a safety risk or a core-function failure. P0 is critical (two or
 * more of these), P1 serious (one of them), P2 general (nothing HIGH, something MEDIUM), P3 a
 * consultation or a minor issue (all LOW).
 */
class StandardPriorityMatrixTest {
  /** impact | urgency | severity | priority | the words of the standard that cell follows. */
  static final String TABLE =
      """
      LOW    | LOW    | LOW    | P3 | consultation or minor: all factors LOW
      LOW    | LOW    | MEDIUM | P2 | general: no factor HIGH; secondary function
      LOW    | LOW    | HIGH   | P1 | serious: one factor HIGH (safety risk or core-function failure)
      LOW    | MEDIUM | LOW    | P2 | general: no factor HIGH; use degraded
      LOW    | MEDIUM | MEDIUM | P2 | general: no factor HIGH; use degraded, secondary function
      LOW    | MEDIUM | HIGH   | P1 | serious: one factor HIGH (safety risk or core-function failure)
      LOW    | HIGH   | LOW    | P1 | serious: one factor HIGH (use blocked)
      LOW    | HIGH   | MEDIUM | P1 | serious: one factor HIGH (use blocked)
      LOW    | HIGH   | HIGH   | P0 | critical: safety risk or core-function failure, and use blocked
      MEDIUM | LOW    | LOW    | P2 | general: no factor HIGH; several customers
      MEDIUM | LOW    | MEDIUM | P2 | general: no factor HIGH; several customers, secondary function
      MEDIUM | LOW    | HIGH   | P1 | serious: one factor HIGH (safety risk or core-function failure)
      MEDIUM | MEDIUM | LOW    | P2 | general: no factor HIGH; several customers, use degraded
      MEDIUM | MEDIUM | MEDIUM | P2 | general: no factor HIGH; several customers, use degraded, secondary function
      MEDIUM | MEDIUM | HIGH   | P1 | serious: one factor HIGH (safety risk or core-function failure)
      MEDIUM | HIGH   | LOW    | P1 | serious: one factor HIGH (use blocked)
      MEDIUM | HIGH   | MEDIUM | P1 | serious: one factor HIGH (use blocked)
      MEDIUM | HIGH   | HIGH   | P0 | critical: safety risk or core-function failure, and use blocked
      HIGH   | LOW    | LOW    | P1 | serious: one factor HIGH (many customers affected)
      HIGH   | LOW    | MEDIUM | P1 | serious: one factor HIGH (many customers affected)
      HIGH   | LOW    | HIGH   | P0 | critical: safety risk or core-function failure, and many customers affected
      HIGH   | MEDIUM | LOW    | P1 | serious: one factor HIGH (many customers affected)
      HIGH   | MEDIUM | MEDIUM | P1 | serious: one factor HIGH (many customers affected)
      HIGH   | MEDIUM | HIGH   | P0 | critical: safety risk or core-function failure, and many customers affected
      HIGH   | HIGH   | LOW    | P0 | critical: many customers affected, and use blocked
      HIGH   | HIGH   | MEDIUM | P0 | critical: many customers affected, and use blocked
      HIGH   | HIGH   | HIGH   | P0 | critical: safety risk or core-function failure, many customers affected, and use blocked
      """;

  /** One row of the table. */
  record Cell(Level impact, Level urgency, Level severity, Priority priority, String words) {
    PriorityFactors factors() {
      return PriorityFactors.of(impact, urgency, severity);
    }

    static Cell parse(String line) {
      String[] parts =
          Arrays.stream(line.strip().replaceAll("^\\||\\|$", "").split("\\|"))
              .map(String::strip)
              .toArray(String[]::new);
      return new Cell(
          Level.valueOf(parts[0]),
          Level.valueOf(parts[1]),
          Level.valueOf(parts[2]),
          Priority.valueOf(parts[3]),
          parts[4]);
    }

    @Override
    public String toString() {
      return "impact "
          + impact
          + ", urgency "
          + urgency
          + ", severity "
          + severity
          + " -> "
          + priority
          + " ("
          + words
          + ")";
    }
  }

  static List<Cell> cells() {
    return TABLE.lines().filter(l -> !l.isBlank()).map(Cell::parse).toList();
  }

  static Stream<Arguments> everyCell() {
    return cells().stream().map(Arguments::of);
  }

  @Test
  void theTableHasEveryCombinationOnce() {
    assertThat(cells()).hasSize(27);
    assertThat(cells().stream().map(Cell::factors).distinct()).hasSize(27);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCell")
  void standardModelFollowsTheCell(Cell cell) {
    assertThat(MatrixPriorityModel.standard().cell(cell.factors()))
        .as(cell.words())
        .isEqualTo(cell.priority());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCell")
  void freshlyBuiltModelFollowsTheCell(Cell cell) {
    // builder() recomputes the standard cells; standard() is computed once when the class loads
    assertThat(MatrixPriorityModel.builder().build().cell(cell.factors()))
        .as(cell.words())
        .isEqualTo(cell.priority());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyCell")
  void assessmentWithoutOverridesGivesTheCellAndNamesIt(Cell cell) {
    for (Category category :
        List.of(Category.PRODUCT_FAULT, Category.COMPLAINT, Category.CONSULTATION)) {
      PriorityDecision d =
          MatrixPriorityModel.builder()
              .build()
              .assess(
                  PriorityTickets.standardCustomer(0),
                  Classification.of(category, cell.impact(), cell.urgency(), cell.severity()),
                  0);
      assertThat(d.priority()).as(cell.words()).isEqualTo(cell.priority());
      assertThat(d.factors()).isEqualTo(cell.factors());
      assertThat(d.reasons())
          .containsExactly(
              "matrix: impact "
                  + cell.impact()
                  + ", urgency "
                  + cell.urgency()
                  + ", severity "
                  + cell.severity()
                  + " -> "
                  + cell.priority());
    }
  }

  @Test
  void wordsSayWhichRuleTheCellFollows() {
    for (Cell cell : cells()) {
      String prefix =
          switch (cell.priority()) {
            case P0 -> "critical: ";
            case P1 -> "serious: one factor HIGH";
            case P2 -> "general: no factor HIGH";
            case P3 -> "consultation or minor: all factors LOW";
          };
      assertThat(cell.words()).as(cell.toString()).startsWith(prefix);
      List<Level> factors = List.of(cell.impact(), cell.urgency(), cell.severity());
      long highs = factors.stream().filter(l -> l == Level.HIGH).count();
      Priority byCount =
          highs >= 2
              ? Priority.P0
              : highs == 1
                  ? Priority.P1
                  : factors.contains(Level.MEDIUM) ? Priority.P2 : Priority.P3;
      assertThat(cell.priority()).as("the class Javadoc's rule for " + cell).isEqualTo(byCount);
    }
  }

  @Test
  void readmeTableIsThisTable() throws IOException {
    List<Cell> documented = new ArrayList<>();
    for (String line : Files.readAllLines(readme())) {
      if (line.matches("\\|\\s*(LOW|MEDIUM|HIGH)\\s*\\|.*")) {
        documented.add(Cell.parse(line));
      }
    }
    assertThat(documented).containsExactlyElementsOf(cells());
  }

  /** The root README, found from the module directory (Surefire) or the build's directory (PIT). */
  private static Path readme() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("README.md");
      if (Files.isRegularFile(candidate) && Files.isDirectory(dir.resolve("core"))) {
        return candidate;
      }
      dir = dir.getParent();
    }
    throw new AssertionError("root README.md not found above " + Path.of("").toAbsolutePath());
  }
}
