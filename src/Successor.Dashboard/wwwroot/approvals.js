// Approvals and the halt switch. A person pastes their token once; it stays in this tab's sessionStorage
// (never localStorage, never a cookie) and goes out as `Authorization: Bearer …`. The server decides who
// may do what; the page shows its one-line refusal (401, 403, 409, …) as it came.
'use strict';

const Approvals = (() => {
  const TOKEN_KEY = 'successor-token';
  const reasons = new Map(); // request id → the reason typed so far, kept across refreshes
  let shownPending = null;   // the pending ids last drawn: redrawing the same ones would drop focus and typing

  const token = () => sessionStorage.getItem(TOKEN_KEY) || '';

  function say(kind, text) {
    const error = document.getElementById('action-error'), result = document.getElementById('action-result');
    error.hidden = kind !== 'error';
    result.hidden = kind !== 'ok';
    (kind === 'error' ? error : result).textContent = text;
  }

  async function act(path, reason, done) {
    if (!reason.trim()) { say('error', 'Give a reason first: every decision is recorded with one.'); return; }
    if (!token()) { say('error', 'Paste your token first: every change is made in a named person\'s name.'); return; }
    try {
      const answer = await Api.send(path, { reason });
      say('ok', done(answer));
      await App.refresh();
    } catch (e) {
      say('error', e.status ? `${e.status}: ${e.message}` : `The request failed: ${e.message}`);
    }
  }

  /** What approving would change, one row per field: the value now and the value asked for. */
  function changes(request) {
    if (!request.changes?.length) return null;
    return el('table', { class: 'changes', 'data-testid': 'approval-changes' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Field'), el('th', {}, 'Now'), el('th', {}, 'Asked for'))),
      el('tbody', {}, ...request.changes.map(c => el('tr', { 'data-field': c.field },
        el('td', {}, el('code', {}, c.field)), el('td', {}, c.from), el('td', {}, el('strong', {}, c.to))))));
  }

  function pendingCard(request) {
    const id = request.id, fieldId = `reason-${id.replace(/[^A-Za-z0-9-]/g, '_')}`;
    const input = el('input', { id: fieldId, type: 'text', 'data-testid': 'approval-reason', placeholder: 'why', value: reasons.get(id) || '' });
    input.addEventListener('input', () => reasons.set(id, input.value));
    const decide = verb => act(`/api/requests/${encodeURIComponent(id)}/${verb}`, input.value,
      d => `${d.request}: ${d.decision} by ${d.by}${d.lag_seconds != null ? `, ${fmt.seconds(d.lag_seconds)} after it was asked` : ''}.`);
    const approve = el('button', { type: 'button', 'data-testid': 'approve' }, 'Approve');
    const reject = el('button', { type: 'button', 'data-testid': 'reject', class: 'secondary' }, 'Reject');
    approve.addEventListener('click', () => decide('approve'));
    reject.addEventListener('click', () => decide('reject'));
    return el('article', { class: 'approval', 'data-testid': 'pending-approval', 'data-request': id },
      el('h3', {}, `${request.gate} `, el('code', {}, id)),
      el('p', {}, request.summary || ''),
      changes(request),
      el('p', { class: 'muted' }, `Asked by ${request.requested_by || 'unknown'} at ${fmt.time(request.requested_at)}`),
      el('div', { class: 'decide' }, el('label', { for: fieldId }, 'Reason'), input, approve, reject));
  }

  function render(approvals) {
    const pending = approvals.filter(a => !a.decision), decided = approvals.filter(a => a.decision);
    const key = pending.map(a => a.id).join('\n');
    if (key !== shownPending) {
      shownPending = key;
      const list = document.getElementById('pending');
      list.replaceChildren(...pending.map(pendingCard));
      if (!pending.length) list.append(el('p', { class: 'muted', 'data-testid': 'no-pending' }, 'Nothing waits for a person.'));
    }
    document.getElementById('decided-count').textContent = String(decided.length);
    document.getElementById('decided').replaceChildren(table(null, [
      ['Request', a => a.id], ['Gate', a => a.gate],
      ['Changes', a => (a.changes || []).map(c => `${c.field}: ${c.from} → ${c.to}`).join('; ')],
      ['Decision', a => a.decision.decision], ['By', a => a.decision.by],
      ['Reason', a => a.decision.reason], ['Lag', a => fmt.seconds(a.decision.lag_seconds)],
    ], decided));
  }

  function wire() {
    const field = document.getElementById('token');
    field.value = token();
    field.addEventListener('input', () => {
      if (field.value.trim()) sessionStorage.setItem(TOKEN_KEY, field.value.trim());
      else sessionStorage.removeItem(TOKEN_KEY);
    });
    document.getElementById('halt-form').addEventListener('submit', event => {
      event.preventDefault();
      const reason = document.getElementById('halt-reason').value;
      act(`/api/labs/${encodeURIComponent(App.lab())}/halt`, reason,
        h => `Halt recorded (${h.halt}); ${h.signalled ? 'the running lab was signalled' : 'no lab process was running'}.`);
    });
  }

  return { render, wire, token };
})();
