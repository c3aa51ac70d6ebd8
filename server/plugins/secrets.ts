import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';

export interface Secrets {
  /** Keyed hash for stored secrets (credentials, receipts): a stolen table cannot be brute-forced offline. */
  hmac(purpose: string, value: string | Uint8Array): string;
  /** AES-256-GCM with a purpose-bound key; output is iv || tag || ciphertext. */
  encrypt(purpose: string, plaintext: Buffer): Buffer;
  decrypt(purpose: string, sealed: Buffer): Buffer;
}

declare module 'fastify' {
  interface FastifyInstance {
    secrets: Secrets;
  }
}

function loadMasterSecret(config: Config): Buffer {
  if (config.secret) return Buffer.from(config.secret, 'utf8');
  if (config.dataDir.startsWith('memory://')) return randomBytes(32);
  const file = path.join(config.dataDir, 'greenroom.key');
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
}

export function createSecrets(master: Buffer): Secrets {
  const keys = new Map<string, Buffer>();
  const keyFor = (purpose: string) => {
    let key = keys.get(purpose);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', master, 'greenroom', purpose, 32));
      keys.set(purpose, key);
    }
    return key;
  };
  return {
    hmac: (purpose, value) =>
      createHmac('sha256', keyFor(`hmac:${purpose}`))
        .update(value)
        .digest('hex'),
    encrypt(purpose, plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyFor(`enc:${purpose}`), iv);
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(purpose, sealed) {
      const decipher = createDecipheriv('aes-256-gcm', keyFor(`enc:${purpose}`), sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
    },
  };
}

export default fp<{ config: Config }>(
  async (app, { config }) => {
    app.decorate('secrets', createSecrets(loadMasterSecret(config)));
  },
  { name: 'secrets' },
);
