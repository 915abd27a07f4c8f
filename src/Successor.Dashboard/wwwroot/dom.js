// Small helpers the page's scripts share: building elements (always as text, never as HTML, because
// reasons and summaries come from the ledger) and formatting numbers, durations and dates.
'use strict';

/** Builds an element: el('td', { class: 'x' }, 'text', childNode). Text is always set as text, never as HTML. */
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes || {})) {
    if (value != null && value !== false) node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child == null) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** A table of rows under named columns: columns = [[heading, row => cell text]]. */
function table(caption, columns, rows) {
  return el('table', {},
    caption ? el('caption', {}, caption) : null,
    el('thead', {}, el('tr', {}, columns.map(([heading]) => el('th', { scope: 'col' }, heading)))),
    el('tbody', {}, rows.map(row => el('tr', {}, columns.map(([, cell]) => el('td', {}, cell(row)))))));
}

const fmt = {
  none: '–',
  number(x, digits = 3) {
    if (x == null || !Number.isFinite(x)) return fmt.none;
    return Math.abs(x) >= 1000 ? Math.round(x).toLocaleString('en') : String(Number(x.toPrecision(digits)));
  },
  percent(x, digits = 1) { return x == null ? fmt.none : `${(x * 100).toFixed(digits)}%`; },
  /** A span of seconds in the unit that reads best: 42 s, 3.5 min, 6.2 h, 180 days. */
  seconds(s) {
    if (s == null || !Number.isFinite(s)) return fmt.none;
    const a = Math.abs(s);
    if (a < 90) return `${fmt.number(s)} s`;
    if (a < 90 * 60) return `${fmt.number(s / 60)} min`;
    if (a < 48 * 3600) return `${fmt.number(s / 3600)} h`;
    return `${fmt.number(s / 86400)} days`;
  },
  days(d) { return d == null ? fmt.none : fmt.seconds(d * 86400); },
  /** An ISO instant as "2026-11-23 14:05" (UTC); a date-only string stays a date. */
  time(iso) {
    if (!iso) return fmt.none;
    const t = new Date(iso);
    if (Number.isNaN(t.getTime())) return String(iso);
    const text = t.toISOString();
    return text.endsWith('T00:00:00.000Z') ? text.slice(0, 10) : `${text.slice(0, 10)} ${text.slice(11, 16)}`;
  },
  date(iso) { return iso ? fmt.time(iso).slice(0, 10) : fmt.none; },
};
