/**
 * The data source of the dev toolbar's findings app: from the results of
 * `check:i18n` and the source pass of `check:links`, the findings of the page at
 * a URL. Pure: it reads the check results and the content model, nothing else.
 *
 * The URL leads to the page through the content model (`Site.byUrl`), never by
 * working out a slug: the model says which files the page is made of. A page's
 * findings are those located in its own file, plus those of its locale whose
 * source is the page's source file (a `missing-page` finding names the file
 * still to be written, which exists nowhere else). The findings are indexed
 * once per run, so a lookup costs the page's findings, not the site's.
 */
import type { Finding } from '../../src/report/finding.ts';
import { sortFindings } from '../../src/report/report.ts';
import type { Site } from '../../src/model/site.ts';
import type { Checker, PageFindings, ShownFinding } from './protocol.ts';

export interface CheckResults {
  i18n: readonly Finding[];
  links: readonly Finding[];
}

export interface FindingIndex {
  byFile: Map<string, ShownFinding[]>;
  /** By `locale\0source file`. */
  bySource: Map<string, ShownFinding[]>;
  /** Findings in a locale's string files (anything but a page), by locale. */
  strings: Map<string, ShownFinding[]>;
}

/** Indexes both checkers' findings, in the checkers' own order (file, position, rule), so every list taken from it is in that order. */
export function indexFindings(results: CheckResults): FindingIndex {
  const checkerOf = new Map<Finding, Checker>([
    ...results.i18n.map((finding) => [finding, 'check:i18n'] as const),
    ...results.links.map((finding) => [finding, 'check:links'] as const),
  ]);
  const index: FindingIndex = { byFile: new Map(), bySource: new Map(), strings: new Map() };
  for (const finding of sortFindings([...checkerOf.keys()])) {
    const shown = shownFinding(checkerOf.get(finding)!, finding);
    push(index.byFile, finding.file, shown);
    if (finding.locale !== undefined && finding.source) push(index.bySource, `${finding.locale}\0${finding.source.file}`, shown);
    if (finding.locale !== undefined && !finding.file.endsWith('.mdx')) push(index.strings, finding.locale, shown);
  }
  return index;
}

/** The findings of the page at `url` (a path as `location.pathname` gives it: percent-encoded, with or without the trailing slash). */
export function pageFindings(site: Site, index: FindingIndex, url: string): PageFindings {
  const page = site.byUrl(decodePath(url));
  if (!page) return { url, findings: [], strings: [] };
  // The own file's findings, then those about the page located elsewhere (the file a missing page should have).
  const found = new Set<ShownFinding>(page.ownFile ? index.byFile.get(page.ownFile) : []);
  for (const finding of index.bySource.get(`${page.locale}\0${page.sourceFile}`) ?? []) found.add(finding);
  return {
    url,
    page: { locale: page.locale, status: page.status, ...(page.ownFile ? { ownFile: page.ownFile } : {}), sourceFile: page.sourceFile },
    findings: [...found],
    strings: index.strings.get(page.locale) ?? [],
  };
}

/** Only what the toolbar shows, as plain data: a finding's checker-specific extras stay on the server. */
export function shownFinding(checker: Checker, finding: Finding): ShownFinding {
  return {
    checker,
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
    ...(finding.hint ? { hint: finding.hint } : {}),
    file: finding.file,
    ...(finding.line !== undefined ? { line: finding.line } : {}),
    ...(finding.column !== undefined ? { column: finding.column } : {}),
    ...(finding.source
      ? {
          source: {
            file: finding.source.file,
            ...(finding.source.line !== undefined ? { line: finding.source.line } : {}),
            ...(finding.source.column !== undefined ? { column: finding.source.column } : {}),
          },
        }
      : {}),
  };
}

/** `/de/f%C3%BCr/` → `/de/für/`; a malformed escape is kept as written (it then matches no page). */
function decodePath(path: string): string {
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
