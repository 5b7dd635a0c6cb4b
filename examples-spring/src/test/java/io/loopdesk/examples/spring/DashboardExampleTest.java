package io.loopdesk.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/**
 * A newcomer opens the example's dashboard and watches the numbers move as the example works
 * tickets.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "helpdesk.work-every=PT0.1S",
      "helpdesk.kpi-log-every=PT5S",
      "server.address=127.0.0.1"
    })
class DashboardExampleTest {
  private static final Pattern TICKETS =
      Pattern.compile("\\{\"key\":\"tickets\",\"value\":([0-9.]+)");

  @Autowired Environment environment;

  private String get(String path) throws Exception {
    String url = "http://127.0.0.1:" + environment.getProperty("local.server.port") + path;
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return r.body();
  }

  private static double tickets(String json) {
    Matcher m = TICKETS.matcher(json);
    assertThat(m.find()).as(json).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void theDashboardIsThereAndItsNumbersMove() throws Exception {
    assertThat(get("/loopdesk/dashboard")).contains("<title>Service dashboard</title>");
    double first = tickets(get("/loopdesk/dashboard/data"));
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    double later = first;
    while (later <= first && System.nanoTime() < deadline) {
      Thread.sleep(200);
      later = tickets(get("/loopdesk/dashboard/data"));
    }
    assertThat(later).as("the ticket tile moves as the example opens tickets").isGreaterThan(first);
    assertThat(get("/loopdesk/dashboard/data?as=agent-1")).contains("\"scope\":\"OWN\"");
  }
}
