package io.loopdesk.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loopdesk.access.AccessDeniedException;
import io.loopdesk.access.PersonalDataView;
import io.loopdesk.api.Actor;
import io.loopdesk.api.ValidationException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Serves the dashboard under {@code loopdesk.dashboard.path}: the page, its script, Apache ECharts
 * from its WebJar on the class path, the figures as JSON ({@code /data}), the live stream ({@code
 * /events}, server-sent events) and the exports ({@code /export.csv}, {@code /export.xlsx}). Every
 * request resolves its actor with the {@link DashboardActorResolver} (401 without one) and is
 * checked by {@link DashboardAccess} (403, audited, outside one's scope); the filter comes from the
 * query string (400 naming the parameter when malformed). Thread-safe.
 */
@Controller
@RequestMapping("${" + DashboardProperties.PREFIX + ".path:/loopdesk/dashboard}")
public class DashboardController {

  private static final String ECHARTS =
      "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  private final DashboardActorResolver actors;
  private final DashboardAccess access;
  private final LiveDashboard dashboard;
  private final DashboardStream stream;
  private final DashboardLabels labels;
  private final DashboardExport export;
  private final ObjectMapper json = new ObjectMapper();
  private final String page;
  private final byte[] script;
  private final byte[] echarts;
  private final String path;

  /**
   * Creates the controller.
   *
   * @param actors maps requests to actors
   * @param access decides what each actor sees
   * @param dashboard computes the figures
   * @param stream keeps live pages up to date
   * @param labels English and Chinese labels
   * @param settings the dashboard's path
   */
  public DashboardController(
      DashboardActorResolver actors,
      DashboardAccess access,
      LiveDashboard dashboard,
      DashboardStream stream,
      DashboardLabels labels,
      DashboardProperties settings) {
    this.path = settings.getPath().replaceAll("/+$", "");
    this.actors = actors;
    this.access = access;
    this.dashboard = dashboard;
    this.stream = stream;
    this.labels = labels;
    this.export = new DashboardExport(labels);
    this.page = new String(resource("io/loopdesk/dashboard/page.html"), StandardCharsets.UTF_8);
    this.script = resource("io/loopdesk/dashboard/dashboard.js");
    this.echarts = resource(ECHARTS);
  }

  /**
   * The page, with labels in the browser's language.
   *
   * @param request the request
   * @return the HTML page
   */
  @GetMapping(
      value = {"", "/"},
      produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  public ResponseEntity<String> page(HttpServletRequest request) {
    Actor actor = actor(request);
    access.viewer(actor, filter(request));
    String language = labels.language(request.getLocales());
    String base = request.getContextPath() + path;
    String html =
        page.replace("{{lang}}", language)
            .replace("{{title}}", escapeHtml(labels.label(language, "title")))
            .replace("{{base}}", escapeHtml(base))
            .replace("{{labels}}", scriptJson(labels.labels(language)));
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .cacheControl(CacheControl.noStore())
        .body(html);
  }

  /**
   * The page's script.
   *
   * @return the script
   */
  @GetMapping("/dashboard.js")
  @ResponseBody
  public ResponseEntity<byte[]> script() {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8"))
        .body(script);
  }

  /**
   * Apache ECharts, from its WebJar on the class path.
   *
   * @return the library
   */
  @GetMapping("/echarts.min.js")
  @ResponseBody
  public ResponseEntity<byte[]> echarts() {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("text/javascript;charset=UTF-8"))
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)))
        .body(echarts);
  }

  /**
   * The figures the caller sees with the query string's filter, as JSON.
   *
   * @param request the request
   * @return the snapshot's JSON
   */
  @GetMapping(value = "/data", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  public ResponseEntity<String> data(HttpServletRequest request) {
    DashboardFilter filter = filter(request);
    Viewer viewer = access.viewer(actor(request), filter);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .cacheControl(CacheControl.noStore())
        .body(stream.toJson(dashboard.snapshot(viewer, filter)));
  }

  /**
   * The live stream: a snapshot at once, then one after every batch of ticket events.
   *
   * @param request the request
   * @return the emitter, or 503 when too many pages are open
   */
  @GetMapping(value = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  public ResponseEntity<SseEmitter> events(HttpServletRequest request) {
    DashboardFilter filter = filter(request);
    Viewer viewer = access.viewer(actor(request), filter);
    return stream
        .subscribe(viewer, filter)
        .map(
            e ->
                ResponseEntity.ok()
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header("X-Accel-Buffering", "no")
                    .body(e))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build());
  }

  /**
   * What the caller sees as CSV (UTF-8 with a byte-order mark), customers masked.
   *
   * @param request the request
   * @return the file
   */
  @GetMapping("/export.csv")
  @ResponseBody
  public ResponseEntity<byte[]> exportCsv(HttpServletRequest request) {
    DashboardFilter filter = filter(request);
    DashboardSnapshot snapshot = exportSnapshot(request, filter);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"loopdesk-dashboard.csv\"")
        .body(export.csv(snapshot, labels.language(request.getLocales())));
  }

  /**
   * What the caller sees as an Excel workbook, customers masked.
   *
   * @param request the request
   * @return the file
   */
  @GetMapping("/export.xlsx")
  @ResponseBody
  public ResponseEntity<byte[]> exportXlsx(HttpServletRequest request) {
    DashboardFilter filter = filter(request);
    DashboardSnapshot snapshot = exportSnapshot(request, filter);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      export.xlsx(snapshot, labels.language(request.getLocales()), out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ResponseEntity.ok()
        .contentType(XLSX)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"loopdesk-dashboard.xlsx\"")
        .body(out.toByteArray());
  }

  private DashboardSnapshot exportSnapshot(HttpServletRequest request, DashboardFilter filter) {
    Viewer viewer = access.exporter(actor(request), filter);
    Viewer masked =
        new Viewer(
            viewer.actor(),
            viewer.scope(),
            viewer.agents(),
            viewer.departments(),
            PersonalDataView.MASKED,
            viewer.mayExport());
    return dashboard.snapshot(masked, filter);
  }

  /**
   * Refuses a request outside the caller's scope (already audited).
   *
   * @param e the refusal
   * @return 403 with the reason
   */
  @ExceptionHandler(AccessDeniedException.class)
  @ResponseBody
  public ResponseEntity<String> denied(AccessDeniedException e) {
    return error(HttpStatus.FORBIDDEN, e.getMessage());
  }

  /**
   * Refuses a malformed filter.
   *
   * @param e the validation failure
   * @return 400 naming the parameter
   */
  @ExceptionHandler(ValidationException.class)
  @ResponseBody
  public ResponseEntity<String> invalid(ValidationException e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  /**
   * Refuses an unauthenticated request.
   *
   * @param e the refusal
   * @return 401
   */
  @ExceptionHandler(NotAuthenticatedException.class)
  @ResponseBody
  public ResponseEntity<String> unauthenticated(NotAuthenticatedException e) {
    return error(HttpStatus.UNAUTHORIZED, e.getMessage());
  }

  private ResponseEntity<String> error(HttpStatus status, String message) {
    try {
      return ResponseEntity.status(status)
          .contentType(MediaType.APPLICATION_JSON)
          .body(json.writeValueAsString(Map.of("status", status.value(), "error", message)));
    } catch (JsonProcessingException e) {
      return ResponseEntity.status(status).build();
    }
  }

  private Actor actor(HttpServletRequest request) {
    return actors.resolve(request).orElseThrow(NotAuthenticatedException::new);
  }

  private static DashboardFilter filter(HttpServletRequest request) {
    return DashboardFilter.parse(request::getParameter);
  }

  private String scriptJson(Map<String, String> value) {
    try {
      return json.writeValueAsString(value)
          .replace("<", "\\u003c")
          .replace(">", "\\u003e")
          .replace("&", "\\u0026");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String escapeHtml(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static byte[] resource(String name) {
    try (InputStream in = DashboardController.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing class-path resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The request carries no user the {@link DashboardActorResolver} knows. */
  static final class NotAuthenticatedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotAuthenticatedException() {
      super("not authenticated");
    }
  }
}
