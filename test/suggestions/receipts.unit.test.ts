import { describe, expect, test } from 'vitest';
import { csvCell, toCsv } from '../../server/suggestions/csv.ts';
import { newReceipt, normaliseReceipt } from '../../server/shared/threads/receipts.ts';

describe('receipts', () => {
  test('carry 128 random bits as 26 Crockford symbols, grouped for humans', () => {
    const receipts = new Set(Array.from({ length: 2000 }, newReceipt));
    expect(receipts.size).toBe(2000);
    for (const receipt of receipts) {
      expect(receipt).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}-[0-9A-HJKMNP-TV-Z]{6}$/);
      // 26 symbols × 5 bits = 130 bits; the final symbol carries the last 3 bits, so it is a multiple of 4.
      expect('048CGMRW'.split('')).toContain(receipt.at(-1));
    }
    // Every position varies (a constant position would mean fewer than 128 random bits).
    const symbolsAt = (i: number) => new Set([...receipts].map((receipt) => receipt.replace(/-/g, '')[i]));
    for (let i = 0; i < 25; i++) expect(symbolsAt(i).size).toBeGreaterThan(20);
  });

  test('normalise typing slips and refuse what cannot be a receipt', () => {
    const receipt = newReceipt();
    const canonical = receipt.replace(/-/g, '');
    expect(normaliseReceipt(receipt)).toBe(canonical);
    expect(normaliseReceipt(` ${receipt.toLowerCase()} `)).toBe(canonical);
    expect(normaliseReceipt(receipt.replace(/0/g, 'O').replace(/1/g, 'I'))).toBe(canonical);
    expect(normaliseReceipt('ABC')).toBeNull();
    expect(normaliseReceipt('UUUUU-UUUUU-UUUUU-UUUUU-UUUUUU')).toBeNull();
    expect(normaliseReceipt(`${receipt}X`)).toBeNull();
  });
});

describe('csv', () => {
  test('quotes every cell, doubles quotes and defuses formulas', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1+1')).toBe('"\'=1+1"');
    expect(csvCell('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvCell('-5')).toBe('"\'-5"');
    expect(csvCell(-5)).toBe('"-5"');
    expect(toCsv(['a', 'b'], [{ a: 'x', b: 1 }])).toBe('"a","b"\r\n"x","1"\r\n');
  });
});
