// The side panel: one entity in human form, its uptime, its response time over a chosen range (1 h to
// 30 d) as a sparkline, its recent changes and the buttons that act on it. Everything from the API goes in through textContent, and through
// visible(), so that a bidi override or a line break from a target or the file cannot disguise it.
import { getJson, post, visible } from './api.js';
import { statusLine } from './live.js';

const SVG = 'http://www.w3.org/2000/svg';
const HOUR = 3600 * 1000;
/** Each range the chart offers, with a step that gives it about 120 points. */
const RANGES = {
  '1h': { span: HOUR, step: '30s' },
  '24h': { span: 24 * HOUR, step: '15m' },
  '7d': { span: 7 * 24 * HOUR, step: '1h' },
  '30d': { span: 30 * 24 * HOUR, step: '6h' },
};
const WINDOWS = [['24h', '24 h'], ['7d', '7 d'], ['30d', '30 d']];

export class Panel {
  constructor(onSelect) {
    this.element = document.getElementById('panel');
    this.onSelect = onSelect;
    this.name = null;
    this.range = '24h';
    document.getElementById('close').addEventListener('click', () => this.close());
    for (const button of document.querySelectorAll('#ranges button')) {
      button.addEventListener('click', () => { this.range = button.dataset.range; this.chart(this.name); });
    }
    document.getElementById('check-now').addEventListener('click', () => this.act(`/api/entities/${encodeURIComponent(this.name)}/check`));
    document.getElementById('maintenance').addEventListener('click', () => this.act(`/api/maintenance?entity=${encodeURIComponent(this.name)}&minutes=60`));
  }

  get open() { return !this.element.hidden; }

  close() {
    this.element.hidden = true;
    this.name = null;
    this.onSelect(null);
  }

  async show(name) {
    this.name = name;
    this.element.hidden = false;
    this.onSelect(name);
    const [entity, transitions] = await Promise.all([
      getJson(`/api/entities/${encodeURIComponent(name)}`),
      getJson(`/api/transitions?entity=${encodeURIComponent(name)}&limit=10`).catch(() => []),
      this.chart(name),
    ]);
    if (this.name !== name) return;
    this.render(entity);
    this.transitions(transitions);
    document.getElementById('action-result').textContent = '';
  }

  /** The response-time chart of {@code name} over the chosen range. */
  async chart(name) {
    if (!name) return;
    const range = RANGES[this.range];
    for (const button of document.querySelectorAll('#ranges button')) {
      button.setAttribute('aria-pressed', String(button.dataset.range === this.range));
    }
    const from = new Date(Date.now() - range.span).toISOString().replace(/\.\d+Z$/, 'Z');
    const history = await getJson(`/api/entities/${encodeURIComponent(name)}/history?from=${from}&step=${range.step}`)
      .catch(() => ({ points: [], step: 0 }));
    if (this.name === name) this.sparkline(history.points, range.span, history.step * 1000);
  }

  /**
   * The stream says the shown entity changed. It streams only what the diagram redraws from, so the
   * panel asks for the whole entity again, at most once a second.
   */
  update(entity) {
    if (!this.open || entity.name !== this.name || this.refreshing) return;
    this.refreshing = setTimeout(async () => {
      this.refreshing = null;
      const name = this.name;
      if (!name) return;
      try {
        const fresh = await getJson(`/api/entities/${encodeURIComponent(name)}`);
        if (this.name === name) this.render(fresh);
      } catch { /* the next update tries again */ }
    }, 1000);
  }

  render(entity) {
    document.getElementById('panel-name').textContent = visible(entity.name);
    const status = document.getElementById('panel-status');
    status.className = `panel-status status-${entity.status}`;
    status.textContent = statusLine(entity) + (entity.since ? ` since ${new Date(entity.since).toLocaleString()}` : '');
    document.getElementById('panel-uptime').textContent = uptime(entity.uptime);
    const facts = document.getElementById('panel-facts');
    facts.replaceChildren();
    const fact = (label, value, link) => {
      if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return;
      const term = document.createElement('dt');
      term.textContent = visible(label);
      const description = document.createElement('dd');
      if (link) {
        for (const [index, name] of value.entries()) {
          const button = document.createElement('a');
          button.href = '#';
          button.textContent = visible(name);
          button.addEventListener('click', (event) => { event.preventDefault(); this.show(name); });
          description.append(button, index < value.length - 1 ? ', ' : '');
        }
      } else {
        description.textContent = visible(Array.isArray(value) ? value.join(', ') : value);
      }
      facts.append(term, description);
    };
    fact('type', entity.type + (entity.runtime ? ` (${entity.runtime})` : ''));
    fact('server', entity.server ? [entity.server] : null, true);
    fact('description', entity.description);
    fact('last check', entity.lastcheck ? new Date(entity.lastcheck).toLocaleString() : null);
    fact('latency', entity.latency_ms !== null ? `${entity.latency_ms} ms` : null);
    fact('success ratio', entity.success_ratio !== null ? `${(entity.success_ratio * 100).toFixed(2)}%` : null);
    fact('checks', `${entity.success_count} ok, ${entity.fail_count} failed, ${entity.blocked_count} while blocked`);
    // A pending heartbeat (unknown) explains what it waits for in the same field: not an error.
    fact(entity.status === 'unknown' ? 'note' : 'last error', entity.last_error);
    fact('root cause', entity.root_cause, true);
    fact('blocked by', entity.blocked_by, true);
    fact('depends on', entity.dependencies, true);
    fact('dependents', entity.dependents, true);
    for (const [key, value] of Object.entries(entity.extra || {})) fact(key, value);
    // Kept from the last check that captured them while this one fails or is blocked: said so, with their time.
    if (entity.extra_stale && entity.extra_at) fact('captured values', `stale, from ${new Date(entity.extra_at).toLocaleString()}`);
    if (entity.link && /^https?:\/\//i.test(entity.link)) {
      const term = document.createElement('dt');
      term.textContent = 'link';
      const description = document.createElement('dd');
      const anchor = document.createElement('a');
      anchor.href = entity.link;
      anchor.rel = 'noopener noreferrer';
      anchor.target = '_blank';
      anchor.textContent = visible(entity.link);
      description.append(anchor);
      facts.append(term, description);
    }
  }

  /** Latency as a line; steps with failures or blocked checks as bands behind it. */
  sparkline(points, span, stepMillis) {
    const box = document.getElementById('panel-sparkline');
    box.replaceChildren();
    if (!points.length) {
      box.textContent = 'no history yet';
      return;
    }
    const width = 300;
    const height = 60;
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
    svg.setAttribute('preserveAspectRatio', 'none');
    const times = points.map((point) => Date.parse(point.start));
    const first = Date.now() - span;
    const x = (time) => ((time - first) / span) * width;
    const slowest = Math.max(1, ...points.map((point) => point.latency_avg_ms || 0));
    const stepWidth = Math.max(2, (stepMillis / span) * width);
    points.forEach((point, index) => {
      const kind = point.blocked > 0 ? 'blocked' : point.failures > 0 ? 'failed' : null;
      if (!kind) return;
      const band = document.createElementNS(SVG, 'rect');
      band.setAttribute('class', kind);
      band.setAttribute('x', x(times[index]));
      band.setAttribute('y', 0);
      band.setAttribute('width', stepWidth);
      band.setAttribute('height', height);
      svg.append(band);
    });
    const line = document.createElementNS(SVG, 'polyline');
    line.setAttribute('class', 'latency');
    line.setAttribute('points', points.map((point, index) =>
      `${x(times[index]).toFixed(1)},${(height - 4 - ((point.latency_avg_ms || 0) / slowest) * (height - 8)).toFixed(1)}`).join(' '));
    svg.append(line);
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `latency up to ${slowest} ms over the last ${this.range}`;
    svg.append(title);
    box.append(svg);
  }

  transitions(transitions) {
    const list = document.getElementById('panel-transitions');
    list.replaceChildren();
    for (const transition of transitions) {
      const item = document.createElement('li');
      item.textContent = visible(`${new Date(transition.at).toLocaleString()}: ${transition.from} → ${transition.to}`
        + (transition.reason ? ` (${transition.reason})` : ''));
      list.append(item);
    }
    if (!transitions.length) list.textContent = 'none yet';
  }

  async act(path) {
    const result = document.getElementById('action-result');
    result.textContent = '…';
    const outcome = await post(path);
    result.textContent = outcome.ok ? 'done' : visible(`refused (${outcome.status}) ${outcome.detail}`);
  }
}

/** "uptime 24 h 99.95% · 7 d 99.90% · 30 d 99.81%", a dash for a window with no checks; empty without uptime. */
function uptime(windows) {
  if (!windows) return '';
  const ratio = (value) => (value === null || value === undefined ? '–' : `${(value * 100).toFixed(2)}%`);
  return `uptime ${WINDOWS.map(([key, label]) => `${label} ${ratio(windows[key])}`).join(' · ')}`;
}
