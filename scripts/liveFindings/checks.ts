/**
 * The checks behind the dev toolbar's findings app: `check:i18n` (its library,
 * scripts/i18n/check.ts) and the source pass of `check:links`
 * (scripts/links/sourcePass.ts) run in the dev server on `content/` as it is on
 * disk, and again after every save.
 *
 * A save in one translation's folder (`content/de/…`) re-runs the translation
 * check for that locale only and keeps the other locales' findings: a
 * translation is compared with the source alone. Anything else (the source
 * locale, the registry, the glossary, the tables) re-runs it for every locale.
 * The link pass always runs whole: any page's heading ids are targets of every
 * other page's links, and the pass itself is one walk over parsed outlines.
 * Pages are parsed once per version of their text (the content guard's parse
 * cache, then in memory), so a re-run parses the saved page only.
 *
 * A check that cannot run (a broken registry, glossary or locale folder) is a
 * failure with its findings, never an empty list.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { ContentError, type Finding } from '../../src/report/finding.ts';
import { checkLocaleFolders } from '../../src/content/guard.ts';
import { openParseCache, type ParseCache } from '../../src/content/parseCache.ts';
import { loadRegistry, type LocaleRegistry } from '../../src/i18n/locales.ts';
import { loadSite, type Site } from '../../src/model/site.ts';
import { loadGlossary } from '../../src/translation/glossary.ts';
import { checkTranslations } from '../i18n/check.ts';
import { collect } from '../i18n/collect.ts';
import { keepSelected } from '../../src/report/rules.ts';
import { LINK_RULES } from '../links/registry.ts';
import { linkSite } from '../links/linkSite.ts';
import { sourcePass } from '../links/sourcePass.ts';
import { indexFindings, pageFindings, shownFinding, type FindingIndex } from './pageFindings.ts';
import type { PageFindings } from './protocol.ts';

export type CheckState =
  | { ok: true; site: Site; i18n: Finding[]; links: Finding[]; index: FindingIndex; scope: 'all' | string }
  | { ok: false; message: string; findings: Finding[] };

export interface LiveChecks {
  /** A file under the project changed (repository-relative, forward slashes); only `content/` matters. */
  changed(file: string): void;
  /** The findings of the page at `url`, from a run that has seen every change reported so far. */
  forUrl(url: string): Promise<PageFindings>;
  /** The state after every change reported so far. */
  current(): Promise<CheckState>;
}

/**
 * @param onRun called after each run (not the first, which nobody waits to hear about): the dev server
 *   tells the toolbar to ask again.
 */
export function liveChecks(root: string, siteOrigin: string, onRun: (state: CheckState) => void = () => {}): LiveChecks {
  const cache = rememberingCache(openParseCache(root));
  let state: CheckState | undefined;
  // Changes not yet checked; the first run checks everything.
  let pending: Set<string> | undefined = new Set(['content/']);
  let running: Promise<CheckState> | undefined;

  const schedule = (): Promise<CheckState> => {
    running ??= (async () => {
      // Let the other events of one save (an editor writes, renames, touches) arrive first.
      await new Promise((resolve) => setImmediate(resolve));
      let result = state;
      while (pending) {
        const files = pending;
        pending = undefined;
        const first = result === undefined;
        const before = new Map([...files].map((file) => [file, versionOf(root, file)]));
        result = runChecks(root, siteOrigin, cache, result, files);
        state = result;
        // An editor that saves in place truncates, then writes: a run that read between the two saw half a
        // file, and the watcher may report the whole save as one change. Check again what moved meanwhile.
        const moved = [...files].filter((file) => versionOf(root, file) !== before.get(file));
        for (const file of moved) (pending ??= new Set()).add(file);
        if (!first) onRun(result);
      }
      running = undefined;
      return result!;
    })();
    return running;
  };

  return {
    changed(file) {
      if (!file.startsWith('content/')) return;
      (pending ??= new Set()).add(file);
      void schedule();
    },
    current: () => (pending || running || !state ? schedule() : Promise.resolve(state)),
    async forUrl(url) {
      const current = await this.current();
      if (!current.ok)
        return {
          url,
          findings: [],
          strings: [],
          failure: { message: current.message, findings: current.findings.map((finding) => shownFinding('check:i18n', finding)) },
        };
      return pageFindings(current.site, current.index, url);
    },
  };
}

/** One run: both checks, for the locale of the changed files where that is enough. Never throws. */
export function runChecks(
  root: string,
  siteOrigin: string,
  cache: ParseCache,
  previous: CheckState | undefined,
  changed: ReadonlySet<string>,
): CheckState {
  try {
    const registry = loadRegistry(root);
    const folders = checkLocaleFolders(root, registry);
    if (folders.length > 0) throw new ContentError(folders);
    const glossary = loadGlossary(root);
    const site = loadSite(root, registry);
    const scope = previous?.ok ? localeOf(changed, registry) : undefined;
    let i18n: Finding[];
    if (scope && previous?.ok && previous.i18n.every((finding) => finding.locale !== undefined)) {
      const fresh = checkTranslations({ root, registry, site, glossary, cache, locales: [scope] }).findings;
      i18n = [...previous.i18n.filter((finding) => finding.locale !== scope), ...fresh];
    } else {
      i18n = checkTranslations({ root, registry, site, glossary, cache }).findings;
    }
    const { pages } = collect(root, site, registry.codes, cache);
    const links = keepSelected(sourcePass(linkSite(root, site, pages), pages, siteOrigin, root).findings, LINK_RULES);
    return { ok: true, site, i18n, links, index: indexFindings({ i18n, links }), scope: scope ?? 'all' };
  } catch (error) {
    if (error instanceof ContentError)
      return { ok: false, message: 'The checks could not run: the content cannot be loaded.', findings: [...error.problems] };
    return { ok: false, message: `The checks could not run: ${error instanceof Error ? error.message : String(error)}`, findings: [] };
  }
}

/** A file's size and modification time ("missing" when it is gone): enough to tell that it changed. */
function versionOf(root: string, file: string): string {
  try {
    const stats = statSync(join(root, file));
    return `${stats.size}:${stats.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

/** The one translation locale all changed files are in (`content/<locale>/…`), if there is one. */
function localeOf(changed: ReadonlySet<string>, registry: LocaleRegistry): string | undefined {
  const locales = new Set([...changed].map((file) => /^content\/([^/]+)\/./.exec(file)?.[1]));
  const [locale] = locales;
  if (locales.size !== 1 || locale === undefined || locale === registry.source.code || !registry.get(locale)) return undefined;
  return locale;
}

/** The parse cache, also keeping what it parses during this session: a saved page is parsed once, not once per check. */
function rememberingCache(cache: ParseCache): ParseCache {
  return {
    ...cache,
    get(file, text, parse) {
      if (cache.has(file, text)) return cache.get(file, text, parse);
      const page = cache.get(file, text, parse);
      cache.put(file, text, page);
      return page;
    },
  };
}
