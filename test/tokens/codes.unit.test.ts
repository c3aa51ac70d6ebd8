import { describe, expect, test } from 'vitest';
import {
  CODE_ALPHABET,
  newCredential,
  newEnrolmentCode,
  parseEnrolmentCode,
} from '../../server/tokens/codes.ts';

describe('enrolment codes', () => {
  test('are four groups of four from an alphabet without 0, 1, I, L, O', () => {
    expect(CODE_ALPHABET).not.toMatch(/[01ILO]/);
    for (let i = 0; i < 200; i++) {
      const { code, id, secret } = newEnrolmentCode();
      expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$/);
      expect(code.replace(/-/g, '')).toBe(id + secret);
    }
  });

  test('parse what people type and refuse what cannot be a code', () => {
    const { code, id, secret } = newEnrolmentCode();
    for (const typed of [code, code.toLowerCase(), code.replace(/-/g, ' '), ` ${code.replace(/-/g, '')} `]) {
      expect(parseEnrolmentCode(typed)).toEqual({ id, secret });
    }
    for (const typed of [
      '',
      'ABCD',
      `${code}-AAAA`,
      code.replace(/.$/, '0'),
      code.replace(/^./, 'O'),
      'ABCD_EFGH_JKMN_PQRS',
    ]) {
      expect(parseEnrolmentCode(typed)).toBeNull();
    }
  });

  test('membership credentials are 256 random bits', () => {
    const credential = newCredential();
    expect(Buffer.from(credential, 'base64url')).toHaveLength(32);
    expect(newCredential()).not.toBe(credential);
  });
});
