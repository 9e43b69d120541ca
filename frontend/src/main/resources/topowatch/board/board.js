// The board page: the live diagram, kept current from /api/stream without reloading or re-laying-out.
import { getJson, getText, streamUrl } from './api.js';
import { PanZoom } from './panzoom.js';
import { applyEdges, applyEntity } from './live.js';
import { Panel } from './panel.js';

const STATUSES = ['down', 'blocked', 'degraded', 'maintenance', 'unknown', 'up'];
const entities = new Map();
const stage = document.getElementById('stage');
const diagram = document.getElementById('diagram');
const panZoom = new PanZoom(stage);
const panel = new Panel((name) => select(name));
let svg = null;
let filter = null;
let stream = null;

function theme() {
  const chosen = localStorage.getItem('topowatch.theme');
  if (chosen) return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

async function loadDiagram(keepView) {
  const text = await getText(`/diagram.svg?theme=${theme()}`);
  const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
  if (parsed.querySelector('parsererror')) throw new Error('the diagram is not valid SVG');
  svg = document.importNode(parsed.documentElement, true);
  diagram.replaceChildren(svg);
  panZoom.attach(svg, keepView);
  for (const entity of entities.values()) applyEntity(svg, entity);
  applyEdges(svg, statusOf);
  select(panel.name);
  applyFilter();
  search(document.getElementById('search').value);
}

function statusOf(name) {
  return entities.get(name)?.status;
}

function applyUpdate(payload) {
  for (const entity of payload.entities) {
    entities.set(entity.name, entity);
    if (svg) applyEntity(svg, entity);
    panel.update(entity);
  }
  for (const name of payload.removed || []) entities.delete(name);
  if (svg) applyEdges(svg, statusOf);
  summary(payload.summary);
  document.getElementById('updated').textContent = `updated ${new Date().toLocaleTimeString()}`;
}

function summary(data) {
  document.getElementById('title').textContent = data.title;
  document.title = `${data.counts.down ? `(${data.counts.down} down) ` : ''}${data.title}`;
  const chips = document.getElementById('chips');
  chips.replaceChildren();
  for (const status of STATUSES) {
    const count = data.counts[status] || 0;
    if (!count && status !== 'down') continue;
    const chip = document.createElement('button');
    chip.type = 'button';
    chip.className = `chip status-${status}`;
    chip.setAttribute('aria-pressed', String(filter === status));
    chip.append(status);
    const number = document.createElement('span');
    number.className = 'count';
    number.textContent = count;
    chip.append(number);
    chip.addEventListener('click', () => { filter = filter === status ? null : status; applyFilter(); summary(data); });
    chips.append(chip);
  }
  const roots = document.getElementById('roots');
  roots.replaceChildren();
  for (const root of data.roots) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = root.name;
    button.addEventListener('click', () => focusOn(root.name, true));
    roots.append('✖ ', button, root.casualties.length ? ` blocks ${root.casualties.length}` : '', '  ');
  }
  const banner = document.getElementById('banner');
  const errors = data.topology.reload_errors || [];
  const lines = [];
  if (errors.length) lines.push('The topology file on disk is invalid; the board keeps running the last good version.', ...errors);
  if (data.store && !data.store.writable) {
    lines.push(`The database cannot be written (${data.store.last_error}); the board runs on from memory and writes what waits (${data.store.queued}) when it can.`);
  }
  banner.hidden = lines.length === 0;
  banner.textContent = lines.join('\n');
  const version = data.topology.version;
  if (loadedVersion !== null && version !== loadedVersion) loadDiagram(true);
  loadedVersion = version;
}
let loadedVersion = null;

function applyFilter() {
  if (!svg) return;
  diagram.classList.toggle('filtered', filter !== null);
  for (const group of svg.querySelectorAll('g[data-entity]')) {
    group.classList.toggle('chosen', filter !== null && group.getAttribute('data-status') === filter);
  }
}

function select(name) {
  if (!svg) return;
  svg.querySelectorAll('.selected').forEach((element) => element.classList.remove('selected'));
  if (name) svg.querySelector(`g[data-entity="${CSS.escape(name)}"]`)?.classList.add('selected');
}

function focusOn(name, open) {
  const group = svg?.querySelector(`g[data-entity="${CSS.escape(name)}"]`);
  if (group) panZoom.show(group.getBBox());
  if (open) panel.show(name);
}

function search(text) {
  if (!svg) return;
  const wanted = text.trim().toLowerCase();
  let first = null;
  for (const group of svg.querySelectorAll('g[data-entity]')) {
    const match = wanted !== '' && group.getAttribute('data-entity').toLowerCase().includes(wanted);
    group.classList.toggle('match', match);
    if (match && !first) first = group;
  }
  if (first) panZoom.show(first.getBBox());
}

function connect() {
  const indicator = document.getElementById('connection');
  stream = new EventSource(streamUrl());
  stream.addEventListener('open', () => { indicator.textContent = 'live'; indicator.className = 'connection live'; });
  stream.addEventListener('error', () => { indicator.textContent = 'reconnecting…'; indicator.className = 'connection lost'; });
  stream.addEventListener('snapshot', (event) => {
    entities.clear();
    applyUpdate(JSON.parse(event.data));
  });
  stream.addEventListener('update', (event) => applyUpdate(JSON.parse(event.data)));
  stream.addEventListener('topology', () => loadDiagram(true));
}

diagram.addEventListener('click', (event) => {
  if (panZoom.wasPan()) return;
  const group = event.target.closest('g[data-entity]');
  if (group) panel.show(group.getAttribute('data-entity'));
});
document.getElementById('zoom-in').addEventListener('click', () => panZoom.zoom(1.25));
document.getElementById('zoom-out').addEventListener('click', () => panZoom.zoom(0.8));
document.getElementById('fit').addEventListener('click', () => panZoom.fit());
document.getElementById('reset').addEventListener('click', () => panZoom.reset());
document.getElementById('search').addEventListener('input', (event) => search(event.target.value));
document.getElementById('search').addEventListener('keydown', (event) => {
  // Keyboard users open what they found with Enter, as a click would.
  const match = svg?.querySelector('g.match[data-entity]');
  if (event.key === 'Enter' && match) panel.show(match.getAttribute('data-entity'));
});
document.getElementById('problems').addEventListener('change', (event) => diagram.classList.toggle('problems-only', event.target.checked));
document.getElementById('theme').addEventListener('click', () => {
  localStorage.setItem('topowatch.theme', theme() === 'dark' ? 'light' : 'dark');
  document.documentElement.dataset.theme = theme();
  loadDiagram(true);
});
document.addEventListener('keydown', (event) => {
  if (event.key === '/' && document.activeElement?.tagName !== 'INPUT') {
    event.preventDefault();
    document.getElementById('search').focus();
  } else if (event.key === 'Escape' && panel.open) {
    panel.close();
  }
});

document.documentElement.dataset.theme = theme();
// Alert messages link to /?focus=NAME: zoom to that entity and open its details.
const focusParam = new URLSearchParams(location.search).get('focus');
loadDiagram(false)
  .then(() => { if (focusParam) focusOn(focusParam, true); })
  .catch((error) => { diagram.textContent = `The diagram could not be loaded: ${error.message}`; });
getJson('/api/summary').then(summary).catch(() => { /* the stream brings it too */ });
connect();
