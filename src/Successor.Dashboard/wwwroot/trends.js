// The frontier-trend tracker: one chart per series of GET /api/trends?lab=NAME on a log axis, its points and
// fitted curve, with the doubling time's 95% interval and the projected crossing dates; the lab's own
// capability horizon per task family comes first, fitted the same way. The server's fit is the one reported;
// the page refits the same least-squares line (ln value, or the log-odds of a percentage, on days) only to draw it.
'use strict';

const Trends = (() => {
  const DAY = 86400000;
  const toLine = (kind, v) => kind === 'percent' ? Math.log(v / (100 - v)) : Math.log(v);
  const fromLine = (kind, level) => kind === 'percent' ? 100 / (1 + Math.exp(-level)) : Math.exp(level);
  const sum = xs => xs.reduce((a, b) => a + b, 0);

  /** Least squares of the series' line scale on days: { at(ms), slope, n }, or null. */
  function fitLine(points, kind) {
    const usable = points.filter(p => kind === 'percent' ? p.y > 0 && p.y < 100 : p.y > 0);
    const n = usable.length;
    if (kind === 'reference' || n < 2) return null;
    const t = usable.map(p => p.x / DAY), v = usable.map(p => toLine(kind, p.y));
    const tMean = sum(t) / n, vMean = sum(v) / n;
    const sxx = sum(t.map(x => (x - tMean) ** 2));
    if (!(sxx > 0)) return null;
    const slope = sum(t.map((x, i) => (x - tMean) * (v[i] - vMean))) / sxx;
    return { slope, n, at: ms => fromLine(kind, vMean + slope * (ms / DAY - tMean)) };
  }

  function tickFormat(spanMs) {
    return value => {
      const iso = new Date(value).toISOString();
      if (spanMs > 60 * DAY) return iso.slice(0, 7);
      if (spanMs > 2 * DAY) return iso.slice(0, 10);
      return iso.slice(11, 16);
    };
  }

  // Ticks for a log axis: 1, 2 and 5 times powers of ten, or every integer multiple when the axis spans too
  // little for three of those (a percentage between 22 and 100, say).
  function logTicks(scale) {
    const { min, max } = scale;
    const within = multiples => {
      const values = [];
      for (let k = Math.floor(Math.log10(min)); k <= Math.ceil(Math.log10(max)); k++) {
        for (const m of multiples) {
          const v = m * 10 ** k;
          if (v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9)) values.push(v);
        }
      }
      return values;
    };
    const values = within([1, 2, 5]);
    scale.ticks = (values.length >= 3 ? values : within([1, 2, 3, 4, 5, 6, 7, 8, 9])).map(value => ({ value }));
  }

  function fitText(s) {
    const f = s.fit;
    if (s.kind === 'reference') return 'A reference level: not fitted.';
    if (!f) return 'Not fitted: fewer than two distinct dates.';
    const what = s.kind === 'percent' ? 'Odds double every' : 'Doubles every';
    const interval = f.doubling_days_low != null
      ? ` (95% CI ${fmt.days(f.doubling_days_low)} – ${f.doubling_days_high == null ? 'never' : fmt.days(f.doubling_days_high)})`
      : ' (no interval from two points)';
    const r2 = f.r2 == null ? '' : `, R² ${fmt.number(f.r2, 3)}`;
    return f.doubling_days == null ? `Not growing (${f.points} points${r2}).`
      : `${what} ${fmt.days(f.doubling_days)}${interval}; ${f.points} points${r2}.`;
  }

  function crossingRows(s) {
    return (s.crossings || []).map(c => ({
      target: `${fmt.number(c.target)} ${s.unit}`,
      date: c.date ? fmt.date(c.date) : 'never (flat fit)',
      interval: c.date_low && c.date_high ? `${fmt.date(c.date_low)} – ${fmt.date(c.date_high)}` : 'unbounded',
    }));
  }

  function figure(parent, s, index) {
    const points = s.points.map(p => ({ x: Date.parse(p.date), y: p.value }));
    const crossings = crossingRows(s);
    const body = el('div', {},
      el('p', { class: 'fit', 'data-testid': `fit-${s.id}` }, fitText(s)),
      crossings.length ? table('Projected crossings', [['Target', c => c.target], ['Date', c => c.date], ['95% CI', c => c.interval]], crossings) : null,
      el('p', { class: 'muted source' }, `${s.forecast ? 'Forecast. ' : ''}Source: ${s.source}`));
    const canvas = Charts.figure(parent, {
      id: `trend-${s.id}`, title: s.name, points: points.length, extra: body,
      table: table(null, [['Date', p => fmt.time(p.date)], [s.unit, p => fmt.number(p.value)]], s.points),
    });
    if (!canvas) return;

    const line = s.fit ? fitLine(points, s.kind) : null;
    const first = Math.min(...points.map(p => p.x)), last = Math.max(...points.map(p => p.x));
    // A single date (a reference level) gets a year around it, so its axis shows dates, not hours.
    const span = last > first ? last - first : 365 * DAY;
    // Extend the fitted curve to the crossings it projects, but never past one more span of the data.
    const reach = Math.min(last + span, Math.max(last, ...(s.crossings || []).map(c => Date.parse(c.date)).filter(Number.isFinite)));
    const color = Charts.color(index);
    const datasets = [{
      label: s.unit, data: points, measured: true, showLine: false, pointRadius: 5, borderColor: color, backgroundColor: s.forecast ? '#fff' : color,
    }];
    if (line) {
      const curve = Array.from({ length: 41 }, (_, i) => first + (reach - first) * i / 40).map(x => ({ x, y: line.at(x) }));
      datasets.push({ label: 'fit', data: curve, pointRadius: 0, borderColor: color, borderWidth: 1.5, borderDash: [5, 4] });
    }
    const marks = (s.crossings || []).filter(c => c.date && Date.parse(c.date) <= reach).map(c => ({ x: Date.parse(c.date), y: c.target }));
    if (marks.length) datasets.push({ label: 'crossing', data: marks, showLine: false, pointStyle: 'triangle', pointRadius: 7, borderColor: '#333', backgroundColor: '#333' });
    const positive = points.every(p => p.y > 0);
    Charts.draw(canvas, {
      type: 'line',
      data: { datasets },
      options: {
        plugins: { legend: { display: false } },
        scales: {
          x: {
            type: 'linear', min: first - span * 0.05, max: reach + span * 0.05,
            ticks: { callback: tickFormat(reach - first + span * 0.1), maxTicksLimit: 6 },
          },
          y: { type: positive ? 'logarithmic' : 'linear', title: { display: true, text: s.unit }, ...(positive ? { afterBuildTicks: logTicks, ticks: { autoSkip: false, callback: v => fmt.number(v) } } : {}) },
        },
      },
    });
  }

  /** Draws the lab's own series first (ids "lab-NAME-FAMILY"), then the public and the user's series. */
  function render(parent, trends, lab) {
    parent.replaceChildren();
    const series = ((trends && trends.series) || []).filter(s => s.points && s.points.length);
    const own = series.filter(s => lab && s.id.startsWith(`lab-${lab}-`));
    if (lab && !own.length) {
      parent.append(el('p', { class: 'muted', 'data-testid': 'no-lab-horizon' },
        `Lab ${lab} has no champion with a positive capability horizon yet, so its own trend is not charted.`));
    }
    [...own, ...series.filter(s => !own.includes(s))].forEach((s, i) => figure(parent, s, i));
  }

  return { render };
})();
