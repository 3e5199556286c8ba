// The write token, asked once per browser session and kept in sessionStorage (gone when the tab
// closes). Reads never need it; mutations and uploads send it as a bearer token, with the name
// the person gave for the record of who changed what.
const TOKEN_KEY = 'policy-lineage.writeToken';
const NAME_KEY = 'policy-lineage.curator';

export function storedToken(): string | null {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function storedName(): string {
  try {
    return window.sessionStorage.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

export function storeToken(token: string | null, name?: string): void {
  try {
    if (token) window.sessionStorage.setItem(TOKEN_KEY, token);
    else window.sessionStorage.removeItem(TOKEN_KEY);
    if (name !== undefined) window.sessionStorage.setItem(NAME_KEY, name);
  } catch {
    // storage disabled: the token lives only as long as the page
  }
  window.dispatchEvent(new Event('write-token'));
}

/** Headers for a write: the token and the person's name (percent-encoded: headers are Latin-1). */
export function writeHeaders(): Record<string, string> {
  const token = storedToken();
  const name = storedName();
  return {
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...(name ? { 'x-curator': encodeURIComponent(name) } : {}),
  };
}
