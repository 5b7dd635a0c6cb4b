package io.loopdesk.examples.simulation;

import io.loopdesk.api.ValidationException;
import java.nio.file.Path;
import java.util.List;

/**
 * Command-line options of the service simulation.
 *
 * @param days simulated calendar days, 1..92
 * @param ticketsPerDay average tickets per working day, 1..50,000
 * @param agents agents on the roster, 2..2,000; how many of them are on duty in each half hour is
 *     planned with Erlang C from the forecast arrivals (at most the roster)
 * @param seed random seed; the same options give the same run
 * @param output directory for report.html, kpis.json, agents.csv and daily.csv
 * @param progress whether to draw a progress bar on standard error
 * @param surge whether the second day is a surge day (arrivals at 150 % of the planned capacity
 *     from 10:00 to 14:00, and a public-opinion incident on social media) that puts the surge plan
 *     to work
 */
public record SimulationOptions(
    int days,
    int ticketsPerDay,
    int agents,
    long seed,
    Path output,
    boolean progress,
    boolean surge) {
  /** Validates the options. */
  public SimulationOptions {
    range("days", days, 1, 92);
    range("tickets-per-day", ticketsPerDay, 1, 50_000);
    range("agents", agents, 2, 2_000);
    if (output == null) {
      throw new ValidationException("output", null, "must not be null");
    }
  }

  /**
   * Options without a surge day.
   *
   * @param days simulated calendar days, 1..92
   * @param ticketsPerDay average tickets per working day, 1..50,000
   * @param agents agents on the roster, 2..2,000
   * @param seed random seed
   * @param output directory for the report
   * @param progress whether to draw a progress bar
   */
  public SimulationOptions(
      int days, int ticketsPerDay, int agents, long seed, Path output, boolean progress) {
    this(days, ticketsPerDay, agents, seed, output, progress, false);
  }

  private static void range(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ValidationException(field, value, "must be between " + min + " and " + max);
    }
  }

  /** The options that take a value, in the order the usage line lists them. */
  private static final List<String> VALUED_OPTIONS =
      List.of("--days", "--tickets-per-day", "--agents", "--seed", "--out");

  /**
   * Parses {@code --days N --tickets-per-day N --agents N --seed N --out DIR --no-progress
   * --surge}.
   *
   * @param args the arguments
   * @return the options, defaults for what is not given (14 days, 120 tickets a day, 16 agents,
   *     seed 42, directory {@code target/simulation})
   */
  public static SimulationOptions parse(String... args) {
    int days = 14;
    int perDay = 120;
    int agents = 16;
    long seed = 42;
    Path out = Path.of("target", "simulation");
    boolean progress = true;
    boolean surge = false;
    for (int i = 0; i < args.length; i++) {
      String name = args[i];
      if (name.equals("--no-progress")) {
        progress = false;
        continue;
      }
      if (name.equals("--surge")) {
        surge = true;
        continue;
      }
      if (!VALUED_OPTIONS.contains(name)) {
        throw new ValidationException(
            "option",
            null,
            name
                + " is unknown; use "
                + String.join(", ", VALUED_OPTIONS)
                + ", --no-progress, --surge");
      }
      if (i + 1 >= args.length) {
        throw new ValidationException(name, null, "needs a value");
      }
      String value = args[++i];
      try {
        switch (name) {
          case "--days" -> days = Integer.parseInt(value);
          case "--tickets-per-day" -> perDay = Integer.parseInt(value);
          case "--agents" -> agents = Integer.parseInt(value);
          case "--seed" -> seed = Long.parseLong(value);
          case "--out" -> out = Path.of(value);
          default -> throw new IllegalStateException("every valued option has a case: " + name);
        }
      } catch (NumberFormatException e) {
        throw new ValidationException(name, null, "must be a whole number, not '" + value + "'");
      }
    }
    return new SimulationOptions(days, perDay, agents, seed, out, progress, surge);
  }
}
