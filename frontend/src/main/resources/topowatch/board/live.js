// Recolouring the drawn diagram in place from entity JSON: classes, data-status and texts change,
// the layout never does. Mirrors what the server's SVG template fills in.
const SYMBOLS = { up: '✔', degraded: '▲', down: '✖', blocked: '⊘', unknown: '?', maintenance: '◷' };
const UNAVAILABLE = new Set(['down', 'blocked']);

export function statusLine(entity) {
  let line = `${SYMBOLS[entity.status] || '?'} ${entity.status}`;
  if (entity.success_ratio !== null && entity.success_ratio !== undefined) line += ` · ${(entity.success_ratio * 100).toFixed(1)}%`;
  if (entity.latency_ms !== null && entity.latency_ms !== undefined) line += ` · ${entity.latency_ms} ms`;
  if (entity.flapping) line += ' · flapping';
  return line;
}

function shorten(text, limit) {
  const characters = [...text.replace(/[\r\n\t]+/g, ' ')];
  return characters.length <= limit ? text : characters.slice(0, limit - 1).join('') + '…';
}

export function applyEntity(svg, entity) {
  const group = svg.querySelector(`g[data-entity="${CSS.escape(entity.name)}"]`);
  if (!group) return false;
  for (const name of [...group.classList]) {
    if (name.startsWith('status-')) group.classList.remove(name);
  }
  group.classList.add(`status-${entity.status}`);
  group.classList.toggle('flapping', !!entity.flapping);
  group.setAttribute('data-status', entity.status);
  const status = group.querySelector('text.status');
  if (status) {
    const runtime = group.classList.contains('cluster') && entity.runtime ? ` · ${entity.runtime}` : '';
    status.textContent = statusLine(entity) + runtime;
  }
  for (const extra of group.querySelectorAll('text.extra')) {
    const key = extra.textContent.split(': ')[0];
    const value = entity.extra && key in entity.extra ? entity.extra[key] : '–';
    extra.textContent = shorten(`${key}: ${value}`, 30);
  }
  const title = group.querySelector(':scope > title');
  if (title) {
    const lines = [entity.name, statusLine(entity)];
    if (entity.since) lines.push(`since ${entity.since}`);
    if (entity.last_error) lines.push(`last error: ${entity.last_error}`);
    if (entity.root_cause && entity.root_cause.length) lines.push(`root cause: ${entity.root_cause.join(', ')}`);
    for (const [key, value] of Object.entries(entity.extra || {})) lines.push(`${key}: ${value}`);
    title.textContent = lines.join('\n');
  }
  return true;
}

/** Edges on an outage's path: from a casualty to what is down. */
export function applyEdges(svg, statusOf) {
  for (const edge of svg.querySelectorAll('path.edge')) {
    const targets = (edge.getAttribute('data-to') || '').split(' ').filter(Boolean);
    const outage = statusOf(edge.getAttribute('data-from')) === 'blocked'
      && targets.length > 0 && targets.every((target) => UNAVAILABLE.has(statusOf(target)));
    edge.classList.toggle('outage', outage);
  }
}
