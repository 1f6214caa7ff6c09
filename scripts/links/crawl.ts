/**
 * `check:links -- --url https://…`: a deployed site, crawled over HTTP with
 * linkinator (recursively, with fragment checking), which is how a team
 * checks production. Each broken link is mapped back to the source where the
 * page it is on is a page of the content model: the MDX line that links to
 * the same target, else the one template line that writes it as a literal;
 * otherwise it is reported at the page's URL.
 */
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';
import type { Finding } from '../../src/report/report.ts';
import { LinkResolver } from './distIndex.ts';
import type { LinkOccurrence, SourcePassResult } from './sourcePass.ts';
import type { LinkSite } from './linkSite.ts';
import { literalKey, literalSites, type TemplateSite } from './templates.ts';

export interface CrawlOptions {
  root: string;
  /** Where the crawl starts; its origin is the site's. */
  url: string;
  site: LinkSite;
  /** The configured public origin: absolute links to it are read as links to the crawled site. */
  siteOrigin: string;
  source: SourcePassResult;
  timeoutMs: number;
  concurrency: number;
  /** Also check links to other hosts. */
  external: boolean;
  onProgress?: (checked: number) => void;
}

export interface CrawlResult {
  findings: Finding[];
  checked: number;
  pages: number;
  /** Why the crawl checked nothing (the start page did not answer 2xx, or no page was found); then `findings` holds a `site-unreachable` finding. */
  unreachable?: string;
}

/** Retries of a request that failed without an answer, answered 5xx or 429 (linkinator's `retryErrorsCount`), and the jitter added to each backoff. */
export const CRAWL_RETRIES = 2;
const RETRY_JITTER_MS = 500;

/**
 * The longest the crawl of an unanswering start page can take: each attempt
 * is a GET and, when that fails without an answer, a second GET, each cut off
 * at `timeoutMs`; linkinator waits 2^n s (plus jitter) before retry n.
 */
export function crawlTimeBound(timeoutMs: number): number {
  let backoff = 0;
  for (let retry = 1; retry <= CRAWL_RETRIES; retry++) backoff += 2 ** retry * 1000 + RETRY_JITTER_MS;
  return (CRAWL_RETRIES + 1) * 2 * timeoutMs + backoff;
}

export async function crawlSite(options: CrawlOptions): Promise<CrawlResult> {
  const start = new URL(options.url);
  const origin = start.origin;
  const configured = new URL(options.siteOrigin).origin;
  const checker = new LinkChecker();
  let checked = 0;
  checker.on('link', () => {
    if (++checked % 100 === 0) options.onProgress?.(checked);
  });
  const crawl = await checker.check({
    path: start.href,
    recurse: true,
    checkFragments: true,
    concurrency: options.concurrency,
    timeout: options.timeoutMs,
    retryErrors: true,
    retryErrorsCount: CRAWL_RETRIES,
    retryErrorsJitter: RETRY_JITTER_MS,
    // Canonical and hreflang links name the configured origin; on a staging host they mean this one.
    ...(configured !== origin
      ? { urlRewriteExpressions: [{ pattern: new RegExp(`^${escapeRegExp(configured)}`), replacement: origin }] }
      : {}),
    linksToSkip: async (link: string) => !options.external && !sameOrigin(link, origin) && !sameOrigin(link, configured),
  });

  const resolver = new LinkResolver(origin);
  const linksByFile = new Map<string, LinkOccurrence[]>();
  for (const links of options.source.linksByPage.values()) {
    for (const link of links) {
      const list = linksByFile.get(link.file);
      if (list) list.push(link);
      else linksByFile.set(link.file, [link]);
    }
  }
  let literals: Map<string, TemplateSite[]> | undefined;
  const groups = new Map<string, Finding & { pages: string[] }>();
  const pages = new Set<string>();
  // The host's 404 page, served at a missing URL, is not a page of the site: its links are not the site's.
  const missing = new Set(crawl.links.filter((link) => link.state === LinkState.BROKEN && !link.url.includes('#')).map((link) => link.url));
  for (const link of crawl.links) {
    if (!link.parent || missing.has(link.parent)) continue;
    if (sameOrigin(link.parent, origin)) pages.add(new URL(link.parent).pathname);
    if (link.state !== LinkState.BROKEN) continue;
    const parent = new URL(link.parent);
    const pageUrl = decodeURIComponent(parent.pathname);
    const target = resolver.resolve(link.url, pageUrl);
    const key = target.kind === 'internal' || target.kind === 'invalid' ? target.key : link.url;
    const page = options.site.model.byUrl(pageUrl);
    const { message, fragmentOnly } = describe(link);
    const locale = options.site.model.localeOf(pageUrl);
    const rule = fragmentOnly ? 'broken-anchor' : target.kind === 'external' ? 'external-error' : 'broken-link';
    const written = page
      ? (linksByFile.get(page.file) ?? []).find((occurrence) => {
          const resolved = resolver.resolve(occurrence.href, pageUrl);
          return (
            (resolved.kind === 'internal' || resolved.kind === 'invalid' || resolved.kind === 'external') &&
            ('key' in resolved ? resolved.key : resolved.url) === key
          );
        })
      : undefined;
    let place: { file: string; line: number; column: number };
    if (written) place = { file: written.file, line: written.line, column: written.column };
    else {
      literals ??= literalSites(options.root);
      const asWritten = link.url.startsWith(origin) ? link.url.slice(origin.length) : link.url;
      const sites = ['a href', 'link href', 'img src', 'script src'].flatMap(
        (pair) => literals!.get(literalKey(pair.split(' ')[0]!, pair.split(' ')[1]!, asWritten)) ?? [],
      );
      place =
        sites.length === 1
          ? { file: sites[0]!.file, line: sites[0]!.line, column: sites[0]!.column }
          : { file: parent.href, line: 1, column: 1 };
    }
    const unplaced = place.file === parent.href;
    // Without a source line, one finding per broken target, at the first page that links to it.
    const groupKey = unplaced ? `url|${key}` : `${place.file}:${place.line}:${place.column}|${key}`;
    const existing = groups.get(groupKey);
    if (existing) {
      if (!existing.pages.includes(pageUrl)) existing.pages.push(pageUrl);
      continue;
    }
    groups.set(groupKey, {
      rule,
      severity: 'error',
      message: `${link.url}: ${message}.`,
      locale,
      ...place,
      url: link.url,
      page: pageUrl,
      pages: [pageUrl],
      ...(unplaced ? { unplaced: true } : {}),
    });
  }
  const findings = [...groups.values()];
  for (const finding of findings) {
    finding.pages.sort();
    finding.page = finding.pages[0];
    if (finding.unplaced) {
      finding.file = new URL(finding.pages[0]!, origin).href;
      delete finding.unplaced;
    }
    if (finding.pages.length > 1)
      finding.message = `${finding.message} Linked from ${finding.pages.length} pages (${finding.pages.slice(0, 3).join(', ')}${finding.pages.length > 3 ? ', …' : ''}).`;
  }
  // A crawl that could not check the site must not pass it: say so as a finding, after the retries.
  const unreachable = unreachableReason(crawl.links, start.href, pages.size);
  if (!unreachable) return { findings, checked, pages: pages.size };
  const finding: Finding = {
    rule: 'site-unreachable',
    severity: 'error',
    file: start.href,
    message: `${start.href}: ${unreachable}; no page of the site was checked.`,
    url: start.href,
    hint: 'Check that the site is deployed and answers at this URL (and that --url is right); for a slow host, raise --timeout.',
  };
  return { findings: [finding, ...findings], checked, pages: pages.size, unreachable };
}

/** Why a crawl found nothing to check: the start page's own answer, else no page with links. */
function unreachableReason(links: readonly LinkResult[], start: string, pages: number): string | undefined {
  const first = links.find((link) => !link.parent && link.url === start) ?? links.find((link) => !link.parent);
  if (!first) return 'the crawl did not reach the start page';
  if (first.state === LinkState.BROKEN) {
    const { message } = describe(first);
    return `the start page did not answer with a page after ${CRAWL_RETRIES} retries (${message})`;
  }
  if (first.state === LinkState.SKIPPED) return 'the start page was skipped';
  if (pages === 0) return 'the start page answered, but the crawl found no page with links (is it an HTML page of the site?)';
  return undefined;
}

/** Why linkinator calls a link broken, and whether only its fragment is missing. */
function describe(link: LinkResult): { message: string; fragmentOnly: boolean } {
  const error = link.failureDetails?.find((detail): detail is Error => detail instanceof Error);
  if (error && /^Fragment identifier/.test(error.message))
    return { message: `the page has no such id (${error.message})`, fragmentOnly: true };
  if (link.status && link.status > 0) return { message: `HTTP ${link.status}`, fragmentOnly: false };
  return { message: error ? `no answer (${error.message})` : 'no answer', fragmentOnly: false };
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
