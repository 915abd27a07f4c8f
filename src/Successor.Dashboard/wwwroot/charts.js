// Chart figures: a canvas drawn with Chart.js when the library loaded, always above a table of the same
// numbers, so the page says everything without the library. Each canvas carries data-points, the number
// of measured points it plots (not bands, fitted lines or reference curves), for the browser tests.
'use strict';

const Charts = (() => {
  const palette = ['#1f5fa8', '#c2571a', '#2e7d32', '#8e3a9e', '#a2791a', '#00838f', '#c62828'];
  const drawn = new Map(); // canvas id → Chart, destroyed before the canvas is redrawn

  const available = () => typeof window.Chart === 'function';

  // Vertical whiskers for datasets that carry errorBars: [{ low, high }] beside their data.
  const errorBars = {
    id: 'errorBars',
    afterDatasetsDraw(chart) {
      const { ctx } = chart;
      chart.data.datasets.forEach((dataset, i) => {
        if (!dataset.errorBars || !chart.isDatasetVisible(i)) return;
        const y = chart.scales[dataset.yAxisID || 'y'];
        ctx.save();
        ctx.strokeStyle = dataset.borderColor;
        ctx.lineWidth = 1.5;
        chart.getDatasetMeta(i).data.forEach((point, j) => {
          const bar = dataset.errorBars[j];
          if (!bar || bar.low == null || bar.high == null) return;
          const top = y.getPixelForValue(bar.high), bottom = y.getPixelForValue(bar.low);
          ctx.beginPath();
          ctx.moveTo(point.x, top); ctx.lineTo(point.x, bottom);
          ctx.moveTo(point.x - 4, top); ctx.lineTo(point.x + 4, top);
          ctx.moveTo(point.x - 4, bottom); ctx.lineTo(point.x + 4, bottom);
          ctx.stroke();
        });
        ctx.restore();
      });
    },
  };

  // Whiskers are drawn after the axis is fixed, so the axis range must already cover them.
  function range(values) {
    const finite = values.filter(v => v != null && Number.isFinite(v));
    return finite.length ? { suggestedMin: Math.min(...finite), suggestedMax: Math.max(...finite) } : {};
  }

  /** A figure with a title, a canvas (when charts are available), any extra node and the data table, appended to
   *  parent; with no points, a line that says so instead. Returns the canvas to draw on, or null. */
  function figure(parent, { id, title, note, points, table, extra }) {
    const canvasId = `chart-${id}`;
    const fig = el('figure', { class: 'chart', 'data-testid': `figure-${id}`, id: `figure-${id}` },
      el('figcaption', {}, el('h3', {}, title), note ? el('p', { class: 'muted' }, note) : null));
    let canvas = null;
    if (!points) {
      fig.append(el('p', { class: 'muted empty', 'data-testid': `empty-${id}` }, 'Nothing to chart yet: no generation has this measurement.'));
    } else if (available()) {
      canvas = el('canvas', {
        id: canvasId, 'data-testid': canvasId, 'data-points': String(points), role: 'img',
        'aria-label': `${title}: ${points} points; the table below lists them`,
      });
      fig.append(el('div', { class: 'canvas-box' }, canvas));
    }
    if (extra) fig.append(extra);
    if (points) {
      const details = el('details', { class: 'data', 'data-testid': `table-${id}` }, el('summary', {}, 'Table'), table);
      details.open = !available();
      fig.append(details);
    }
    parent.append(fig);
    return canvas;
  }

  function draw(canvas, config) {
    if (!canvas) return;
    drawn.get(canvas.id)?.destroy();
    config.options = {
      animation: false, responsive: true, maintainAspectRatio: false,
      interaction: { mode: 'nearest', intersect: false },
      ...config.options,
    };
    config.plugins = [errorBars, ...(config.plugins || [])];
    drawn.set(canvas.id, new window.Chart(canvas, config));
  }

  /** Forgets charts whose canvases left the page (a view was rebuilt). */
  function prune() {
    for (const [id, chart] of drawn) {
      if (!document.getElementById(id)) { chart.destroy(); drawn.delete(id); }
    }
  }

  const color = i => palette[i % palette.length];

  return { available, figure, draw, prune, range, color };
})();
