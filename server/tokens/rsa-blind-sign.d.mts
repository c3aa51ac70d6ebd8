import type { KeyObject } from 'node:crypto';

export function signAndCheck(privateKey: KeyObject, publicKey: KeyObject, blindedMsg: Uint8Array): Buffer;
