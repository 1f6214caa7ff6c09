import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openParseCache } from './parseCache.ts';
import { parsePage, type ParsedPage } from './parsedPage.ts';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function cacheFile(): string {
  const folder = mkdtempSync(join(tmpdir(), 'parse-cache-'));
  folders.push(folder);
  return join(folder, 'pages.jsonl');
}

const PAGES = {
  'content/en/a.mdx': '---\ntitle: A\n---\n\n## One {/* #one */}\n\nText with a [link](/en/b/).\n',
  'content/en/b.mdx': '---\ntitle: B\n---\n\nAnother page,\twith a tab and "quotes".\n',
  'content/de/a.mdx': '---\ntitle: Ä\n---\n\n## Eins {/* #one */}\n\nText mit Umlauten: äöü ß.\n',
};

function parser(file: string, text: string): () => ParsedPage {
  const [, locale = 'en', ...rest] = file.split('/');
  return () => parsePage(file, rest.join('/'), locale, text);
}

/** Opens the cache at `file` and reads every page through it; returns the cache and how many pages it parsed. */
function readAll(file: string, pages: Record<string, string> = PAGES) {
  const cache = openParseCache(process.cwd(), file);
  let parsed = 0;
  const results = Object.entries(pages).map(([name, text]) =>
    cache.get(name, text, () => {
      parsed++;
      return parser(name, text)();
    }),
  );
  return { cache, parsed, results };
}

describe('the parse cache', () => {
  it('gives back, in a later run, the pages it saved, equal to a fresh parse, without parsing them again', () => {
    const file = cacheFile();
    const first = readAll(file);
    expect(first.parsed).toBe(3);
    first.cache.save();
    const second = readAll(file);
    expect(second.parsed).toBe(0);
    expect(second.cache.stats).toEqual({ hits: 3, misses: 0 });
    expect(second.results).toEqual(Object.entries(PAGES).map(([name, text]) => parser(name, text)()));
  });

  it('parses a page again when its text changed, and adds it to the file without writing the rest again', () => {
    const file = cacheFile();
    readAll(file).cache.save();
    const before = readFileSync(file);
    const changed = { ...PAGES, 'content/en/b.mdx': `${PAGES['content/en/b.mdx']}\nMore.\n` };
    const second = readAll(file, changed);
    expect(second.parsed).toBe(1);
    second.cache.save();
    const after = readFileSync(file);
    // The stored lines are as they were; one line follows them, the changed page's.
    expect(after.subarray(0, before.length).equals(before)).toBe(true);
    expect(after.subarray(before.length).toString('utf8').split('\n').filter(Boolean)).toHaveLength(1);
    expect(readAll(file, changed).parsed).toBe(0);
  });

  it('writes the file afresh once most of its lines are pages no run uses, keeping another shard’s pages only when asked', () => {
    const file = cacheFile();
    readAll(file).cache.save();
    // A run that uses one page of three (its text changed) and keeps the German page: 4 lines, 2 in use, still added to.
    const changed = { 'content/en/b.mdx': `${PAGES['content/en/b.mdx']}\nMore.\n` };
    readAll(file, changed).cache.save((name) => name.startsWith('content/de/'));
    expect(readFileSync(file, 'utf8').split('\n').filter(Boolean)).toHaveLength(5);
    // Changed again, the German page kept: 5 lines for 2 pages in use, so the file is written with those two alone.
    const again = { 'content/en/b.mdx': `${changed['content/en/b.mdx']}\nAgain.\n` };
    readAll(file, again).cache.save((name) => name.startsWith('content/de/'));
    expect(readFileSync(file, 'utf8').split('\n').filter(Boolean)).toHaveLength(3);
    expect(readAll(file, again).parsed).toBe(0);
    const original = readAll(file);
    expect(original.parsed).toBe(2);
    expect(original.cache.has('content/de/a.mdx', PAGES['content/de/a.mdx'])).toBe(true);
  });

  it('writes a page read from the file back byte for byte, unless it changed since (a new language verdict)', () => {
    const file = cacheFile();
    readAll(file).cache.save();
    // One page parsed again (its text changed), so the file is written; two pages come from it, both touched.
    const changed = { ...PAGES, 'content/en/b.mdx': `${PAGES['content/en/b.mdx']}\nMore.\n` };
    const second = readAll(file, changed);
    expect(second.parsed).toBe(1);
    const [english, , german] = second.results;
    english!.frontmatter.touched = true;
    german!.outline!.blocks[0]!.verdict = { question: 'en|de|x', parts: 1, left: [] };
    second.cache.save(undefined, (page) => page.file === 'content/de/a.mdx');
    const third = readAll(file, changed);
    expect(third.parsed).toBe(0);
    expect(third.results[0]!.frontmatter.touched).toBeUndefined();
    expect(third.results[2]!.outline!.blocks[0]!.verdict).toEqual({ question: 'en|de|x', parts: 1, left: [] });
  });

  it('reads nothing from a file of another layout or version, a damaged line is parsed again, and the file is replaced on save', () => {
    const file = cacheFile();
    writeFileSync(file, JSON.stringify({ version: 'x', entries: {} }));
    expect(readAll(file).parsed).toBe(3);
    readAll(file).cache.save();
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(JSON.parse(lines[0]!)).toMatchObject({ format: expect.any(String), version: expect.any(String) });
    // Damage the entry of the second page: only it is parsed again.
    writeFileSync(file, lines.map((line, index) => (index === 2 ? `${line.slice(0, -5)}` : line)).join('\n'));
    expect(readAll(file).parsed).toBe(1);
  });

  it('keeps nothing on disk with no file, and writes nothing when a run used every stored page unchanged', () => {
    const memory = openParseCache(process.cwd(), null);
    memory.get('content/en/a.mdx', PAGES['content/en/a.mdx'], parser('content/en/a.mdx', PAGES['content/en/a.mdx']));
    memory.save();
    const file = cacheFile();
    readAll(file).cache.save();
    // An hour ago: a save would make it now.
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(file, anHourAgo, anHourAgo);
    readAll(file).cache.save();
    expect(statSync(file).mtimeMs).toBe(anHourAgo.getTime());
  });
});
