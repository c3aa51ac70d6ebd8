// What the browser build gives a bundled library that asks for Node's `crypto` (sjcl inside blindrsa-ts
// tries `require('crypto')` and falls back to `window.crypto.getRandomValues` when it has no `randomBytes`).
// Vite would substitute an empty module anyway, with a warning; this says it on purpose.
export default {};
