/* Loopdesk dashboard: draws the snapshot the server sends, live over server-sent events. */
(function () {
  'use strict';
  var L = JSON.parse(document.getElementById('labels').textContent);
  var base = document.body.getAttribute('data-base');
  var FILTERS = ['department', 'agent', 'channel', 'category', 'priority'];
  var PERIODS = ['today', '7d', '30d'];
  var source = null;
  var last = null;
  var charts = {};
  var updates = 0;

  function label(key) { return L[key] || key; }
  function el(id) { return document.getElementById(id); }
  function text(v) { return v === null || v === undefined ? '' : String(v); }
  function fmt(value, unit) {
    if (value === null || value === undefined) { return '–'; }
    if (unit === 'count') { return String(Math.round(value)); }
    if (unit === 'percent') { return (value * 100).toFixed(1) + '%'; }
    return value.toFixed(1);
  }
  function tileLabel(key) {
    return key.indexOf('sla.') === 0 ? label('tile.sla') + ' ' + key.substring(4) : label('tile.' + key);
  }
  function params() { return new URLSearchParams(window.location.search); }

  document.querySelectorAll('[data-label]').forEach(function (node) {
    node.textContent = label(node.getAttribute('data-label'));
  });

  function fillSelect(name, values, current) {
    var select = el('f-' + name);
    var wanted = name === 'period' ? PERIODS : [''].concat(values || []);
    if (current && wanted.indexOf(current) < 0) { wanted.push(current); }
    var same = select.options.length === wanted.length;
    for (var i = 0; same && i < wanted.length; i++) { same = select.options[i].value === wanted[i]; }
    if (!same) {
      select.innerHTML = '';
      wanted.forEach(function (v) {
        var option = document.createElement('option');
        option.value = v;
        option.textContent = name === 'period' ? label('period.' + v) : (v === '' ? label('all') : v);
        select.appendChild(option);
      });
    }
    select.value = current || (name === 'period' ? '7d' : '');
  }

  function drawTiles(s) {
    var box = el('tiles');
    box.innerHTML = '';
    s.tiles.forEach(function (t) {
      var tile = document.createElement('div');
      tile.className = 'tile';
      tile.setAttribute('data-key', t.key);
      tile.setAttribute('data-value', t.value === null ? '' : String(t.value));
      if (t.meets !== null) { tile.setAttribute('data-meets', String(t.meets)); }
      var standard = t.standard === null ? '' : '<div class="standard">' + label('standard') + ' ≥ ' + fmt(t.standard, t.unit) + '</div>';
      tile.innerHTML = '<div class="label"></div><div class="value"></div>' + standard;
      tile.querySelector('.label').textContent = tileLabel(t.key);
      tile.querySelector('.value').textContent = fmt(t.value, t.unit);
      box.appendChild(tile);
    });
  }

  function chart(id) {
    if (!charts[id] && window.echarts) { charts[id] = window.echarts.init(el(id), null, { renderer: 'svg' }); }
    return charts[id];
  }

  function drawCharts(s) {
    var x = s.timeline.map(function (p) { return p.bucket; });
    var volume = chart('chart-volume');
    if (!volume) { return; }
    volume.setOption({
      title: { text: label('chart.volume'), textStyle: { fontSize: 14 } }, tooltip: { trigger: 'axis' },
      legend: { top: 24 }, grid: { top: 60, left: 40, right: 20, bottom: 30 },
      xAxis: { type: 'category', data: x }, yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: label('series.tickets'), type: 'bar', data: s.timeline.map(function (p) { return p.tickets; }) },
        { name: label('series.closed'), type: 'bar', data: s.timeline.map(function (p) { return p.closed; }) },
        { name: label('series.open'), type: 'line', data: s.timeline.map(function (p) { return p.open; }) }]
    }, true);
    chart('chart-quality').setOption({
      title: { text: label('chart.quality'), textStyle: { fontSize: 14 } }, tooltip: { trigger: 'axis' },
      legend: { top: 24 }, grid: { top: 60, left: 40, right: 40, bottom: 30 },
      xAxis: { type: 'category', data: x },
      yAxis: [{ type: 'value' }, { type: 'value', max: 100 }],
      series: [
        { name: label('series.firstResponse'), type: 'line', connectNulls: true,
          data: s.timeline.map(function (p) { return p.firstResponseMinutes === null ? null : +p.firstResponseMinutes.toFixed(1); }) },
        { name: label('series.fcr'), type: 'line', yAxisIndex: 1, connectNulls: true,
          data: s.timeline.map(function (p) { return p.firstContactResolution === null ? null : +(p.firstContactResolution * 100).toFixed(1); }) }]
    }, true);
    chart('chart-ageing').setOption({
      title: { text: label('chart.ageing'), textStyle: { fontSize: 14 } }, tooltip: {},
      grid: { top: 40, left: 40, right: 20, bottom: 30 },
      xAxis: { type: 'category', data: [0, 1, 2, 3].map(function (i) { return label('ageing.' + i); }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: s.ageing, itemStyle: { color: '#f08c00' } }]
    }, true);
    var targets = s.slaTargets.map(function (r) { return r.target; });
    chart('chart-sla').setOption({
      title: { text: label('chart.sla'), textStyle: { fontSize: 14 } }, tooltip: { trigger: 'axis' },
      legend: { top: 24 }, grid: { top: 60, left: 110, right: 20, bottom: 30 },
      xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: targets },
      series: [
        { name: label('series.met'), type: 'bar', stack: 'r', itemStyle: { color: '#2f9e44' }, data: s.slaTargets.map(function (r) { return r.met; }) },
        { name: label('series.metLate'), type: 'bar', stack: 'r', itemStyle: { color: '#f59f00' }, data: s.slaTargets.map(function (r) { return r.metLate; }) },
        { name: label('series.breached'), type: 'bar', stack: 'r', itemStyle: { color: '#e03131' }, data: s.slaTargets.map(function (r) { return r.breached; }) }]
    }, true);
  }

  function table(id, headers, rows) {
    var t = el(id);
    t.innerHTML = '';
    var head = t.insertRow();
    headers.forEach(function (h) { var th = document.createElement('th'); th.textContent = label(h); head.appendChild(th); });
    if (rows.length === 0) {
      var empty = t.insertRow().insertCell();
      empty.colSpan = headers.length;
      empty.textContent = label('none');
    }
    rows.forEach(function (r) {
      var row = t.insertRow();
      if (r.className) { row.className = r.className; }
      if (r.id) { row.setAttribute('data-id', r.id); }
      r.cells.forEach(function (c) {
        var cell = row.insertCell();
        if (c && typeof c === 'object') {
          cell.className = c.className;
          cell.setAttribute('data-deadline', c.deadline);
          cell.textContent = '';
        } else {
          cell.textContent = text(c);
        }
      });
    });
  }

  function drawTables(s) {
    table('agents', ['col.agent', 'col.tickets', 'col.open', 'col.resolved', 'col.closed', 'col.firstResponse', 'col.handling', 'col.fcr', 'col.csat'],
      s.agents.map(function (a) {
        return { id: a.agent, cells: [a.agent, a.tickets, a.open, a.resolved, a.closed, fmt(a.firstResponseMinutes, 'minutes'),
          fmt(a.handlingMinutes, 'minutes'), fmt(a.firstContactResolution, 'percent'), fmt(a.csat, 'score')] };
      }));
    table('at-risk', ['col.ticket', 'col.metric', 'col.agent', 'col.department', 'col.priority', 'col.customer', 'col.status', 'col.deadline', 'col.countdown'],
      s.atRisk.map(function (r) {
        return { id: r.ticketId, className: r.breached ? 'breached' : '', cells: [r.ticketId, r.metric, r.agent, r.department, r.priority,
          r.customer, r.status, new Date(r.deadlineMillis).toLocaleString(document.documentElement.lang === 'zh' ? 'zh-CN' : 'en-GB'),
          { className: 'countdown', deadline: r.deadlineMillis }] };
      }));
    tick();
  }

  function tick() {
    if (!last) { return; }
    var skew = last.asOfMillis - last.receivedAt;
    var now = Date.now() + skew;
    document.querySelectorAll('td.countdown').forEach(function (cell) {
      var left = Math.round((+cell.getAttribute('data-deadline') - now) / 1000);
      var sign = left < 0 ? '-' : '';
      left = Math.abs(left);
      var h = Math.floor(left / 3600), m = Math.floor(left % 3600 / 60), sec = left % 60;
      cell.textContent = sign + h + ':' + (m < 10 ? '0' : '') + m + ':' + (sec < 10 ? '0' : '') + sec;
    });
  }

  function draw(s) {
    s.receivedAt = Date.now();
    last = s;
    updates++;
    document.body.setAttribute('data-updates', String(updates));
    document.body.setAttribute('data-events', String(s.eventsApplied));
    el('viewer').textContent = s.viewer + ' (' + s.role + ')';
    el('as-of').textContent = new Date(s.asOfMillis).toLocaleTimeString(document.documentElement.lang === 'zh' ? 'zh-CN' : 'en-GB');
    fillSelect('period', null, s.filter.period);
    FILTERS.forEach(function (f) { fillSelect(f, s.options[f], s.filter[f]); });
    el('export-csv').style.display = s.mayExport ? '' : 'none';
    el('export-xlsx').style.display = s.mayExport ? '' : 'none';
    var q = params().toString();
    el('export-csv').href = base + '/export.csv' + (q ? '?' + q : '');
    el('export-xlsx').href = base + '/export.xlsx' + (q ? '?' + q : '');
    drawTiles(s);
    drawCharts(s);
    drawTables(s);
  }

  function connect() {
    if (source) { source.close(); }
    var q = params().toString();
    source = new EventSource(base + '/events' + (q ? '?' + q : ''));
    source.onopen = function () { el('status').setAttribute('data-live', 'true'); el('status').textContent = label('live'); };
    source.onerror = function () { el('status').setAttribute('data-live', 'false'); el('status').textContent = label('offline'); };
    source.onmessage = function (e) { draw(JSON.parse(e.data)); };
  }

  document.querySelectorAll('#filters select').forEach(function (select) {
    select.addEventListener('change', function () {
      var p = params();
      if (select.value) { p.set(select.name, select.value); } else { p.delete(select.name); }
      var q = p.toString();
      window.history.replaceState(null, '', window.location.pathname + (q ? '?' + q : ''));
      connect();
    });
  });
  window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
  setInterval(tick, 1000);
  connect();
})();
