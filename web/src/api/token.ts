// The access token an analyst gives when the server has PARLEY_TOKEN set: asked for once, on the
// first write the server refuses, and kept for the browser tab (sessionStorage: gone when the tab
// closes, never in a URL or on disk for good). Writes send it as `Authorization: Bearer …`.
const KEY = 'parley.token';
/** Where the token is kept when storage is disabled (this page only). */
let memory: string | null = null;

export function heldToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return memory;
  }
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
