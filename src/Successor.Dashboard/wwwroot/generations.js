// The charts over generations: the sealed-holdout score with its 95% interval, the capability horizon per
// task family, the champion's 99% horizon against the lab's clock, the kept-label accuracy of self-generated data, and the checks' compounded reliability
// against the compounding-error reference curve 0.999^n.
'use strict';

const GenerationCharts = (() => {
  const generationAxis = { type: 'linear', min: 0, suggestedMax: 1, title: { display: true, text: 'generation' }, ticks: { stepSize: 1, precision: 0 } };
  const percentTicks = { callback: v => `${Math.round(v * 1000) / 10}%` };

  function config(datasets, yTitle, y = {}) {
    return {
      type: 'line',
      data: { datasets },
      options: {
        scales: { x: generationAxis, y: { title: { display: true, text: yTitle }, ...y } },
        plugins: { legend: { display: datasets.length > 1, labels: { boxWidth: 24, boxHeight: 3 } } },
      },
    };
  }

  // measured: the dataset holds measurements (counted in data-points), not a projection or reference curve.
  const series = (label, points, i, extra = {}) => ({
    label, data: points, borderColor: Charts.color(i), backgroundColor: Charts.color(i),
    pointRadius: 4, borderWidth: 2, measured: true, ...extra,
  });

  /** The successor's score and, as its interval, the paired 95% CI of its improvement over the champion
   *  it was compared with, placed on its own score (a CI of the holdout score itself where the API has one). */
  function holdoutInterval(g) {
    if (g.holdout_low != null && g.holdout_high != null) return { low: g.holdout_low, high: g.holdout_high };
    if (g.holdout == null || g.improvement == null || g.improvement_low == null || g.improvement_high == null) return null;
    return { low: g.holdout + g.improvement_low - g.improvement, high: g.holdout + g.improvement_high - g.improvement };
  }

  function holdout(parent, generations) {
    const rows = generations.filter(g => g.holdout != null);
    const metric = rows[0]?.metric || 'score';
    // Accuracy cannot leave [0, 1], so neither may its bars.
    const clamp = metric === 'accuracy' ? (x => Math.min(1, Math.max(0, x))) : (x => x);
    const bars = rows.map(holdoutInterval).map(b => b && { low: clamp(b.low), high: clamp(b.high) });
    const canvas = Charts.figure(parent, {
      id: 'holdout', title: `Sealed holdout ${metric}`, points: rows.length,
      note: 'Bars: the 95% interval of the improvement over the champion, placed on the candidate\'s score; × marks a rejected candidate.',
      table: table(null, [
        ['Generation', g => g.generation], ['Outcome', g => g.outcome], [metric, g => fmt.number(g.holdout)],
        ['Improvement [95% CI]', g => g.improvement == null ? fmt.none
          : `${fmt.number(g.improvement)} [${fmt.number(g.improvement_low)}, ${fmt.number(g.improvement_high)}]`],
      ], rows),
    });
    Charts.draw(canvas, config([series(metric, rows.map(g => ({ x: g.generation, y: g.holdout })), 0, {
      errorBars: bars,
      pointStyle: rows.map(g => g.outcome === 'rejected' ? 'crossRot' : 'circle'),
    })], metric, Charts.range(bars.flatMap(b => b ? [b.low, b.high] : []).concat(rows.map(g => g.holdout)))));
  }

  /** A horizon or CI endpoint against the difficulties tested: a number inside them, "< 1" or "> 12" outside
   *  (the fit extrapolates; the measurement only bounds). A missing upper endpoint never crossed one half. */
  function bounded(value, r, upper = false) {
    if (value == null && upper && r.hardest != null) return `> ${r.hardest}`;
    if (value == null) return fmt.none;
    if (r.easiest != null && value < r.easiest) return `< ${r.easiest}`;
    if (r.hardest != null && value > r.hardest) return `> ${r.hardest}`;
    return fmt.number(value);
  }

  const horizonText = r => r.bound === 'below' ? (r.edge != null ? `< ${r.edge}` : 'below the range tested')
    : r.bound === 'above' ? (r.edge != null ? `> ${r.edge}` : 'above the range tested') : fmt.number(r.horizon);

  /** Clamped into the tested range, so that no whisker reaches a difficulty that was not measured. */
  const clamp = (value, r) => value == null ? null
    : Math.min(r.hardest ?? Infinity, Math.max(r.easiest ?? -Infinity, value));

  /** One line per task family; a generation without per-family horizons counts under "all". A horizon outside
   *  the difficulties tested is drawn as an open triangle at the edge it passed, pointing the way it lies. */
  function horizons(parent, generations) {
    const rows = generations.flatMap(g => (g.horizons?.length ? g.horizons
      : g.horizon != null || g.horizon_bound ? [{
        family: 'all', horizon: g.horizon, low: g.horizon_low, high: g.horizon_high, bound: g.horizon_bound,
        easiest: g.horizon_easiest, hardest: g.horizon_hardest,
        edge: g.horizon_bound === 'below' ? g.horizon_easiest : g.horizon_bound === 'above' ? g.horizon_hardest : null,
      }] : [])
      .filter(h => h.horizon != null || h.bound).map(h => ({ generation: g.generation, ...h })));
    const families = [...new Set(rows.map(r => r.family))];
    // a bound from a record older than the range it keeps has no edge to be drawn at; the table still says it
    const drawn = rows.filter(r => !r.bound || r.edge != null);
    const canvas = Charts.figure(parent, {
      id: 'horizon', title: 'Capability horizon per task family', points: drawn.length,
      note: 'The difficulty at which the model still succeeds half the time, with its 95% interval. An open ' +
        'triangle at the easiest or hardest difficulty tested: the horizon lies beyond it, and the fit alone ' +
        'would put it at a difficulty that was never measured.',
      table: table(null, [
        ['Generation', r => r.generation], ['Family', r => r.family], ['Horizon', horizonText],
        ['95% CI', r => `${bounded(r.low, r)} – ${bounded(r.high, r, true)}`],
      ], rows),
    });
    Charts.draw(canvas, config(families.map((family, i) => {
      const mine = drawn.filter(r => r.family === family);
      return series(family, mine.map(r => ({ x: r.generation, y: r.bound ? r.edge : r.horizon })), i, {
        errorBars: mine.map(r => r.bound ? null : { low: clamp(r.low, r), high: clamp(r.high ?? r.hardest, r) }),
        pointStyle: mine.map(r => r.bound ? 'triangle' : 'circle'),
        pointRotation: mine.map(r => r.bound === 'below' ? 180 : 0),
        pointBackgroundColor: mine.map(r => r.bound ? 'rgba(255, 255, 255, 0)' : Charts.color(i)),
        pointRadius: mine.map(r => r.bound ? 6 : 4),
        bounds: mine.map(r => r.bound || null),
      });
    }), 'horizon (difficulty)', Charts.range(drawn.flatMap(r => r.bound ? [r.edge]
      : [clamp(r.low, r), clamp(r.high, r), r.horizon]))));
  }

  /** The champion after each generation (the successor when promoted, else the one before) and its 99% horizon
   *  on the sealed slices, at the lab's clock when that generation's verdict was recorded (the lab started when
   *  generation 0 began: its record's time less its own seconds). */
  function championHorizons(generations) {
    const sorted = generations.filter(g => g.time != null).sort((a, b) => a.generation - b.generation);
    const first = sorted.find(g => g.generation === 0 && g.reliable_horizon != null);
    if (!first) return [];
    const start = Date.parse(first.time) - (first.seconds || 0) * 1000;
    let champion = first;
    return sorted.map(g => {
      if (g.generation === 0 || ((g.outcome === 'promoted' || g.outcome === 'adopted') && g.reliable_horizon != null)) champion = g;
      return { generation: g.generation, minutes: (Date.parse(g.time) - start) / 60000,
        horizon: champion.reliable_horizon, sealed: champion.sealed_through, from: champion.generation };
    });
  }

  function reliableHorizon(parent, generations) {
    const rows = championHorizons(generations);
    const canvas = Charts.figure(parent, {
      id: 'reliable-horizon', title: '99% horizon against the lab\'s clock', points: rows.length,
      note: 'The champion\'s longest length up to which every length of the sealed holdout is answered at least 99% ' +
        'right, after each generation\'s verdict: it rises only when a promoted successor masters a length its ' +
        'parent did not.',
      table: table(null, [
        ['Generation', r => r.generation], ['Lab clock (min)', r => fmt.number(r.minutes, 1)],
        ['Champion from generation', r => r.from], ['99% horizon', r => r.horizon],
        ['Sealed to', r => fmt.number(r.sealed)],
      ], rows),
    });
    Charts.draw(canvas, {
      type: 'line',
      data: { datasets: [series('99% horizon', rows.map(r => ({ x: r.minutes, y: r.horizon })), 1,
        { stepped: 'before' })] },
      options: {
        scales: {
          x: { type: 'linear', min: 0, title: { display: true, text: 'lab clock (minutes)' } },
          y: { title: { display: true, text: '99% horizon (digits)' }, ticks: { precision: 0 },
            ...Charts.range(rows.map(r => r.horizon)) },
        },
        plugins: { legend: { display: false } },
      },
    });
  }

  function keptAccuracy(parent, generations) {
    const rows = generations.filter(g => g.kept_label_accuracy != null);
    const canvas = Charts.figure(parent, {
      id: 'kept', title: 'Kept-label accuracy', points: rows.length,
      note: 'The share of self-generated examples the filter kept whose labels are right; drift (1 = the reference model finds the kept answers as perplexing as the true ones) and the share of the true answers\' rare 3-grams still covered.',
      table: table(null, [
        ['Generation', g => g.generation], ['Kept-label accuracy', g => fmt.percent(g.kept_label_accuracy)], ['Kept', g => fmt.number(g.kept)],
        ['Drift', g => fmt.number(g.perplexity_drift, 3)], ['Tail coverage', g => fmt.percent(g.tail_coverage)],
      ], rows),
    });
    Charts.draw(canvas, config([series('kept-label accuracy', rows.map(g => ({ x: g.generation, y: g.kept_label_accuracy })), 2)],
      'kept-label accuracy', { max: 1, ticks: percentTicks }));
  }

  function reliability(parent, points) {
    const canvas = Charts.figure(parent, {
      id: 'reliability', title: 'Cumulative reliability', points: points.length,
      note: 'The product of every check\'s accuracy so far, against 0.999ⁿ: a chain of n steps that are each 99.9% right.',
      table: table(null, [
        ['Generation', r => r.generation], ['Cumulative', r => fmt.percent(r.cumulative, 2)],
        ['Projected', r => fmt.percent(r.projected, 2)], ['0.999ⁿ', r => fmt.percent(r.reference_999, 2)],
      ], points),
    });
    const datasets = [series('cumulative reliability', points.map(r => ({ x: r.generation, y: r.cumulative })), 3)];
    if (points.some(r => r.projected != null)) {
      datasets.push(series('projected', points.filter(r => r.projected != null).map(r => ({ x: r.generation, y: r.projected })), 4,
        { borderDash: [2, 3], pointRadius: 0, measured: false }));
    }
    datasets.push(series('0.999ⁿ reference', reference(points), 6, { borderDash: [6, 4], pointRadius: 0, borderWidth: 1.5, measured: false }));
    Charts.draw(canvas, config(datasets, 'reliability', { max: 1, ticks: percentTicks }));
  }

  /** The reference curve from generation 0 to the last one, a point per generation. */
  function reference(points) {
    const last = Math.max(0, ...points.map(r => r.generation));
    return Array.from({ length: last + 1 }, (_, n) => ({ x: n, y: Math.pow(0.999, n) }));
  }

  function render(parent, snapshot) {
    parent.replaceChildren();
    const generations = snapshot.generations || [];
    holdout(parent, generations);
    horizons(parent, generations);
    reliableHorizon(parent, generations);
    keptAccuracy(parent, generations);
    reliability(parent, snapshot.reliability || []);
  }

  return { render };
})();
