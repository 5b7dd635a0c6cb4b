package io.loopdesk.dashboard;

import io.loopdesk.api.ValidationException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dashboard's settings, {@code loopdesk.dashboard.*}. Mutable, as Spring Boot binds it; not
 * thread-safe while it is bound, read-only afterwards. Every setter checks its value and throws a
 * {@link ValidationException} naming the property, so a misconfigured dashboard fails at startup.
 */
@ConfigurationProperties(prefix = DashboardProperties.PREFIX)
public class DashboardProperties {

  /** The prefix of the dashboard's properties. */
  public static final String PREFIX = "loopdesk.dashboard";

  private boolean enabled = true;
  private String path = "/loopdesk/dashboard";
  private Duration pollInterval = Duration.ofMillis(200);
  private Duration heartbeat = Duration.ofSeconds(5);
  private Duration window = Duration.ofDays(31);
  private int maxTickets = 200_000;
  private double nearBreach = 0.25;
  private int maxAtRisk = 50;
  private int maxConnections = 1000;
  private final Standards standards = new Standards();

  /** Creates the settings with their defaults; Spring Boot does. */
  public DashboardProperties() {}

  /** Returns whether the dashboard is served (default true). */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Sets whether the dashboard is served.
   *
   * @param enabled false to leave it out
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * Returns the page's path (default {@code /loopdesk/dashboard}); data, events and exports live
   * below it.
   */
  public String getPath() {
    return path;
  }

  /**
   * Sets the page's path.
   *
   * @param path an absolute path without a trailing slash, such as {@code /loopdesk/dashboard}
   */
  public void setPath(String path) {
    this.path = path;
  }

  /** Returns how often the store's event feed is read (default 200 ms). */
  public Duration getPollInterval() {
    return pollInterval;
  }

  /**
   * Sets how often the store's event feed is read.
   *
   * @param pollInterval a positive duration, at most one second for the two-second update promise
   */
  public void setPollInterval(Duration pollInterval) {
    this.pollInterval = positive("poll-interval", pollInterval);
  }

  /**
   * Returns how often an open page is refreshed when no event came (default 5 s: ageing and
   * breaches move).
   */
  public Duration getHeartbeat() {
    return heartbeat;
  }

  /**
   * Sets how often an open page is refreshed without events.
   *
   * @param heartbeat a positive duration
   */
  public void setHeartbeat(Duration heartbeat) {
    this.heartbeat = positive("heartbeat", heartbeat);
  }

  /**
   * Returns how far back tickets are kept in memory, by opening (default 31 days; the longest
   * period).
   */
  public Duration getWindow() {
    return window;
  }

  /**
   * Sets how far back tickets are kept in memory.
   *
   * @param window a positive duration
   */
  public void setWindow(Duration window) {
    this.window = positive("window", window);
  }

  /**
   * Returns the most tickets kept in memory; the oldest are dropped beyond it (default 200,000).
   */
  public int getMaxTickets() {
    return maxTickets;
  }

  /**
   * Sets the most tickets kept in memory.
   *
   * @param maxTickets at least 1
   */
  public void setMaxTickets(int maxTickets) {
    this.maxTickets = atLeastOne("max-tickets", maxTickets);
  }

  /**
   * Returns the share of an SLA target left under which a running clock counts as nearly breaching
   * (default 0.25), measured in the target's business time as the target itself is.
   */
  public double getNearBreach() {
    return nearBreach;
  }

  /**
   * Sets the share of a target left under which a clock is nearly breaching.
   *
   * @param nearBreach between 0 and 1
   */
  public void setNearBreach(double nearBreach) {
    this.nearBreach = fraction("near-breach", nearBreach);
  }

  /**
   * Returns the most breaching or nearly breaching tickets listed (default 50, the nearest
   * deadlines first).
   */
  public int getMaxAtRisk() {
    return maxAtRisk;
  }

  /**
   * Sets the most tickets at risk listed.
   *
   * @param maxAtRisk at least 1
   */
  public void setMaxAtRisk(int maxAtRisk) {
    this.maxAtRisk = atLeastOne("max-at-risk", maxAtRisk);
  }

  /**
   * Returns the most live (server-sent event) connections at once; more are refused with 503
   * (default 1000).
   */
  public int getMaxConnections() {
    return maxConnections;
  }

  /**
   * Sets the most live connections at once.
   *
   * @param maxConnections at least 1
   */
  public void setMaxConnections(int maxConnections) {
    this.maxConnections = atLeastOne("max-connections", maxConnections);
  }

  /** Returns the standards the tiles are held against. */
  public Standards getStandards() {
    return standards;
  }

  /**
   * The standards tiles are coloured against: the call-centre handbook's (satisfaction at least 90
   * %, first-contact resolution at least 80 %) and an attainment goal per SLA target.
   */
  public static class Standards {
    private double firstContactResolution = 0.80;
    private double satisfiedRate = 0.90;
    private double slaAttainment = 0.90;
    private final Map<String, Double> slaAttainmentByTarget = new LinkedHashMap<>();

    /** Creates the handbook's standards; Spring Boot does. */
    public Standards() {}

    /** Returns the first-contact resolution standard (default 0.80). */
    public double getFirstContactResolution() {
      return firstContactResolution;
    }

    /**
     * Sets the first-contact resolution standard.
     *
     * @param value a fraction in [0, 1]
     */
    public void setFirstContactResolution(double value) {
      this.firstContactResolution = fraction("standards.first-contact-resolution", value);
    }

    /** Returns the satisfied-rate standard (default 0.90). */
    public double getSatisfiedRate() {
      return satisfiedRate;
    }

    /**
     * Sets the satisfied-rate standard.
     *
     * @param value a fraction in [0, 1]
     */
    public void setSatisfiedRate(double value) {
      this.satisfiedRate = fraction("standards.satisfied-rate", value);
    }

    /** Returns the attainment goal of SLA targets without their own (default 0.90). */
    public double getSlaAttainment() {
      return slaAttainment;
    }

    /**
     * Sets the attainment goal of SLA targets without their own.
     *
     * @param value a fraction in [0, 1]
     */
    public void setSlaAttainment(double value) {
      this.slaAttainment = fraction("standards.sla-attainment", value);
    }

    /** Returns attainment goals per SLA target name, e.g. {@code RESOLUTION: 0.95}. */
    public Map<String, Double> getSlaAttainmentByTarget() {
      return slaAttainmentByTarget;
    }

    /**
     * Returns the attainment goal of one target.
     *
     * @param target the target's name
     * @return its own goal, else {@link #getSlaAttainment()}
     */
    public double slaAttainmentOf(String target) {
      return slaAttainmentByTarget.getOrDefault(target, slaAttainment);
    }
  }

  private static Duration positive(String property, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new ValidationException(PREFIX + "." + property, value, "must be positive");
    }
    return value;
  }

  private static int atLeastOne(String property, int value) {
    if (value < 1) {
      throw new ValidationException(PREFIX + "." + property, value, "must be at least 1");
    }
    return value;
  }

  private static double fraction(String property, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new ValidationException(
          PREFIX + "." + property, value, "must be between 0 and 1 (0.9 for 90 %)");
    }
    return value;
  }
}
