/**
 * Pass 2, on the built site, from the files (no HTTP server, no crawl): every
 * HTML file in `dist/` is read once (html.ts), every link is resolved against
 * an index of what the static host would serve (distIndex.ts), each distinct
 * target is judged once, and only the pages that hold a broken link are read
 * again to locate it. Time grows with the number of links, not pages × links.
 *
 * Each broken link is mapped to the line that wrote it, by construction:
 * - the page's MDX file (from the site model: built URL → source file) has a
 *   link that resolves to the same target → that MDX line (the source pass has
 *   usually reported it already; it is not reported twice);
 * - otherwise a template wrote it: a literal value written by exactly one
 *   `.astro` line maps there; anything else is looked up in a checking build
 *   whose elements carry the template line that wrote them (traceBuild.ts).
 * A link a layout breaks on many pages is one finding at the layout line
 * listing the pages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Element as XastElement, Nodes as XastNodes } from 'xast';
import { fromXml } from 'xast-util-from-xml';
import type { Finding } from '../../src/report/report.ts';
import {
  indexDist,
  judgeInternal,
  LinkResolver,
  pageUrlOfFile,
  servedFile,
  type DistIndex,
  type Resolved,
  type Verdict,
} from './distIndex.ts';
import { baseOf, scanDist } from './scanDist.ts';
import { collectLinks, lineStarts, positionAt, scanHtml, type HtmlLink } from './html.ts';
import type { LinkOccurrence, SourcePassResult } from './sourcePass.ts';
import type { LinkSite } from './linkSite.ts';
import { literalKey, literalSites, parseStamp, type TemplateSite } from './templates.ts';
import { traceBuild as runTraceBuild } from './traceBuild.ts';

export interface BuiltPassOptions {
  root: string;
  dist: string;
  site: LinkSite;
  siteOrigin: string;
  source: SourcePassResult;
  /** Run a checking build to locate broken links that templates compute (default true). */
  traceBuild?: boolean;
  /** How findings name the build folder (default: `dist` relative to the root); `npm run build` checks its staging folder as `dist`. */
  distLabel?: string;
  onProgress?: (pagesRead: number, pagesTotal: number) => void;
}

export interface BuiltPassResult {
  findings: Finding[];
  /** Link occurrences resolved. */
  checked: number;
  /** HTML files read. */
  pages: number;
  /** Whether a checking build ran, and how it went. */
  trace?: { ran: boolean; error?: string };
}

interface Occurrence extends HtmlLink {
  file: string;
  key: string;
}

export async function builtPass(options: BuiltPassOptions): Promise<BuiltPassResult> {
  const index = indexDist(options.dist);
  const resolver = new LinkResolver(options.siteOrigin);
  const htmlFiles = [...index.files].filter((file) => file.endsWith('.html')).sort();
  const scan = await scanDist(options.dist, htmlFiles, options.siteOrigin, (read) => options.onProgress?.(read, htmlFiles.length));
  for (const [file, ids] of scan.ids) index.ids.set(file, ids);
  const { targets, checked } = scan;

  const verdicts = new Map<string, Extract<Verdict, { ok: false }>>();
  const affected = new Set<number>();
  for (const [key, { resolved, pages }] of targets) {
    const verdict: Verdict =
      resolved.kind === 'invalid'
        ? { ok: false, rule: 'broken-link', message: `${resolved.reason}.` }
        : judgeInternal(index, resolved.path, resolved.fragment);
    if (verdict.ok) continue;
    verdicts.set(key, verdict);
    for (const page of pages) affected.add(page);
  }

  const distName = options.distLabel ?? (relative(options.root, options.dist).split('\\').join('/') || '.');
  const findings: Finding[] = sitemapFindings(options, index, distName);
  if (verdicts.size === 0) return { findings, checked, pages: htmlFiles.length };

  // Read the pages with broken links again, this time keeping where each broken link is.
  const broken: Occurrence[] = [];
  for (const pageNumber of [...affected].sort((a, b) => a - b)) {
    const file = htmlFiles[pageNumber]!;
    const { scan: page, links } = collectLinks(readFileSync(join(options.dist, file), 'utf8'));
    const base = baseOf(file, page.base, options.siteOrigin);
    for (const link of links) {
      const resolved = resolver.resolveOn(link.href, base, file);
      if ((resolved.kind === 'internal' || resolved.kind === 'invalid') && verdicts.has(resolved.key))
        broken.push({ ...link, file, key: resolved.key });
    }
  }

  const mapper = new SourceMapper(options, resolver, distName, verdicts);
  const unplaced = mapper.place(broken);
  let trace: BuiltPassResult['trace'];
  if (unplaced.length > 0 && options.traceBuild !== false) {
    options.onProgress?.(0, 0);
    const build = runTraceBuild(options.root);
    trace = { ran: true, ...(build.error ? { error: build.error } : {}) };
    try {
      const stillUnplaced = build.error ? unplaced : mapper.placeByStamps(unplaced, build.dist);
      mapper.placeInBuild(stillUnplaced, build.error);
    } finally {
      build.remove();
    }
  } else {
    mapper.placeInBuild(unplaced, options.traceBuild === false ? 'the checking build is off (--no-trace)' : undefined);
  }
  findings.push(...mapper.findings());
  return { findings, checked, pages: htmlFiles.length, ...(trace ? { trace } : {}) };
}

/** Turns broken occurrences into findings at MDX lines, template lines, or (last resort) the built file. */
class SourceMapper {
  private readonly groups = new Map<string, Finding & { pages: string[] }>();
  private readonly linksByFile = new Map<string, LinkOccurrence[]>();
  private readonly reported = new Set<string>();
  private literals: Map<string, TemplateSite[]> | undefined;
  private readonly options: BuiltPassOptions;
  private readonly resolver: LinkResolver;
  private readonly distName: string;
  private readonly verdicts: Map<string, Extract<Verdict, { ok: false }>>;

  constructor(options: BuiltPassOptions, resolver: LinkResolver, distName: string, verdicts: Map<string, Extract<Verdict, { ok: false }>>) {
    this.options = options;
    this.resolver = resolver;
    this.distName = distName;
    this.verdicts = verdicts;
    for (const links of options.source.linksByPage.values()) {
      for (const link of links) {
        const list = this.linksByFile.get(link.file);
        if (list) list.push(link);
        else this.linksByFile.set(link.file, [link]);
      }
    }
    for (const finding of options.source.findings) {
      if (finding.rule === 'broken-link' || finding.rule === 'broken-anchor')
        this.reported.add(`${finding.file}:${finding.line}:${finding.column}`);
    }
  }

  /** Places what the MDX or a unique template literal wrote; returns the rest. */
  place(occurrences: readonly Occurrence[]): Occurrence[] {
    const rest: Occurrence[] = [];
    for (const [file, onPage] of groupBy(occurrences, (occurrence) => occurrence.file)) {
      const pageUrl = pageUrlOfFile(file);
      const source = this.options.site.model.byUrl(pageUrl);
      const mdxLinks = source ? (this.linksByFile.get(source.file) ?? []) : [];
      for (const [key, sameTarget] of groupBy(onPage, (occurrence) => occurrence.key)) {
        // The MDX wrote as many of these as it has links to this target; the others come from templates.
        const written = mdxLinks.filter((link) => keyOf(this.resolver.resolve(link.href, pageUrl)) === key);
        written.forEach((link) => this.addMdx(link, pageUrl, key));
        for (const occurrence of sameTarget.slice(written.length)) {
          const sites = this.literalSites().get(literalKey(occurrence.tag, occurrence.attribute, occurrence.href.trim())) ?? [];
          if (sites.length === 1) this.addTemplate(sites[0]!, occurrence);
          else rest.push(occurrence);
        }
      }
    }
    return rest;
  }

  /** Places occurrences by the stamps of a checking build; returns those it could not place. */
  placeByStamps(occurrences: readonly Occurrence[], traceDist: string): Occurrence[] {
    const rest: Occurrence[] = [];
    for (const [file, onPage] of groupBy(occurrences, (occurrence) => occurrence.file)) {
      const stamped = new Map<string, string[]>();
      try {
        scanHtml(readFileSync(join(traceDist, file), 'utf8'), (href, _tag, _attribute, _offset, stamp) => {
          if (!stamp) return;
          const key = keyOf(this.resolver.resolveOn(href, pageUrlOfFile(file), file));
          if (key) stamped.set(key, [...(stamped.get(key) ?? []), stamp]);
        });
      } catch {
        rest.push(...onPage);
        continue;
      }
      for (const [key, sameTarget] of groupBy(onPage, (occurrence) => occurrence.key)) {
        const stamps = [...new Set(stamped.get(key) ?? [])];
        const sites = stamps.map(parseStamp).filter((site) => site !== undefined);
        if (sites.length === 0) {
          rest.push(...sameTarget);
          continue;
        }
        for (const site of sites)
          this.addTemplate({ ...site, tag: sameTarget[0]!.tag, attribute: sameTarget[0]!.attribute }, sameTarget[0]!);
      }
    }
    return rest;
  }

  /** Reports what no source line could be found for at its place in the built file, grouped by the link as written. */
  placeInBuild(occurrences: readonly Occurrence[], why?: string): void {
    for (const [file, onPage] of groupBy(occurrences, (occurrence) => occurrence.file)) {
      const starts = lineStarts(readFileSync(join(this.options.dist, file), 'utf8'));
      for (const occurrence of onPage) {
        const verdict = this.verdicts.get(occurrence.key)!;
        const place = positionAt(starts, occurrence.offset);
        const groupKey = `built|${occurrence.tag}|${occurrence.attribute}|${occurrence.href}|${verdict.rule}`;
        this.add(groupKey, pageUrlOfFile(file), {
          rule: verdict.rule,
          severity: 'error',
          message: `${verdict.message} Written as <${occurrence.tag} ${occurrence.attribute}="${occurrence.href}">; no source line could be found.`,
          locale: this.localeOf(pageUrlOfFile(file)),
          file: `${this.distName}${file}`,
          ...place,
          url: occurrence.href,
          hint: [
            verdict.hint,
            why
              ? `The checking build that locates template lines did not run: ${why}.`
              : 'No template or MDX line wrote this link: it may come from an integration or a script.',
          ]
            .filter(Boolean)
            .join(' '),
        });
      }
    }
  }

  findings(): Finding[] {
    const findings = [...this.groups.values()];
    for (const finding of findings) {
      finding.pages.sort();
      finding.page = finding.pages[0];
      if (finding.pages.length > 1)
        finding.message = `${finding.message} Written on ${finding.pages.length} pages (${finding.pages.slice(0, 3).join(', ')}${finding.pages.length > 3 ? ', …' : ''}).`;
      if (finding.pages.length === 1) delete (finding as Partial<typeof finding>).pages;
    }
    return findings;
  }

  private addMdx(link: LinkOccurrence, pageUrl: string, key: string): void {
    const at = `${link.file}:${link.line}:${link.column}`;
    if (this.reported.has(at)) return;
    const verdict = this.verdicts.get(key)!;
    this.add(`mdx|${at}`, pageUrl, {
      rule: verdict.rule,
      severity: 'error',
      message: verdict.message,
      locale: link.locale,
      file: link.file,
      line: link.line,
      column: link.column,
      url: link.href,
      ...(verdict.hint ? { hint: verdict.hint } : {}),
    });
  }

  private addTemplate(site: TemplateSite, occurrence: Occurrence): void {
    const verdict = this.verdicts.get(occurrence.key)!;
    const pageUrl = pageUrlOfFile(occurrence.file);
    const groupKey = `template|${site.file}:${site.line}:${site.column}|${verdict.rule}`;
    this.add(groupKey, pageUrl, {
      rule: verdict.rule,
      severity: 'error',
      message: verdict.message,
      locale: this.localeOf(pageUrl),
      file: site.file,
      line: site.line,
      column: site.column,
      url: occurrence.href,
      ...(verdict.hint ? { hint: verdict.hint } : {}),
    });
  }

  private add(groupKey: string, pageUrl: string, finding: Finding): void {
    const existing = this.groups.get(groupKey);
    if (existing) {
      if (!existing.pages.includes(pageUrl)) existing.pages.push(pageUrl);
      return;
    }
    this.groups.set(groupKey, { ...finding, page: pageUrl, pages: [pageUrl] });
  }

  private localeOf(pageUrl: string): string {
    return this.options.site.model.localeOf(pageUrl);
  }

  private literalSites(): Map<string, TemplateSite[]> {
    return (this.literals ??= literalSites(this.options.root));
  }
}

function keyOf(resolved: Resolved): string | undefined {
  return resolved.kind === 'internal' || resolved.kind === 'invalid' ? resolved.key : undefined;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * The sitemap names every page and its alternates by absolute URL; each must
 * be served by the build. Read with a real XML parser.
 */
function sitemapFindings(options: BuiltPassOptions, index: DistIndex, distName: string): Finding[] {
  const findings: Finding[] = [];
  const origin = new URL(options.siteOrigin).origin;
  const files = readdirSync(options.dist)
    .filter((file) => /^sitemap.*\.xml$/.test(file))
    .sort();
  for (const file of files) {
    let tree;
    try {
      tree = fromXml(readFileSync(join(options.dist, file), 'utf8'));
    } catch (error) {
      findings.push({
        rule: 'broken-link',
        severity: 'error',
        message: `${file} is not valid XML: ${(error as Error).message}`,
        locale: options.site.model.registry.source.code,
        file: `${distName}/${file}`,
        line: 1,
        column: 1,
        url: `/${file}`,
        page: `/${file}`,
      });
      continue;
    }
    const visit = (node: XastNodes) => {
      if (node.type === 'element') check(node);
      if ('children' in node) node.children.forEach(visit);
    };
    const check = (node: XastElement) => {
      const url =
        node.name === 'loc'
          ? node.children
              .map((child) => ('value' in child ? child.value : ''))
              .join('')
              .trim()
          : node.name === 'xhtml:link'
            ? node.attributes.href
            : undefined;
      if (!url) return;
      let path: string;
      try {
        const parsed = new URL(url);
        if (parsed.origin !== origin) return;
        path = decodeURIComponent(parsed.pathname);
      } catch {
        path = url;
      }
      if (servedFile(index, path)) return;
      findings.push({
        rule: 'broken-link',
        severity: 'error',
        message: `The sitemap lists ${path}, which the build does not have.`,
        locale: options.site.model.localeOf(path),
        file: `${distName}/${file}`,
        line: node.position?.start.line ?? 1,
        column: node.position?.start.column ?? 1,
        url,
        page: `/${file}`,
      });
    };
    visit(tree);
  }
  return findings;
}
