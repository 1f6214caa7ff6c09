/**
 * The link check as a library: build the site model from content/, run the
 * rules of the registry (scripts/links/registry.ts) over the source pass, the
 * built-site pass (when dist/ exists) and, on request, the external pass, and
 * return one report. It never prints: the CLI (scripts/check-links.ts) hands
 * the report to a formatter.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { LocaleRegistry } from '../../src/i18n/locales.ts';
import { loadSite, type Site } from '../../src/model/site.ts';
import { collect } from '../i18n/collect.ts';
import type { ParseCache } from '../../src/content/parseCache.ts';
import { countByLocaleAndRule, sortFindings, type Finding, type Report } from '../lib/findings.ts';
import { checksOf, ownFindings } from '../lib/rules.ts';
import { builtPass, type BuiltPassResult } from './builtPass.ts';
import { checkExternal, type ExternalOptions } from './external.ts';
import { buildSiteModel } from './site.ts';
import { LINK_RULES, type LinkRule } from './registry.ts';
import { sourcePass, type SourcePassResult } from './sourcePass.ts';
import { templateIndex } from './templates.ts';

export interface LinkCheckOptions {
  root: string;
  registry: LocaleRegistry;
  /** The content model (read from `root` when not given). */
  site?: Site;
  siteOrigin: string;
  /** The built site; the built-site pass is skipped when it does not exist. */
  dist?: string;
  external?: ExternalOptions;
  concurrency?: number;
  cache?: ParseCache;
  onProgress?: (message: string) => void;
  /** The rules to run (default: the whole registry). */
  rules?: readonly LinkRule[];
}

/** The passes over the site, as the rules' checks read them; each runs once, on first use. */
export interface LinkRun {
  source(): SourcePassResult;
  /** Undefined when there is no build to check. */
  built(): Promise<BuiltPassResult | undefined>;
  /** Undefined without `--external`. */
  external(): Promise<Awaited<ReturnType<typeof checkExternal>> | undefined>;
}

export interface LinkSummary {
  files: number;
  links: number;
  builtPass: { ran: boolean; pages: number; linksChecked: number; reason?: string };
  external: { checked: number; fromCache: number; skipped: number } | null;
  errors: number;
  warnings: number;
  byLocaleAndRule: Record<string, Record<string, number>>;
  timings: { sourceMs: number; builtMs: number; externalMs: number };
}

export async function checkLinks(options: LinkCheckOptions): Promise<Report<LinkSummary>> {
  const timings = { sourceMs: 0, builtMs: 0, externalMs: 0 };
  const timed = <T>(key: keyof typeof timings, work: () => T): T => {
    const start = performance.now();
    const result = work();
    if (result instanceof Promise) return result.finally(() => { timings[key] += performance.now() - start; }) as T;
    timings[key] += performance.now() - start;
    return result;
  };
  const started = new Set<unknown>();
  const once = <T>(work: () => T): (() => T) => {
    let done: { value: T } | undefined;
    const pass = () => {
      started.add(pass);
      return (done ??= { value: work() }).value;
    };
    return pass;
  };
  const dist = options.dist ?? join(options.root, 'dist');
  const hasBuild = existsSync(join(dist, 'index.html'));
  const source = once(() => timed('sourceMs', () => {
    const model = options.site ?? loadSite(options.root, options.registry);
    const { pages } = collect(options.root, model, options.registry.codes, options.cache);
    const site = buildSiteModel(options.root, model, pages);
    return { site, result: sourcePass(site, pages, options.siteOrigin) };
  }));
  const run: LinkRun = {
    source: () => source().result,
    built: once(async () => {
      if (!hasBuild) return undefined;
      const { site, result } = source();
      options.onProgress?.('Crawling the built site…');
      return timed('builtMs', () => builtPass({ root: options.root, dist, site, siteOrigin: options.siteOrigin, source: result, templates: templateIndex(options.root), concurrency: options.concurrency ?? 50, onProgress: (count) => options.onProgress?.(`Crawling the built site… ${count} links`) }));
    }),
    external: once(async () => {
      if (!options.external) return undefined;
      const occurrences = source().result.external;
      return timed('externalMs', () => checkExternal(occurrences, options.external!, (done, total) => options.onProgress?.(`Checking external links… ${done}/${total}`)));
    }),
  };

  const rules = options.rules ?? LINK_RULES;
  // One pass at a time: the built pass and the external pass both read the source pass.
  const findings: Finding[] = [];
  for (const check of checksOf(rules)) findings.push(...ownFindings(check, await check(run), rules));
  sortFindings(findings);

  // The summary reports what ran; counting the source's links costs nothing once it has run.
  const sourceResult = run.source();
  const built = hasBuild ? await peek(run.built) : undefined;
  const external = options.external ? await peek(run.external) : undefined;
  return {
    findings,
    summary: {
      files: sourceResult.files,
      links: [...sourceResult.linksByPage.values()].reduce((sum, links) => sum + links.length, 0),
      builtPass: built ? { ran: true, pages: built.pages, linksChecked: built.checked } : { ran: false, pages: 0, linksChecked: 0, reason: hasBuild ? 'no selected rule reads the build' : `${dist} does not exist; run npm run build first` },
      external: external ? { checked: external.checked, fromCache: external.fromCache, skipped: external.skipped } : null,
      errors: findings.filter((finding) => finding.severity === 'error').length,
      warnings: findings.filter((finding) => finding.severity === 'warning').length,
      byLocaleAndRule: countByLocaleAndRule(findings),
      timings: { sourceMs: Math.round(timings.sourceMs), builtMs: Math.round(timings.builtMs), externalMs: Math.round(timings.externalMs) },
    },
  };

  /** A pass's result if a selected rule ran it, without running it otherwise. */
  async function peek<T>(pass: () => Promise<T>): Promise<T | undefined> {
    return started.has(pass) ? pass() : undefined;
  }
}
