/**
 * What the deployed static host answers for a URL, decided from the files in
 * `dist/` alone (no HTTP server): the index holds every built file (pages,
 * 404 pages, assets, `public/` copies) and, per HTML page, its ids. Lookups
 * are Map/Set operations, so resolving every link of a site is linear in the
 * number of links.
 *
 * The rules are those of common static hosts (GitHub Pages, Netlify,
 * Cloudflare Pages, and `npm start`/`npm run preview`, which serve by this rule):
 * - `/x/` serves `/x/index.html`; a folder without `index.html` is not found.
 * - `/x` serves the file `/x`, else `/x.html`, else redirects to `/x/` when
 *   `/x/index.html` exists. The redirect keeps `#fragment`, so such a link
 *   works although the site writes its URLs with a trailing slash.
 * - Paths are case-sensitive and percent-decoded; query strings do not
 *   select a file; `#fragment` must be an id (or `<a name>`) on the page
 *   served, except the empty fragment and `#top`, which every page has.
 */
import { readdirSync } from 'node:fs';
import { join, posix, sep } from 'node:path';
import { nearest } from './nearest.ts';

export interface DistIndex {
  /** URL paths of every file in dist, decoded: `/en/x/index.html`, `/favicon.svg`. */
  files: Set<string>;
  /** Ids per HTML file path; filled as pages are read. */
  ids: Map<string, Set<string>>;
  /** Lowercased file path → file path, for "did you mean" on a wrong case. */
  folded: Map<string, string>;
}

/** A link, resolved: an internal path and fragment, an external URL, or something not checked. */
export type Resolved =
  | { kind: 'internal'; path: string; fragment: string; key: string }
  | { kind: 'external'; url: string }
  | { kind: 'skip' }
  | { kind: 'invalid'; reason: string; key: string };

export type Verdict = { ok: true; file: string } | { ok: false; rule: 'broken-link' | 'broken-anchor'; message: string; hint?: string };

/** Lists every file under dist once. */
export function indexDist(dist: string): DistIndex {
  const files = new Set<string>();
  const folded = new Map<string, string>();
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = `/${join(entry.parentPath, entry.name)
      .slice(dist.length + 1)
      .split(sep)
      .join('/')}`;
    files.add(path);
    folded.set(path.toLowerCase(), path);
  }
  return { files, ids: new Map(), folded };
}

/** The HTML file a page URL path is built into, for the pages of dist. */
export function pageUrlOfFile(file: string): string {
  return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/**
 * Resolves links as written against the page they are on: the one URL
 * resolver of the link check (the source pass, the built-site pass and the
 * crawl all ask it), so every pass skips, follows and decodes the same URLs.
 * Results for
 * root-relative and absolute links do not depend on the page, so they are
 * cached: a sidebar link repeated on every page is parsed once.
 */
export class LinkResolver {
  private readonly origin: string;
  private readonly cache = new Map<string, Resolved>();

  constructor(siteOrigin: string) {
    this.origin = new URL(siteOrigin).origin;
  }

  resolve(raw: string, pageUrl: string): Resolved {
    // Only page-independent links are cached, so a hit is always right; most links are such.
    const cached = this.cache.get(raw);
    if (cached !== undefined) return cached;
    const href = raw.trim();
    if (href.startsWith('#')) return this.fragmentOnly(href, pageUrl);
    const resolved = this.compute(href, pageUrl);
    if (href.startsWith('/') || /^[a-z][a-z0-9+.-]*:/i.test(href)) this.cache.set(raw, resolved);
    return resolved;
  }

  /**
   * A link on a built page (`file`, resolving against `base`). A static host
   * serves a 404 page at whatever URL was not found, so a relative link on it
   * (`../guide/`) leads somewhere different for every missing URL: reported.
   */
  resolveOn(raw: string, base: string, file: string): Resolved {
    if (file.endsWith('/404.html') && isPathRelative(raw)) {
      return {
        kind: 'invalid',
        reason: `"${raw.trim()}" is relative, but a 404 page is served at any URL that was not found, so it leads somewhere different each time; write it from the root, such as "${posix.join(posix.dirname(file), '/')}"`,
        key: `relative-on-404:${raw}`,
      };
    }
    return this.resolve(raw, base);
  }

  /** `#id` on the page itself, without parsing a URL. */
  private fragmentOnly(href: string, pageUrl: string): Resolved {
    let fragment = href.slice(1);
    if (fragment.includes('%')) {
      try {
        fragment = decodeURIComponent(fragment);
      } catch {
        // kept as written
      }
    }
    return { kind: 'internal', path: pageUrl, fragment, key: `${pageUrl}#${fragment}` };
  }

  private compute(href: string, pageUrl: string): Resolved {
    if (/^(mailto|tel|javascript|data|blob|about|sms):/i.test(href)) return { kind: 'skip' };
    let url: URL;
    try {
      url = new URL(href, `${this.origin}${pageUrl}`);
    } catch {
      return { kind: 'invalid', reason: `"${href}" is not a valid URL`, key: `invalid:${href}` };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'skip' };
    if (url.origin !== this.origin) return { kind: 'external', url: url.href };
    let path: string;
    let fragment: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return { kind: 'invalid', reason: `"${href}" has malformed percent-encoding in its path`, key: `invalid:${href}` };
    }
    try {
      fragment = decodeURIComponent(url.hash.slice(1));
    } catch {
      fragment = url.hash.slice(1);
    }
    return { kind: 'internal', path, fragment, key: `${path}#${fragment}` };
  }
}

/** `guide/`, `../x/`, `./a.png`: neither from the root, nor a fragment, nor with a scheme. */
function isPathRelative(raw: string): boolean {
  const href = raw.trim();
  return href !== '' && !href.startsWith('/') && !href.startsWith('#') && !href.startsWith('?') && !/^[a-z][a-z0-9+.-]*:/i.test(href);
}

/**
 * What the host serves at a path, or undefined when it answers 404. The one
 * rule for both: the checker asks its index, the server the disk
 * (scripts/lib/staticServer.ts); `${path}/index.html` for a path without its
 * trailing slash means a redirect to `${path}/`.
 */
export function servedFile(index: { files: { has(path: string): boolean } }, path: string): string | undefined {
  if (path.endsWith('/')) return index.files.has(`${path}index.html`) ? `${path}index.html` : undefined;
  if (index.files.has(path)) return path;
  if (index.files.has(`${path}.html`)) return `${path}.html`;
  if (index.files.has(`${path}/index.html`)) return `${path}/index.html`;
  return undefined;
}

/** Whether an internal link works: the file is served, and its fragment is an id of that page. */
export function judgeInternal(index: DistIndex, path: string, fragment: string): Verdict {
  const file = servedFile(index, path);
  if (!file) {
    const wrongCase = index.folded.get(path.toLowerCase()) ?? index.folded.get(`${path.replace(/\/?$/, '/')}index.html`.toLowerCase());
    return {
      ok: false,
      rule: 'broken-link',
      message: `${path} does not exist in the build (the host answers 404).`,
      ...(wrongCase ? { hint: `URLs are case-sensitive: did you mean ${pageUrlOfFile(wrongCase)}?` } : {}),
    };
  }
  if (fragment === '' || fragment === 'top' || !file.endsWith('.html')) return { ok: true, file };
  const ids = index.ids.get(file);
  if (ids?.has(fragment)) return { ok: true, file };
  const url = pageUrlOfFile(file);
  const suggestion = ids ? nearest(fragment, ids) : undefined;
  return {
    ok: false,
    rule: 'broken-anchor',
    message: `${url} has no #${fragment}.`,
    ...(suggestion ? { hint: `Did you mean #${suggestion}?` } : {}),
  };
}
