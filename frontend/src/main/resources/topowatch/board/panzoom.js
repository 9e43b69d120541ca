// Pan and zoom by changing the SVG's viewBox: mouse drag and wheel, two-finger pinch, keyboard.
// Every change of view is reported (onChange), so that the page can open tiles as they grow readable.
const MAX_SCALE = 1.25;

export class PanZoom {
  constructor(stage, onChange) {
    this.stage = stage;
    this.onChange = onChange || (() => {});
    this.svg = null;
    this.home = null;
    this.pointers = new Map();
    stage.addEventListener('wheel', (event) => this.onWheel(event), { passive: false });
    stage.addEventListener('pointerdown', (event) => this.onDown(event));
    stage.addEventListener('pointermove', (event) => this.onMove(event));
    for (const type of ['pointerup', 'pointercancel', 'pointerleave']) {
      stage.addEventListener(type, (event) => this.onUp(event));
    }
    stage.addEventListener('keydown', (event) => this.onKey(event));
  }

  /** A new SVG: keep the view when asked (a reload of the same picture), else fit it. */
  attach(svg, keepView) {
    const previous = this.view;
    this.svg = svg;
    const box = svg.viewBox.baseVal;
    svg.removeAttribute('width');
    svg.removeAttribute('height');
    svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    // A small drawing is not blown up past MAX_SCALE: its home view is the window at that scale.
    const stage = this.stage.getBoundingClientRect();
    const width = Math.max(box.width, stage.width / MAX_SCALE);
    const height = Math.max(box.height, stage.height / MAX_SCALE);
    this.home = { x: box.x - (width - box.width) / 2, y: box.y - (height - box.height) / 2, width, height };
    if (keepView && previous) this.set(previous); else this.fit();
  }

  get view() {
    if (!this.svg) return null;
    const box = this.svg.viewBox.baseVal;
    return { x: box.x, y: box.y, width: box.width, height: box.height };
  }

  set(view) {
    this.svg.setAttribute('viewBox', `${view.x} ${view.y} ${view.width} ${view.height}`);
    this.onChange();
  }

  /** Window pixels per drawing unit, as shown now. */
  scale() {
    if (!this.svg) return 1;
    const rect = this.svg.getBoundingClientRect();
    const view = this.view;
    return Math.min(rect.width / view.width, rect.height / view.height);
  }

  fit() { if (this.svg) this.set(this.home); }

  reset() { this.fit(); }

  /** Zoom by factor around a point given in screen pixels (the centre when omitted). */
  zoom(factor, clientX, clientY) {
    if (!this.svg) return;
    const view = this.view;
    const rect = this.svg.getBoundingClientRect();
    const px = clientX === undefined ? 0.5 : (clientX - rect.left) / rect.width;
    const py = clientY === undefined ? 0.5 : (clientY - rect.top) / rect.height;
    const closest = Math.min(this.home.width / 60, rect.width / 3);
    const width = Math.min(Math.max(view.width / factor, closest), this.home.width * 4);
    const height = width * view.height / view.width;
    this.set({ x: view.x + (view.width - width) * px, y: view.y + (view.height - height) * py, width, height });
  }

  pan(dx, dy) {
    if (!this.svg) return;
    const view = this.view;
    const rect = this.svg.getBoundingClientRect();
    const scale = Math.max(view.width / rect.width, view.height / rect.height);
    this.set({ ...view, x: view.x - dx * scale, y: view.y - dy * scale });
  }

  /** Bring a region (drawing coordinates) into view, as large as fits but not beyond MAX_SCALE. */
  show(box) {
    const rect = this.svg.getBoundingClientRect();
    const margin = 1.15;
    const scale = Math.min(MAX_SCALE, rect.width / (box.width * margin), rect.height / (box.height * margin));
    const width = rect.width / scale;
    const height = rect.height / scale;
    this.set({ x: box.x + box.width / 2 - width / 2, y: box.y + box.height / 2 - height / 2, width, height });
  }

  onWheel(event) {
    event.preventDefault();
    this.zoom(event.deltaY < 0 ? 1.15 : 1 / 1.15, event.clientX, event.clientY);
  }

  onDown(event) {
    if (event.button !== 0) return;
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    this.moved = 0;
  }

  onMove(event) {
    const last = this.pointers.get(event.pointerId);
    if (!last) return;
    if (this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      const before = Math.hypot(a.x - b.x, a.y - b.y);
      this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      const [c, d] = [...this.pointers.values()];
      const after = Math.hypot(c.x - d.x, c.y - d.y);
      if (before > 0) this.zoom(after / before, (c.x + d.x) / 2, (c.y + d.y) / 2);
      return;
    }
    const dx = event.clientX - last.x;
    const dy = event.clientY - last.y;
    this.moved += Math.abs(dx) + Math.abs(dy);
    if (this.moved > 4) {
      this.stage.classList.add('panning');
      this.pan(dx, dy);
    }
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
  }

  onUp(event) {
    this.pointers.delete(event.pointerId);
    if (this.pointers.size === 0) this.stage.classList.remove('panning');
  }

  /** A click is a click unless the pointer travelled: then it was a pan. */
  wasPan() { return this.moved > 4; }

  onKey(event) {
    const step = 60;
    const keys = {
      '+': () => this.zoom(1.25), '=': () => this.zoom(1.25), '-': () => this.zoom(0.8), '0': () => this.fit(),
      ArrowLeft: () => this.pan(step, 0), ArrowRight: () => this.pan(-step, 0),
      ArrowUp: () => this.pan(0, step), ArrowDown: () => this.pan(0, -step),
    };
    if (keys[event.key] && event.target === this.stage) {
      event.preventDefault();
      keys[event.key]();
    }
  }
}
