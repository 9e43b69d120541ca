// A tile sums up its entities: the colour of the worst, the counts ("12 up · 1 down · 3 blocked"),
// a bar of their shares. Recomputed here as statuses change, the same way the server draws it.
import { shorten, symbol } from './live.js';

const SEVERITY = ['down', 'blocked', 'degraded', 'maintenance', 'unknown', 'up'];
const COUNT_ORDER = ['up', 'down', 'blocked', 'degraded', 'maintenance', 'unknown'];
const SVG = 'http://www.w3.org/2000/svg';

export function worst(statuses) {
  let rank = SEVERITY.length - 1;
  for (const status of statuses) rank = Math.min(rank, SEVERITY.indexOf(status) < 0 ? rank : SEVERITY.indexOf(status));
  return SEVERITY[rank];
}

function counts(statuses) {
  const counted = {};
  for (const status of statuses) counted[status] = (counted[status] || 0) + 1;
  return counted;
}

export function countLine(counted, limit) {
  const words = COUNT_ORDER.filter((status) => counted[status]).map((status) => `${counted[status]} ${status}`).join(' · ') || 'empty';
  if ([...words].length <= limit) return words;
  return shorten(COUNT_ORDER.filter((status) => counted[status]).map((status) => `${counted[status]} ${symbol(status)}`).join(' ') || 'empty', limit);
}

/** The count line for these statuses, within {@code limit} characters. */
export function countText(statuses, limit) {
  return countLine(counts(statuses), limit);
}

/** {@code tile} (a g.tile) shows the statuses of its members. */
export function applyTile(tile, statuses) {
  const colour = worst(statuses);
  for (const name of [...tile.classList]) {
    if (name.startsWith('worst-')) tile.classList.remove(name);
  }
  tile.classList.add(`worst-${colour}`);
  tile.setAttribute('data-status', colour);
  const counted = counts(statuses);
  const line = tile.querySelector('text.tile-counts');
  if (line) line.textContent = countLine(counted, Number(line.getAttribute('data-characters')) || 40);
  const title = tile.querySelector(':scope > title');
  if (title) title.textContent = `${title.textContent.split('\n')[0]}\n${countLine(counted, 200)}`;
  const bar = tile.querySelector('g.tile-bar');
  if (bar) {
    const x = Number(bar.dataset.x);
    const width = Number(bar.dataset.width);
    let left = x;
    bar.replaceChildren();
    for (const status of SEVERITY) {
      if (!counted[status]) continue;
      const share = width * counted[status] / Math.max(1, statuses.length);
      const rect = document.createElementNS(SVG, 'rect');
      rect.setAttribute('class', `bar bar-${status}`);
      rect.setAttribute('x', left);
      rect.setAttribute('y', bar.dataset.y);
      rect.setAttribute('width', share);
      rect.setAttribute('height', bar.dataset.height);
      bar.append(rect);
      left += share;
    }
  }
}
