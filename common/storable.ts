// Postgres text cannot hold U+0000 (the whole statement fails) and silently stores an unpaired UTF-16
// surrogate as U+FFFD. Text is checked against both before it can reach the database: HTTP bodies,
// query strings and route params (plugins/errors.ts) and focus-group frames (focus-groups/protocol.ts).
// Pure: the browser imports it through the focus-group protocol.

export const UNSTORABLE_MESSAGE = 'Text may not contain NUL characters or unpaired surrogates.';

export const isStorable = (text: string): boolean => !text.includes('\u0000') && !/\p{Cs}/u.test(text);

/** Whether any string (or key) anywhere in a parsed value is not storable. Iterative: no depth limit. */
export function hasUnstorableText(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next === 'string') {
      if (!isStorable(next)) return true;
    } else if (next !== null && typeof next === 'object' && !ArrayBuffer.isView(next)) {
      // A streamed upload (a CSV export) is read by its route, row by row, with its own checks: walking
      // the stream object would walk its socket, its server and everything they reach.
      if (typeof (next as { pipe?: unknown }).pipe === 'function') continue;
      // Raw bodies (Privacy Pass TokenRequests) are bytes, not text: walking a Buffer's indices cost
      // single-request issuance ~3% of its CPU, and a 30-request batch 7,770 regex tests.
      for (const [key, inner] of Object.entries(next)) {
        if (!isStorable(key)) return true;
        stack.push(inner);
      }
    }
  }
  return false;
}
