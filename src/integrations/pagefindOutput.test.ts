/** Verifying what Pagefind wrote: entry files, no empty file, languages with pages. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pagefindProblems, settle } from './pagefindOutput.ts';

let folder: string;
beforeEach(() => {
  folder = join(mkdtempSync(join(tmpdir(), 'pagefind-out-')), 'pagefind');
  mkdirSync(join(folder, 'fragment'), { recursive: true });
  writeFileSync(join(folder, 'pagefind.js'), 'export {}');
  writeFileSync(
    join(folder, 'pagefind-entry.json'),
    JSON.stringify({ version: '1.5.2', languages: { en: { hash: 'en_abc', wasm: 'en', page_count: 2 } } }),
  );
  writeFileSync(join(folder, 'pagefind.en_abc.pf_meta'), 'x');
  writeFileSync(join(folder, 'fragment/en_1.pf_fragment'), 'x');
});
afterEach(() => rmSync(join(folder, '..'), { recursive: true, force: true }));

describe('Pagefind output', () => {
  it('accepts a whole index', () => {
    expect(pagefindProblems(folder)).toEqual([]);
  });

  it('names every empty file and a missing entry file', () => {
    writeFileSync(join(folder, 'fragment/en_1.pf_fragment'), '');
    writeFileSync(join(folder, 'fragment/en_2.pf_fragment'), '');
    rmSync(join(folder, 'pagefind.js'));
    expect(pagefindProblems(folder)).toEqual([
      `${join(folder, 'pagefind.js')} is missing.`,
      expect.stringMatching(/fragment\/en_[12]\.pf_fragment is empty \(0 bytes\)\.$/),
      expect.stringMatching(/fragment\/en_[12]\.pf_fragment is empty \(0 bytes\)\.$/),
    ]);
  });

  it('reports an index of no page, or a language whose index file is missing', () => {
    writeFileSync(join(folder, 'pagefind-entry.json'), JSON.stringify({ languages: {} }));
    expect(pagefindProblems(folder)).toEqual([`${join(folder, 'pagefind-entry.json')} lists no language: no page was indexed.`]);
    writeFileSync(join(folder, 'pagefind-entry.json'), JSON.stringify({ languages: { de: { hash: 'de_x', page_count: 0 } } }));
    expect(pagefindProblems(folder)).toEqual([
      `${join(folder, 'pagefind-entry.json')}: language "de" has no page.`,
      `${join(folder, 'pagefind.de_x.pf_meta')} (the "de" index) is missing.`,
    ]);
  });

  it('reports a folder Pagefind never wrote', () => {
    expect(pagefindProblems(join(folder, 'nowhere'))).toEqual([`${join(folder, 'nowhere')} does not exist: Pagefind wrote no index.`]);
  });

  it('settle waits for a write still landing, and gives up on one that never does', async () => {
    writeFileSync(join(folder, 'fragment/en_1.pf_fragment'), '');
    const landing = settle(folder);
    // The write lands after the first check has seen the empty file.
    setImmediate(() => writeFileSync(join(folder, 'fragment/en_1.pf_fragment'), 'x'));
    expect(await landing).toEqual([]);
    writeFileSync(join(folder, 'fragment/en_1.pf_fragment'), '');
    expect(await settle(folder, 2)).toEqual([expect.stringContaining('is empty (0 bytes)')]);
  });
});
