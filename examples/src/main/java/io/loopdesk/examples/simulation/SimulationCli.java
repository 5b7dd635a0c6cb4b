package io.loopdesk.examples.simulation;

import io.loopdesk.api.ValidationException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Runs a service simulation from the command line and writes its report: {@code --days N
 * --tickets-per-day N --agents N --seed N --out DIR --no-progress --surge}.
 */
public final class SimulationCli {
  private SimulationCli() {}

  private static String share(OptionalDouble value) {
    return value.isPresent()
        ? String.format(Locale.ROOT, "%.1f %%", value.getAsDouble() * 100)
        : "n/a";
  }

  /**
   * Entry point.
   *
   * @param args see the class documentation
   */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /**
   * Runs the simulation and writes its report.
   *
   * @param args see the class documentation
   * @param out receives the summary
   * @param err receives progress and errors
   * @return the exit status: 0, or 2 for a mistake in the arguments (reported in one line on {@code
   *     err} before anything runs)
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    Optional<SimulationOptions> options = checkedOptions(args, err);
    if (options.isEmpty()) {
      return 2;
    }
    run(options.get(), out, err);
    return 0;
  }

  /**
   * Parses the options and checks that the output directory can be written, so that a mistake is
   * reported before the simulation runs.
   *
   * @param args see the class documentation
   * @param err receives one line naming the mistake and what to do
   * @return the options, or empty after reporting a mistake
   */
  public static Optional<SimulationOptions> checkedOptions(String[] args, PrintStream err) {
    SimulationOptions options;
    try {
      options = SimulationOptions.parse(args);
    } catch (ValidationException e) {
      err.println("simulation: " + e.field() + " " + e.problem());
      return Optional.empty();
    }
    Path dir = options.output().toAbsolutePath();
    try {
      Files.createDirectories(dir);
    } catch (IOException | SecurityException e) {
      String reason =
          e instanceof FileSystemException fs && fs.getReason() != null
              ? ": " + fs.getReason().toLowerCase(java.util.Locale.ROOT)
              : "";
      err.println(
          "simulation: --out "
              + dir
              + " cannot be created"
              + reason
              + "; choose a directory you can write to");
      return Optional.empty();
    }
    if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
      err.println(
          "simulation: --out "
              + dir
              + " is not a writable directory; choose a directory you can write to");
      return Optional.empty();
    }
    return Optional.of(options);
  }

  /**
   * Runs the simulation with checked options and writes its report.
   *
   * @param options options from {@link #checkedOptions}
   * @param out receives the summary
   * @param err receives progress
   */
  public static void run(SimulationOptions options, PrintStream out, PrintStream err) {
    SimulationResult result = new ServiceSimulation(options).run(options.progress() ? err : null);
    Path report = new ReportWriter().write(result);
    out.printf(
        "Simulated %d days: %d tickets, %d events, %d escalations, QA sample %d%n",
        options.days(),
        result.kpis().overall().tickets(),
        result.events(),
        result.escalations(),
        result.qaSample().size());
    out.println(
        "Handbook standards per day (answered in 15 s >= 85 %, satisfaction >= 90 %, resolution >= 80 %, QA >= 90):");
    out.println(
        "  day          tickets  answered in time (met/late/breached)  satisfied  resolution  QA     all met");
    for (Standards d : result.daily()) {
      String answered =
          share(d.firstResponseAttainment())
              + " ("
              + d.firstResponse().met()
              + "/"
              + d.firstResponse().metLate()
              + "/"
              + d.firstResponse().breached()
              + ")";
      out.println(
          String.format(
              Locale.ROOT,
              "  %-12s %7d  %-36s  %9s  %10s  %5s  %s",
              d.period(),
              d.tickets(),
              answered,
              share(d.satisfiedRate()),
              share(d.firstContactResolution()),
              d.qaScore().isPresent()
                  ? String.format(Locale.ROOT, "%.1f", d.qaScore().getAsDouble())
                  : "n/a",
              d.meetsAll() ? "yes" : "no"));
    }
    long met = result.daily().stream().filter(Standards::meetsAll).count();
    out.printf("Days meeting every standard: %d of %d%n", met, result.daily().size());
    if (result.surge() != null) {
      SurgeDay s = result.surge();
      out.printf(
          "Surge plan: %d switches, %d core tickets overflowed %s, %d deferred with self-service, %d expected-wait messages%n",
          s.switches().size(),
          s.overflowed().values().stream().mapToInt(Integer::intValue).sum(),
          s.overflowed(),
          s.deferred(),
          s.waitMessagesGiven());
      s.switches()
          .forEach(
              w ->
                  out.println(
                      "  "
                          + w.at().atZone(ServiceSimulation.ZONE).toLocalDateTime()
                          + " "
                          + w.from()
                          + " -> "
                          + w.to()
                          + ": "
                          + w.reason()));
    }
    out.println("Report: " + report.toAbsolutePath());
  }
}
