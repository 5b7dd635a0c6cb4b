package io.loopdesk.examples.simulation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.loopdesk.core.json.LoopdeskJson;
import io.loopdesk.improvement.ImprovementPlan;
import io.loopdesk.improvement.PlanTask;
import io.loopdesk.insights.Dimension;
import io.loopdesk.insights.Kpi;
import io.loopdesk.insights.KpiValues;
import io.loopdesk.insights.RecurringProblem;
import io.loopdesk.insights.SlaResultCounts;
import io.loopdesk.routing.SurgeSwitch;
import java.io.IOException;
import java.io.InputStream;
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
 * Writes a simulation's results: {@code report.html}, the handbook's weekly service report
 * (self-contained, no network: Apache ECharts from its WebJar is inlined and draws the charts from
 * the embedded data; Chinese text falls back through a list of CJK fonts), {@code kpis.json},
 * {@code daily.csv} and {@code agents.csv}. After drawing, the page records on every chart the
 * number of data points, of visible labels and the pairs of labels that overlap ({@code
 * data-points}, {@code data-labels}, {@code data-overlaps}).
 */
public final class ReportWriter {
  private final ObjectMapper json =
      LoopdeskJson.newObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

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
      Files.writeString(
          dir.resolve("kpis.json"), json.writeValueAsString(data), StandardCharsets.UTF_8);
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
    r.kpis()
        .by(Dimension.PRIORITY)
        .forEach((k, v) -> sla.put(k, number(v.resolutionSlaAttainment())));
    d.put("slaAttainmentByPriority", sla);
    d.put("slaAttainmentByTarget", r.kpis().slaAttainmentByTarget());
    Map<String, Object> results = new LinkedHashMap<>();
    r.kpis().slaResultsByTarget().forEach((k, v) -> results.put(k, counts(v)));
    d.put("slaResultsByTarget", results);
    Map<String, Object> byPriority = new LinkedHashMap<>();
    r.slaByTargetAndPriority()
        .forEach(
            (target, m) -> {
              Map<String, Object> row = new LinkedHashMap<>();
              m.forEach((p, c) -> row.put(p, counts(c)));
              byPriority.put(target, row);
            });
    d.put("slaResultsByTargetAndPriority", byPriority);
    Map<String, Object> csat = new LinkedHashMap<>();
    r.kpis().by(Dimension.CHANNEL).forEach((k, v) -> csat.put(k, number(v.csatAverage())));
    d.put("csatByChannel", csat);
    List<Map<String, Object>> days = new ArrayList<>();
    for (DayPoint p : r.days()) {
      days.add(
          Map.of(
              "date",
              p.date().toString(),
              "working",
              p.working(),
              "opened",
              p.opened(),
              "closed",
              p.closed(),
              "backlog",
              p.backlog(),
              "warnings",
              p.slaWarnings(),
              "breaches",
              p.slaBreaches()));
    }
    d.put("days", days);
    d.put("daily", r.daily().stream().map(ReportWriter::standards).toList());
    d.put("weekly", r.weekly().stream().map(ReportWriter::standards).toList());
    List<Map<String, Object>> intervals = new ArrayList<>();
    for (IntervalPoint i : r.intervals()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("start", i.start().toString());
      m.put("forecast", Math.round(i.forecastArrivals() * 100) / 100.0);
      m.put("arrivals", i.arrivals());
      m.put("agents", i.agentsOnDuty());
      m.put("predicted", Math.round(i.predictedServiceLevel() * 1000) / 1000.0);
      m.put("answered", i.answered());
      m.put("inTime", i.answeredInTime());
      m.put("surge", i.surge());
      intervals.add(m);
    }
    d.put("intervals", intervals);
    List<Map<String, Object>> problems = new ArrayList<>();
    for (RecurringProblem p : r.kpis().topProblems()) {
      problems.add(
          Map.of("product", p.product(), "category", p.category(), "tickets", p.tickets()));
    }
    d.put("topProblems", problems);
    List<Map<String, Object>> plans = new ArrayList<>();
    for (ImprovementPlan p : r.improvementPlans()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("title", p.title());
      m.put("target", p.target());
      m.put("owner", p.department() + " / " + p.owner());
      m.put("status", p.statusAt(r.end()).name());
      m.put("due", p.plannedEnd().atZone(ServiceSimulation.ZONE).toLocalDate().toString());
      m.put("linkedTickets", p.linkedTickets().size());
      m.put("tasksDone", p.tasks().stream().filter(PlanTask::done).count());
      m.put("tasks", p.tasks().size());
      m.put("actions", p.measures());
      plans.add(m);
    }
    d.put("improvementPlans", plans);
    Map<String, Object> agents = new LinkedHashMap<>();
    r.kpis().by(Dimension.AGENT).forEach((k, v) -> agents.put(k, values(v)));
    d.put("agents", agents);
    List<Map<String, Object>> below = new ArrayList<>();
    for (AgentStanding a : r.agents()) {
      if (!a.shortfalls().isEmpty()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("agent", a.agent());
        m.put("tickets", a.tickets());
        m.put("satisfied", number(a.satisfiedRate()));
        m.put("resolution", number(a.firstContactResolution()));
        m.put("qa", number(a.qaScore()));
        m.put("shortfalls", a.shortfalls());
        below.add(m);
      }
    }
    d.put("agentsBelowStandard", below);
    d.put("agentsMeasured", r.agents().size());
    d.put("qaSample", r.qaSample().size());
    d.put("qaReviews", r.scorecards().size());
    if (r.improvementPlan() != null) {
      d.put(
          "improvementPlan",
          Map.of(
              "title",
              r.improvementPlan().title(),
              "linkedTickets",
              r.improvementPlan().linkedTickets().size(),
              "tasksDone",
              r.improvementPlan().tasks().stream().filter(t -> t.done()).count(),
              "tasks",
              r.improvementPlan().tasks().size()));
    }
    if (r.surge() != null) {
      SurgeDay s = r.surge();
      Map<String, Object> m = new LinkedHashMap<>();
      List<Map<String, Object>> switches = new ArrayList<>();
      for (SurgeSwitch w : s.switches()) {
        switches.add(
            Map.of(
                "at",
                w.at().atZone(ServiceSimulation.ZONE).toLocalDateTime().toString(),
                "from",
                w.from().name(),
                "to",
                w.to().name(),
                "share",
                Math.round(w.load().share() * 1000) / 1000.0,
                "reason",
                w.reason()));
      }
      m.put("switches", switches);
      m.put("routedToOwnQueue", s.routedToOwnQueue());
      m.put("overflowed", s.overflowed());
      m.put("deferred", s.deferred());
      m.put("suggestions", s.suggestions());
      m.put("waitMessages", s.waitMessages());
      m.put("waitMessagesGiven", s.waitMessagesGiven());
      m.put("incident", s.incident());
      d.put("surge", m);
    }
    return d;
  }

  private static Map<String, Object> counts(SlaResultCounts c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("MET", c.met());
    m.put("MET_LATE", c.metLate());
    m.put("BREACHED", c.breached());
    return m;
  }

  private static Map<String, Object> standards(Standards s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("period", s.period());
    m.put("tickets", s.tickets());
    m.put("firstResponse", counts(s.firstResponse()));
    m.put("answeredInTime", number(s.firstResponseAttainment()));
    m.put("satisfied", number(s.satisfiedRate()));
    m.put("resolution", number(s.firstContactResolution()));
    m.put("qa", s.qaScore().isPresent() ? Math.round(s.qaScore().getAsDouble() * 10) / 10.0 : null);
    m.put("resolutionSla", number(s.resolutionSla()));
    m.put("csat", number(s.csat()));
    m.put("meetsAll", s.meetsAll());
    return m;
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
    StringBuilder csv =
        new StringBuilder("date,working_day,opened,closed,backlog,sla_warnings,sla_breaches\n");
    for (DayPoint p : r.days()) {
      csv.append(p.date())
          .append(',')
          .append(p.working())
          .append(',')
          .append(p.opened())
          .append(',')
          .append(p.closed())
          .append(',')
          .append(p.backlog())
          .append(',')
          .append(p.slaWarnings())
          .append(',')
          .append(p.slaBreaches())
          .append('\n');
    }
    return csv.toString();
  }

  private static String agentsCsv(SimulationResult r) {
    StringBuilder csv =
        new StringBuilder(
            "agent,tickets,closed,first_contact_resolution,csat_average,handling_minutes\n");
    r.kpis()
        .by(Dimension.AGENT)
        .forEach(
            (agent, v) ->
                csv.append(agent)
                    .append(',')
                    .append(v.tickets())
                    .append(',')
                    .append(v.closed())
                    .append(',')
                    .append(cell(v.firstContactResolutionRate()))
                    .append(',')
                    .append(cell(v.csatAverage()))
                    .append(',')
                    .append(cell(Kpi.HANDLING_MINUTES.of(v)))
                    .append('\n'));
    return csv.toString();
  }

  private static String cell(OptionalDouble value) {
    return value.isPresent()
        ? String.format(java.util.Locale.ROOT, "%.3f", value.getAsDouble())
        : "";
  }

  /** Where the ECharts WebJar keeps the minified library. */
  static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

  private static String echarts() throws IOException {
    try (InputStream in = ReportWriter.class.getResourceAsStream(ECHARTS)) {
      if (in == null) {
        throw new IOException(
            "the ECharts WebJar (org.webjars.npm:echarts:5.3.1) is not on the class path: "
                + ECHARTS);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("</script", "<\\/script");
    }
  }

  private String html(Map<String, Object> data) throws IOException {
    String embedded = json.writeValueAsString(data).replace("</", "<\\/");
    return TEMPLATE.replace("/*ECHARTS*/", echarts()).replace("/*DATA*/", embedded);
  }

  private static final String TEMPLATE =
      """
      <!DOCTYPE html>
      <html lang="zh-CN"><head><meta charset="utf-8"><title>Loopdesk 服务周报 · weekly service report</title>
      <style>
      body{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",
        "WenQuanYi Micro Hei",sans-serif;margin:24px auto;max-width:1100px;color:#222;padding:0 16px}
      .cards{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid #ddd;border-radius:6px;padding:10px 14px;min-width:130px}
      .card b{display:block;font-size:22px}.chart{width:100%;height:340px;margin:8px 0 18px}h2{font-size:19px;margin-top:32px;
        border-bottom:1px solid #eee;padding-bottom:4px}h3{font-size:16px;margin-top:20px}
      table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:4px 8px;text-align:right}th{background:#f4f4f4}
      td:first-child,th:first-child{text-align:left}.bad{color:#b71c1c;font-weight:600}.good{color:#1b5e20}.late{color:#e65100}
      .note{color:#555;font-size:13px}
      </style></head><body>
      <h1>Loopdesk 服务周报 · Weekly service report</h1>
      <p id="period"></p>
      <div class="cards" id="cards"></div>
      <h2>1. 服务标准 · The handbook's standards per day</h2>
      <p class="note">Answered within 15 s &ge; 85 %, satisfaction &ge; 90 %, resolution (first contact) &ge; 80 %, QA score &ge; 90.</p>
      <div class="chart" data-chart="standards"></div>
      <div class="chart" data-chart="qa" style="height:260px"></div>
      <table id="dailyTable"></table>
      <h2>2. 周趋势 · Week over week</h2>
      <div class="chart" data-chart="weekly"></div>
      <table id="weeklyTable"></table>
      <h2>3. SLA 达成 · SLA attainment per target and priority</h2>
      <p class="note">Each target's latest outcome per ticket: met in time, met late (after the deadline) and breached (not met).</p>
      <div class="chart" data-chart="slaTargets" style="height:240px"></div>
      <div class="chart" data-chart="slaPriority" style="height:460px"></div>
      <table id="slaTable"></table>
      <h2>4. 人力与排班 · Staffing: Erlang C plan against the simulation</h2>
      <p class="note">Agents on duty per half hour from Erlang C for 90 % answered within 15 s; predicted and measured share answered in time, by time of day over the whole run.</p>
      <div class="chart" data-chart="erlang"></div>
      <div class="chart" data-chart="staffing"></div>
      <div id="surgeSection"></div>
      <h2>5. 重复问题与改进 · Recurring problems and their improvement plans</h2>
      <div class="chart" data-chart="problems" style="height:300px"></div>
      <table id="plans"></table>
      <h2>6. 未达标坐席 · Agents below standard</h2>
      <table id="below"></table>
      <h2>7. 工单量与满意度 · Volume and satisfaction</h2>
      <div class="chart" data-chart="backlog"></div>
      <div class="chart" data-chart="csat" style="height:280px"></div>
      <h3>All agents</h3><table id="agents"></table>
      <script>/*ECHARTS*/</script>
      <script type="application/json" id="data">/*DATA*/</script>
      <script>
      const data = JSON.parse(document.getElementById('data').textContent);
      const FONT = 'system-ui, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif';
      const COLORS = {MET: '#2e7d32', MET_LATE: '#ef6c00', BREACHED: '#c62828'};
      const pct = v => v == null ? null : Math.round(v * 1000) / 10;
      const fmt = (v, unit) => v == null ? 'n/a' : v + (unit || '');
      const charts = {};
      function chart(name, option) {
        const host = document.querySelector('[data-chart="' + name + '"]');
        if (!host) return;
        const c = echarts.init(host, null, {renderer: 'svg'});
        c.setOption(Object.assign({animation: false, textStyle: {fontFamily: FONT, fontSize: 12},
          tooltip: {trigger: 'axis', confine: true}, legend: {top: 0, type: 'scroll'},
          grid: {left: 8, right: 24, top: 40, bottom: 8, containLabel: true}}, option));
        charts[name] = c;
      }
      function table(id, head, rows) {
        const t = document.getElementById(id);
        if (!t) return;
        t.innerHTML = '';
        const h = t.insertRow();
        head.forEach(x => { const th = document.createElement('th'); th.textContent = x; h.appendChild(th); });
        rows.forEach(r => { const row = t.insertRow(); r.forEach(cell => {
          const td = row.insertCell();
          if (cell && typeof cell === 'object') { td.textContent = cell.text; td.className = cell.cls || ''; } else td.textContent = cell == null ? 'n/a' : cell;
        }); });
      }
      const status = (v, standard) => v == null ? {text: 'n/a'} : v >= standard ? {text: 'MET', cls: 'good'} : {text: 'BELOW', cls: 'bad'};
      const o = data.overall;
      document.getElementById('period').textContent = data.from + ' to ' + data.until + ', seed ' + data.seed + ', ' + data.events + ' events';
      const daysMet = data.daily.filter(d => d.meetsAll).length;
      const cards = [['Tickets', o.TICKETS], ['Days meeting every standard', daysMet + ' / ' + data.daily.length],
        ['Satisfied rate', fmt(pct(o.SATISFIED_RATE), ' %')], ['First-contact resolution', fmt(pct(o.FIRST_CONTACT_RESOLUTION), ' %')],
        ['Resolution SLA', fmt(pct(o.RESOLUTION_SLA_ATTAINMENT), ' %')], ['Backlog', o.BACKLOG], ['Escalation actions', data.escalations],
        ['QA reviews', data.qaReviews]];
      for (const [k, v] of cards) {
        const c = document.createElement('div'); c.className = 'card';
        c.innerHTML = '<span></span><b></b>'; c.firstChild.textContent = k; c.lastChild.textContent = v == null ? 'n/a' : v;
        document.getElementById('cards').appendChild(c);
      }
      const dayLabels = data.daily.map(d => d.period.slice(5));
      const line = (name, values, color, extra) => Object.assign({name: name, type: 'line', data: values, symbolSize: 6,
        itemStyle: {color: color}, lineStyle: {color: color}}, extra || {});
      const standardLine = v => ({silent: true, symbol: 'none', label: {show: false}, lineStyle: {type: 'dashed', color: '#888'}, data: [{yAxis: v}]});
      chart('standards', {
        xAxis: {type: 'category', data: dayLabels, name: ''},
        yAxis: {type: 'value', min: 50, max: 100, axisLabel: {formatter: '{value} %'}},
        tooltip: {trigger: 'axis', confine: true, valueFormatter: v => v == null ? 'n/a' : v + ' %'},
        series: [line('Answered in 15 s (85 %)', data.daily.map(d => pct(d.answeredInTime)), '#1565c0', {markLine: standardLine(85)}),
          line('Satisfied (90 %)', data.daily.map(d => pct(d.satisfied)), '#6a1b9a', {markLine: standardLine(90)}),
          line('First-contact resolution (80 %)', data.daily.map(d => pct(d.resolution)), '#2e7d32', {markLine: standardLine(80)})]});
      chart('qa', {
        xAxis: {type: 'category', data: dayLabels},
        yAxis: {type: 'value', min: 80, max: 100},
        series: [{name: 'QA score (standard 90)', type: 'bar', data: data.daily.map(d => d.qa), itemStyle: {color: '#00838f'},
          markLine: standardLine(90)}]});
      table('dailyTable', ['Day', 'Tickets', 'Answered in 15 s', 'met / late / breached', 'Satisfied', 'Resolution', 'QA', 'All standards'],
        data.daily.map(d => [d.period, d.tickets, status(d.answeredInTime, 0.85).cls ? {text: fmt(pct(d.answeredInTime), ' %'), cls: status(d.answeredInTime, 0.85).cls} : 'n/a',
          d.firstResponse.MET + ' / ' + d.firstResponse.MET_LATE + ' / ' + d.firstResponse.BREACHED,
          {text: fmt(pct(d.satisfied), ' %'), cls: status(d.satisfied, 0.9).cls}, {text: fmt(pct(d.resolution), ' %'), cls: status(d.resolution, 0.8).cls},
          {text: fmt(d.qa), cls: status(d.qa, 90).cls}, d.meetsAll ? {text: 'MET', cls: 'good'} : {text: 'NOT MET', cls: 'bad'}]));
      const weeks = data.weekly.filter(w => w.tickets > 0);
      const kpis = [['Answered in 15 s', 'answeredInTime', 0.85, true], ['Satisfied', 'satisfied', 0.9, true],
        ['First-contact resolution', 'resolution', 0.8, true], ['Resolution SLA', 'resolutionSla', null, true], ['QA score', 'qa', 90, false]];
      const weekColors = ['#90caf9', '#42a5f5', '#1565c0', '#0d47a1', '#002171'];
      chart('weekly', {
        xAxis: {type: 'category', data: kpis.map(k => k[0])},
        yAxis: {type: 'value', min: 50, max: 100},
        series: weeks.map((w, i) => ({name: w.period, type: 'bar', itemStyle: {color: weekColors[i % weekColors.length]},
          data: kpis.map(k => k[3] ? pct(w[k[1]]) : w[k[1]])}))});
      const weekRows = [];
      for (const k of kpis) {
        const values = weeks.map(w => w[k[1]]);
        const last = values[values.length - 1], prev = values.length > 1 ? values[values.length - 2] : null;
        const show = v => v == null ? 'n/a' : k[3] ? pct(v) + ' %' : v;
        const change = last == null || prev == null ? 'n/a' : (k[3] ? (Math.round((last - prev) * 1000) / 10) + ' pp' : Math.round((last - prev) * 10) / 10);
        weekRows.push([k[0]].concat(values.map(show), [change, k[2] == null ? '-' : show(k[2]), k[2] == null ? '-' : status(last, k[2])]));
      }
      weekRows.push(['Tickets'].concat(weeks.map(w => w.tickets), ['', '', '']));
      table('weeklyTable', ['KPI'].concat(weeks.map(w => w.period), ['Change, last week', 'Standard', 'Last week']), weekRows);
      const outcomes = ['MET', 'MET_LATE', 'BREACHED'];
      const targets = Object.keys(data.slaResultsByTarget);
      chart('slaTargets', {
        tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, confine: true},
        xAxis: {type: 'value'}, yAxis: {type: 'category', data: targets},
        series: outcomes.map(k => ({name: k, type: 'bar', stack: 'all', itemStyle: {color: COLORS[k]},
          data: targets.map(t => data.slaResultsByTarget[t][k])}))});
      const rows = [];
      for (const t of Object.keys(data.slaResultsByTargetAndPriority)) {
        for (const p of Object.keys(data.slaResultsByTargetAndPriority[t])) rows.push([t, p, data.slaResultsByTargetAndPriority[t][p]]);
      }
      const share = (c, k) => { const n = c.MET + c.MET_LATE + c.BREACHED; return n == 0 ? 0 : Math.round(1000 * c[k] / n) / 10; };
      chart('slaPriority', {
        tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, confine: true, valueFormatter: v => v + ' %'},
        xAxis: {type: 'value', max: 100, axisLabel: {formatter: '{value} %'}},
        yAxis: {type: 'category', inverse: true, data: rows.map(r => r[0] + ' ' + r[1])},
        series: outcomes.map(k => ({name: k, type: 'bar', stack: 'all', itemStyle: {color: COLORS[k]}, data: rows.map(r => share(r[2], k))}))});
      const slaStandard = t => t === 'FIRST_RESPONSE' ? 0.85 : 0.8;
      table('slaTable', ['Target', 'Priority', 'MET', 'MET_LATE', 'BREACHED', 'Attainment (met in time)', 'Standard', 'Status'],
        rows.map(r => { const c = r[2], n = c.MET + c.MET_LATE + c.BREACHED, a = n ? c.MET / n : null;
          return [r[0], r[1], {text: c.MET, cls: 'good'}, {text: c.MET_LATE, cls: 'late'}, {text: c.BREACHED, cls: c.BREACHED ? 'bad' : ''},
            fmt(pct(a), ' %'), pct(slaStandard(r[0])) + ' %', status(a, slaStandard(r[0]))]; }));
      const byTime = {};
      for (const i of data.intervals) {
        const t = i.start.slice(11, 16);
        const b = byTime[t] || (byTime[t] = {predicted: 0, weight: 0, answered: 0, inTime: 0, agents: 0, n: 0, arrivals: 0});
        if (i.answered > 0 && !i.surge) { b.predicted += i.predicted * i.answered; b.weight += i.answered; b.answered += i.answered; b.inTime += i.inTime; }
        b.agents += i.agents; b.arrivals += i.arrivals; b.n++;
      }
      const times = Object.keys(byTime).sort();
      chart('erlang', {
        tooltip: {trigger: 'axis', confine: true, valueFormatter: v => v == null ? 'n/a' : v + ' %'},
        xAxis: {type: 'category', data: times}, yAxis: {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value} %'}},
        series: [line('Erlang C predicted', times.map(t => byTime[t].weight ? Math.round(1000 * byTime[t].predicted / byTime[t].weight) / 10 : null), '#1565c0'),
          line('Simulation measured', times.map(t => byTime[t].answered ? Math.round(1000 * byTime[t].inTime / byTime[t].answered) / 10 : null), '#c62828',
            {markLine: standardLine(85)})]});
      const surgeDay = data.surge && data.surge.switches.length ? data.surge.switches[0].at.slice(0, 10) : null;
      const busiest = surgeDay || data.daily.reduce((a, d) => d.tickets > a.tickets ? d : a, data.daily[0]).period;
      const dayIntervals = data.intervals.filter(i => i.start.startsWith(busiest));
      chart('staffing', {
        xAxis: {type: 'category', data: dayIntervals.map(i => i.start.slice(11, 16))},
        yAxis: [{type: 'value', name: 'contacts', position: 'left'}, {type: 'value', name: 'agents', position: 'right', splitLine: {show: false}}],
        series: [{name: 'Arrivals (' + busiest + ')', type: 'bar', data: dayIntervals.map(i => i.arrivals), itemStyle: {color: '#90caf9'},
            markArea: {silent: true, label: {show: false}, itemStyle: {color: 'rgba(198,40,40,0.12)'},
              data: dayIntervals.filter(i => i.surge).map(i => [{xAxis: i.start.slice(11, 16)}, {xAxis: i.start.slice(11, 16)}])}},
          line('Forecast', dayIntervals.map(i => i.forecast), '#0d47a1'),
          line('Agents on duty (Erlang C)', dayIntervals.map(i => i.agents), '#2e7d32', {yAxisIndex: 1, step: 'start'})]});
      if (data.surge) {
        const s = data.surge, host = document.getElementById('surgeSection');
        host.innerHTML = '<h2>应急预案 · Surge day: the plan at work</h2><p class="note" id="surgeNote"></p>'
          + '<div class="chart" data-chart="surge" style="height:260px"></div><table id="switches"></table><table id="surgeRouting"></table>'
          + '<table id="suggestions"></table><h3>Expected-wait messages (first few)</h3><ul id="waits"></ul>'
          + '<h3>舆情事件 · Public-opinion incident (fast lane)</h3><ol id="incident"></ol>';
        document.getElementById('surgeNote').textContent = 'Shaded half hours in the staffing chart above ran under the surge plan. '
          + s.waitMessagesGiven + ' queued customers were told the expected wait.';
        table('switches', ['Switch at', 'From', 'To', 'Load share', 'Audited reason'],
          s.switches.map(w => [w.at.replace('T', ' '), w.from, w.to, Math.round(w.share * 100) + ' %', w.reason]));
        const over = Object.entries(s.overflowed);
        table('surgeRouting', ['During surge', 'Tickets'], [['Core tickets to their own queue', s.routedToOwnQueue]]
          .concat(over.map(([k, v]) => ['Core tickets overflowed to ' + k, v]), [['Non-core tickets deferred with self-service', s.deferred]]));
        table('suggestions', ['Self-service article suggested', 'Times'], Object.entries(s.suggestions));
        for (const m of s.waitMessages) { const li = document.createElement('li'); li.textContent = m; document.getElementById('waits').appendChild(li); }
        for (const m of s.incident) { const li = document.createElement('li'); li.textContent = m; document.getElementById('incident').appendChild(li); }
        const sd = data.intervals.filter(i => i.start.startsWith(surgeDay));
        chart('surge', {
          tooltip: {trigger: 'axis', confine: true, valueFormatter: v => v == null ? 'n/a' : v + ' %'},
          xAxis: {type: 'category', data: sd.map(i => i.start.slice(11, 16))},
          yAxis: {type: 'value', min: 0, max: 100, axisLabel: {formatter: '{value} %'}},
          series: [line('Answered in 15 s, measured', sd.map(i => i.answered ? Math.round(1000 * i.inTime / i.answered) / 10 : null), '#c62828'),
            line('Erlang C predicted for the plan', sd.map(i => Math.round(i.predicted * 1000) / 10), '#1565c0')]});
      }
      chart('problems', {
        tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, confine: true},
        xAxis: {type: 'value'}, yAxis: {type: 'category', inverse: true, data: data.topProblems.map(p => p.product + ' · ' + p.category)},
        series: [{name: '重复问题 recurring problem', type: 'bar', data: data.topProblems.map(p => p.tickets), itemStyle: {color: '#ef6c00'},
          label: {show: true, position: 'right'}}]});
      table('plans', ['Improvement plan', 'Target', 'Owner', 'Status', 'Due', 'Linked tickets', 'Tasks done', 'Measures'],
        data.improvementPlans.map(p => [p.title, p.target, p.owner, p.status, p.due, p.linkedTickets, p.tasksDone + ' / ' + p.tasks, p.actions.join('; ')]));
      table('below', ['Agent', 'Tickets', 'Satisfied', 'Resolution', 'QA', 'Below standard in'],
        data.agentsBelowStandard.length ? data.agentsBelowStandard.map(a => [a.agent, a.tickets, fmt(pct(a.satisfied), ' %'), fmt(pct(a.resolution), ' %'),
          a.qa == null ? 'n/a' : Math.round(a.qa * 10) / 10, {text: a.shortfalls.join('; '), cls: 'bad'}])
          : [['none of ' + data.agentsMeasured + ' agents', '', '', '', '', '']]);
      chart('backlog', {
        xAxis: {type: 'category', data: data.days.map(d => d.date.slice(5))}, yAxis: {type: 'value'},
        series: [line('Backlog', data.days.map(d => d.backlog), '#c62828'), line('Opened', data.days.map(d => d.opened), '#1565c0'),
          line('Closed', data.days.map(d => d.closed), '#2e7d32')]});
      const channels = Object.keys(data.csatByChannel);
      chart('csat', {
        tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, confine: true},
        xAxis: {type: 'category', data: channels, axisLabel: {interval: 0, rotate: 30}}, yAxis: {type: 'value', min: 0, max: 5},
        series: [{name: 'CSAT (1-5)', type: 'bar', data: channels.map(c => data.csatByChannel[c]), itemStyle: {color: '#6a1b9a'}}]});
      table('agents', ['Agent', 'Tickets', 'Closed', 'FCR', 'CSAT', 'Handling (min)'],
        Object.entries(data.agents).map(([agent, v]) => [agent].concat([v.TICKETS, v.CLOSED, v.FIRST_CONTACT_RESOLUTION, v.CSAT_AVERAGE, v.HANDLING_MINUTES]
          .map(x => x == null ? 'n/a' : Math.round(x * 100) / 100))));
      // layout check: every chart's data points and the boxes of its visible labels, for people and for the browser test
      function overlaps(a, b) { return Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1; }
      for (const [name, c] of Object.entries(charts)) {
        const host = c.getDom();
        const points = c.getOption().series.reduce((n, s) => n + (s.data || []).filter(v => v != null && v !== '-').length, 0);
        const boxes = Array.from(host.querySelectorAll('svg text')).filter(t => t.textContent.trim() && getComputedStyle(t).display !== 'none'
            && t.getAttribute('opacity') !== '0' && getComputedStyle(t).visibility !== 'hidden')
          .map(t => ({text: t.textContent, box: t.getBoundingClientRect()})).filter(l => l.box.width > 0 && l.box.height > 0);
        const clashes = [];
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
          if (overlaps(boxes[i].box, boxes[j].box)) clashes.push(boxes[i].text + ' / ' + boxes[j].text);
        }
        host.setAttribute('data-points', points);
        host.setAttribute('data-labels', boxes.length);
        host.setAttribute('data-overlaps', JSON.stringify(clashes));
      }
      document.body.setAttribute('data-rendered', Object.keys(charts).length);
      </script></body></html>
      """;
}
