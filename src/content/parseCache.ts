/**
 * Parsed pages cached on disk by file and content hash, so a second run of
 * the checker only parses what changed. The cache is keyed by a fingerprint of
 * the parsing code too: edit the parser and the cache starts over.
 *
 * The file holds one entry per line (`"<key>"\t<parsed page as JSON>`) after a
 * header line, and an entry is decoded only when asked for: a shard of a large
 * build, or the content guard of one shard, reads the few pages it needs
 * without turning every page of the site into objects.
 *
 * A run that parsed a few pages appends their lines to the file rather than
 * writing the whole file again (a later line for a key replaces an earlier
 * one), so a run after an edit writes what it parsed, not the whole site. The
 * file is written afresh, without the pages no run uses any more, once it holds
 * more than twice the lines that are in use.
 */
import { createHash, hash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, renameSync, writevSync } from 'node:fs';
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
  /** Adds a page parsed elsewhere (the dev toolbar's live findings keep what they parse). */
  put(file: string, text: string, page: ParsedPage): void;
  /**
   * Writes the pages used in this run; `keep` names files whose entries stay though this run did not use
   * them (another shard's). A page read from the file is written back as it was stored, byte for byte,
   * unless `changed` says something was added to it since (a block's language verdict).
   */
  save(keep?: (file: string) => boolean, changed?: (page: ParsedPage) => boolean): void;
  stats: { hits: number; misses: number };
}

/** Names the file's layout in its header: a file of another layout is not read (and is replaced on save). */
const FORMAT = 'publisher-docs parse cache, one entry per line';
const NEWLINE = 0x0a;
const TAB = 0x09;

/** The stored entries: the file's bytes, and where each key's parsed page sits in them. */
interface Stored {
  bytes: Buffer;
  /** Key → [start of the line, start of the page's JSON, end of the line]; the last line of a key counts. */
  at: Map<string, [number, number, number]>;
  /** Entry lines in the file, a key's replaced lines included: what an append adds to. */
  lines: number;
  /** The file read (its inode), so lines are appended only to that file, not to one written since by another run. */
  inode: number;
}

/** Reads the cache file's index; an empty cache when there is none, or one of another version or layout. */
function readStored(cacheFile: string | null, version: string): Stored {
  const empty: Stored = { bytes: Buffer.alloc(0), at: new Map(), lines: 0, inode: -1 };
  let bytes: Buffer;
  let inode: number;
  try {
    if (!cacheFile) return empty;
    const fd = openSync(cacheFile, 'r');
    try {
      inode = fstatSync(fd).ino;
      bytes = readFileSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // No cache yet, or an unreadable one: start empty; it is only a cache.
    return empty;
  }
  const headerEnd = bytes.indexOf(NEWLINE);
  // A header is short: anything else (an older layout's single line of JSON) is not read.
  if (headerEnd < 0 || headerEnd > 1024) return empty;
  try {
    const header = JSON.parse(bytes.toString('utf8', 0, headerEnd)) as { format?: unknown; version?: unknown };
    if (header.format !== FORMAT || header.version !== version) return empty;
  } catch {
    return empty;
  }
  const at = new Map<string, [number, number, number]>();
  let lines = 0;
  for (let start = headerEnd + 1; start < bytes.length; ) {
    const found = bytes.indexOf(NEWLINE, start);
    const end = found < 0 ? bytes.length : found;
    // JSON escapes tabs and newlines inside strings, so the first tab ends the key and a newline ends the entry.
    const tab = bytes.indexOf(TAB, start);
    lines++;
    if (tab > start && tab < end) {
      try {
        at.set(JSON.parse(bytes.toString('utf8', start, tab)) as string, [start, tab + 1, end]);
      } catch {
        // A damaged line is a page to parse again.
      }
    }
    start = end + 1;
  }
  return { bytes, at, lines, inode };
}

/**
 * @param cacheFile where the cache lives; `null` keeps it in memory for this run only (`--no-cache`
 *   still lets worker threads hand their parsed pages over through it).
 * @param codeRoot where the parsing code is: this module's project, unless the module runs from a
 *   bundle (a page of the built site), which passes the project it builds.
 */
export function openParseCache(
  root: string,
  cacheFile: string | null = join(root, 'node_modules/.cache/publisher-docs/i18n-pages.jsonl'),
  codeRoot = CODE_ROOT,
): ParseCache {
  const fingerprint = createHash('sha256');
  // The checker's own code, wherever the checked content lives.
  for (const file of PARSER_FILES) fingerprint.update(readFileSync(join(codeRoot, file)));
  const version = fingerprint.digest('hex').slice(0, 16);
  const stored = readStored(cacheFile, version);
  /** A stored page, decoded now; undefined when there is none or its line is damaged. */
  const decode = (key: string): ParsedPage | undefined => {
    const place = stored.at.get(key);
    if (!place) return undefined;
    try {
      return JSON.parse(stored.bytes.toString('utf8', place[1], place[2])) as ParsedPage;
    } catch {
      return undefined;
    }
  };
  const handedOver = new Map<string, ParsedPage>();
  const used = new Map<string, ParsedPage>();
  /** The keys of the used pages that came from the file, not from a parse in this run. */
  const fromFile = new Set<string>();
  const stats = { hits: 0, misses: 0 };
  // The content model and the checker both ask for a page: its text is hashed once per run, not once per question.
  const keys = new Map<string, { text: string; key: string }>();
  const keyOf = (file: string, text: string) => {
    const known = keys.get(file);
    if (known?.text === text) return known.key;
    const key = `${file}\0${hash('sha256', text, 'hex')}`;
    keys.set(file, { text, key });
    return key;
  };
  return {
    stats,
    has(file, text) {
      const key = keyOf(file, text);
      return stored.at.has(key) || handedOver.has(key);
    },
    put(file, text, page) {
      handedOver.set(keyOf(file, text), page);
    },
    get(file, text, parse) {
      const key = keyOf(file, text);
      // Parsed earlier in this run (the content model asks before the checker does): the same page, not a second parse.
      const parsed = used.get(key);
      if (parsed) return parsed;
      const given = handedOver.get(key);
      const hit = given ?? decode(key);
      if (hit) stats.hits++;
      else stats.misses++;
      if (hit && !given) fromFile.add(key);
      const page = hit ?? parse();
      used.set(key, page);
      return page;
    },
    save(keep, changed) {
      if (!cacheFile) return;
      const asStored = (key: string, page: ParsedPage) => fromFile.has(key) && !changed?.(page);
      const fresh = [...used].filter(([key, page]) => !asStored(key, page));
      const kept = keep ? [...stored.at].filter(([key]) => !used.has(key) && keep(key.slice(0, key.indexOf('\0')))) : [];
      const entry = ([key, page]: [string, ParsedPage]) => Buffer.from(`${JSON.stringify(key)}\t${JSON.stringify(page)}\n`);
      // The file holds every page in use and at most as many lines again that no run uses: add to it.
      if (stored.lines > 0 && stored.lines + fresh.length <= 2 * (used.size + kept.length) && append(stored, cacheFile, fresh.map(entry))) return;
      const lines: Buffer[] = [Buffer.from(`${JSON.stringify({ format: FORMAT, version })}\n`)];
      for (const [key, page] of used) {
        const place = asStored(key, page) ? stored.at.get(key) : undefined;
        if (place) lines.push(stored.bytes.subarray(place[0], place[2]), Buffer.from('\n'));
        else lines.push(entry([key, page]));
      }
      // Another shard's pages stay as they were stored, byte for byte, without being decoded.
      for (const [, [start, , end]] of kept) lines.push(stored.bytes.subarray(start, end), Buffer.from('\n'));
      try {
        mkdirSync(dirname(cacheFile), { recursive: true });
        // Write then rename, so an interrupted run never leaves half a cache. The lines go out as they are (one
        // gathered write), not copied into one buffer the size of the file first (over 100 MB at 5,000 x 2).
        const fd = openSync(`${cacheFile}.tmp`, 'w');
        try {
          writeAll(fd, lines);
        } finally {
          closeSync(fd);
        }
        renameSync(`${cacheFile}.tmp`, cacheFile);
      } catch {
        // A read-only checkout still gets its report.
      }
    },
  };
}

/**
 * Appends entry lines to the cache file this run read, if it is still that file as read (same inode
 * and length, ending in a line break); false when it is not, and the caller writes the file afresh.
 * An interrupted append leaves at worst a damaged last line, which is a page parsed again.
 */
function append(stored: Stored, cacheFile: string, entries: readonly Buffer[]): boolean {
  if (stored.bytes.at(-1) !== NEWLINE) return false;
  let fd: number | undefined;
  try {
    fd = openSync(cacheFile, 'a');
    const now = fstatSync(fd);
    if (now.ino !== stored.inode || now.size !== stored.bytes.length) return false;
    writeAll(fd, entries);
    return true;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes every byte of `buffers` at the file's position, however many calls the system takes. */
function writeAll(fd: number, buffers: readonly Buffer[]): void {
  let rest = buffers;
  while (rest.length > 0) {
    let written = writevSync(fd, rest);
    if (written === 0) throw new Error('the cache file takes no more bytes');
    let index = 0;
    while (index < rest.length && written >= rest[index]!.length) written -= rest[index++]!.length;
    rest = index < rest.length ? [rest[index]!.subarray(written), ...rest.slice(index + 1)] : [];
  }
}
