// The drawn diagram: loads a view's SVG, indexes what live updates recolour, and opens closed tiles
// in place as they grow large enough to read (semantic zoom), fetching each tile's inside on demand.
import { getText } from './api.js';

export class Diagram {
  constructor(container, panZoom, onInserted) {
    this.container = container;
    this.panZoom = panZoom;
    this.onInserted = onInserted;
    this.svg = null;
    this.boxes = new Map();
    this.tiles = new Map();
    this.tileOf = new Map();
    this.projects = [];
    this.edges = [];
    this.serverLines = new Map();
    this.opening = new Map();
    this.details = new Map();
    this.theme = 'light';
  }

  /** Loads a picture (an /diagram.svg URL) and shows it; keeps the view when the same kind of picture is reloaded. */
  async load(url, keepView) {
    const text = await getText(url);
    const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    if (parsed.querySelector('parsererror')) throw new Error('the diagram is not valid SVG');
    const svg = document.importNode(parsed.documentElement, true);
    this.container.replaceChildren(svg);
    this.svg = svg;
    this.opening.clear();
    this.details.clear();
    this.boxes.clear();
    this.tiles.clear();
    this.tileOf.clear();
    this.projects = [];
    this.edges = [];
    this.serverLines.clear();
    this.index(svg);
    this.panZoom.attach(svg, keepView);
    return svg;
  }

  get view() { return this.svg?.dataset.view; }

  /** What was wrong when this picture was drawn, "name:status" sorted by name. */
  get problems() { return this.svg?.dataset.problems || ''; }

  index(root) {
    for (const box of root.querySelectorAll('g.entity[data-entity]')) {
      const name = box.getAttribute('data-entity');
      if (!this.boxes.has(name)) this.boxes.set(name, []);
      this.boxes.get(name).push(box);
    }
    for (const tile of root.querySelectorAll('g.tile[data-tile]')) {
      const members = (tile.getAttribute('data-members') || '').split(' ').filter(Boolean);
      const frame = tile.querySelector(':scope > rect.frame');
      // A closed tile can be larger than its open inside (it must hold its summary at the overview's
      // scale): the inside is drawn enlarged to fill it, and opens once that enlarged inside is readable.
      const width = Number(frame.getAttribute('width'));
      const height = Number(frame.getAttribute('height'));
      const innerWidth = Number(tile.getAttribute('data-inner-width')) || width;
      const innerHeight = Number(tile.getAttribute('data-inner-height')) || height;
      const enlarge = Math.max(1, Math.min(width / innerWidth, height / innerHeight));
      const place = {
        x: Number(frame.getAttribute('x')) + (width - innerWidth * enlarge) / 2,
        y: Number(frame.getAttribute('y')) + (height - innerHeight * enlarge) / 2,
      };
      this.tiles.set(tile.getAttribute('data-tile'), { element: tile, members, frame, enlarge, place });
      for (const member of members) this.tileOf.set(member, tile.getAttribute('data-tile'));
    }
    for (const frame of root.querySelectorAll('g.project[data-project]')) {
      this.projects.push({ element: frame, members: (frame.getAttribute('data-members') || '').split(' ').filter(Boolean) });
    }
    for (const line of root.querySelectorAll('text.tile-status[data-server]')) this.serverLines.set(line.getAttribute('data-server'), line);
    this.edges.push(...root.querySelectorAll('path.edge[data-links]'));
  }

  /** Lights the bundles between tile {@code id} and others (null: none), which a large overview keeps quiet. */
  light(id) {
    for (const edge of this.edges) {
      if (!edge.classList.contains('bundle')) continue;
      const ends = (edge.getAttribute('data-links') || '').split(/[ >|]/).filter(Boolean);
      edge.classList.toggle('lit', id !== null && ends.some((name) => this.tileOf.get(name) === id || name === id));
    }
  }

  /** Every drawn box of {@code name} (a problem box and a full box may both show it). */
  elementsOf(name) { return this.boxes.get(name) || []; }

  /** A box or tile's place in drawing coordinates (the viewBox's), whatever groups it sits in. */
  boxOf(element) {
    const inverse = this.svg.getScreenCTM().inverse();
    const rect = element.getBoundingClientRect();
    const a = new DOMPoint(rect.left, rect.top).matrixTransform(inverse);
    const b = new DOMPoint(rect.right, rect.bottom).matrixTransform(inverse);
    return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
  }

  /** Tiles drawn closed open where they are on screen once the view is close enough to read them. */
  semanticZoom() {
    if (!this.svg || this.svg.dataset.tiles !== 'closed') return;
    const scale = this.panZoom.scale();
    const readable = Number(this.svg.dataset.openScale || 0.7);
    const stage = this.container.getBoundingClientRect();
    for (const [id, tile] of this.tiles) {
      const rect = tile.element.getBoundingClientRect();
      const visible = rect.right > stage.left && rect.left < stage.right && rect.bottom > stage.top && rect.top < stage.bottom;
      if (visible && scale * tile.enlarge >= readable) {
        this.openTile(id);
      } else {
        tile.element.classList.remove('open');
        const detail = this.details.get(id);
        if (detail) detail.style.display = 'none';
      }
    }
  }

  async openTile(id) {
    const tile = this.tiles.get(id);
    tile.element.classList.add('open');
    const shown = this.details.get(id);
    if (shown) shown.style.display = '';
    if (this.opening.has(id)) return;
    const svg = this.svg;
    this.opening.set(id, true);
    try {
      const text = await getText(`/diagram.svg?tile=${encodeURIComponent(id)}&theme=${this.theme}`);
      if (svg !== this.svg) return;
      const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
      const detail = parsed.querySelector('g.detail');
      if (!detail) return;
      const inserted = document.importNode(detail, true);
      inserted.setAttribute('transform', `translate(${tile.place.x},${tile.place.y}) scale(${tile.enlarge})`);
      svg.querySelector('g.details').append(inserted);
      this.details.set(id, inserted);
      if (!tile.element.classList.contains('open')) inserted.style.display = 'none';
      this.index(inserted);
      this.onInserted(inserted);
    } catch (error) {
      this.opening.delete(id);
      tile.element.classList.remove('open');
    }
  }
}
