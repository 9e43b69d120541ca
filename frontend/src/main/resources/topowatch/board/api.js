// Talking to the board: the read token (from ?token= or entered once) and the write token, kept
// for this browser tab only.
const params = new URLSearchParams(location.search);
if (params.has('token')) sessionStorage.setItem('topowatch.read', params.get('token'));

export function readToken() {
  return sessionStorage.getItem('topowatch.read');
}

function withToken(path) {
  const token = readToken();
  if (!token) return path;
  return path + (path.includes('?') ? '&' : '?') + 'token=' + encodeURIComponent(token);
}

export async function getJson(path) {
  const response = await fetch(withToken(path), { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

export async function getText(path) {
  const response = await fetch(withToken(path));
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
