// Talking to the board: the read token (from ?token= or entered once) and the write token, kept
// for this browser tab only.
const params = new URLSearchParams(location.search);
if (params.has('token')) sessionStorage.setItem('topowatch.read', params.get('token'));

export function readToken() {
  return sessionStorage.getItem('topowatch.read');
}

// Characters that would hide themselves, break a line or turn the text around (U+202E makes
// "exe.txt" of "txt.exe"): control and format characters, line and paragraph separators. The joiners
// that emoji and some scripts need (U+200C, U+200D) stay. The server's Printable follows the same rule.
const HIDDEN = /(?![\u200C\u200D])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** Text from the board as the page may show it: every hidden character written as \uXXXX. */
export function visible(text) {
  return String(text).replace(HIDDEN, (character) => `\\u${character.codePointAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The board has a read token and this tab has none, or a wrong one: say so and take one. The page
 * starts again with it, since the picture, the summary and the stream all need it.
 */
export function askForReadToken() {
  const indicator = document.getElementById('connection');
  indicator.textContent = 'needs a token';
  indicator.className = 'connection lost';
  const form = document.getElementById('token-form');
  if (!form.hidden) return;
  document.getElementById('token-reason').textContent = readToken()
    ? 'The board refused the read token this tab has.' : 'This board needs its read token (board.read_token) to be seen.';
  form.hidden = false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const token = document.getElementById('token-input').value.trim();
    if (!token) return;
    sessionStorage.setItem('topowatch.read', token);
    const url = new URL(location.href);
    url.searchParams.delete('token');
    location.replace(url);
  });
  document.getElementById('token-input').focus();
}

/** The live stream closed for good (EventSource does not retry an HTTP error): a missing token is the usual reason. */
export async function streamClosed() {
  const response = await fetch(withToken('/api/summary'), { headers: { Accept: 'application/json' } }).catch(() => null);
  if (response && response.status === 401) askForReadToken();
}

function refused(response) {
  if (response.status === 401) askForReadToken();
  return response;
}

function withToken(path) {
  const token = readToken();
  if (!token) return path;
  return path + (path.includes('?') ? '&' : '?') + 'token=' + encodeURIComponent(token);
}

export async function getJson(path) {
  const response = refused(await fetch(withToken(path), { headers: { Accept: 'application/json' } }));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

export async function getText(path) {
  const response = refused(await fetch(withToken(path)));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.text();
}

export function streamUrl() {
  return withToken('/api/stream');
}

/** A change needs the board token: asked for once, kept in session storage. */
export async function post(path) {
  let token = sessionStorage.getItem('topowatch.write');
  if (!token) {
    token = prompt('Board token (board.token) to allow changes from this tab:');
    if (!token) return { ok: false, status: 0, detail: 'no token given' };
    sessionStorage.setItem('topowatch.write', token);
  }
  const response = await fetch(path, { method: 'POST', headers: { Authorization: 'Bearer ' + token } });
  if (response.status === 401) sessionStorage.removeItem('topowatch.write');
  let detail = '';
  try { detail = (await response.json()).detail || ''; } catch { /* 202 bodies are fine to ignore */ }
  return { ok: response.ok, status: response.status, detail };
}
