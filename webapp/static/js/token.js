/**
 * The tool session token of the student's launch (ADR 0002). The journey receives it in `?session=` and removes it
 * from the visible URL at once; the monitor receives it in `#session=`, a fragment, never sent to a server or in a
 * Referer. The token is kept in memory only.
 */

/** Takes the token from the query string and removes it from the address bar (history.replaceState). */
export function takeQueryToken(location, history) {
  const url = new URL(location.href);
  const token = url.searchParams.get('session');
  if (token !== null) {
    url.searchParams.delete('session');
    try {
      history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    } catch {
      // an old browser keeps the address: the token still works
    }
  }
  return token && token.trim() ? token.trim() : null;
}

/** The token in a `#session=<token>` fragment, or null. */
export function fragmentToken(hash) {
  const params = new URLSearchParams(String(hash || '').replace(/^#/, ''));
  const token = params.get('session');
  return token && token.trim() ? token.trim() : null;
}

/**
 * The claims of a JWS token, decoded without verification (the server verifies; the client only reads the
 * expiry and the exam for the hand-off). {} when unreadable.
 */
export function tokenClaims(token) {
  try {
    const payload = String(token).split('.')[1];
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '=');
    const json = typeof atob === 'function'
      ? decodeURIComponent(Array.from(atob(base64), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''))
      : Buffer.from(base64, 'base64').toString('utf8');
    const claims = JSON.parse(json);
    return claims && typeof claims === 'object' ? claims : {};
  } catch {
    return {};
  }
}
