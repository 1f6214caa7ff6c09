/**
 * The link a hint proposes, built so that it passes the check: the page first,
 * then the anchor by heading id in the page the link leads to (in its locale):
 * as written when it exists, else the closest existing one, else none (the top
 * of the page). `checked` then resolves the proposal again against the site
 * model, the way the source pass judges a link, so a hint never offers a link
 * the checker would report.
 */
import { nearest } from './nearest.ts';
import type { SitePage } from '../../src/model/site.ts';
import type { LinkResolver } from './distIndex.ts';
import { resolveLink } from './resolve.ts';
import { hasId, headingIdsOf, type LinkSite } from './linkSite.ts';

export interface Proposal {
  href: string;
  /** What changed about the anchor, for the hint: empty when it is as written. */
  note: string;
}

export function anchored(site: LinkSite, page: SitePage, fragment: string): Proposal {
  if (!fragment || hasId(site, page, fragment)) return { href: fragment ? `${page.url}#${fragment}` : page.url, note: '' };
  const closest = nearest(fragment, [...headingIdsOf(site, page)]);
  return closest
    ? { href: `${page.url}#${closest}`, note: ` (${page.url} has no #${fragment}; #${closest} is the closest section)` }
    : { href: page.url, note: ` (${page.url} has no #${fragment} nor a section close to it, so the link goes to the top of the page)` };
}

/** The proposal when the check would accept it from this page: a page (of the link's own locale) with that id, or a file; else undefined. */
export function checked(
  proposal: Proposal | undefined,
  from: { url: string; file: string; locale: string },
  site: LinkSite,
  resolver: LinkResolver,
): Proposal | undefined {
  if (!proposal) return undefined;
  const target = resolveLink(proposal.href, from, site, resolver);
  if (target.kind === 'asset') return proposal;
  if (target.kind !== 'page' || target.page.locale !== from.locale) return undefined;
  return !target.fragment || hasId(site, target.page, target.fragment) ? proposal : undefined;
}
