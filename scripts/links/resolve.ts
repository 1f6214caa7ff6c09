/**
 * Where a link written in a page points: another page of the site (which
 * locale, which slug, which #fragment), a file in `public/`, an external URL,
 * or nothing that exists. Handles the forms authors write: `/de/x/`, `../x/`,
 * `#id`, absolute URLs on the site's own host, and `./other.mdx#id`, which is
 * reported: the site does not serve source files, so the link must name the page's URL.
 * The URL itself is resolved by the built-site pass's resolver (distIndex.ts),
 * so both passes skip the same schemes and decode paths alike.
 */
import { posix } from 'node:path';
import type { SitePage } from '../../src/model/site.ts';
import { pageUrl, slugOf } from '../../src/model/slug.ts';
import type { LinkResolver } from './distIndex.ts';
import type { LinkSite } from './linkSite.ts';

export type Target =
  | { kind: 'page'; page: SitePage; fragment: string; path: string }
  | { kind: 'asset'; path: string }
  | { kind: 'external'; url: string }
  | { kind: 'skip' }
  | { kind: 'missing'; path: string; fragment: string; reason: string };

/**
 * @param href the link as written
 * @param from the page it is written on (its URL and MDX file)
 * @param resolver the link check's URL resolver, for the site's public origin (links to it are internal)
 */
export function resolveLink(
  href: string,
  from: { url: string; file: string; locale: string },
  site: LinkSite,
  resolver: LinkResolver,
): Target {
  const trimmed = href.trim();
  if (trimmed === '') return { kind: 'missing', path: '', fragment: '', reason: 'the link has no target' };
  const [pathPart = '', ...fragmentParts] = trimmed.split('#');
  const withoutQuery = pathPart.split('?')[0]!;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !trimmed.startsWith('//') && /\.mdx?$/.test(withoutQuery)) {
    // A link to a content file, as editors write it: resolve it against the file's folder.
    const fragment = safeDecode(fragmentParts.join('#'));
    const target = posix.normalize(posix.join(posix.dirname(from.file), withoutQuery));
    const match = /^content\/([^/]+)\/(.+)$/.exec(target);
    if (!match) return { kind: 'missing', path: target, fragment, reason: `${target} is not a page under content/<locale>/` };
    const url = pageUrl(match[1]!, slugOf(match[2]!));
    // The site serves pages at their URLs and never rewrites a link to a source file, so in the build it is broken.
    const page = site.model.byUrl(url);
    // The page's URL (with an anchor that exists there) is the hint's business: see proposal.ts.
    return {
      kind: 'missing',
      path: url,
      fragment,
      reason: page ? `the site does not serve source files; link to the page's URL instead` : `${target} is not a page`,
    };
  }
  const resolved = resolver.resolve(href, from.url);
  switch (resolved.kind) {
    case 'skip':
    case 'external':
      return resolved;
    case 'invalid':
      return { kind: 'missing', path: trimmed, fragment: '', reason: resolved.reason.replace(/^"[^"]*" /, 'it ') };
    default:
      return classify(resolved.path, resolved.fragment, site);
  }
}

/** Percent-decoded, or as written when the encoding is malformed. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function classify(path: string, fragment: string, site: LinkSite): Target {
  const page = site.model.byUrl(path);
  if (page) return { kind: 'page', page, fragment, path: page.url };
  if (site.assets.has(path) || site.generated.has(path) || path.startsWith('/_astro/')) return { kind: 'asset', path };
  return { kind: 'missing', path, fragment, reason: `no page or file is served at ${path}` };
}
