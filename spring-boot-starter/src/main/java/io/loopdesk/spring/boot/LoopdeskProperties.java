package io.loopdesk.spring.boot;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The starter's own settings under {@code loopdesk.*}: store, SLA monitor, health, KPI meters and
 * cluster. Every other key under {@code loopdesk} (calendars, sla, routing, priority, escalation,
 * access, lifecycle, closedLoop, defaultCalendar) is the desk definition, read by {@link
 * DeskDefinitionProperties}. Mutable, as Spring's binder needs; not meant to be changed after
 * start-up.
 */
@ConfigurationProperties(prefix = LoopdeskProperties.PREFIX)
public class LoopdeskProperties {

  /** The prefix of every Loopdesk property. */
  public static final String PREFIX = "loopdesk";

  /** Whether the starter configures a desk at all. */
  private boolean enabled = true;

  private final Store store = new Store();
  private final Monitor monitor = new Monitor();
  private final Health health = new Health();
  private final Metrics metrics = new Metrics();
  private final Cluster cluster = new Cluster();

  /** Returns whether the starter configures a desk. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Sets whether the starter configures a desk. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** Returns the store settings. */
  public Store getStore() {
    return store;
  }

  /** Returns the SLA monitor settings. */
  public Monitor getMonitor() {
    return monitor;
  }

  /** Returns the health indicator settings. */
  public Health getHealth() {
    return health;
  }

  /** Returns the KPI meter settings. */
  public Metrics getMetrics() {
    return metrics;
  }

  /** Returns the cluster settings. */
  public Cluster getCluster() {
    return cluster;
  }

  /** Where tickets are kept. */
  public enum StoreType {
    /**
     * The JDBC store on the application's DataSource when there is exactly one, in memory
     * otherwise.
     */
    AUTO,
    /** The JDBC store on the application's DataSource; start-up fails without one. */
    JDBC,
    /** In memory: nothing survives a restart. */
    MEMORY
  }

  /** Store settings ({@code loopdesk.store.*}). */
  public static class Store {
    /** Where tickets are kept: auto (the DataSource if there is one), jdbc or memory. */
    private StoreType type = StoreType.AUTO;

    /**
     * Whether the Loopdesk tables are created or upgraded at start (off when Flyway or Liquibase
     * owns them).
     */
    private boolean migrateSchema = true;

    /**
     * Whether ticket changes made inside a Spring-managed transaction on the DataSource join it.
     */
    private boolean joinSpringTransactions = true;

    /** Returns where tickets are kept. */
    public StoreType getType() {
      return type;
    }

    /** Sets where tickets are kept. */
    public void setType(StoreType type) {
      this.type = type;
    }

    /** Returns whether the schema is migrated at start. */
    public boolean isMigrateSchema() {
      return migrateSchema;
    }

    /** Sets whether the schema is migrated at start. */
    public void setMigrateSchema(boolean migrateSchema) {
      this.migrateSchema = migrateSchema;
    }

    /** Returns whether ticket changes join Spring-managed transactions. */
    public boolean isJoinSpringTransactions() {
      return joinSpringTransactions;
    }

    /** Sets whether ticket changes join Spring-managed transactions. */
    public void setJoinSpringTransactions(boolean joinSpringTransactions) {
      this.joinSpringTransactions = joinSpringTransactions;
    }
  }

  /** SLA monitor settings ({@code loopdesk.monitor.*}). */
  public static class Monitor {
    /** Whether the SLA monitor runs while the application context runs. */
    private boolean enabled = true;

    /** How often the SLA monitor checks for warnings and breaches. */
    private Duration period = Duration.ofSeconds(1);

    /** Returns whether the monitor runs. */
    public boolean isEnabled() {
      return enabled;
    }

    /** Sets whether the monitor runs. */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** Returns how often the monitor ticks. */
    public Duration getPeriod() {
      return period;
    }

    /** Sets how often the monitor ticks. */
    public void setPeriod(Duration period) {
      this.period = period;
    }
  }

  /** Health indicator settings ({@code loopdesk.health.*}). */
  public static class Health {
    /**
     * How far the SLA monitor may fall behind its earliest due checkpoint before the desk reports
     * DOWN.
     */
    private Duration maxMonitorLag = Duration.ofMinutes(1);

    /** Returns the largest tolerated monitor lag. */
    public Duration getMaxMonitorLag() {
      return maxMonitorLag;
    }

    /** Sets the largest tolerated monitor lag. */
    public void setMaxMonitorLag(Duration maxMonitorLag) {
      this.maxMonitorLag = maxMonitorLag;
    }
  }

  /** KPI meter settings ({@code loopdesk.metrics.*}). */
  public static class Metrics {
    /** Whether the KPI gauges (loopdesk.kpi.*) are published to Micrometer. */
    private boolean enabled = true;

    /** How often the KPI report behind the gauges is recomputed. */
    private Duration refresh = Duration.ofMinutes(1);

    /** Which tickets the KPIs cover: those created within this window before now. */
    private Duration window = Duration.ofDays(30);

    /** At most this many tickets (the oldest first) are read for one KPI report. */
    private int maxTickets = 10_000;

    /** The zone in which KPI months are counted; default: the default calendar's zone, else UTC. */
    private ZoneId zone;

    /** Returns whether the gauges are published. */
    public boolean isEnabled() {
      return enabled;
    }

    /** Sets whether the gauges are published. */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** Returns how often the report is recomputed. */
    public Duration getRefresh() {
      return refresh;
    }

    /** Sets how often the report is recomputed. */
    public void setRefresh(Duration refresh) {
      this.refresh = refresh;
    }

    /** Returns the window of ticket creation the KPIs cover. */
    public Duration getWindow() {
      return window;
    }

    /** Sets the window of ticket creation the KPIs cover. */
    public void setWindow(Duration window) {
      this.window = window;
    }

    /** Returns the most tickets read for one report. */
    public int getMaxTickets() {
      return maxTickets;
    }

    /** Sets the most tickets read for one report. */
    public void setMaxTickets(int maxTickets) {
      this.maxTickets = maxTickets;
    }

    /** Returns the zone in which months are counted, or null for the default. */
    public ZoneId getZone() {
      return zone;
    }

    /** Sets the zone in which months are counted. */
    public void setZone(ZoneId zone) {
      this.zone = zone;
    }
  }

  /** Cluster settings ({@code loopdesk.cluster.*}). */
  public static class Cluster {
    /**
     * This instance's name, which makes the SLA tracker durable and shared by several instances
     * over the JDBC store's event feed; empty for a single instance.
     */
    private String instanceName;

    /** Returns this instance's name, or null for a single instance. */
    public String getInstanceName() {
      return instanceName;
    }

    /** Sets this instance's name. */
    public void setInstanceName(String instanceName) {
      this.instanceName = instanceName;
    }
  }
}
