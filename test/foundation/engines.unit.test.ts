import { readFileSync } from 'node:fs';
import semver from 'semver';
import { expect, test } from 'vitest';

// `npm ci` on the oldest Node the README promises prints no EBADENGINE warning: every locked package accepts
// that Node. (cookie@2 and content-disposition@3 want Node 22; package.json's overrides hold them at the
// same API's Node 18 line.)

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

test('every locked package accepts the oldest Node the project supports', () => {
  const oldest = semver.minVersion(manifest.engines.node)!.version;
  expect(oldest).toBe('20.19.0');
  const refusing = Object.entries(lock.packages)
    .filter(([path]) => path !== '')
    .flatMap(([path, entry]) => {
      const wanted = !Array.isArray(entry.engines) ? entry.engines?.node : undefined;
      return wanted && !semver.satisfies(oldest, wanted)
        ? [`${path}@${entry.version} wants node ${wanted}`]
        : [];
    });
  expect(refusing).toEqual([]);
});
