package io.loopdesk.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's headless Chromium driven over the DevTools protocol with the JDK's own WebSocket client:
 * navigate, evaluate JavaScript, take screenshots. The same binary the examples module's report
 * test uses ({@code /usr/bin/chromium}, installed by {@code .ci/run}); pages are loaded from
 * 127.0.0.1 only.
 */
final class HeadlessChromium implements AutoCloseable {

  /** Where CI installs Chromium. */
  static final Path BINARY = Path.of("/usr/bin/chromium");

  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://[^\\s]+)");

  private final Process process;
  private final WebSocket socket;
  private final ObjectMapper json = new ObjectMapper();
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  HeadlessChromium(Path profile, String language) throws IOException, InterruptedException {
    Files.createDirectories(profile);
    process =
        new ProcessBuilder(
                List.of(
                    BINARY.toString(),
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--remote-debugging-address=127.0.0.1",
                    "--remote-debugging-port=0",
                    "--window-size=1400,1900",
                    "--lang=" + language,
                    "--user-data-dir=" + profile,
                    "about:blank"))
            .redirectOutput(profile.resolve("stdout.log").toFile())
            .start();
    String browserUrl = waitForDevTools();
    URI browser = URI.create(browserUrl);
    HttpClient http = HttpClient.newHttpClient();
    String list =
        http.send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://" + browser.getHost() + ":" + browser.getPort() + "/json/list"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    String pageUrl = null;
    for (JsonNode target : json.readTree(list)) {
      if ("page".equals(target.path("type").asText())) {
        pageUrl = target.path("webSocketDebuggerUrl").asText();
        break;
      }
    }
    if (pageUrl == null) {
      throw new IOException("Chromium has no page target: " + list);
    }
    socket = http.newWebSocketBuilder().buildAsync(URI.create(pageUrl), new Listener()).join();
  }

  private String waitForDevTools() throws IOException {
    BufferedReader err =
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String line;
    while (System.nanoTime() < deadline && (line = err.readLine()) != null) {
      Matcher m = LISTENING.matcher(line);
      if (m.find()) {
        Thread drain =
            new Thread(
                () -> {
                  try {
                    while (err.readLine() != null) {
                      // keep the pipe from filling up
                    }
                  } catch (IOException e) {
                    // the browser exited
                  }
                },
                "chromium-stderr");
        drain.setDaemon(true);
        drain.start();
        return m.group(1);
      }
    }
    throw new IOException("Chromium did not open its DevTools port");
  }

  /** Sends a DevTools command and waits for its result. */
  JsonNode call(String method, Map<String, Object> params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonNode> result = new CompletableFuture<>();
    pending.put(id, result);
    ObjectNode message = json.createObjectNode();
    message.put("id", id);
    message.put("method", method);
    message.set("params", json.valueToTree(params));
    socket.sendText(json.writeValueAsString(message), true).join();
    JsonNode reply = result.get(30, TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new IllegalStateException(method + " failed: " + reply.get("error"));
    }
    return reply.path("result");
  }

  void navigate(String url) throws Exception {
    call("Page.enable", Map.of());
    call("Page.navigate", Map.of("url", url));
  }

  /**
   * Evaluates an expression in the page and returns its value as text ("" for null or undefined).
   */
  String eval(String expression) throws Exception {
    JsonNode result =
        call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    JsonNode value = result.path("result").path("value");
    return value.isMissingNode() || value.isNull() ? "" : value.asText();
  }

  /** Polls an expression until it is "true" or the time is up; returns whether it became true. */
  boolean await(String expression, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    do {
      if ("true".equals(eval(expression))) {
        return true;
      }
      Thread.sleep(25);
    } while (System.nanoTime() < deadline);
    return false;
  }

  void screenshot(Path file) throws Exception {
    JsonNode shot =
        call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
  }

  @Override
  public void close() throws InterruptedException {
    try {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    } catch (RuntimeException e) {
      // the browser may be gone already
    }
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    children.forEach(ProcessHandle::destroy);
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    for (ProcessHandle child : children) {
      try {
        child.onExit().get(5, TimeUnit.SECONDS);
      } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
        child.destroyForcibly();
      }
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder buffer = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      buffer.append(data);
      if (last) {
        String text = buffer.toString();
        buffer.setLength(0);
        try {
          JsonNode message = json.readTree(text);
          if (message.has("id")) {
            CompletableFuture<JsonNode> future = pending.remove(message.get("id").asInt());
            if (future != null) {
              future.complete(message);
            }
          }
        } catch (IOException e) {
          // not a reply of ours
        }
      }
      webSocket.request(1);
      return null;
    }
  }
}
