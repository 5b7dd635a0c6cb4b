package io.loopdesk.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A small help desk on Spring Boot: the starter builds the whole desk from {@code application.yml}
 * (an office calendar with mainland China's holidays, SLA targets, users), keeps tickets in the
 * embedded H2 database, and this application opens and works a few tickets on a schedule ({@link
 * TicketWorker}) and logs the KPIs ({@link KpiLogger}). Start it with {@code mvn -pl
 * examples-spring -am compile exec:java}.
 */
@SpringBootApplication
@EnableScheduling
public class HelpdeskApplication {

  /** Creates the application; Spring does. */
  public HelpdeskApplication() {}

  /**
   * Starts the help desk.
   *
   * @param args Spring Boot's arguments, e.g. {@code --helpdesk.work-every=PT1S}
   */
  public static void main(String[] args) {
    SpringApplication.run(HelpdeskApplication.class, args);
  }
}
