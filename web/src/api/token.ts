// The access token an analyst gives when the server has PARLEY_TOKEN set: asked for once, on the
// first write the server refuses, and kept for the browser tab (sessionStorage: gone when the tab
// closes, never in a URL or on disk for good). Writes send it as `Authorization: Bearer …`.
const KEY = 'parley.token';
/** Where the token is kept when storage is disabled (this page only). */
let memory: string | null = null;

/** Why the analyst is asked: no token yet, the server refused it, or it cannot be sent. */
export type TokenAsk = 'needed' | 'refused' | 'unusable';

/**
 * The token trimmed, or null when it cannot be one: an HTTP header carries only visible ASCII, so
 * a pasted token with a letter beyond it, a space or line break inside, or a zero-width space
 * would make every write throw in the browser.
 */
export function usableToken(text: string): string | null {
  const t = text.trim();
  return /^[\x21-\x7e]+$/.test(t) ? t : null;
}

export function heldToken(): string | null {
  let t: string | null;
  try {
    t = sessionStorage.getItem(KEY);
  } catch {
    t = memory;
  }
  return t && usableToken(t);
}

export function holdToken(token: string | null): void {
  memory = token;
  try {
    if (token) sessionStorage.setItem(KEY, token);
    else sessionStorage.removeItem(KEY);
  } catch {
    // storage disabled: `memory` holds it
  }
}
