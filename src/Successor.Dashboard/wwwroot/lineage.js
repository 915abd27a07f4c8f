// The lineage tree: each generation's model under the champion it was trained from, promoted or rejected
// with the reason, and that generation's trials in a collapsible table. Which generations are open is kept
// across the refreshes that live progress triggers.
'use strict';

const Lineage = (() => {
  const open = new Set();

  function trialTable(trials) {
    return table(null, [
      ['Trial', t => t.id], ['Status', t => t.status], ['Score', t => fmt.number(t.score)], ['Steps', t => fmt.number(t.steps)],
      ['Tokens', t => fmt.number(t.tokens)], ['Seconds', t => fmt.number(t.seconds)],
    ], trials);
  }

  /** One model and, nested under it, the models trained from it. */
  function node(n, tree) {
    const generation = tree.generationOf(n), trials = tree.trialsOf(n);
    const outcome = generation?.outcome ?? (n.promoted ? 'promoted' : 'rejected');
    const label = n.generation === 0 && outcome !== 'running' ? 'first champion' : outcome;
    const details = el('details', { class: 'trials', 'data-testid': `trials-g${n.generation}` },
      el('summary', {}, `${trials.length} trial${trials.length === 1 ? '' : 's'}`), trialTable(trials));
    details.open = open.has(n.generation);
    details.addEventListener('toggle', () => details.open ? open.add(n.generation) : open.delete(n.generation));
    const children = tree.childrenOf(n.id);
    return el('li', { 'data-testid': `lineage-g${n.generation}`, 'data-outcome': outcome },
      el('div', { class: 'node' },
        el('strong', {}, `Generation ${n.generation}`), ' ',
        el('span', { class: `badge ${outcome}` }, label),
        generation?.holdout != null ? el('span', { class: 'muted' }, ` ${generation.metric || 'score'} ${fmt.number(generation.holdout)}`) : null,
        generation?.approved_by ? el('span', { class: 'muted' }, ` · approved by ${generation.approved_by}`) : null,
        n.reason ? el('p', { class: 'reason' }, n.reason) : null,
        details),
      children.length ? el('ol', {}, children.map(c => node(c, tree))) : null);
  }

  function render(parent, snapshot) {
    const nodes = snapshot.lineage || [];
    const byGeneration = new Map((snapshot.generations || []).map(g => [g.generation, g]));
    // Trials still in a Slurm queue (not recorded yet) are listed with their queue state and job.
    const queued = (snapshot.queue || []).map(q => ({
      id: q.trial, generation: Number((/^g(\d+)-/.exec(q.trial) || [])[1]),
      status: `${q.state} (job ${q.job}${q.restarts ? `, requeued ${q.restarts}×` : ''})`,
    })).filter(q => !Number.isNaN(q.generation));
    const trials = [...(snapshot.trials || []), ...queued];
    const tree = {
      generationOf: n => byGeneration.get(n.generation),
      trialsOf: n => trials.filter(t => t.generation === n.generation),
      childrenOf: id => nodes.filter(n => n.parent === id),
    };
    const roots = nodes.filter(n => !n.parent || !nodes.some(p => p.id === n.parent));
    parent.replaceChildren(...roots.map(r => node(r, tree)));
    // A generation still running has trials but no verdict yet: shown last, under no parent.
    const decided = new Set(nodes.map(n => n.generation));
    const running = [...new Set(trials.map(t => t.generation))].filter(g => g != null && !decided.has(g));
    for (const g of running.sort((a, b) => a - b)) {
      parent.append(node({ id: `g${g}`, generation: g, parent: null, promoted: false, reason: null },
        { ...tree, generationOf: () => ({ outcome: 'running' }), childrenOf: () => [] }));
    }
    if (!nodes.length) parent.append(el('li', { class: 'muted' }, 'No generation recorded yet.'));
  }

  return { render };
})();
