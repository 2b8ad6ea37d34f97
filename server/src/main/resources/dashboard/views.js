// Rendering of the page's lists and tables. Text from the server goes in as text, never as markup.

function el(tag, text, className) {
  const e = document.createElement(tag);
  if (text !== undefined && text !== null) {
    e.textContent = String(text);
  }
  if (className) {
    e.className = className;
  }
  return e;
}

function row(cells) {
  const tr = document.createElement('tr');
  for (const c of cells) {
    const td = document.createElement('td');
    if (c instanceof Node) {
      td.appendChild(c);
    } else {
      td.textContent = c === null || c === undefined ? '' : String(c);
    }
    tr.appendChild(td);
  }
  return tr;
}

export function when(iso) {
  return iso ? new Date(iso).toLocaleString() : '';
}

/** The model list: name, health state and champion; the selected one is outlined. */
export function renderModels(list, models, selected, onSelect) {
  list.textContent = '';
  for (const m of models) {
    const li = el('li');
    li.dataset.model = m.name;
    li.classList.toggle('selected', m.name === selected);
    li.appendChild(el('strong', m.name, 'name'));
    li.appendChild(el('span', m.health, 'state ' + m.health));
    li.appendChild(el('div', m.champion ? 'champion v' + m.champion : 'no champion', 'champion'));
    li.addEventListener('click', () => onSelect(m.name));
    list.appendChild(li);
  }
}

/** One line on the model: health, champion, the window's means and the active job. */
export function describeModel(detail) {
  const w = detail.window || {};
  const parts = ['state ' + detail.health, detail.champion ? 'champion v' + detail.champion : 'no champion'];
  if (w.samples) {
    parts.push('window of ' + w.samples + ': precision ' + w.precision.toFixed(3) + ', recall '
      + w.recall.toFixed(3) + ', F1 ' + w.f1.toFixed(3));
  }
  if (detail.activeJob) {
    parts.push('retraining (job ' + detail.activeJob.slice(0, 8) + ')');
  }
  return parts.join(' · ');
}

function gateText(v) {
  const d = v.gateDecision;
  if (d) {
    const verdict = el('span', (d.promote ? 'promoted' : 'rejected') + ' (' + d.rule + '): ' + d.reason,
      d.promote ? 'promote' : 'reject');
    return verdict;
  }
  return v.lineage && v.lineage.jobId ? 'no decision yet' : 'registered by ' + (v.lineage.trainer || 'hand');
}

/** The versions table, newest first. */
export function renderVersions(tbody, versions) {
  tbody.textContent = '';
  for (const v of versions.slice().reverse()) {
    const aliases = el('span');
    for (const a of v.aliases) {
      aliases.appendChild(el('span', a, 'badge ' + a));
    }
    const tr = row(['v' + v.version, when(v.createdAt), v.sha256.slice(0, 12), aliases,
      v.lineage.trainer || '', gateText(v)]);
    tr.dataset.version = v.version;
    tr.children[2].className = 'mono';
    tr.children[2].title = v.sha256;
    tbody.appendChild(tr);
  }
}

/** The jobs table, newest first, with the trials done out of those the model's spec asks for. */
export function renderJobs(tbody, jobs, trialsWanted) {
  tbody.textContent = '';
  for (const j of jobs) {
    const trials = j.trials || [];
    const failed = trials.filter(t => t.state === 'FAILED').length;
    const done = trials.filter(t => t.finished).length;
    let progress = done + ' / ' + trialsWanted;
    if (failed) {
      progress += ' (' + failed + ' failed)';
    }
    const bar = el('progress');
    bar.max = trialsWanted;
    bar.value = Math.min(done, trialsWanted);
    const cell = el('span');
    cell.appendChild(bar);
    cell.appendChild(el('span', ' ' + progress, 'trials'));
    let outcome = j.lastError || '';
    if (j.decision) {
      outcome = (j.decision.promote ? 'promoted v' : 'rejected v') + j.decision.candidateVersion;
    }
    const tr = row([j.id.slice(0, 8), j.state, when(j.createdAt), j.attempts + ' / ' + j.maxAttempts, cell, outcome]);
    tr.dataset.job = j.id;
    tr.dataset.state = j.state;
    tr.children[0].className = 'mono';
    tr.children[0].title = j.id;
    tbody.appendChild(tr);
  }
}

/** Words for an event in the feed. */
export function describeEvent(e) {
  switch (e.type) {
    case 'DriftDetected': return 'drift incident (attempt ' + e.attempt + '): ' + e.reason;
    case 'DriftWarning': return 'drift warning: ' + e.reason;
    case 'Recovered': return 'recovered without a retrain';
    case 'RetrainRequested': return 'retrain queued: job ' + e.jobId.slice(0, 8);
    case 'RetrainSkipped': return 'retrain skipped: ' + e.reason;
    case 'TrialCompleted': return 'trial ' + e.trial + ' of job ' + e.jobId.slice(0, 8)
      + (e.error ? ' failed: ' + e.error : ' done');
    case 'ModelRegistered': return 'registered v' + e.version;
    case 'ModelPromoted': return 'promoted v' + e.version + (e.previousVersion ? ' over v' + e.previousVersion : '');
    case 'PromotionRejected': return 'v' + e.version + ' not promoted: ' + e.reason;
    case 'RetrainFailed': return 'retrain failed' + (e.willRetry ? ' (will retry)' : '') + ': ' + e.reason;
    default: return e.type;
  }
}

/** Adds an event at the top of the feed, keeping at most max entries. */
export function prependEvent(list, e, max) {
  const li = el('li');
  li.dataset.type = e.type;
  li.appendChild(el('time', new Date(e.time).toLocaleTimeString()));
  li.appendChild(el('strong', e.model + ' '));
  li.appendChild(el('span', describeEvent(e)));
  list.insertBefore(li, list.firstChild);
  while (list.children.length > max) {
    list.removeChild(list.lastChild);
  }
}
