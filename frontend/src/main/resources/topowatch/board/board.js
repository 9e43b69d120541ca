// The board page: the live diagram, kept current from /api/stream without reloading or re-laying-out.
// The overview opens first (every server a tile, packed to the window, problems drawn on their own);
// zooming in opens tiles in place; ?view=problems and ?focus=NAME open those views instead.
import { getJson, streamClosed, streamUrl, visible } from './api.js';
import { PanZoom } from './panzoom.js';
import { applyEdge, applyEntity, statusLine } from './live.js';
import { applyTile, countText } from './tiles.js';
import { Diagram } from './diagram.js';
import { Panel } from './panel.js';

const STATUSES = ['down', 'blocked', 'degraded', 'maintenance', 'unknown', 'up'];
const entities = new Map();
const stage = document.getElementById('stage');
const searchBox = document.getElementById('search');
let zoomQueued = false;
const panZoom = new PanZoom(stage, () => {
  if (zoomQueued) return;
  zoomQueued = true;
  requestAnimationFrame(() => { zoomQueued = false; diagram.semanticZoom(); });
});
const diagram = new Diagram(document.getElementById('diagram'), panZoom, (inserted) => {
  recolour(inserted);
  applyFilter();
  search(searchBox.value, false);
});
const panel = new Panel((name) => select(name));
const state = viewFromUrl();
// The project picked stays across the overview and the problems view; a focus shows a neighbourhood whatever its project.
let project = new URLSearchParams(location.search).get('project') || '';
let filter = null;
let snapshotSeen = false;
let reloadTimer = null;
let loadedVersion = null;

function viewFromUrl() {
  const params = new URLSearchParams(location.search);
  if (params.get('focus')) return { view: 'focus', focus: params.get('focus'), depth: Number(params.get('depth')) || 1 };
  return { view: ['problems', 'layered'].includes(params.get('view')) ? params.get('view') : 'overview' };
}

function theme() {
  const chosen = localStorage.getItem('topowatch.theme');
  if (chosen) return chosen;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

function pictureUrl() {
  const rect = stage.getBoundingClientRect();
  const size = (pixels) => Math.min(10000, Math.max(200, Math.round(pixels)));
  if (state.view === 'focus') return `/diagram.svg?focus=${encodeURIComponent(state.focus)}&depth=${state.depth}&theme=${theme()}`;
  const narrowed = project && state.view !== 'layered' ? `&project=${encodeURIComponent(project)}` : '';
  return `/diagram.svg?view=${state.view}&width=${size(rect.width)}&height=${size(rect.height)}&theme=${theme()}${narrowed}`;
}

async function loadDiagram(keepView) {
  diagram.theme = theme();
  await diagram.load(pictureUrl(), keepView);
  recolour(diagram.svg);
  select(panel.name);
  applyFilter();
  search(searchBox.value, false);
  diagram.semanticZoom();
  showViewControls();
}

function statusOf(name) {
  return entities.get(name)?.status;
}

/** How many entities name each root in their root cause. */
function casualtyCounts() {
  const counts = new Map();
  for (const entity of entities.values()) {
    for (const root of entity.root_cause || []) counts.set(root, (counts.get(root) || 0) + 1);
  }
  return counts;
}

/** Everything drawn under {@code root} shows the statuses the page knows. */
function recolour(root) {
  if (!diagram.svg || !entities.size) return;
  const counts = casualtyCounts();
  for (const box of root.querySelectorAll('g.entity[data-entity]')) {
    const entity = entities.get(box.getAttribute('data-entity'));
    if (entity) applyEntity(box, entity, counts.get(entity.name) || 0);
  }
  for (const line of root.querySelectorAll('text.tile-status[data-server]')) serverLine(line);
  for (const id of diagram.tiles.keys()) recolourTile(id);
  recolourProjects();
  for (const edge of diagram.edges) applyEdge(edge, statusOf);
}

function recolourProjects() {
  for (const frame of diagram.projects) applyTile(frame.element, frame.members.map((name) => statusOf(name) || 'unknown'));
}

function serverLine(line) {
  const entity = entities.get(line.getAttribute('data-server'));
  if (entity) line.textContent = statusLine(entity) + (entity.runtime ? ` · ${entity.runtime}` : '');
}

function recolourTile(id) {
  const tile = diagram.tiles.get(id);
  if (!tile) return;
  const statuses = tile.members.map((name) => statusOf(name) || 'unknown');
  applyTile(tile.element, statuses);
  const counts = diagram.details.get(id)?.querySelector('text.tile-counts');
  if (counts) counts.textContent = countText(statuses, Number(counts.getAttribute('data-characters')) || 40);
}

function applyUpdate(payload) {
  const changed = [];
  for (const entity of payload.entities) {
    entities.set(entity.name, entity);
    changed.push(entity.name);
    panel.update(entity);
  }
  for (const name of payload.removed || []) entities.delete(name);
  if (diagram.svg) {
    const counts = casualtyCounts();
    const tiles = new Set();
    for (const name of changed) {
      const entity = entities.get(name);
      for (const box of diagram.elementsOf(name)) applyEntity(box, entity, counts.get(name) || 0);
      const line = diagram.serverLines.get(name);
      if (line) serverLine(line);
      if (diagram.tileOf.has(name)) tiles.add(diagram.tileOf.get(name));
    }
    // A root's "blocks N" follows its casualties, which may have changed without it.
    for (const problem of diagram.svg.querySelectorAll('g.problem[data-entity]')) {
      const entity = entities.get(problem.getAttribute('data-entity'));
      if (entity) applyEntity(problem, entity, counts.get(entity.name) || 0);
    }
    for (const id of tiles) recolourTile(id);
    if (tiles.size) recolourProjects();
    for (const edge of diagram.edges) applyEdge(edge, statusOf);
    applyFilter();
    reloadIfProblemsChanged();
  }
  summary(payload.summary);
  document.getElementById('updated').textContent = `updated ${new Date().toLocaleTimeString()}`;
}

/**
 * The overview draws every problem as a box of its own, and the problems view draws only problems:
 * when what is wrong changes, the picture is drawn again (the same layout, so the view stays).
 */
function reloadIfProblemsChanged() {
  if (!snapshotSeen || !['overview', 'problems'].includes(diagram.view)) return;
  const relevant = diagram.view === 'problems' ? ['down', 'blocked', 'degraded'] : ['down', 'degraded'];
  const drawn = diagram.problems.split(' ').filter((pair) => relevant.includes(pair.split(':')[1])).join(' ');
  const now = [...entities.values()].filter((entity) => relevant.includes(entity.status)).map((entity) => entity.name).sort()
    .map((name) => `${name}:${entities.get(name).status}`).join(' ');
  // Not pushed back by the next update: on a busy board updates come every 250 ms.
  if (drawn === now || reloadTimer) return;
  reloadTimer = setTimeout(() => {
    reloadTimer = null;
    loadDiagram(true).catch(failed);
  }, 300);
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
    button.addEventListener('click', () => reveal(root.name, true));
    roots.append('✖ ', button, root.casualties.length ? ` blocks ${root.casualties.length}` : '', '  ');
  }
  const banner = document.getElementById('banner');
  const errors = data.topology.reload_errors || [];
  const lines = [];
  if (errors.length) lines.push('The topology file on disk is invalid; the board keeps running the last good version.', ...errors.map(visible));
  if (data.store && !data.store.writable) {
    lines.push(`The database cannot be written (${visible(data.store.last_error)}); the board runs on from memory and writes what waits (${data.store.queued}) when it can.`);
  }
  banner.hidden = lines.length === 0;
  banner.textContent = lines.join('\n');
  const version = data.topology.version;
  if (loadedVersion !== null && version !== loadedVersion) loadDiagram(true);
  loadedVersion = version;
}

function applyFilter() {
  if (!diagram.svg) return;
  diagram.container.classList.toggle('filtered', filter !== null);
  for (const element of diagram.svg.querySelectorAll('g[data-status]')) {
    element.classList.toggle('chosen', filter !== null && element.getAttribute('data-status') === filter);
  }
}

function select(name) {
  if (!diagram.svg) return;
  diagram.svg.querySelectorAll('.selected').forEach((element) => element.classList.remove('selected'));
  if (name) diagram.elementsOf(name).forEach((box) => box.classList.add('selected'));
}

function displayed(element) {
  const rect = element.getBoundingClientRect();
  return rect.width > 0 && rect.height > 0;
}

/** Brings {@code name} into view: its box if one is drawn, else its tile (which opens as the view closes in). */
function reveal(name, openPanel) {
  const box = diagram.elementsOf(name).find(displayed);
  const tile = diagram.tiles.get(diagram.tileOf.get(name)) || diagram.tiles.get(name);
  if (box) panZoom.show(diagram.boxOf(box));
  else if (tile) panZoom.show(diagram.boxOf(tile.element));
  if (openPanel) panel.show(name);
}

function search(text, move = true) {
  if (!diagram.svg) return;
  const wanted = text.trim().toLowerCase();
  diagram.svg.querySelectorAll('.match').forEach((element) => element.classList.remove('match'));
  if (wanted === '') return;
  let first = null;
  for (const [name, boxes] of diagram.boxes) {
    if (!name.toLowerCase().includes(wanted)) continue;
    boxes.forEach((box) => box.classList.add('match'));
    first = first || boxes.find(displayed);
  }
  let firstTile = null;
  for (const tile of diagram.tiles.values()) {
    if (tile.members.some((name) => name.toLowerCase().includes(wanted))) {
      tile.element.classList.add('match');
      firstTile = firstTile || tile.element;
    }
  }
  if (!move) return;
  if (first) panZoom.show(diagram.boxOf(first));
  else if (firstTile) panZoom.show(diagram.boxOf(firstTile));
}

/** Says which view is shown, with a way back to the overview. */
/** The picker offers the projects the picture names (all of the topology's, whichever is shown). */
function showProjectPicker() {
  const picker = document.getElementById('project');
  const names = (diagram.svg?.dataset.projects || '').split(' ').filter(Boolean);
  picker.hidden = names.length === 0;
  picker.replaceChildren(new Option('all projects', ''), ...names.map((name) => new Option(name, name)));
  picker.value = names.includes(project) ? project : '';
  picker.disabled = state.view === 'focus' || state.view === 'layered';
}

function pickProject(name) {
  project = name;
  const params = new URLSearchParams(location.search);
  if (project) params.set('project', project);
  else params.delete('project');
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
  loadDiagram(false).catch(failed);
}

function showViewControls() {
  showProjectPicker();
  document.getElementById('problems').checked = state.view === 'problems';
  const note = document.getElementById('view-note');
  note.replaceChildren();
  note.hidden = state.view !== 'focus' && state.view !== 'layered';
  if (note.hidden) return;
  note.append(state.view === 'focus' ? `focus: ${state.focus} ` : 'layered ');
  const back = document.createElement('button');
  back.type = 'button';
  back.textContent = '× overview';
  back.addEventListener('click', () => switchView({ view: 'overview' }));
  note.append(back);
}

function switchView(next) {
  Object.keys(state).forEach((key) => delete state[key]);
  Object.assign(state, next);
  const params = new URLSearchParams(location.search);
  ['view', 'focus', 'depth'].forEach((key) => params.delete(key));
  if (next.view === 'focus') params.set('focus', next.focus);
  else if (next.view !== 'overview') params.set('view', next.view);
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}`);
  loadDiagram(false).catch(failed);
}

document.getElementById('project').addEventListener('change', (event) => pickProject(event.target.value));

function failed(error) {
  // A project renamed or taken out of the topology (a bookmark, a reload): the whole board instead.
  if (project && error.message.endsWith(': 404')) {
    pickProject('');
    return;
  }
  document.getElementById('diagram').textContent = `The diagram could not be loaded: ${error.message}`;
}

function connect() {
  const indicator = document.getElementById('connection');
  const stream = new EventSource(streamUrl());
  stream.addEventListener('open', () => { indicator.textContent = 'live'; indicator.className = 'connection live'; });
  stream.addEventListener('error', () => {
    indicator.textContent = 'reconnecting…';
    indicator.className = 'connection lost';
    if (stream.readyState === EventSource.CLOSED) streamClosed();
  });
  stream.addEventListener('snapshot', (event) => {
    entities.clear();
    snapshotSeen = true;
    applyUpdate(JSON.parse(event.data));
    if (diagram.svg) recolour(diagram.svg);
  });
  stream.addEventListener('update', (event) => applyUpdate(JSON.parse(event.data)));
  stream.addEventListener('topology', () => loadDiagram(true).catch(failed));
}

document.getElementById('diagram').addEventListener('click', (event) => {
  if (panZoom.wasPan()) return;
  const box = event.target.closest('g.entity[data-entity]');
  if (box) {
    panel.show(box.getAttribute('data-entity'));
    return;
  }
  const tile = event.target.closest('g.tile[data-tile]');
  if (!tile) return;
  if (tile.classList.contains('closed') && !tile.classList.contains('open')) panZoom.show(diagram.boxOf(tile));
  else if (tile.hasAttribute('data-entity')) panel.show(tile.getAttribute('data-entity'));
});
let litTile = null;
document.getElementById('diagram').addEventListener('pointerover', (event) => {
  const id = event.target.closest('g.tile[data-tile]')?.getAttribute('data-tile') ?? null;
  if (id === litTile) return;
  litTile = id;
  diagram.light(id);
});
document.getElementById('zoom-in').addEventListener('click', () => panZoom.zoom(1.25));
document.getElementById('zoom-out').addEventListener('click', () => panZoom.zoom(0.8));
document.getElementById('fit').addEventListener('click', () => panZoom.fit());
document.getElementById('reset').addEventListener('click', () => panZoom.reset());
searchBox.addEventListener('input', (event) => search(event.target.value));
searchBox.addEventListener('keydown', (event) => {
  // Keyboard users open what they found with Enter, as a click would.
  if (event.key !== 'Enter') return;
  const match = diagram.svg?.querySelector('g.entity.match[data-entity]');
  const tile = diagram.svg?.querySelector('g.tile.match[data-tile]');
  if (match) panel.show(match.getAttribute('data-entity'));
  else if (tile) {
    const wanted = searchBox.value.trim().toLowerCase();
    const name = diagram.tiles.get(tile.getAttribute('data-tile')).members.find((member) => member.toLowerCase().includes(wanted));
    if (name) panel.show(name);
  }
});
document.getElementById('problems').addEventListener('change', (event) => switchView({ view: event.target.checked ? 'problems' : 'overview' }));
document.getElementById('theme').addEventListener('click', () => {
  localStorage.setItem('topowatch.theme', theme() === 'dark' ? 'light' : 'dark');
  document.documentElement.dataset.theme = theme();
  loadDiagram(true).catch(failed);
});
document.addEventListener('keydown', (event) => {
  if (event.key === '/' && document.activeElement?.tagName !== 'INPUT') {
    event.preventDefault();
    searchBox.focus();
  } else if (event.key === 'Escape' && panel.open) {
    panel.close();
  }
});
let resizeTimer = null;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  // The overview is packed for the window's shape: a new shape, a new packing.
  if (state.view !== 'focus') resizeTimer = setTimeout(() => loadDiagram(false).catch(failed), 400);
});

document.documentElement.dataset.theme = theme();
loadDiagram(false)
  .then(() => { if (state.view === 'focus') panel.show(state.focus); })
  .catch(failed);
getJson('/api/summary').then(summary).catch(() => { /* the stream brings it too */ });
connect();
