/**
 * Where the explorer keeps an editor's API key. Only this browser profile sees it; it is
 * sent as a Bearer token and never put in a URL. Reads need no key.
 */
const KEY = 'parley.apiKey';
/** Used when storage is unavailable (private mode, sandboxed iframe): lasts as long as the page. */
let inMemory: string | null = null;

export function readApiKey(): string | null {
  try {
    return window.localStorage.getItem(KEY) ?? inMemory;
  } catch {
    return inMemory;
  }
}

export function writeApiKey(value: string | null): void {
  inMemory = value;
  try {
    if (value) window.localStorage.setItem(KEY, value);
    else window.localStorage.removeItem(KEY);
  } catch {
    // inMemory holds it.
  }
}
