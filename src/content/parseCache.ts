/**
 * Parsed pages cached on disk by file and content hash, so a second run of
 * the checker only parses what changed. The cache is keyed by a fingerprint of
 * the parsing code too: edit the parser and the cache starts over.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ParsedPage } from './parsedPage.ts';

/**
 * The files whose code decides what a parsed page contains: the parser's, and the language check's,
 * whose verdicts are kept on a translation's blocks (src/translation/untranslated.ts), with the
 * language detector's version, and the YAML parser's.
 */
const PARSER_FILES = ['src/content/mdx.ts', 'src/content/frontmatter.ts', 'src/markdown/headingIds.ts', 'src/content/outline.ts', 'src/content/mdxPolicy.ts', 'src/content/urlPolicy.ts', 'src/content/parsedPage.ts', 'src/translation/sections.ts', 'src/translation/untranslated.ts', 'src/translation/language.ts', 'src/translation/eldSubset.ts', 'node_modules/eld/package.json', 'node_modules/js-yaml/package.json'];

const CODE_ROOT = join(import.meta.dirname, '../..');

export interface ParseCache {
  get(file: string, text: string, parse: () => ParsedPage): ParsedPage;
  has(file: string, text: string): boolean;
  /** Adds a page parsed elsewhere (by a worker thread). */
  put(file: string, text: string, page: ParsedPage): void;
  /** Something was added to pages it returned (a block's language verdict): save them even if nothing was parsed. */
  changed(): void;
  /** Writes the pages used in this run; `keep` names files whose entries stay though this run did not use them (another shard's). */
  save(keep?: (file: string) => boolean): void;
  stats: { hits: number; misses: number };
}

/**
 * @param cacheFile where the cache lives; `null` keeps it in memory for this run only (`--no-cache`
 *   still lets worker threads hand their parsed pages over through it).
 * @param codeRoot where the parsing code is: this module's project, unless the module runs from a
 *   bundle (a page of the built site), which passes the project it builds.
 */
export function openParseCache(root: string, cacheFile: string | null = join(root, 'node_modules/.cache/publisher-docs/i18n-pages.json'), codeRoot = CODE_ROOT): ParseCache {
  const fingerprint = createHash('sha256');
  // The checker's own code, wherever the checked content lives.
  for (const file of PARSER_FILES) fingerprint.update(readFileSync(join(codeRoot, file)));
  const version = fingerprint.digest('hex').slice(0, 16);
  let entries: Record<string, ParsedPage> = {};
  try {
    const stored = cacheFile ? (JSON.parse(readFileSync(cacheFile, 'utf8')) as { version?: string; entries?: Record<string, ParsedPage> }) : {};
    if (stored.version === version && stored.entries) entries = stored.entries;
  } catch {
    // No cache yet, or an unreadable one: start empty; it is only a cache.
  }
  const used: Record<string, ParsedPage> = {};
  const stats = { hits: 0, misses: 0 };
  // The content model and the checker both ask for a page: its text is hashed once per run, not once per question.
  const keys = new Map<string, { text: string; key: string }>();
  const keyOf = (file: string, text: string) => {
    const known = keys.get(file);
    if (known?.text === text) return known.key;
    const key = `${file}\0${createHash('sha256').update(text).digest('hex')}`;
    keys.set(file, { text, key });
    return key;
  };
  let added = 0;
  return {
    stats,
    has: (file, text) => keyOf(file, text) in entries,
    put(file, text, page) {
      entries[keyOf(file, text)] = page;
      added++;
    },
    changed() {
      added++;
    },
    get(file, text, parse) {
      const key = keyOf(file, text);
      // Parsed earlier in this run (the content model asks before the checker does): the same page, not a second parse.
      const parsed = used[key];
      if (parsed) return parsed;
      const hit = entries[key];
      if (hit) stats.hits++;
      else stats.misses++;
      const page = hit ?? parse();
      used[key] = page;
      return page;
    },
    save(keep) {
      if (!cacheFile) return;
      if (stats.misses === 0 && added === 0 && (keep || Object.keys(used).length === Object.keys(entries).length)) return;
      if (keep) for (const [key, page] of Object.entries(entries)) if (!(key in used) && keep(key.slice(0, key.indexOf('\0')))) used[key] = page;
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
