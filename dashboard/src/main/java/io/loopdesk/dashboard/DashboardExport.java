package io.loopdesk.dashboard;

import io.loopdesk.dashboard.DashboardSnapshot.AgentRow;
import io.loopdesk.dashboard.DashboardSnapshot.RiskRow;
import io.loopdesk.dashboard.DashboardSnapshot.SlaTargetRow;
import io.loopdesk.dashboard.DashboardSnapshot.Tile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Writes what a dashboard shows (its filter, tiles, SLA targets, agents and tickets at risk) as CSV
 * or as an Excel workbook, with the viewer's labels. The CSV is UTF-8 with a byte-order mark, so
 * that Excel opens Chinese text correctly; a cell that a spreadsheet would read as a formula
 * ({@code = + - @}) is prefixed with an apostrophe. Give it snapshots computed for a viewer with
 * personal data masked: every export masks customers. Stateless and thread-safe.
 */
public final class DashboardExport {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final DashboardLabels labels;

  /**
   * Creates the exporter.
   *
   * @param labels the dashboard's labels
   */
  public DashboardExport(DashboardLabels labels) {
    this.labels = labels;
  }

  /**
   * Returns the snapshot as CSV bytes: UTF-8 with a byte-order mark, one table after another, each
   * under its title.
   *
   * @param snapshot the snapshot
   * @param language {@code zh} or {@code en}
   * @return the bytes
   */
  public byte[] csv(DashboardSnapshot snapshot, String language) {
    StringBuilder out = new StringBuilder();
    for (List<List<String>> table : tables(snapshot, language)) {
      for (List<String> row : table) {
        for (int i = 0; i < row.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          out.append(csvCell(row.get(i)));
        }
        out.append("\r\n");
      }
      out.append("\r\n");
    }
    byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[BOM.length + text.length];
    System.arraycopy(BOM, 0, bytes, 0, BOM.length);
    System.arraycopy(text, 0, bytes, BOM.length, text.length);
    return bytes;
  }

  /**
   * Writes the snapshot as an Excel workbook (.xlsx), one sheet per table.
   *
   * @param snapshot the snapshot
   * @param language {@code zh} or {@code en}
   * @param out receives the workbook; not closed
   * @throws IOException if writing fails
   */
  public void xlsx(DashboardSnapshot snapshot, String language, OutputStream out)
      throws IOException {
    Workbook workbook = new Workbook(new NonClosing(out), "Loopdesk", "1.0");
    List<List<List<String>>> tables = tables(snapshot, language);
    String[] names = {"Filter", "KPIs", "SLA", "Agents", "At risk"};
    for (int t = 0; t < tables.size(); t++) {
      Worksheet sheet = workbook.newWorksheet(names[t]);
      List<List<String>> table = tables.get(t);
      for (int r = 0; r < table.size(); r++) {
        List<String> row = table.get(r);
        for (int c = 0; c < row.size(); c++) {
          sheet.value(r, c, row.get(c));
        }
      }
      sheet.finish();
    }
    workbook.finish();
  }

  /**
   * Returns the five tables: filter, tiles, SLA targets, agents, tickets at risk; each starts with
   * its header.
   */
  List<List<List<String>>> tables(DashboardSnapshot s, String lang) {
    List<List<List<String>>> tables = new ArrayList<>();
    List<List<String>> filter = new ArrayList<>();
    filter.add(List.of(labels.label(lang, "filters"), labels.label(lang, "value")));
    filter.add(List.of(labels.label(lang, "viewer"), s.viewer() + " (" + s.role() + ")"));
    filter.add(List.of(labels.label(lang, "asOf"), s.asOf()));
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(s.filter()).entrySet()) {
      String value =
          e.getKey().equals("period") ? labels.label(lang, "period." + e.getValue()) : e.getValue();
      filter.add(List.of(labels.label(lang, e.getKey()), value));
    }
    tables.add(filter);

    List<List<String>> tiles = new ArrayList<>();
    tiles.add(
        List.of(
            labels.label(lang, "key"),
            labels.label(lang, "value"),
            labels.label(lang, "standard")));
    for (Tile tile : s.tiles()) {
      tiles.add(
          List.of(
              tileLabel(lang, tile.key()),
              format(tile.value(), tile.unit()),
              format(tile.standard(), tile.unit())));
    }
    tables.add(tiles);

    List<List<String>> sla = new ArrayList<>();
    sla.add(
        List.of(
            labels.label(lang, "col.metric"),
            labels.label(lang, "tile.sla"),
            labels.label(lang, "standard"),
            labels.label(lang, "series.met"),
            labels.label(lang, "series.metLate"),
            labels.label(lang, "series.breached")));
    for (SlaTargetRow r : s.slaTargets()) {
      sla.add(
          List.of(
              r.target(),
              format(r.attainment(), "percent"),
              format(r.standard(), "percent"),
              Long.toString(r.met()),
              Long.toString(r.metLate()),
              Long.toString(r.breached())));
    }
    tables.add(sla);

    List<List<String>> agents = new ArrayList<>();
    agents.add(
        List.of(
            labels.label(lang, "col.agent"),
            labels.label(lang, "col.tickets"),
            labels.label(lang, "col.open"),
            labels.label(lang, "col.resolved"),
            labels.label(lang, "col.closed"),
            labels.label(lang, "col.firstResponse"),
            labels.label(lang, "col.handling"),
            labels.label(lang, "col.fcr"),
            labels.label(lang, "col.csat")));
    for (AgentRow a : s.agents()) {
      agents.add(
          List.of(
              a.agent(),
              Long.toString(a.tickets()),
              Long.toString(a.open()),
              Long.toString(a.resolved()),
              Long.toString(a.closed()),
              format(a.firstResponseMinutes(), "minutes"),
              format(a.handlingMinutes(), "minutes"),
              format(a.firstContactResolution(), "percent"),
              format(a.csat(), "score")));
    }
    tables.add(agents);

    List<List<String>> risk = new ArrayList<>();
    risk.add(
        List.of(
            labels.label(lang, "col.ticket"),
            labels.label(lang, "col.metric"),
            labels.label(lang, "col.agent"),
            labels.label(lang, "col.department"),
            labels.label(lang, "col.priority"),
            labels.label(lang, "col.customer"),
            labels.label(lang, "col.status"),
            labels.label(lang, "col.deadline"),
            labels.label(lang, "breached")));
    for (RiskRow r : s.atRisk()) {
      risk.add(
          List.of(
              r.ticketId(),
              r.metric(),
              text(r.agent()),
              text(r.department()),
              text(r.priority()),
              text(r.customer()),
              r.status(),
              Instant.ofEpochMilli(r.deadlineMillis()).toString(),
              r.breached() ? labels.label(lang, "breached") : ""));
    }
    tables.add(risk);
    return tables;
  }

  private String tileLabel(String lang, String key) {
    if (key.startsWith("sla.")) {
      return labels.label(lang, "tile.sla") + " " + key.substring(4);
    }
    return labels.label(lang, "tile." + key);
  }

  /**
   * Formats a tile value for people: counts whole, minutes and scores with one decimal, rates as
   * percent.
   *
   * @param value the value, or null
   * @param unit {@code count}, {@code minutes}, {@code percent} or {@code score}
   * @return the text, empty for null
   */
  public static String format(Double value, String unit) {
    if (value == null) {
      return "";
    }
    return switch (unit) {
      case "count" -> Long.toString(Math.round(value));
      case "percent" -> String.format(Locale.ROOT, "%.1f%%", value * 100);
      default -> String.format(Locale.ROOT, "%.1f", value);
    };
  }

  private static String text(String value) {
    return value == null ? "" : value;
  }

  /**
   * Returns a CSV cell: quoted when it holds a comma, quote or line break, and with an apostrophe
   * before a leading {@code = + - @} so that spreadsheets do not run it as a formula.
   *
   * @param value the cell's text
   * @return the cell
   */
  static String csvCell(String value) {
    String v = value == null ? "" : value;
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !isNumber(v)) {
      v = "'" + v;
    }
    if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
      v = "\"" + v.replace("\"", "\"\"") + "\"";
    }
    return v;
  }

  private static boolean isNumber(String v) {
    try {
      Double.parseDouble(v.endsWith("%") ? v.substring(0, v.length() - 1) : v);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Keeps the workbook writer from closing the response stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
