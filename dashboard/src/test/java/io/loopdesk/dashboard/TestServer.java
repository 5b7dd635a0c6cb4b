package io.loopdesk.dashboard;

import io.loopdesk.dashboard.app.DashboardTestApplication;
import io.loopdesk.dashboard.app.TicketFixtures;
import io.loopdesk.desk.Loopdesk;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The test application on a free port of 127.0.0.1, with the in-memory store. */
final class TestServer implements AutoCloseable {
  final ConfigurableApplicationContext context;
  final int port;
  final Loopdesk loopdesk;
  final TicketFixtures fixtures;
  private final HttpClient http = HttpClient.newHttpClient();
  private final javax.sql.DataSource dataSource;

  TestServer(String... extraArgs) {
    this(null, extraArgs);
  }

  /**
   * Starts the application with the application's DataSource bean, if one is given (then the JDBC
   * store).
   */
  TestServer(javax.sql.DataSource dataSource, String... extraArgs) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--spring.config.location=classpath:dashboard-test.yml",
                "--server.address=127.0.0.1"));
    args.addAll(List.of(extraArgs));
    this.dataSource = dataSource;
    SpringApplication application = new SpringApplication(DashboardTestApplication.class);
    if (dataSource != null) {
      application.addInitializers(
          c -> c.getBeanFactory().registerSingleton("dataSource", dataSource));
    }
    context = application.run(args.toArray(String[]::new));
    port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    loopdesk = context.getBean(Loopdesk.class);
    fixtures = new TicketFixtures(loopdesk.desk());
  }

  String url(String pathAndQuery) {
    return "http://127.0.0.1:" + port + "/loopdesk/dashboard" + pathAndQuery;
  }

  HttpResponse<String> get(String pathAndQuery, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(pathAndQuery)));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<byte[]> getBytes(String pathAndQuery, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(pathAndQuery)));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Override
  public void close() {
    context.close();
    if (dataSource instanceof AutoCloseable closeable) {
      try {
        closeable.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing the test's DataSource failed", e);
      }
    }
  }
}
