package io.loopdesk.examples.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.loopdesk.core.json.LoopdeskJson;
import io.loopdesk.insights.Dimension;
import io.loopdesk.insights.Kpi;
import io.loopdesk.insights.KpiValues;
import io.loopdesk.insights.RecurringProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Writes a simulation's results: {@code report.html} (self-contained, no network: its charts are
 * drawn as SVG by inline script from the embedded data), {@code kpis.json}, {@code daily.csv} and
 * {@code agents.csv}.
 */
public final class ReportWriter {
  private final ObjectMapper json = LoopdeskJson.newObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * Writes all files into the result's output directory.
   *
   * @param result the simulation result
   * @return the path of report.html
   */
  public Path write(SimulationResult result) {
    Path dir = result.options().output();
    try {
      Files.createDirectories(dir);
      Map<String, Object> data = data(result);
      Files.writeString(dir.resolve("kpis.json"), json.writeValueAsString(data), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("daily.csv"), dailyCsv(result), StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("agents.csv"), agentsCsv(result), StandardCharsets.UTF_8);
      Path html = dir.resolve("report.html");
      Files.writeString(html, html(data), StandardCharsets.UTF_8);
      return html;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the report to " + dir, e);
    }
  }

  private static Map<String, Object> data(SimulationResult r) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("seed", r.options().seed());
    d.put("from", r.start().toString());
    d.put("until", r.end().toString());
    d.put("events", r.events());
    d.put("escalations", r.escalations());
    d.put("overall", values(r.kpis().overall()));
    Map<String, Object> sla = new LinkedHashMap<>();
    r.kpis().by(Dimension.PRIORITY).forEach((k, v) -> sla.put(k, number(v.resolutionSlaAttainment())));
    d.put("slaAttainmentByPriority", sla);
    d.put("slaAttainmentByTarget", r.kpis().slaAttainmentByTarget());
    Map<String, Object> csat = new LinkedHashMap<>();
    r.kpis().by(Dimension.CHANNEL).forEach((k, v) -> csat.put(k, number(v.csatAverage())));
    d.put("csatByChannel", csat);
    List<Map<String, Object>> days = new ArrayList<>();
    for (DayPoint p : r.days()) {
      days.add(Map.of("date", p.date().toString(), "working", p.working(), "opened", p.opened(), "closed", p.closed(),
          "backlog", p.backlog(), "warnings", p.slaWarnings(), "breaches", p.slaBreaches()));
    }
    d.put("days", days);
    List<Map<String, Object>> problems = new ArrayList<>();
    for (RecurringProblem p : r.kpis().topProblems()) {
      problems.add(Map.of("product", p.product(), "category", p.category(), "tickets", p.tickets()));
    }
    d.put("topProblems", problems);
    Map<String, Object> agents = new LinkedHashMap<>();
    r.kpis().by(Dimension.AGENT).forEach((k, v) -> agents.put(k, values(v)));
    d.put("agents", agents);
    d.put("qaSample", r.qaSample().size());
    if (r.improvementPlan() != null) {
      d.put("improvementPlan", Map.of("title", r.improvementPlan().title(),
          "linkedTickets", r.improvementPlan().linkedTickets().size(),
          "tasksDone", r.improvementPlan().tasks().stream().filter(t -> t.done()).count(),
          "tasks", r.improvementPlan().tasks().size()));
    }
    return d;
  }

  private static Map<String, Object> values(KpiValues v) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (Kpi kpi : Kpi.values()) {
      m.put(kpi.name(), number(kpi.of(v)));
    }
    m.put("CLOSED", v.closed());
    return m;
  }

  private static Double number(OptionalDouble value) {
    return value.isPresent() ? Math.round(value.getAsDouble() * 1000) / 1000.0 : null;
  }

  private static String dailyCsv(SimulationResult r) {
    StringBuilder csv = new StringBuilder("date,working_day,opened,closed,backlog,sla_warnings,sla_breaches\n");
    for (DayPoint p : r.days()) {
      csv.append(p.date()).append(',').append(p.working()).append(',').append(p.opened()).append(',')
          .append(p.closed()).append(',').append(p.backlog()).append(',').append(p.slaWarnings()).append(',')
          .append(p.slaBreaches()).append('\n');
    }
    return csv.toString();
  }

  private static String agentsCsv(SimulationResult r) {
    StringBuilder csv = new StringBuilder("agent,tickets,closed,first_contact_resolution,csat_average,handling_minutes\n");
    r.kpis().by(Dimension.AGENT).forEach((agent, v) -> csv.append(agent).append(',').append(v.tickets()).append(',')
        .append(v.closed()).append(',').append(cell(v.firstContactResolutionRate())).append(',')
        .append(cell(v.csatAverage())).append(',').append(cell(Kpi.HANDLING_MINUTES.of(v))).append('\n'));
    return csv.toString();
  }

  private static String cell(OptionalDouble value) {
    return value.isPresent() ? String.format(java.util.Locale.ROOT, "%.3f", value.getAsDouble()) : "";
  }

  private String html(Map<String, Object> data) throws IOException {
    String embedded = json.writeValueAsString(data).replace("</", "<\\/");
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Loopdesk service simulation</title>
        <style>
        body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;margin:24px;color:#222}
        .cards{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid #ddd;border-radius:6px;padding:10px 14px;min-width:130px}
        .card b{display:block;font-size:22px}.chart{margin:18px 0}h2{font-size:18px;margin-top:28px}
        table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:4px 8px;text-align:right}th{background:#f4f4f4}
        </style></head><body>
        <h1>Loopdesk service simulation</h1>
        <p id="period"></p>
        <div class="cards" id="cards"></div>
        <h2>SLA attainment per target (first response, resolution, callback)</h2><div class="chart" data-chart="targets"></div>
        <h2>SLA attainment by priority (resolution)</h2><div class="chart" data-chart="sla"></div>
        <h2>Backlog, opened and closed per day</h2><div class="chart" data-chart="backlog"></div>
        <h2>Satisfaction (CSAT, 1-5) by channel</h2><div class="chart" data-chart="csat"></div>
        <h2>Top recurring problems</h2><div class="chart" data-chart="problems"></div>
        <h2>Agents</h2><table id="agents"></table>
        <script type="application/json" id="data">%s</script>
        <script>
        const data = JSON.parse(document.getElementById('data').textContent);
        const NS = 'http://www.w3.org/2000/svg';
        function el(name, attrs, parent) {
          const e = document.createElementNS(NS, name);
          for (const k in attrs) e.setAttribute(k, attrs[k]);
          if (parent) parent.appendChild(e);
          return e;
        }
        function text(parent, x, y, s, anchor) {
          const t = el('text', {x: x, y: y, 'font-size': 11, 'text-anchor': anchor || 'middle'}, parent);
          t.textContent = s;
        }
        function bars(host, labels, values, max, color, titles) {
          const w = Math.max(320, labels.length * 70), h = 220;
          const svg = el('svg', {width: w, height: h, 'data-series': labels.length}, host);
          labels.forEach((label, i) => {
            const v = values[i] == null ? 0 : values[i];
            const bh = Math.round((h - 50) * v / max);
            const bar = el('rect', {x: 20 + i * 70, y: h - 30 - bh, width: 46, height: bh, fill: color, 'data-value': v}, svg);
            el('title', {}, bar).textContent = (titles ? titles[i] : label) + ': ' + (values[i] == null ? 'n/a' : v);
            text(svg, 43 + i * 70, h - 14, label);
            text(svg, 43 + i * 70, h - 34 - bh, values[i] == null ? 'n/a' : String(v));
          });
        }
        function lines(host, labels, series) {
          const w = Math.max(420, labels.length * 40), h = 240;
          const max = Math.max(1, ...series.flatMap(s => s.values));
          const svg = el('svg', {width: w, height: h, 'data-series': series.length}, host);
          const x = i => 40 + i * (w - 60) / Math.max(1, labels.length - 1);
          const y = v => h - 30 - (h - 50) * v / max;
          series.forEach((s, k) => {
            el('polyline', {fill: 'none', stroke: s.color, 'stroke-width': 2,
              points: s.values.map((v, i) => x(i) + ',' + y(v)).join(' ')}, svg);
            text(svg, w - 10, 16 + 14 * k, s.name, 'end');
          });
          labels.forEach((l, i) => { if (i %% Math.ceil(labels.length / 10) === 0) text(svg, x(i), h - 12, l.slice(5)); });
          text(svg, 4, 24, String(max), 'start');
          text(svg, 4, h - 30, '0', 'start');
        }
        const o = data.overall;
        document.getElementById('period').textContent = data.from + ' to ' + data.until + ', seed ' + data.seed + ', ' + data.events + ' events';
        const cards = [['Tickets', o.TICKETS], ['Closed', o.CLOSED], ['Backlog', o.BACKLOG], ['CSAT', o.CSAT_AVERAGE],
          ['SLA attainment', o.RESOLUTION_SLA_ATTAINMENT], ['Reopen rate', o.REOPEN_RATE],
          ['Callback completion', o.CALLBACK_COMPLETION], ['Escalation actions', data.escalations], ['QA sample', data.qaSample]];
        if (data.improvementPlan) cards.push(['Improvement plan', data.improvementPlan.title + ' (' + data.improvementPlan.linkedTickets + ' tickets)']);
        for (const [k, v] of cards) {
          const c = document.createElement('div'); c.className = 'card';
          c.innerHTML = '<span></span><b></b>'; c.firstChild.textContent = k; c.lastChild.textContent = v == null ? 'n/a' : v;
          document.getElementById('cards').appendChild(c);
        }
        const chart = name => document.querySelector('[data-chart="' + name + '"]');
        bars(chart('targets'), Object.keys(data.slaAttainmentByTarget), Object.values(data.slaAttainmentByTarget).map(v => Math.round(v * 1000) / 1000), 1, '#00838f');
        bars(chart('sla'), Object.keys(data.slaAttainmentByPriority), Object.values(data.slaAttainmentByPriority), 1, '#2e7d32');
        lines(chart('backlog'), data.days.map(d => d.date), [
          {name: 'backlog', color: '#c62828', values: data.days.map(d => d.backlog)},
          {name: 'opened', color: '#1565c0', values: data.days.map(d => d.opened)},
          {name: 'closed', color: '#2e7d32', values: data.days.map(d => d.closed)}]);
        bars(chart('csat'), Object.keys(data.csatByChannel), Object.values(data.csatByChannel), 5, '#6a1b9a');
        bars(chart('problems'), data.topProblems.map(p => p.product), data.topProblems.map(p => p.tickets),
          Math.max(1, ...data.topProblems.map(p => p.tickets)), '#ef6c00', data.topProblems.map(p => p.product + ' / ' + p.category));
        const table = document.getElementById('agents');
        table.innerHTML = '<tr><th>Agent</th><th>Tickets</th><th>Closed</th><th>FCR</th><th>CSAT</th><th>Handling (min)</th></tr>';
        for (const [agent, v] of Object.entries(data.agents)) {
          const row = table.insertRow();
          for (const cell of [agent, v.TICKETS, v.CLOSED, v.FIRST_CONTACT_RESOLUTION, v.CSAT_AVERAGE, v.HANDLING_MINUTES]) {
            row.insertCell().textContent = cell == null ? 'n/a' : (typeof cell === 'number' ? Math.round(cell * 100) / 100 : cell);
          }
        }
        document.body.setAttribute('data-rendered', document.querySelectorAll('svg').length);
        </script></body></html>
        """.formatted(embedded);
  }
}
