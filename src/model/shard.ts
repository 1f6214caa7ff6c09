/**
 * Which part of the site a shard builds (`npm run build -- --shard k/n`).
 *
 * A shard is a set of whole sections (the first segment of a page's slug:
 * `lead-management/x` is in `lead-management`, the home page in `''`), so the
 * pages a shard renders share their navigation, and every locale of a page is
 * in the same shard as its source page (a slug decides, not a file). Sections
 * are taken in slug order and cut into `n` runs of about equal page counts, so
 * the plan depends on the content alone: every shard, on any machine, works
 * out the same plan. Navigation, hreflang, the sitemap and the dashboard still
 * come from the whole content model; a shard only renders fewer of its pages.
 *
 * The shard reaches Astro (which takes no options of ours) through
 * `PUBLISHER_DOCS_SHARD=k/n`, set by scripts/build.ts.
 */
import type { Site } from './site.ts';
import { slugOf } from './slug.ts';

export const SHARD_ENV = 'PUBLISHER_DOCS_SHARD';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** `lead-management/x` → `lead-management`; the home page's '' → ''. */
export function sectionOf(slug: string): string {
  return slug.split('/')[0] ?? '';
}

/** `2/3` → { index: 2, count: 3 }; a message saying what is wrong otherwise. */
export function parseShard(text: string): Shard | string {
  const match = /^(\d{1,4})\/(\d{1,4})$/.exec(text.trim());
  const [index, count] = match ? [Number(match[1]), Number(match[2])] : [NaN, NaN];
  if (!match || count < 1 || index < 1 || index > count) return `--shard takes k/n with 1 ≤ k ≤ n (such as 2/3), not "${text}".`;
  return { index, count };
}

/** The shard this process builds, from the environment; undefined for a whole build. Throws on a malformed value (a usage error of whoever set it). */
export function currentShard(env: NodeJS.ProcessEnv = process.env): Shard | undefined {
  const value = env[SHARD_ENV];
  if (value === undefined || value === '') return undefined;
  const shard = parseShard(value);
  if (typeof shard === 'string') throw new Error(`${SHARD_ENV}: ${shard}`);
  return shard.count === 1 ? undefined : shard;
}

/**
 * Section → shard (1-based) for the source locale's slugs: sections in slug
 * order, cut into runs of about equal page counts (a section goes where its
 * middle page falls). A section is never split, so a section larger than a
 * share makes its shard larger; with fewer sections than shards, some are empty.
 */
export function planShards(sourceSlugs: Iterable<string>, count: number): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const slug of sourceSlugs) sizes.set(sectionOf(slug), (sizes.get(sectionOf(slug)) ?? 0) + 1);
  const sections = [...sizes.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const total = [...sizes.values()].reduce((sum, size) => sum + size, 0);
  const plan = new Map<string, number>();
  let taken = 0;
  for (const section of sections) {
    const size = sizes.get(section)!;
    // A section goes to the shard its middle page falls in: runs in order, each about total / count pages.
    plan.set(section, Math.min(count, 1 + Math.floor((count * (taken + size / 2)) / total)));
    taken += size;
  }
  return plan;
}

/** Whether a slug is rendered by `shard` (every slug is, without a shard). Sections unknown to the plan (an orphan translation's) go to shard 1. */
export function shardFilter(sourceSlugs: Iterable<string>, shard: Shard | undefined): (slug: string) => boolean {
  if (!shard) return () => true;
  const plan = planShards(sourceSlugs, shard.count);
  return (slug) => (plan.get(sectionOf(slug)) ?? 1) === shard.index;
}

/** Whether this process's shard renders a slug of `site` (every slug without a shard). */
export function siteShardFilter(site: Site, shard: Shard | undefined = currentShard()): (slug: string) => boolean {
  return shardFilter(
    site.pagesOf(site.registry.source.code).map((page) => page.slug),
    shard,
  );
}

/** Shard 1 also renders what belongs to no section: the language chooser, 404 pages, the dashboard, the sitemap, search strings. */
export function ownsSiteWidePages(shard: Shard | undefined): boolean {
  return !shard || shard.index === 1;
}

/** A path segment as a glob matches it literally (content names are data: `[draft]` is a folder, not a pattern). */
function globLiteral(segment: string): string {
  return segment.replace(/[\\*?[\]{}()!@+]/g, '\\$&');
}

/**
 * The content loader's glob patterns for a shard (under `content/`): each
 * locale's top-level pages and section folders whose slug the shard renders,
 * so Astro and the bundler read only the shard's entries. `pages` holds each
 * locale's page paths inside its folder (`listContent`). A shard with no page
 * gets a pattern that matches nothing.
 */
export function shardGlobPatterns(pages: ReadonlyMap<string, readonly string[]>, sourceLocale: string, shard: Shard): string[] {
  const inShard = shardFilter((pages.get(sourceLocale) ?? []).map(slugOf), shard);
  const patterns = new Set<string>();
  for (const [locale, paths] of pages) {
    for (const path of paths) {
      if (!inShard(slugOf(path))) continue;
      const slash = path.indexOf('/');
      patterns.add(
        slash < 0 ? `${globLiteral(locale)}/${globLiteral(path)}` : `${globLiteral(locale)}/${globLiteral(path.slice(0, slash))}/**/*.mdx`,
      );
    }
  }
  return patterns.size > 0 ? [...patterns] : [`.no-pages-in-shard-${shard.index}-of-${shard.count}/*.mdx`];
}
