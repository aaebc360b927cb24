'use strict';
// The operator console: a page over the management endpoints, with the browser's management login. Every value
// from the connector is put into the page as text (textContent), never as markup.

const base = location.origin + location.pathname.replace(/\/console\/?$/, '');
let nextBefore = null;

async function call(path, options, alsoOk) {
  const response = await fetch(base + path, Object.assign({credentials: 'same-origin',
    headers: {'Accept': 'application/json'}}, options || {}));
  const body = response.headers.get('Content-Type')?.includes('json') ? await response.json() : null;
  if (!response.ok && !(alsoOk || []).includes(response.status)) {
    const why = body && body.detail ? body.detail : (response.status === 403 ? 'operators only' : 'failed');
    throw new Error(response.status + ': ' + why);
  }
  return body;
}

function cell(row, value, className) {
  const td = document.createElement('td');
  td.textContent = value === null || value === undefined ? '' : String(value);
  if (className) {
    td.className = className;
  }
  row.appendChild(td);
  return td;
}

function rows(tableId, items, fill) {
  const body = document.querySelector('#' + tableId + ' tbody');
  body.replaceChildren();
  for (const item of items) {
    const row = document.createElement('tr');
    fill(row, item);
    body.appendChild(row);
  }
}

function problem(id, error) {
  const p = document.getElementById(id);
  p.textContent = error ? error.message : '';
  p.hidden = !error;
}

function age(seconds) {
  if (seconds < 120) return seconds + ' s';
  if (seconds < 7200) return Math.round(seconds / 60) + ' min';
  return Math.round(seconds / 3600) + ' h';
}

async function health() {
  // DOWN comes with 503 and the same body: it is what an operator looks for, so it is shown
  const health = await call('/health', undefined, [503]);
  const status = document.getElementById('status');
  status.textContent = health.status;
  status.className = 'badge ' + health.status;
  const components = health.components || {};
  rows('health', Object.keys(components).sort(), (row, name) => {
    cell(row, name);
    cell(row, components[name].status, components[name].status);
  });
  const partners = (components.partners && components.partners.details) || {};
  rows('partners', Object.keys(partners).sort(), (row, name) => {
    cell(row, name);
    cell(row, partners[name].reachable ? 'yes' : 'no', partners[name].reachable ? 'yes' : 'no');
    cell(row, partners[name].detail);
    cell(row, partners[name].at);
  });
  const certificates = (components.certificates && components.certificates.details) || {};
  rows('certificates', Object.keys(certificates).sort(), (row, name) => {
    const c = certificates[name];
    cell(row, name);
    cell(row, c.daysLeft, c.daysLeft < 0 ? 'expired' : (c.daysLeft < 30 ? 'DOWN' : 'UP'));
    cell(row, c.notAfter);
    cell(row, c.subject);
  });
}

async function queues() {
  const answer = await call('/queues');
  rows('queues', answer.queues.filter(q => !q.deadLetters || q.messages > 0), (row, q) => {
    cell(row, q.queue, q.deadLetters ? 'DOWN' : null);
    cell(row, q.messages);
    cell(row, q.messages > 0 ? age(q.oldestSeconds) : '');
  });
}

async function deadLetters() {
  try {
    const answer = await call('/deadletters');
    problem('deadletters-problem', null);
    rows('deadletters', answer.deadLetters, (row, letter) => {
      cell(row, letter.queue);
      cell(row, letter.id, 'id');
      cell(row, letter.queuedAt);
      cell(row, letter.jmsMessageId, 'id');
      const actions = cell(row, '');
      actions.append(button('Replay', () => act('POST', letter)),
        button('Discard', () => confirm('Discard the dead letter of ' + letter.id + ' for good?') && act('DELETE', letter)));
    });
  } catch (error) {
    problem('deadletters-problem', error);
    rows('deadletters', [], () => {});
  }
}

function button(label, onClick) {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = label;
  b.addEventListener('click', onClick);
  return b;
}

async function act(method, letter) {
  try {
    await call('/deadletters/' + encodeURIComponent(letter.queue) + '/' + encodeURIComponent(letter.jmsMessageId),
      {method: method, headers: {'Accept': 'application/json', 'Content-Type': 'application/json'},
        body: method === 'POST' ? '{}' : undefined});
    problem('deadletters-problem', null);
  } catch (error) {
    problem('deadletters-problem', error);
    return;
  }
  await Promise.all([deadLetters(), queues()]);
}

async function search(event, more) {
  if (event) event.preventDefault();
  const form = new FormData(document.getElementById('search'));
  const id = (form.get('id') || '').trim();
  try {
    problem('search-problem', null);
    if (id) {
      await show(id);
      rows('messages', [], () => {});
      return;
    }
    const query = new URLSearchParams();
    for (const [name, value] of form.entries()) {
      if (name !== 'id' && value.trim()) query.set(name, value.trim());
    }
    if (more && nextBefore) query.set('before', nextBefore);
    const answer = await call('/messages' + (query.toString() ? '?' + query : ''));
    nextBefore = answer.nextBefore || null;
    document.getElementById('more').hidden = !nextBefore;
    const body = document.querySelector('#messages tbody');
    if (!more) body.replaceChildren();
    for (const m of answer.messages) {
      const row = document.createElement('tr');
      row.className = 'clickable';
      row.addEventListener('click', () => show(m.connectorMessageId));
      [m.createdAt, m.direction, m.state, m.backend, m.from, m.to, m.action, m.conversationId]
        .forEach(value => cell(row, value));
      cell(row, m.connectorMessageId, 'id');
      body.appendChild(row);
    }
  } catch (error) {
    problem('search-problem', error);
  }
}

async function show(id) {
  try {
    const m = await call('/messages/' + encodeURIComponent(id));
    document.getElementById('message-id').textContent = m.connectorMessageId;
    const facts = document.getElementById('message-facts');
    facts.replaceChildren();
    for (const name of ['kind', 'direction', 'state', 'createdAt', 'backend', 'backendMessageId', 'ebmsMessageId',
      'conversationId', 'refToMessageId', 'service', 'action', 'from', 'to']) {
      const dt = document.createElement('dt');
      dt.textContent = name;
      const dd = document.createElement('dd');
      dd.textContent = m[name] === null ? '' : String(m[name]);
      facts.append(dt, dd);
    }
    rows('timeline', m.timeline, (row, e) => {
      cell(row, e.at);
      cell(row, e.state || e.evidence);
      cell(row, e.detail);
    });
    rows('evidences', m.evidences, (row, e) => {
      cell(row, e.type);
      cell(row, e.origin);
      cell(row, e.at);
      cell(row, e.reason);
    });
    document.getElementById('message').hidden = false;
    problem('search-problem', null);
  } catch (error) {
    problem('search-problem', error);
  }
}

async function availability() {
  try {
    const a = await call('/availability');
    const periods = [a.month, a.year].filter(p => p);
    rows('availability', periods, (row, p) => {
      cell(row, p.period);
      const ratio = p.ratio === null ? 'no data' : (100 * p.ratio).toFixed(3) + ' %';
      cell(row, ratio, p.meetsRequirement === false ? 'DOWN' : 'UP');
      cell(row, age(p.downSeconds));
      cell(row, age(p.maintenanceSeconds));
    });
    const windows = a.maintenanceWindows || {regular: [], planned: []};
    rows('windows', windows.regular.map(w => ['every ' + w.day, w.start + ' ' + w.zone, w.duration, ''])
      .concat(windows.planned.map(w => ['once', w.start, w.duration, w.late ? 'announcement late' : ''])),
      (row, w) => w.forEach((value, i) => cell(row, value, i === 3 && value ? 'DOWN' : null)));
    problem('availability-problem', null);
  } catch (error) {
    problem('availability-problem', error);
  }
}

async function refresh() {
  await Promise.allSettled([health(), queues(), deadLetters(), search(null, false), availability()]);
  document.body.dataset.loaded = String(Date.now());
}

document.getElementById('search').addEventListener('submit', event => search(event, false));
document.getElementById('more').addEventListener('click', () => search(null, true));
document.getElementById('refresh').addEventListener('click', refresh);
refresh();
