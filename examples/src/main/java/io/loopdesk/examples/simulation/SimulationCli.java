package io.loopdesk.examples.simulation;

import io.loopdesk.api.LoopdeskException;
import java.nio.file.Path;

/**
 * Runs a service simulation from the command line and writes its report:
 * {@code --days N --tickets-per-day N --agents N --seed N --out DIR --no-progress}.
 */
public final class SimulationCli {
  private SimulationCli() {}

  /**
   * Entry point.
   *
   * @param args see the class documentation
   */
  public static void main(String[] args) {
    SimulationOptions options;
    try {
      options = SimulationOptions.parse(args);
    } catch (LoopdeskException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    SimulationResult result = new ServiceSimulation(options).run(options.progress() ? System.err : null);
    Path report = new ReportWriter().write(result);
    System.out.printf("Simulated %d days: %d tickets, %d events, %d escalations, QA sample %d%n",
        options.days(), result.kpis().overall().tickets(), result.events(), result.escalations(), result.qaSample().size());
    System.out.println("Report: " + report.toAbsolutePath());
  }
}
