/**
 * ELD's n-gram database, read for two languages only. Every question the
 * language check asks is "source or translation language?", and ELD then
 * scores just those two (`setLanguageSubset`): the other 58 languages' n-grams
 * never count. Evaluating ELD's `medium` database (one 2 MB object literal)
 * costs a process about 1.3 s of CPU and 200 MB, the largest part of a cold
 * `check:i18n`; reading the same file as text and keeping the n-grams of the
 * two languages costs a few tens of milliseconds and a few megabytes, and the
 * detector built on it is ELD's own (`createEld`), so its answers are ELD's
 * to the last digit (src/translation/eldSubset.test.ts compares them).
 *
 * The file's shape is ELD's generated format (`{type:'M60',languages:{0:'am',…},
 * isSubset:false,ngrams:{'key':{id:score,…},…}}`). Anything this reader does
 * not recognise returns `undefined`, and the caller evaluates the whole
 * database as before: slower, never wrong.
 */
import { readFileSync } from 'node:fs';
import { createRequire, findPackageJSON } from 'node:module';
import { dirname, join } from 'node:path';
import type { eld as Eld } from 'eld/medium';

export type Detector = typeof Eld;

interface NgramsData {
  type: string;
  languages: Record<number, string>;
  isSubset: boolean;
  ngrams: Record<string, Record<number, number>>;
}

/** Where the eld package is, and its `medium` database file. */
function eldFiles(): { root: string; medium: string } {
  const manifest = findPackageJSON('eld', import.meta.url);
  if (!manifest) throw new Error('The eld package is not installed: run npm ci.');
  return { root: dirname(manifest), medium: join(dirname(manifest), 'src/ngrams/medium.js') };
}

let text: string | undefined;
let header: { type: string; languages: Record<number, string>; body: number } | null | undefined;

/** The database's type and language table, and where its n-grams start; null when the file is not in the expected shape. */
function readHeader(): typeof header {
  if (header !== undefined) return header;
  text ??= readFileSync(eldFiles().medium, 'utf8');
  header = null;
  const start = text.indexOf("export const ngramsData = {type:'");
  if (start < 0) return header;
  let at = start + "export const ngramsData = {type:'".length;
  const typeEnd = text.indexOf("'", at);
  const type = text.slice(at, typeEnd);
  at = typeEnd + 1;
  if (!text.startsWith(',languages:{', at)) return header;
  at += ',languages:{'.length;
  const languages: Record<number, string> = {};
  for (;;) {
    const colon = text.indexOf(":'", at);
    const id = text.slice(at, colon);
    if (colon < 0 || !/^(0|[1-9]\d*)$/.test(id)) return header;
    const end = text.indexOf("'", colon + 2);
    const code = text.slice(colon + 2, end);
    if (!/^[a-z]{2,3}$/.test(code)) return header;
    languages[Number(id)] = code;
    at = end + 1;
    if (text[at] === '}') break;
    if (text[at] !== ',') return header;
    at++;
  }
  at++;
  for (const next of [',isSubset:false,ngrams:{', ',isSubset:true,ngrams:{']) {
    if (text.startsWith(next, at)) {
      header = { type, languages, body: at + next.length };
      break;
    }
  }
  return header;
}

/** The languages ELD's database knows (ISO 639-1 codes), or undefined when the file is not in the expected shape. */
export function eldLanguages(): Set<string> | undefined {
  const read = readHeader();
  return read ? new Set(Object.values(read.languages)) : undefined;
}

const QUOTE = 39; // '
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;
const OPEN = 123; // {
const CLOSE = 125; // }
const MINUS = 45;

/**
 * The database with only the n-grams (and scores) of `codes`; the language table stays whole, so
 * language ids and the score array are ELD's. Undefined when the file is not in the expected shape.
 *
 * One pass over the file's characters, numbers read digit by digit: most n-grams have no score for
 * either language, and neither their key nor their numbers are turned into strings.
 */
export function readSubset(codes: readonly string[]): NgramsData | undefined {
  const read = readHeader();
  if (!read || text === undefined) return undefined;
  const ids = Object.keys(read.languages).map(Number);
  const wanted = new Uint8Array(Math.max(...ids) + 1);
  for (const id of ids) if (codes.includes(read.languages[id]!)) wanted[id] = 1;
  const ngrams: Record<string, Record<number, number>> = Object.create(null);
  const source = text;
  const length = source.length;
  let at = read.body;
  for (;;) {
    if (source.charCodeAt(at) === CLOSE) break;
    // The key: a quoted string ('…', with \' and \\ escapes) or a bare identifier, read only if the n-gram is kept.
    const keyStart = at;
    let keyEnd: number;
    let escaped = false;
    if (source.charCodeAt(at) === QUOTE) {
      let end = at + 1;
      while (end < length && source.charCodeAt(end) !== QUOTE) {
        if (source.charCodeAt(end) === BACKSLASH) {
          const next = source.charCodeAt(end + 1);
          if (next !== QUOTE && next !== BACKSLASH) return undefined;
          escaped = true;
          end += 2;
        } else end++;
      }
      if (end >= length) return undefined;
      keyEnd = end + 1;
    } else {
      keyEnd = source.indexOf(':', at);
      const key = source.slice(at, keyEnd);
      // A bare key is an identifier; a number or anything stranger would mean a format this reader does not know.
      if (keyEnd < 0 || key === '' || /[\s'"\\,{}\d]/.test(key[0]!) || /[\s'"\\,{}]/.test(key)) return undefined;
    }
    at = keyEnd;
    if (source.charCodeAt(at) !== COLON || source.charCodeAt(at + 1) !== OPEN) return undefined;
    at += 2;
    let scores: Record<number, number> | undefined;
    for (;;) {
      // `id:score`, both integers, the score perhaps negative; read here rather than in a helper that moves
      // a shared index (V8 26's Maglev compiler miscompiled that shape: the read went wrong after warm-up).
      let id = 0;
      let from = at;
      for (let code = source.charCodeAt(at); code >= 48 && code <= 57; code = source.charCodeAt(at)) {
        id = id * 10 + code - 48;
        at++;
      }
      if (at === from || source.charCodeAt(at) !== COLON) return undefined;
      at++;
      const negative = source.charCodeAt(at) === MINUS;
      if (negative) at++;
      let score = 0;
      from = at;
      for (let code = source.charCodeAt(at); code >= 48 && code <= 57; code = source.charCodeAt(at)) {
        score = score * 10 + code - 48;
        at++;
      }
      if (at === from) return undefined;
      if (wanted[id] === 1) (scores ??= {})[id] = negative ? -score : score;
      const next = source.charCodeAt(at++);
      if (next === CLOSE) break;
      if (next !== COMMA) return undefined;
    }
    if (scores) {
      const quoted = source.charCodeAt(keyStart) === QUOTE;
      const key = quoted ? source.slice(keyStart + 1, keyEnd - 1) : source.slice(keyStart, keyEnd);
      ngrams[escaped ? key.replace(/\\(['\\])/g, '$1') : key] = scores;
    }
    const next = source.charCodeAt(at++);
    if (next === CLOSE) break;
    if (next !== COMMA) return undefined;
  }
  if (!source.startsWith('}', at)) return undefined;
  return { type: read.type, languages: read.languages, isSubset: true, ngrams };
}

const load = createRequire(import.meta.url);

/**
 * ELD's detector on the n-grams of `codes` alone, with its language subset set to them: the same
 * answers as the whole database with that subset. Undefined when the database could not be read.
 */
export function subsetDetector(codes: readonly string[]): Detector | undefined {
  const data = readSubset(codes);
  if (!data) return undefined;
  const { createEld } = load(join(eldFiles().root, 'src/languageDetector.js')) as {
    createEld: () => { instance: Detector; loadData: (data: NgramsData) => string };
  };
  const { instance, loadData } = createEld();
  if (!loadData(data)) return undefined;
  instance.setLanguageSubset([...codes]);
  return instance;
}

let whole: Detector | undefined;
/**
 * ELD's whole `medium` database, for a language it must compare against all the others (a
 * translation language ELD does not know). About 200 MB; loaded only then.
 */
export function wholeDetector(): Detector {
  if (!whole) {
    const { root } = eldFiles();
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, { import: string }> };
    whole = (load(join(root, manifest.exports['./medium']!.import)) as { eld: Detector }).eld;
  }
  return whole;
}
