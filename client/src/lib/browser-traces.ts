// The small things a browser remembers beside the wallet (which items it said "me too" to, which
// pulses it answered), all under one prefix in localStorage, so forgetting the wallet can forget
// them too: whoever uses this browser next must not learn what its last user did.
const PREFIX = 'greenroom.';

export function recall<T>(name: string, fallback: T): T {
  try {
    const value = localStorage.getItem(PREFIX + name);
    return value === null ? fallback : (JSON.parse(value) as T);
  } catch {
    return fallback;
  }
}

export function remember(name: string, value: unknown): void {
  try {
    localStorage.setItem(PREFIX + name, JSON.stringify(value));
  } catch {
    // Private mode: the memory lasts as long as the page.
  }
}

/** Removes every trace under the prefix (wallet.forget() calls this). */
export function forgetAllTraces(): void {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  } catch {
    // Nothing was stored.
  }
}
