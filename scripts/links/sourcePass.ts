/**
 * Pass 1, no build needed: every link, image and JSX `href`/`src` written in
 * an MDX page, resolved against the site model. Exact to line and column.
 * It also returns the links it saw per page, so the built-site pass can map
 * what linkinator finds back to these lines, and the external URLs to check.
 * A hint that proposes a link carries it as a `fix` too (the link's target
 * replaced, at its exact place), once the proposal passes the check itself
 * (proposal.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageUrl, slugOf } from '../../src/model/slug.ts';
import type { Place } from '../../src/content/outline.ts';
import type { ParsedPage } from '../i18n/collect.ts';
import type { Finding, Fix } from '../../src/report/report.ts';
import { targetRange } from '../../src/report/fixes.ts';
import { editDistance, nearest } from './nearest.ts';
import { anchored, checked, type Proposal } from './proposal.ts';
import { resolveLink, type Target } from './resolve.ts';
import type { SitePage } from '../../src/model/site.ts';
import { LinkResolver } from './distIndex.ts';
import { hasId, headingIdsOf, type LinkSite } from './linkSite.ts';

export interface LinkOccurrence {
  href: string;
  file: string;
  line: number;
  column: number;
  /** Where the link (or the element carrying it) ends, when the parser says: for fixes. */
  end?: Place;
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

/**
 * @param root the project, to read a page's text when a finding proposes a fix (only then); without it,
 *   hints still propose links but carry no `fix`.
 */
export function sourcePass(site: LinkSite, pagesByLocale: Map<string, ParsedPage[]>, siteOrigin: string, root?: string): SourcePassResult {
  const resolver = new LinkResolver(siteOrigin);
  const texts = new Map<string, string | undefined>();
  const textOf = (file: string) => {
    if (!root) return undefined;
    if (!texts.has(file)) {
      try {
        texts.set(file, readFileSync(join(root, file), 'utf8'));
      } catch {
        texts.set(file, undefined);
      }
    }
    return texts.get(file);
  };
  const findings: Finding[] = [];
  const linksByPage = new Map<string, LinkOccurrence[]>();
  const external: LinkOccurrence[] = [];
  let files = 0;
  // A symbolic link the content model refused to follow is a page whose links were not checked: say so, never pass it silently.
  for (const refused of site.model.refused) {
    findings.push({
      ...refused,
      rule: 'parse-error',
      severity: 'error',
      message: `${refused.message} Its links were not checked.`,
      url: '',
      page: '',
    });
  }
  for (const [locale, pages] of pagesByLocale) {
    for (const page of pages) {
      files++;
      const url = pageUrl(locale, slugOf(page.path));
      if (!page.outline) {
        const problem = page.problems.find((candidate) => candidate.rule === 'parse-error') ?? page.problems[0];
        findings.push({
          file: page.file,
          line: 1,
          column: 1,
          ...problem,
          rule: 'parse-error',
          severity: 'error',
          message: `${problem?.message ?? 'The page cannot be read.'} Its links were not checked.`,
          locale,
          url: '',
          page: url,
        });
        continue;
      }
      // Script and program URLs, by the content guard's own rule (src/content/urlPolicy.ts, applied in src/content/mdxPolicy.ts).
      for (const problem of page.policy?.problems ?? []) {
        if (problem.rule === 'unsafe-url') findings.push({ ...problem, locale, url: String(problem.url ?? ''), page: url });
      }
      const refs = [
        ...page.outline.links.map((link) => ({
          href: link.url,
          line: link.line,
          column: link.column,
          ...(link.end ? { end: link.end } : {}),
        })),
        ...page.outline.images.map((image) => ({
          href: image.src,
          line: image.line,
          column: image.column,
          ...(image.end ? { end: image.end } : {}),
        })),
      ].sort((a, b) => a.line - b.line || a.column - b.column);
      const occurrences: LinkOccurrence[] = [];
      for (const ref of refs) {
        const occurrence: LinkOccurrence = {
          ...ref,
          file: page.file,
          locale,
          page: url,
          target: resolveLink(ref.href, { url, file: page.file, locale }, site, resolver),
        };
        occurrences.push(occurrence);
        if (occurrence.target.kind === 'external') external.push(occurrence);
        findings.push(...judge(occurrence, site, resolver, textOf));
      }
      linksByPage.set(url, occurrences);
    }
  }
  return { findings, linksByPage, external, files };
}

function judge(link: LinkOccurrence, site: LinkSite, resolver: LinkResolver, textOf: (file: string) => string | undefined): Finding[] {
  const base = { locale: link.locale, file: link.file, line: link.line, column: link.column, url: link.href, page: link.page };
  const from = { url: link.page, file: link.file, locale: link.locale };
  /** The proposal, checked, as hint and fix; or the fallback hint when there is no proposal the check accepts. */
  const propose = (proposal: Proposal | undefined, hint: (href: string) => string, otherwise?: string) => {
    const valid = checked(proposal, from, site, resolver);
    if (!valid) return otherwise ? { hint: otherwise } : {};
    const fix = fixOf(link, valid.href, hint(valid.href), textOf);
    return { hint: hint(valid.href), ...(fix ? { fix } : {}) };
  };
  const { target } = link;
  if (target.kind === 'missing') {
    // A source file (`./other.mdx`) names a page that exists: link to it. Otherwise, the closest page to what was written.
    const named = target.path ? site.model.byUrl(target.path) : undefined;
    // A source file of another locale (`../../en/x.mdx` on a German page) stands for the same page in this one.
    const page = named && named.locale !== link.locale ? (site.model.page(link.locale, named.slug) ?? named) : named;
    const suggestion = page ?? closestPage(target.path, link.locale, site);
    const proposal = suggestion ? anchored(site, suggestion, target.fragment) : undefined;
    return [
      {
        ...base,
        rule: 'broken-link',
        severity: 'error',
        message: `"${link.href}" leads nowhere: ${target.reason}.`,
        ...propose(proposal, (href) => (page ? `Link to ${href}${proposal!.note}.` : `Did you mean ${href}?${proposal!.note}`)),
      },
    ];
  }
  if (target.kind !== 'page') return [];
  const findings: Finding[] = [];
  if (target.fragment && !hasId(site, target.page, target.fragment)) {
    const ids = [...headingIdsOf(site, target.page)];
    const sections = ids.length ? `Its sections are ${ids.map((id) => `#${id}`).join(', ')}.` : 'That page has no sections to link to.';
    const closest = nearest(target.fragment, ids);
    const proposal = closest ? { href: `${link.href.slice(0, link.href.indexOf('#'))}#${closest}`, note: '' } : undefined;
    findings.push({
      ...base,
      rule: 'broken-anchor',
      severity: 'error',
      message: `${target.page.url} has no #${target.fragment}.`,
      ...propose(proposal, () => `Did you mean #${closest}? ${sections}`, sections),
    });
  }
  if (target.page.locale !== link.locale) {
    const own = site.model.page(link.locale, target.page.slug);
    if (own && !own.isFallback) {
      const proposal = anchored(site, own, target.fragment);
      findings.push({
        ...base,
        rule: 'locale-mismatch',
        severity: 'warning',
        message: `The link goes to the ${target.page.locale} page ${target.page.url}, but this ${link.locale} page has its own: ${own.url}.`,
        ...propose(proposal, (href) => `Link to ${href}${proposal.note}.`, `Link to ${own.url}.`),
      });
    }
  } else if (target.page.isFallback && site.model.registry.get(link.locale)?.status === 'complete') {
    // A partial locale links to its own URLs on purpose: they serve the source page with a notice
    // today and the translation as soon as it exists, so only a complete locale is told.
    findings.push({
      ...base,
      rule: 'fallback-link',
      severity: 'warning',
      message: `${target.page.url} is not translated yet; readers following this link get the ${site.model.registry.source.name} page.`,
      hint: `Translate ${target.page.localeFile}, or say in the link text that the page is in ${site.model.registry.source.name}.`,
    });
  }
  return findings;
}

/** The fix that replaces the link's target as written with `href`, when the target can be found verbatim in the page's text. */
function fixOf(link: LinkOccurrence, href: string, description: string, textOf: (file: string) => string | undefined): Fix | undefined {
  const text = textOf(link.file);
  const range = text === undefined ? undefined : targetRange(text, link, link.href);
  return range ? { description, replacements: [{ file: link.file, ...range, text: href }] } : undefined;
}

/** The page URL in the same locale nearest to a broken path, if one is close. */
function closestPage(path: string, locale: string, site: LinkSite): SitePage | undefined {
  let best: { page: SitePage; distance: number } | undefined;
  for (const page of site.model.pagesOf(locale)) {
    const distance = editDistance(path.replace(/\/?$/, '/'), page.url);
    if (!best || distance < best.distance) best = { page, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(path.length / 4)) ? best.page : undefined;
}
