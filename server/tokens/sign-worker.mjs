// A signing thread of the issuer (signer.ts). It holds the private keys it was sent and answers each
// batch of jobs with their checked blind signatures, back to back in one buffer; plain JavaScript, so
// it starts in milliseconds without tsx and runs the same rsa-blind-sign.mjs as the main thread.
import { parentPort } from 'node:worker_threads';
import { signAndCheck } from './rsa-blind-sign.mjs';

/** token_key_id (hex) → { privateKey, publicKey } (KeyObjects, cloned here by postMessage). */
const keys = new Map();

parentPort.on('message', (batch) => {
  if (batch.forget) keys.clear();
  for (const key of batch.keys) keys.set(key.id, key);
  const size = batch.messages.length / batch.keyIds.length;
  const signatures = new Uint8Array(batch.messages.length);
  const errors = batch.keyIds.map((keyId, index) => {
    try {
      const key = keys.get(keyId);
      if (!key) throw new Error(`signing thread has no key ${keyId}`);
      const message = batch.messages.subarray(index * size, (index + 1) * size);
      signatures.set(signAndCheck(key.privateKey, key.publicKey, message), index * size);
      return null;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  });
  parentPort.postMessage({ id: batch.id, signatures, errors }, [signatures.buffer]);
});
