/**
 * Pass 2, on the built site: linkinator crawls `dist/` from the root with
 * fragment checking, so links that templates, components, hreflang/canonical
 * tags and the sitemap produce are checked too. Each broken link is mapped
 * back to where it is written: the MDX line (from the source pass's index of
 * links per page) or the template line (from the template index), and a link
 * a layout breaks on many pages becomes one finding listing the pages.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';
import type { Element, Root } from 'hast';
import type { Element as XastElement } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import { fromHtml } from 'hast-util-from-html';
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';
import { visitParents } from 'unist-util-visit-parents';
import type { Finding } from '../lib/findings.ts';
import type { SourcePassResult } from './sourcePass.ts';
import { pageAt, type SiteModel } from './site.ts';
import { matchTemplate, type BuiltElement, type TemplateIndex } from './templates.ts';

export interface BuiltPassOptions {
  root: string;
  dist: string;
  site: SiteModel;
  siteOrigin: string;
  source: SourcePassResult;
  templates: TemplateIndex;
  concurrency: number;
  onProgress?: (checked: number) => void;
}

export interface BuiltPassResult {
  findings: Finding[];
  /** Links linkinator checked. */
  checked: number;
  pages: number;
}

export async function builtPass(options: BuiltPassOptions): Promise<BuiltPassResult> {
  const port = await freePort();
  // linkinator serves the folder on 127.0.0.1 at the port we give it.
  const local = `http://127.0.0.1:${port}`;
  const checker = new LinkChecker();
  let checked = 0;
  const pages = new Set<string>();
  // linkinator reports local results as paths under `dist` (it maps its server's URLs back): turn them into URL paths.
  const toPath = (reported: string) => {
    if (reported.startsWith(options.dist)) return reported.slice(options.dist.length) || '/';
    try {
      const url = new URL(reported);
      return `${url.pathname}${url.hash}`;
    } catch {
      return reported;
    }
  };
  checker.on('link', (result: LinkResult) => {
    checked++;
    const path = toPath(result.url);
    if (result.state === LinkState.OK && path.endsWith('/')) pages.add(path);
    if (checked % 200 === 0) options.onProgress?.(checked);
  });
  const crawl = await checker.check({
    path: options.dist,
    recurse: true,
    checkFragments: true,
    port,
    concurrency: options.concurrency,
    timeout: 10_000,
    // The site's own absolute URLs (canonical, hreflang, sitemap) are checked against the build.
    urlRewriteExpressions: [{ pattern: new RegExp(`^${escapeRegExp(options.siteOrigin.replace(/\/$/, ''))}`), replacement: local }],
    // External links are the source pass's business (with --external); linkinator checks the build itself.
    // The site's own origin must not be skipped: linkinator decides skips before it rewrites URLs.
    linksToSkip: async (link: string) => !(link.startsWith(local) || link.startsWith(options.siteOrigin)),
  });

  const broken = crawl.links
    .filter((link) => link.state === LinkState.BROKEN && link.parent)
    // Trust the build over the crawler: a page or anchor that exists was a timeout, not a broken link.
    .filter((link) => !existsInBuild(options.dist, toPath(link.url)));
  const distName = relative(options.root, options.dist).split('\\').join('/') || '.';
  const findings: Finding[] = sitemapFindings(options, distName);
  const htmlCache = new Map<string, Root | undefined>();
  const grouped = new Map<string, Finding>();
  for (const link of broken) {
    const parentPath = toPath(link.parent!);
    const [rawPath = '/', ...hash] = toPath(link.url).split('#');
    const targetPath = decodeURI(rawPath);
    const fragment = decodeURIComponent(hash.join('#'));
    const reported = `${targetPath}${fragment ? `#${fragment}` : ''}`;
    const pageExists = existsSync(join(options.dist, targetPath, targetPath.endsWith('/') ? 'index.html' : ''));
    const rule = fragment && pageExists ? 'broken-anchor' : 'broken-link';
    const message = rule === 'broken-anchor' ? `${targetPath} has no #${fragment}.` : `${targetPath}${fragment ? `#${fragment}` : ''} does not exist in the build${link.status ? ` (HTTP ${link.status})` : ''}.`;

    // Already reported, with its line, by the source pass?
    const written = options.source.linksByPage.get(pageAt(options.site, parentPath)?.url ?? parentPath) ?? [];
    const fromContent = written.find((occurrence) => sameTarget(occurrence.href, parentPath, reported, options.siteOrigin));
    if (fromContent) {
      if (!options.source.findings.some((finding) => finding.file === fromContent.file && finding.line === fromContent.line && finding.column === fromContent.column && (finding.rule === 'broken-link' || finding.rule === 'broken-anchor'))) {
        findings.push({ rule, severity: 'error', message, locale: fromContent.locale, file: fromContent.file, line: fromContent.line, column: fromContent.column, url: fromContent.href, page: parentPath });
      }
      continue;
    }
    const elements = builtElements(htmlCache, options.dist, parentPath, reported, options.siteOrigin);
    const rendering = options.templates.templatesFor(parentPath);
    const candidates = options.templates.sites.filter((candidate) => rendering.has(candidate.file));
    const site = elements.map((element) => matchTemplate(candidates, element)).find(Boolean);
    const asWritten = elements[0]?.value ?? reported;
    const locale = options.site.registry.get(parentPath.split('/')[1] ?? '')?.code ?? options.site.registry.source.code;
    if (!site) {
      findings.push({ rule, severity: 'error', message: `${message} Written in the built page as "${asWritten}"; no template line could be matched.`, locale, file: `${distName}${parentPath}${parentPath.endsWith('/') ? 'index.html' : ''}`, line: elements[0]?.line ?? 1, column: elements[0]?.column ?? 1, url: asWritten, page: parentPath });
      continue;
    }
    const key = `${site.file}:${site.line}:${site.column}|${rule}|${targetPath}#${fragment}`;
    const existing = grouped.get(key);
    if (existing) {
      if (!(existing.pages as string[]).includes(parentPath)) (existing.pages as string[]).push(parentPath);
      continue;
    }
    const finding: Finding = { rule, severity: 'error', message, locale, file: site.file, line: site.line, column: site.column, url: asWritten, page: parentPath, pages: [parentPath] };
    grouped.set(key, finding);
    findings.push(finding);
  }
  for (const finding of grouped.values()) {
    const list = finding.pages as string[];
    if (list.length > 1) finding.message = `${finding.message} The template writes it on ${list.length} pages (${list.slice(0, 3).join(', ')}${list.length > 3 ? ', …' : ''}).`;
  }
  return { findings, checked, pages: pages.size };
}

/** Whether the build has the page (and, for `#fragment`, an element with that id). */
function existsInBuild(dist: string, target: string): boolean {
  const [path = '/', ...hash] = target.split('#');
  const decoded = decodeURI(path);
  const file = join(dist, decoded, decoded.endsWith('/') ? 'index.html' : '');
  if (!existsSync(file) || !statSync(file).isFile()) return false;
  const fragment = decodeURIComponent(hash.join('#'));
  if (!fragment) return true;
  let found = false;
  visitParents(fromHtml(readFileSync(file, 'utf8')), 'element', (node: Element) => {
    if (node.properties.id === fragment || node.properties.name === fragment) found = true;
  });
  return found;
}

/** Does a link as written on a page lead to the target linkinator reports (a path with its #fragment)? */
function sameTarget(href: string, pagePath: string, reported: string, siteOrigin: string): boolean {
  try {
    const base = 'https://site.invalid';
    const resolved = new URL(href.startsWith(siteOrigin) ? href.replace(siteOrigin.replace(/\/$/, ''), base) : href, `${base}${pagePath}`);
    if (resolved.origin !== base) return false;
    return `${decodeURI(resolved.pathname)}${resolved.hash ? `#${decodeURIComponent(resolved.hash.slice(1))}` : ''}` === reported;
  } catch {
    return false;
  }
}

/** The elements of a built page whose href or src leads to `url`. */
function builtElements(cache: Map<string, Root | undefined>, dist: string, pagePath: string, reported: string, siteOrigin: string): (BuiltElement & { line: number; column: number })[] {
  if (!cache.has(pagePath)) {
    const file = join(dist, pagePath, pagePath.endsWith('/') ? 'index.html' : '');
    cache.set(pagePath, existsSync(file) ? fromHtml(readFileSync(file, 'utf8')) : undefined);
  }
  const tree = cache.get(pagePath);
  if (!tree) return [];
  const found: (BuiltElement & { line: number; column: number })[] = [];
  visitParents(tree, 'element', (node: Element, ancestors) => {
    for (const attribute of ['href', 'src'] as const) {
      const value = node.properties[attribute];
      if (typeof value !== 'string' || !sameTarget(value, pagePath, reported, siteOrigin)) continue;
      const attributes: Record<string, string> = {};
      for (const [name, property] of Object.entries(node.properties)) {
        const html = name === 'className' ? 'class' : name === 'hrefLang' ? 'hreflang' : name.toLowerCase();
        attributes[html] = Array.isArray(property) ? property.join(' ') : String(property);
      }
      const ancestorClasses = ancestors
        .filter((ancestor): ancestor is Element => ancestor.type === 'element')
        .reverse()
        .flatMap((ancestor) => (Array.isArray(ancestor.properties.className) ? ancestor.properties.className.map(String) : []));
      found.push({ tag: node.tagName, attribute, value, attributes, ancestorClasses, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 });
    }
  });
  return found;
}

/**
 * The sitemap names every page and its alternates by absolute URL; each must be
 * a page of the build. linkinator cannot read a sitemap from a folder, so the
 * sitemap files are read here, with a real XML parser.
 */
function sitemapFindings(options: BuiltPassOptions, distName: string): Finding[] {
  const findings: Finding[] = [];
  const files = existsSync(options.dist) ? readdirSync(options.dist).filter((file) => /^sitemap.*\.xml$/.test(file)).sort() : [];
  for (const file of files) {
    const tree = fromXml(readFileSync(join(options.dist, file), 'utf8'));
    visitParents(tree, 'element', (node: XastElement) => {
      const url = node.name === 'loc' ? node.children.map((child) => ('value' in child ? child.value : '')).join('').trim() : node.name === 'xhtml:link' ? node.attributes.href : undefined;
      if (!url || !url.startsWith(options.siteOrigin.replace(/\/$/, ''))) return;
      const path = decodeURI(new URL(url).pathname);
      if (/^sitemap.*\.xml$/.test(path.slice(1))) return;
      const built = join(options.dist, path, path.endsWith('/') ? 'index.html' : '');
      if (existsSync(built)) return;
      findings.push({ rule: 'broken-link', severity: 'error', message: `The sitemap lists ${path}, which the build does not have.`, locale: options.site.registry.get(path.split('/')[1] ?? '')?.code ?? options.site.registry.source.code, file: `${distName}/${file}`, line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, url, page: `/${file}` });
    });
  }
  return findings;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
