package io.loopdesk.examples.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line mistakes get one clear line and a non-zero exit, before any work is done. */
class SimulationCliTest {
  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return SimulationCli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String errors() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aLoneUnknownOptionIsCalledUnknown() {
    assertThat(run("--frobnicate")).isEqualTo(2);
    assertThat(errors())
        .contains("unknown")
        .contains("--frobnicate")
        .doesNotContain("needs a value");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void anUnwritableOutputDirectoryIsReportedInOneLineBeforeTheSimulationRuns() throws Exception {
    Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
    long start = System.nanoTime();
    assertThat(run("--days", "60", "--out", file.resolve("report").toString())).isEqualTo(2);
    assertThat((System.nanoTime() - start) / 1_000_000)
        .as("milliseconds before the error")
        .isLessThan(2_000);
    assertThat(errors().strip().lines()).hasSize(1);
    assertThat(errors())
        .contains("--out")
        .contains(file.resolve("report").toString())
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void aBadNumberNamesTheOptionAndTheRule() {
    assertThat(run("--days", "many")).isEqualTo(2);
    assertThat(errors()).contains("--days").contains("whole number");
  }
}
