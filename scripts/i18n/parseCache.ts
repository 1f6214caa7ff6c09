/**
 * Parsed pages cached on disk by file and content hash, so a second run of
 * the checker only parses what changed. The cache is keyed by a fingerprint of
 * the parsing code too: edit the parser and the cache starts over.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ParsedPage } from './collect.ts';

/** The files whose code decides what a parsed page contains. */
const PARSER_FILES = ['src/content/mdx.ts', 'src/content/frontmatter.ts', 'src/markdown/headingIds.ts', 'scripts/i18n/outline.ts', 'scripts/i18n/collect.ts'];

const CODE_ROOT = join(import.meta.dirname, '../..');

export interface ParseCache {
  get(file: string, text: string, parse: () => ParsedPage): ParsedPage;
  save(): void;
  stats: { hits: number; misses: number };
}

export function openParseCache(root: string, cacheFile = join(root, 'node_modules/.cache/publisher-docs/i18n-pages.json')): ParseCache {
  const fingerprint = createHash('sha256');
  // The checker's own code, wherever the checked content lives.
  for (const file of PARSER_FILES) fingerprint.update(readFileSync(join(CODE_ROOT, file)));
  const version = fingerprint.digest('hex').slice(0, 16);
  let entries: Record<string, ParsedPage> = {};
  try {
    const stored = JSON.parse(readFileSync(cacheFile, 'utf8')) as { version?: string; entries?: Record<string, ParsedPage> };
    if (stored.version === version && stored.entries) entries = stored.entries;
  } catch {
    // No cache yet, or an unreadable one: start empty; it is only a cache.
  }
  const used: Record<string, ParsedPage> = {};
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    get(file, text, parse) {
      const key = `${file}\0${createHash('sha256').update(text).digest('hex')}`;
      const hit = entries[key];
      if (hit) stats.hits++;
      else stats.misses++;
      const page = hit ?? parse();
      used[key] = page;
      return page;
    },
    save() {
      if (stats.misses === 0 && Object.keys(used).length === Object.keys(entries).length) return;
      try {
        mkdirSync(dirname(cacheFile), { recursive: true });
        // Write then rename, so an interrupted run never leaves half a cache.
        writeFileSync(`${cacheFile}.tmp`, JSON.stringify({ version, entries: used }));
        renameSync(`${cacheFile}.tmp`, cacheFile);
      } catch {
        // A read-only checkout still gets its report.
      }
    },
  };
}
