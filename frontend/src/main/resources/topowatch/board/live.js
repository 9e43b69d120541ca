// Recolouring the drawn diagram in place from entity JSON: classes, data-status and texts change,
// the layout never does. Mirrors what the server's SVG template fills in. Text from targets goes
// through visible(), so that a bidi override or a line break in a value cannot disguise it.
import { visible } from './api.js';

const SYMBOLS = { up: '✔', degraded: '▲', down: '✖', blocked: '⊘', unknown: '?', maintenance: '◷' };
const UNAVAILABLE = new Set(['down', 'blocked']);

export function symbol(status) {
  return SYMBOLS[status] || '?';
}

export function statusLine(entity) {
  let line = `${symbol(entity.status)} ${entity.status}`;
  if (entity.success_ratio !== null && entity.success_ratio !== undefined) line += ` · ${(entity.success_ratio * 100).toFixed(1)}%`;
  if (entity.latency_ms !== null && entity.latency_ms !== undefined) line += ` · ${entity.latency_ms} ms`;
  if (entity.flapping) line += ' · flapping';
  return line;
}

export function shorten(text, limit) {
  const characters = [...text.replace(/[\r\n\t]+/g, ' ')];
  return characters.length <= limit ? characters.join('') : characters.slice(0, limit - 1).join('') + '…';
}

/** What a closed tile's problem box says: "✖ db · blocks 9", shortened as the server does. */
export function problemText(entity, casualties, limit) {
  const blocking = entity.status === 'down' && casualties > 0;
  const full = `${symbol(entity.status)} ${entity.name} · ${blocking ? `blocks ${casualties}` : entity.status}`;
  if ([...full].length <= limit) return full;
  const suffix = blocking ? ` ${symbol('blocked')}${casualties}` : '';
  return shorten(`${symbol(entity.status)} ${entity.name}`, Math.max(3, limit - suffix.length)) + suffix;
}

function tooltip(entity) {
  const lines = [entity.name, statusLine(entity)];
  if (entity.since) lines.push(`since ${entity.since}`);
  if (entity.last_error) lines.push(`${entity.status === 'unknown' ? 'note' : 'last error'}: ${visible(entity.last_error)}`);
  if (entity.root_cause && entity.root_cause.length) lines.push(`root cause: ${entity.root_cause.join(', ')}`);
  for (const [key, value] of Object.entries(entity.extra || {})) lines.push(`${visible(key)}: ${visible(value)}`);
  return lines.join('\n');
}

/** One drawn box (a full box, a problem box, or an open server frame) shows {@code entity}. */
export function applyEntity(group, entity, casualties) {
  for (const name of [...group.classList]) {
    if (name.startsWith('status-')) group.classList.remove(name);
  }
  group.classList.add(`status-${entity.status}`);
  group.classList.toggle('flapping', !!entity.flapping);
  group.setAttribute('data-status', entity.status);
  const problem = group.querySelector(':scope > text.problem-text');
  if (problem) problem.textContent = problemText(entity, casualties, Number(problem.getAttribute('data-characters')) || 40);
  const status = group.querySelector(':scope > text.status');
  if (status) {
    const runtime = group.classList.contains('cluster') && entity.runtime ? ` · ${entity.runtime}` : '';
    status.textContent = statusLine(entity) + runtime;
  }
  for (const extra of group.querySelectorAll(':scope > text.extra[data-key]')) {
    const key = extra.getAttribute('data-key');
    const value = entity.extra && key in entity.extra ? entity.extra[key] : '–';
    extra.textContent = shorten(visible(`${key}: ${value}`), 30);
  }
  const title = group.querySelector(':scope > title');
  if (title) title.textContent = tooltip(entity);
}

/** An edge, or a bundle of them, is on an outage's path when one of its links leads from a casualty to what is unavailable. */
export function applyEdge(path, statusOf) {
  const links = (path.getAttribute('data-links') || '').split(' ').filter(Boolean);
  const outage = links.some((link) => {
    const [from, to] = link.split('>');
    const targets = (to || '').split('|').filter(Boolean);
    return statusOf(from) === 'blocked' && targets.length > 0 && targets.every((target) => UNAVAILABLE.has(statusOf(target)));
  });
  path.classList.toggle('outage', outage);
}
