import { describe, expect, it } from 'vitest';
import { currentShard, ownsSiteWidePages, parseShard, planShards, sectionOf, shardFilter, shardGlobPatterns } from './shard.ts';

/** `sections` sections of `size` pages each (plus their index pages), and the home page. */
function slugs(sections: number, size: number): string[] {
  const all = [''];
  for (let s = 0; s < sections; s++) {
    all.push(`section-${String(s).padStart(2, '0')}`);
    for (let p = 0; p < size; p++) all.push(`section-${String(s).padStart(2, '0')}/page-${p}`);
  }
  return all;
}

describe('shards', () => {
  it('a section is the first segment of the slug; the home page is its own', () => {
    expect(sectionOf('lead-management/destinations/x')).toBe('lead-management');
    expect(sectionOf('lead-management')).toBe('lead-management');
    expect(sectionOf('')).toBe('');
  });

  it('reads k/n and refuses anything else with what it takes', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    for (const bad of ['0/3', '4/3', '3', 'a/b', '1/0', '-1/2', '1/2/3'])
      expect(parseShard(bad), bad).toMatch(/--shard takes k\/n with 1 ≤ k ≤ n/);
    expect(currentShard({ PUBLISHER_DOCS_SHARD: '2/3' })).toEqual({ index: 2, count: 3 });
    expect(currentShard({ PUBLISHER_DOCS_SHARD: '1/1' })).toBeUndefined();
    expect(currentShard({})).toBeUndefined();
    expect(() => currentShard({ PUBLISHER_DOCS_SHARD: '5/3' })).toThrow(/PUBLISHER_DOCS_SHARD/);
  });

  it('puts every section in exactly one shard, in runs of about equal size, the same whatever the order it is given', () => {
    const all = slugs(12, 20);
    const plan = planShards(all, 3);
    expect(planShards([...all].reverse(), 3)).toEqual(plan);
    const sizes = [1, 2, 3].map((k) => all.filter((slug) => plan.get(sectionOf(slug)) === k).length);
    expect(sizes.reduce((a, b) => a + b)).toBe(all.length);
    for (const size of sizes) expect(Math.abs(size - all.length / 3)).toBeLessThanOrEqual(21);
    // Runs in slug order: a later section never goes to an earlier shard.
    const order = [...plan.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, k]) => k);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('keeps a section whole even when it is larger than a share, and leaves shards empty when there are too few sections', () => {
    const plan = planShards(['', 'big', ...Array.from({ length: 50 }, (_, i) => `big/p${i}`), 'small', 'small/a'], 2);
    expect(new Set(plan.values()).size).toBeLessThanOrEqual(2);
    expect(planShards(['', 'a', 'a/b'], 5).size).toBe(2);
  });

  it('filters slugs by shard, and only shard 1 owns the site-wide pages', () => {
    const all = slugs(6, 5);
    const filters = [1, 2, 3].map((index) => shardFilter(all, { index, count: 3 }));
    for (const slug of all) expect(filters.filter((inShard) => inShard(slug)).length, slug).toBe(1);
    expect(shardFilter(all, undefined)('anything')).toBe(true);
    expect(ownsSiteWidePages({ index: 1, count: 3 })).toBe(true);
    expect(ownsSiteWidePages({ index: 2, count: 3 })).toBe(false);
    expect(ownsSiteWidePages(undefined)).toBe(true);
  });
});

describe('shard glob patterns', () => {
  it('lists the shard’s top-level pages and section folders in every locale, with names taken literally', () => {
    const pages = new Map([
      ['en', ['index.mdx', 'about.mdx', 'a [draft]/index.mdx', 'a [draft]/x.mdx', 'zeta/y.mdx']],
      ['de', ['index.mdx', 'a [draft]/x.mdx', 'zeta/y.mdx']],
    ]);
    const all = [1, 2, 3].map((index) => shardGlobPatterns(pages, 'en', { index, count: 3 }));
    expect(all.flat().sort()).toEqual(
      [
        'de/index.mdx',
        'de/a \\[draft\\]/**/*.mdx',
        'de/zeta/**/*.mdx',
        'en/index.mdx',
        'en/about.mdx',
        'en/a \\[draft\\]/**/*.mdx',
        'en/zeta/**/*.mdx',
      ].sort(),
    );
    expect(shardGlobPatterns(new Map([['en', ['index.mdx']]]), 'en', { index: 1, count: 2 })).toEqual(['.no-pages-in-shard-1-of-2/*.mdx']);
  });
});
