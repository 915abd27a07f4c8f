// The dashboard page: picks a lab (GET /api/labs; the choice is kept in the address's #lab=), draws its
// snapshot (KPIs, approvals, lineage, charts, incidents) and the trend tracker, and redraws when the lab's
// server-sent events say the ledger grew. The body's data-state is "ready" once a snapshot is drawn, and
// data-renders counts the redraws, so a test can wait for either.
'use strict';

class ApiError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

const Api = (() => {
  async function call(path, init = {}) {
    const headers = { Accept: 'application/json', ...init.headers };
    // Sent on reads too: a server started with --read-token-required needs a viewer's token to read.
    if (Approvals.token()) headers.Authorization = `Bearer ${Approvals.token()}`;
    const response = await fetch(path, { ...init, headers });
    const body = await response.json().catch(() => null);
    if (!response.ok) throw new ApiError(response.status, body?.error || response.statusText || 'no answer');
    return body;
  }
  return {
    get: path => call(path),
    send: (path, body) => call(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
  };
})();

const App = (() => {
  const $ = id => document.getElementById(id);
  let lab = null, events = null, pending = null, renders = 0;

  function kpis(k) {
    const set = (id, value, detail) => { $(`kpi-${id}`).textContent = value; $(`kpi-${id}-detail`).textContent = detail; };
    set('compute-utilization', fmt.percent(k.compute_utilization),
      `${fmt.number(k.busy_core_seconds)} busy of ${fmt.number(k.available_core_seconds)} available core-seconds`);
    set('iteration-velocity', `${fmt.number(k.trials_per_day)} trials/day`,
      `${fmt.number(k.promoted_per_day)} promoted models/day (${fmt.number(k.trials)} trials, ${fmt.number(k.promotions)} promoted)`);
    set('verification-lag', k.human_hours_per_promoted == null ? fmt.none : `${fmt.number(k.human_hours_per_promoted)} human h`,
      k.promotions ? `per promoted model, and ${fmt.seconds(k.automated_seconds_per_promoted)} of automated verification`
        : 'no promoted model yet');
    set('audit-coverage', fmt.percent(k.audit_coverage),
      `${fmt.number(k.audited_promotions)} of ${fmt.number(k.promotions)} promotions fully audited; `
        + `worker sandbox ${k.sandbox ?? 'not recorded'}`
        + ((k.audit_not_applicable || []).length
          ? `; not applicable (neither passed nor failed): ${k.audit_not_applicable.join(' | ')}` : ''));
  }

  function incidents(list) {
    const parent = $('incident-list');
    if (!list.length) { parent.replaceChildren(el('p', { class: 'muted', 'data-testid': 'no-incidents' }, 'No incidents.')); return; }
    parent.replaceChildren(table(null, [
      ['Severity', i => el('span', { class: `badge ${i.severity}` }, i.severity)], ['Kind', i => i.kind],
      ['Detail', i => i.detail], ['Time', i => fmt.time(i.time)], ['Id', i => el('code', {}, i.id)],
    ], list));
  }

  // Each researcher's spending and gaming attempts beside the improvements it had adopted.
  function researchers(list) {
    const parent = $('researcher-list');
    if (!list.length) { parent.replaceChildren(el('p', { class: 'muted' }, 'No researcher has proposed yet.')); return; }
    parent.replaceChildren(table(null, [
      ['Researcher', r => el('code', {}, r.researcher)], ['Generations', r => fmt.number(r.generations)],
      ['Calls', r => fmt.number(r.calls)], ['Tokens in', r => fmt.number(r.input_tokens)],
      ['Tokens out', r => fmt.number(r.output_tokens)], ['Cost', r => r.cost.toFixed(4)],
      ['Gaming attempts', r => el('span', { class: r.gaming_attempts ? 'badge critical' : '' }, String(r.gaming_attempts))],
      ['Accepted improvements', r => fmt.number(r.accepted_improvements)],
    ], list));
  }

  function trendsFailed(e) {
    $('trends-error').hidden = !e;
    $('trends-error').textContent = e ? `Could not read the trends: ${e.status ? `${e.status}: ` : ''}${e.message}` : '';
  }

  function draw(snapshot, trends) {
    $('lab-state').textContent = snapshot.running ? 'running' : 'stopped';
    $('lab-state').className = `badge ${snapshot.running ? 'running' : 'stopped'}`;
    $('server-time').textContent = snapshot.server_ms != null ? `snapshot in ${fmt.number(snapshot.server_ms)} ms` : '';
    kpis(snapshot.kpis || {});
    Approvals.render(snapshot.approvals || []);
    Lineage.render($('lineage-tree'), snapshot);
    GenerationCharts.render($('generation-charts'), snapshot);
    incidents(snapshot.incidents || []);
    researchers(snapshot.researchers || []);
    Trends.render($('trend-charts'), trends, snapshot.name);
    Charts.prune();
    document.body.dataset.renders = String(++renders);
    document.body.dataset.state = 'ready';
  }

  async function refresh() {
    if (!lab) return;
    try {
      const name = encodeURIComponent(lab);
      // The trends carry the lab's own horizons, so they are read again with every snapshot.
      const [snapshot, trends] = await Promise.all([Api.get(`/api/labs/${name}`),
        Api.get(`/api/trends?lab=${name}`).catch(e => { trendsFailed(e); return null; })]);
      if (trends) trendsFailed(null);
      draw(snapshot, trends);
      witnessHistory();
      $('load-error').hidden = true;
    } catch (e) {
      $('load-error').hidden = false;
      $('load-error').textContent = `Could not read lab "${lab}": ${e.status ? `${e.status}: ` : ''}${e.message}`;
    }
  }

  // The dashboard witnesses the history it shows: the server checks the signed tree heads it showed before are
  // still extended by the ledger; a rewritten history is a loud banner, not a footnote.
  async function witnessHistory() {
    const badge = $('history'), alarm = $('history-alarm');
    try {
      const h = await Api.get('/api/history');
      badge.textContent = h.status === 'consistent' ? `history signed and witnessed to ${h.tree_head_size} of ${h.records}`
        : h.status === 'unsigned' ? 'history not signed' : 'HISTORY INCONSISTENT';
      badge.dataset.status = h.status;
      alarm.hidden = h.status !== 'inconsistent';
      alarm.textContent = h.status === 'inconsistent' ? `The ledger's history changed after this dashboard showed it: ${h.problem}` : '';
    } catch (e) {
      badge.textContent = 'history unchecked';
      badge.dataset.status = 'unchecked';
    }
  }

  // Records arrive in bursts (a batch of trials, a generation's verdict): one redraw per burst.
  function soon() {
    clearTimeout(pending);
    pending = setTimeout(refresh, 400);
  }

  function listen() {
    events?.close();
    if (!window.EventSource) return;
    let seen = 0;
    events = new EventSource(`/api/labs/${encodeURIComponent(lab)}/events`);
    events.addEventListener('open', () => { $('live-status').textContent = 'live'; });
    events.addEventListener('record', () => { $('live-status').textContent = `live · ${++seen} new records`; soon(); });
    events.addEventListener('error', () => { $('live-status').textContent = 'reconnecting…'; });
  }

  function choose(name) {
    lab = name;
    history.replaceState(null, '', `#lab=${encodeURIComponent(name)}`);
    listen();
    return refresh();
  }

  async function start() {
    if (!Charts.available()) $('no-charts').hidden = false;
    Approvals.wire();
    const picker = $('lab-picker');
    picker.addEventListener('change', () => choose(picker.value));
    try {
      const labs = await Api.get('/api/labs');
      picker.replaceChildren(...labs.map(l => el('option', { value: l.name },
        `${l.name} (${l.generations} generations${l.running ? ', running' : ''})`)));
      if (!labs.length) {
        Trends.render($('trend-charts'), await Api.get('/api/trends').catch(e => { trendsFailed(e); return null; }), null);
        document.body.dataset.state = 'empty';
        return;
      }
      const wanted = decodeURIComponent((location.hash.match(/lab=([^&]+)/) || [])[1] || '');
      const first = labs.find(l => l.name === wanted) || labs.find(l => l.running) || labs[0];
      picker.value = first.name;
      await choose(first.name);
    } catch (e) {
      $('load-error').hidden = false;
      $('load-error').textContent = `Could not list the labs: ${e.status ? `${e.status}: ` : ''}${e.message}`;
    }
  }

  return { start, refresh, lab: () => lab };
})();

document.addEventListener('DOMContentLoaded', App.start);
