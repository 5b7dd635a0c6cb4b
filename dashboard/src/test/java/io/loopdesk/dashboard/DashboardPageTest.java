package io.loopdesk.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The page, its assets and its exports over HTTP, in English and Chinese. */
class DashboardPageTest {
  private static TestServer server;

  @BeforeAll
  static void start() {
    server = new TestServer("--loopdesk.dashboard.path=/ops/kpi");
    for (int n = 1; n <= 20; n++) {
      server.fixtures.openAndStep(n, n % 7);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String at(String pathAndQuery) {
    return "http://127.0.0.1:" + server.port + "/ops/kpi" + pathAndQuery;
  }

  private static HttpResponse<String> get(String pathAndQuery, String language) throws Exception {
    return java.net.http.HttpClient.newHttpClient()
        .send(
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(at(pathAndQuery)))
                .header("Accept-Language", language)
                .build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void thePageFollowsTheBrowsersLanguageAndTheConfiguredPath() throws Exception {
    HttpResponse<String> zh = get("?as=sup-1", "zh-CN,zh;q=0.9,en;q=0.8");
    assertThat(zh.statusCode()).isEqualTo(200);
    assertThat(zh.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(zh.body())
        .contains("<html lang=\"zh\">")
        .contains("<title>客服监控看板</title>")
        .contains("\"tile.fcr\":\"首次解决率\"")
        .contains("src=\"/ops/kpi/echarts.min.js\"");
    HttpResponse<String> en = get("?as=sup-1", "de-DE,en-US;q=0.8");
    assertThat(en.body())
        .contains("<html lang=\"en\">")
        .contains("<title>Service dashboard</title>");
    assertThat(en.body()).as("nothing from a CDN").doesNotContain("src=\"http", "href=\"http");
  }

  @Test
  void echartsAndTheScriptAreServedFromTheClassPath() throws Exception {
    HttpResponse<String> echarts = get("/echarts.min.js", "en");
    assertThat(echarts.statusCode()).isEqualTo(200);
    assertThat(echarts.body()).contains("echarts").hasSizeGreaterThan(500_000);
    HttpResponse<String> script = get("/dashboard.js", "en");
    assertThat(script.body()).contains("EventSource");
  }

  @Test
  void exportsAreCsvWithAByteOrderMarkAndAWorkbook() throws Exception {
    HttpResponse<byte[]> csv =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(at("/export.csv?as=sup-1&period=today")))
                    .header("Accept-Language", "zh-CN")
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("attachment");
    assertThat(csv.body()).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
    assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains("工单数").contains("今天");
    HttpResponse<byte[]> xlsx =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(at("/export.xlsx?as=lead-1")))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertThat(xlsx.statusCode()).isEqualTo(200);
    assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
    assertThat(xlsx.body()).startsWith((byte) 'P', (byte) 'K');
  }

  @Test
  void theLiveStreamSendsASnapshotAtOnce() throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    HttpResponse<java.io.InputStream> events =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(at("/events?as=admin-1&channel=PHONE")))
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(events.statusCode()).isEqualTo(200);
    assertThat(events.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/event-stream");
    try (java.io.BufferedReader reader =
        new java.io.BufferedReader(
            new java.io.InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
      String line = reader.readLine();
      assertThat(line)
          .startsWith("data:{")
          .contains("\"channel\":\"PHONE\"")
          .contains("\"tiles\":[");
    }
  }
}
