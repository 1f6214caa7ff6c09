/**
 * Pass 1, no build needed: every link, image and JSX `href`/`src` written in
 * an MDX page, resolved against the site model. Exact to line and column.
 * It also returns the links it saw per page, so the built-site pass can map
 * what linkinator finds back to these lines, and the external URLs to check.
 */
import { pageUrl, slugOf } from '../../src/model/slug.ts';
import type { ParsedPage } from '../i18n/collect.ts';
import type { Finding } from '../lib/findings.ts';
import { LinkResolver } from './distIndex.ts';
import { editDistance } from './nearest.ts';
import { resolveLink, type Target } from './resolve.ts';
import type { LinkSite } from './site.ts';

export interface LinkOccurrence {
  href: string;
  file: string;
  line: number;
  column: number;
  locale: string;
  /** The built URL path of the page the link is written on. */
  page: string;
  target: Target;
}

export interface SourcePassResult {
  findings: Finding[];
  /** Links per built page path, in document order. */
  linksByPage: Map<string, LinkOccurrence[]>;
  external: LinkOccurrence[];
  files: number;
}

/** Element ids the layout gives every page, besides heading ids. */
const LAYOUT_IDS = new Set(['content']);

export function sourcePass(site: LinkSite, pagesByLocale: Map<string, ParsedPage[]>, siteOrigin: string): SourcePassResult {
  const resolver = new LinkResolver(siteOrigin);
  const findings: Finding[] = [];
  const linksByPage = new Map<string, LinkOccurrence[]>();
  const external: LinkOccurrence[] = [];
  let files = 0;
  for (const [locale, pages] of pagesByLocale) {
    for (const page of pages) {
      files++;
      const url = pageUrl(locale, slugOf(page.path));
      if (!page.outline) {
        const problem = page.problems.find((candidate) => candidate.rule === 'parse-error') ?? page.problems[0];
        findings.push({ file: page.file, line: 1, column: 1, ...problem, rule: 'parse-error', severity: 'error', message: `${problem?.message ?? 'The page cannot be read.'} Its links were not checked.`, locale, url: '', page: url });
        continue;
      }
      const refs = [...page.outline.links.map((link) => ({ href: link.url, line: link.line, column: link.column })), ...page.outline.images.map((image) => ({ href: image.src, line: image.line, column: image.column }))]
        .sort((a, b) => a.line - b.line || a.column - b.column);
      const occurrences: LinkOccurrence[] = [];
      for (const ref of refs) {
        const occurrence: LinkOccurrence = { ...ref, file: page.file, locale, page: url, target: resolveLink(ref.href, { url, file: page.file, locale }, site, resolver) };
        occurrences.push(occurrence);
        if (occurrence.target.kind === 'external') external.push(occurrence);
        findings.push(...judge(occurrence, site));
      }
      linksByPage.set(url, occurrences);
    }
  }
  return { findings, linksByPage, external, files };
}

function judge(link: LinkOccurrence, site: LinkSite): Finding[] {
  const base = { locale: link.locale, file: link.file, line: link.line, column: link.column, url: link.href, page: link.page };
  const { target } = link;
  if (target.kind === 'missing') {
    const suggestion = closestPage(target.path, link.locale, site);
    return [{ ...base, rule: 'broken-link', severity: 'error', message: `"${link.href}" leads nowhere: ${target.reason}.`, ...(suggestion ? { hint: `Did you mean ${suggestion}?` } : {}) }];
  }
  if (target.kind !== 'page') return [];
  const findings: Finding[] = [];
  const headingIds = site.headingIds.get(target.page.url) ?? new Set<string>();
  if (target.fragment && !headingIds.has(target.fragment) && !LAYOUT_IDS.has(target.fragment)) {
    const ids = [...headingIds];
    findings.push({ ...base, rule: 'broken-anchor', severity: 'error', message: `${target.page.url} has no #${target.fragment}.`, hint: ids.length ? `Its sections are ${ids.map((id) => `#${id}`).join(', ')}.` : 'That page has no sections to link to.' });
  }
  if (target.page.locale !== link.locale) {
    const own = site.model.page(link.locale, target.page.slug);
    if (own && !own.isFallback) {
      findings.push({ ...base, rule: 'locale-mismatch', severity: 'warning', message: `The link goes to the ${target.page.locale} page ${target.page.url}, but this ${link.locale} page has its own: ${own.url}.`, hint: `Link to ${own.url}${target.fragment ? `#${target.fragment}` : ''}.` });
    }
  } else if (target.page.isFallback && site.model.registry.get(link.locale)?.status === 'complete') {
    // A partial locale links to its own URLs on purpose: they serve the source page with a notice
    // today and the translation as soon as it exists, so only a complete locale is told.
    findings.push({ ...base, rule: 'fallback-link', severity: 'warning', message: `${target.page.url} is not translated yet; readers following this link get the ${site.model.registry.source.name} page.`, hint: `Translate ${target.page.localeFile}, or say in the link text that the page is in ${site.model.registry.source.name}.` });
  }
  return findings;
}

/** The page URL in the same locale nearest to a broken path, if one is close. */
function closestPage(path: string, locale: string, site: LinkSite): string | undefined {
  let best: { url: string; distance: number } | undefined;
  for (const page of site.model.pagesOf(locale)) {
    const distance = editDistance(path.replace(/\/?$/, '/'), page.url);
    if (!best || distance < best.distance) best = { url: page.url, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(path.length / 4)) ? best.url : undefined;
}
