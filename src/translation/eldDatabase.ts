/**
 * ELD detectors (the language identifier src/translation/language.ts asks),
 * each answering one question: this source language or that target language?
 *
 * ELD's 'medium' database is one large object literal (105,000 n-grams, each
 * with scores for up to 60 languages): evaluating it costs a process about a
 * second of CPU and 185 MB, which is most of what a short command such as
 * `i18n:export` spends. A detector limited to two languages (ELD's language
 * subset) only ever reads those two languages' scores: every other score is
 * dropped after scoring (ELD's `filterLangSubset`), and a language's score is
 * the sum of its own n-gram entries. So the database cut to the n-grams and
 * scores of the two languages (about 7 % of it for English and German) gives
 * the same answers, to the last digit, and loads in milliseconds.
 *
 * The cut database is made from the installed one on first use and kept in
 * `node_modules/.cache/publisher-docs/` beside the package, named by a hash of
 * the database file, so a new ELD version makes a new one. ELD offers no
 * public way to load other data into a detector, so this reads two of its
 * files by path (the ones its `eld/medium` entry imports); if they are not
 * where ELD 2 keeps them, every detector is the whole database, as before.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire, findPackageJSON } from 'node:module';
import { dirname, join } from 'node:path';
import type { eld as Eld } from 'eld/medium';

export type Detector = typeof Eld;

/** ELD's database format (its `ngrams/*.js` files): language index → code, and n-gram → language index → score. */
interface NgramsData {
  type: string;
  languages: Record<string, string>;
  ngrams: Record<string, Record<string, number>>;
}

interface Package {
  /** The `eld/medium` entry (builds a detector with the whole database). */
  entry: string;
  /** ELD's own detector factory and the database file the entry uses. */
  createEld: ((...args: never[]) => { instance: Detector; loadData: (data: NgramsData) => unknown }) | undefined;
  databaseFile: string;
  cacheDir: string;
}

const require = createRequire(import.meta.url);
let found: Package | undefined;

function eldPackage(): Package {
  if (!found) {
    const manifest = findPackageJSON('eld', import.meta.url);
    if (!manifest) throw new Error('The eld package is not installed: run npm ci.');
    const root = dirname(manifest);
    const entry = join(
      root,
      (JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: string }> }).exports['./medium']!.import,
    );
    let createEld: Package['createEld'];
    try {
      createEld = (require(join(dirname(entry), '../languageDetector.js')) as { createEld?: Package['createEld'] }).createEld;
    } catch {
      createEld = undefined;
    }
    found = {
      entry,
      createEld: typeof createEld === 'function' ? createEld : undefined,
      databaseFile: join(dirname(entry), '../ngrams/medium.js'),
      cacheDir: join(root, '..', '.cache', 'publisher-docs'),
    };
  }
  return found;
}

let whole: Detector | undefined;
/** ELD with the whole 'medium' database, loaded on first use only. */
function wholeDatabase(): Detector {
  whole ??= (require(eldPackage().entry) as { eld: Detector }).eld;
  return whole;
}

const detectors = new Map<string, Detector | undefined>();

/**
 * A detector that tells `source` from `target` (ISO 639-1 codes), or
 * undefined when ELD does not know the source language. A target ELD does
 * not know is compared against every language ELD knows (the whole database):
 * only a clear source-language answer counts then.
 */
export function detectorFor(source: string, target: string): Detector | undefined {
  const key = `${source}|${target}`;
  if (!detectors.has(key)) detectors.set(key, pairDetector(source, target) ?? wholeDetector(source, target));
  return detectors.get(key);
}

function wholeDetector(source: string, target: string): Detector | undefined {
  const supported = new Set(Object.values(wholeDatabase().info().Languages));
  if (!supported.has(source)) return undefined;
  const detector = wholeDatabase().newInstance();
  detector.setLanguageSubset(supported.has(target) ? [source, target] : false);
  return detector;
}

/** A detector on the database cut to the two languages; undefined when ELD lacks one of them or its files are not where ELD 2 keeps them. */
function pairDetector(source: string, target: string): Detector | undefined {
  const eld = eldPackage();
  if (!eld.createEld) return undefined;
  let databaseHash: string;
  try {
    databaseHash = createHash('sha256').update(readFileSync(eld.databaseFile)).digest('hex').slice(0, 16);
  } catch {
    return undefined;
  }
  const cacheFile = join(eld.cacheDir, `eld-medium-${databaseHash}-${source}-${target}.json`);
  let data: NgramsData | undefined;
  try {
    data = JSON.parse(readFileSync(cacheFile, 'utf8')) as NgramsData;
  } catch {
    // Not made yet (or unreadable): made below from the whole database.
  }
  if (!data) {
    const full = (require(eld.databaseFile) as { ngramsData: NgramsData }).ngramsData;
    data = cutDatabase(full, [source, target]);
    if (!data) return undefined;
    try {
      mkdirSync(eld.cacheDir, { recursive: true });
      // Write then rename, so a run that stops half way never leaves half a file.
      writeFileSync(`${cacheFile}.${process.pid}.tmp`, JSON.stringify(data));
      renameSync(`${cacheFile}.${process.pid}.tmp`, cacheFile);
    } catch {
      // A read-only install still detects, from the cut made in memory.
    }
  }
  const { instance, loadData } = eld.createEld();
  loadData(data);
  instance.setLanguageSubset([source, target]);
  return instance;
}

/** The database with only the n-grams and scores of the given languages (language indexes kept); undefined when it lacks one of them. */
export function cutDatabase(full: NgramsData, codes: readonly string[]): NgramsData | undefined {
  const indexes = codes.map((code) => Object.keys(full.languages).find((index) => full.languages[index] === code));
  if (indexes.some((index) => index === undefined)) return undefined;
  const ngrams: Record<string, Record<string, number>> = {};
  for (const [ngram, scores] of Object.entries(full.ngrams)) {
    let kept: Record<string, number> | undefined;
    for (const index of indexes as string[])
      if (scores[index] !== undefined) {
        kept ??= {};
        kept[index] = scores[index];
      }
    if (kept) ngrams[ngram] = kept;
  }
  return { type: full.type, languages: full.languages, ngrams };
}
