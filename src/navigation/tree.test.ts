import { describe, expect, it } from 'vitest';
import { buildNavTree, countLinks, labelFromFolder, SIDEBAR_LEVEL_LIMIT, sidebarWindow, type NavInput, type SidebarItem } from './tree.ts';

const page = (slug: string, order: number, extra: Partial<NavInput> = {}): NavInput => ({
  slug,
  url: slug === '' ? '/en/' : `/en/${slug}/`,
  title: `Title ${slug || 'home'}`,
  order,
  ...extra,
});

/** The sidebar as indented text, so a test reads like the rendered list. */
function outline(items: readonly SidebarItem[], depth = 0): string[] {
  return items.flatMap((item) => {
    const pad = '  '.repeat(depth);
    if (item.kind === 'more') return [`${pad}… ${item.count} more${item.url ? ` -> ${item.url}` : ''}`];
    if (item.kind === 'page') return [`${pad}${item.page.label}${item.current ? ' *' : ''}`];
    const head = `${pad}[${item.section.label}]${item.current ? ' *' : ''}${item.onPath ? ' (open)' : ''}`;
    return [head, ...(item.items ? outline(item.items, depth + 1) : [])];
  });
}

const site = [
  page('', 0, { navTitle: 'Overview' }),
  page('lead-management', 10, { title: 'Lead management in depth', navTitle: 'Lead management' }),
  page('lead-management/enable', 10),
  page('lead-management/overview', 5),
  page('lead-management/destinations', 30, { title: 'Lead destinations' }),
  page('lead-management/destinations/salesforce', 20),
  page('lead-management/destinations/dynamics', 10),
  page('lead-management/destinations/http/endpoint', 10),
  page('offers/create', 10),
  page('offers/publish', 20),
  page('about', 50),
];

describe('navigation tree', () => {
  it('makes folders sections, titled by their index page, nested to any depth', () => {
    const tree = buildNavTree(site);
    const lead = tree.section('lead-management')!;
    expect(lead.label).toBe('Lead management');
    expect(lead.index?.title).toBe('Lead management in depth');
    expect(lead.url).toBe('/en/lead-management/');
    expect(tree.section('lead-management/destinations')?.label).toBe('Lead destinations');
    expect(tree.section('lead-management/destinations/http')?.parent?.slug).toBe('lead-management/destinations');
    expect(tree.sectionOf('lead-management/destinations/salesforce')?.slug).toBe('lead-management/destinations');
    expect(tree.sectionOf('lead-management')?.slug).toBe('lead-management');
  });

  it('labels a section without an index page from its folder name and links it to its first page', () => {
    const tree = buildNavTree(site);
    expect(labelFromFolder('lead-management')).toBe('Lead management');
    const offers = tree.section('offers')!;
    expect(offers.label).toBe('Offers');
    expect(offers.index).toBeUndefined();
    expect(offers.url).toBe('/en/offers/create/');
    expect(tree.section('lead-management/destinations/http')?.url).toBe('/en/lead-management/destinations/http/endpoint/');
  });

  it('orders by frontmatter order, then slug; a section without index sorts by its first page', () => {
    const tree = buildNavTree(site);
    expect(tree.root.children.map((child) => child.slug)).toEqual(['lead-management', 'offers', 'about']);
    expect(tree.section('lead-management')!.children.map((child) => child.slug)).toEqual([
      'lead-management/overview',
      'lead-management/enable',
      'lead-management/destinations',
    ]);
    expect(tree.sequence.map((p) => p.slug)).toEqual([
      '',
      'lead-management',
      'lead-management/overview',
      'lead-management/enable',
      'lead-management/destinations',
      'lead-management/destinations/dynamics',
      'lead-management/destinations/http/endpoint',
      'lead-management/destinations/salesforce',
      'offers/create',
      'offers/publish',
      'about',
    ]);
  });

  it('shows the top level, and the sections on the path opened one level, not their children', () => {
    const tree = buildNavTree(site);
    expect(outline(tree.sidebar('lead-management/destinations/salesforce'))).toEqual([
      'Overview',
      '[Lead management] (open)',
      '  Title lead-management/overview',
      '  Title lead-management/enable',
      '  [Lead destinations] (open)',
      '    Title lead-management/destinations/dynamics',
      '    [Http]',
      '    Title lead-management/destinations/salesforce *',
      '[Offers]',
      'Title about',
    ]);
    expect(outline(tree.sidebar('lead-management'))).toEqual([
      'Overview',
      '[Lead management] * (open)',
      '  Title lead-management/overview',
      '  Title lead-management/enable',
      '  [Lead destinations]',
      '[Offers]',
      'Title about',
    ]);
    expect(outline(tree.sidebar(''))).toEqual(['Overview *', '[Lead management]', '[Offers]', 'Title about']);
  });

  it('gives breadcrumbs from home through each section, linking only sections with an index page', () => {
    const tree = buildNavTree(site);
    expect(tree.breadcrumbs('lead-management/destinations/http/endpoint')).toEqual([
      { label: 'Overview', url: '/en/', lang: undefined },
      { label: 'Lead management', url: '/en/lead-management/', lang: undefined },
      { label: 'Lead destinations', url: '/en/lead-management/destinations/', lang: undefined },
      { label: 'Http', url: undefined, lang: undefined },
      { label: 'Title lead-management/destinations/http/endpoint', url: undefined, lang: undefined },
    ]);
    expect(tree.breadcrumbs('lead-management').map((crumb) => crumb.label)).toEqual(['Overview', 'Lead management']);
    expect(tree.breadcrumbs('').map((crumb) => crumb.url)).toEqual([undefined]);
  });

  it('links previous and next in reading order across sections', () => {
    const tree = buildNavTree(site);
    expect(tree.neighbours('lead-management/destinations')).toMatchObject({
      previous: { slug: 'lead-management/enable' },
      next: { slug: 'lead-management/destinations/dynamics' },
    });
    expect(tree.neighbours('').previous).toBeUndefined();
    expect(tree.neighbours('about').next).toBeUndefined();
  });

  it('keeps the language of fallback pages on their labels', () => {
    const tree = buildNavTree([
      page('', 0, { title: 'Start' }),
      page('guides', 1, { title: 'Guides', lang: 'en' }),
      page('guides/a', 1, { lang: 'en' }),
    ]);
    expect(tree.section('guides')?.lang).toBe('en');
    expect(tree.page('guides/a')?.lang).toBe('en');
    expect(tree.breadcrumbs('guides/a').map((crumb) => crumb.lang)).toEqual([undefined, 'en', 'en']);
  });

  it('gives every page of a 1,000-page site in 50 folders a sidebar of a few dozen links, the same at 100 pages', () => {
    const generate = (folders: number) => [
      page('', 0),
      ...Array.from({ length: folders }, (_, f) => [
        page(`section-${f}`, f + 1),
        ...Array.from({ length: 19 }, (_, p) => page(`section-${f}/page-${p}`, p)),
      ]).flat(),
    ];
    const large = buildNavTree(generate(50));
    expect(large.sequence).toHaveLength(1001);
    const sizes = large.sequence.map((p) => countLinks(large.sidebar(p.slug)));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1 + 50 + 19);
    // Nested 5 × 10 folders: the top level stays small and only the open path adds links.
    const nested = buildNavTree([
      page('', 0),
      ...Array.from({ length: 5 }, (_, a) =>
        Array.from({ length: 10 }, (_, b) => Array.from({ length: 20 }, (_, p) => page(`area-${a}/topic-${b}/page-${p}`, p))),
      ).flat(2),
    ]);
    expect(nested.sequence).toHaveLength(1001);
    expect(Math.max(...nested.sequence.map((p) => countLinks(nested.sidebar(p.slug))))).toBeLessThanOrEqual(1 + 5 + 10 + 20);
    const small = buildNavTree(generate(5));
    expect(countLinks(small.sidebar('section-1/page-3'))).toBe(1 + 5 + 19);
  });
  it('lists at most SIDEBAR_LEVEL_LIMIT entries a level: a window around the reader, the rest counted and linked to the listing', () => {
    // 250 sibling folders at the top level, as in the bench's corpus at 5,000 pages: each page carried all 250 before.
    const generate = (folders: number) => [
      page('', 0),
      ...Array.from({ length: folders }, (_, f) => [
        page(`section-${f}`, f + 1),
        ...Array.from({ length: 20 }, (_, p) => page(`section-${f}/page-${p}`, p)),
      ]).flat(),
    ];
    const tree = buildNavTree(generate(250));
    const bar = outline(tree.sidebar('section-120/page-3'));
    expect(bar[0]).toBe('Title home');
    expect(bar[1]).toBe('… 110 more -> /en/');
    expect(bar.filter((line) => /^\[/.test(line))).toEqual(
      Array.from({ length: 20 }, (_, i) => `[Title section-${110 + i}]${i === 10 ? ' (open)' : ''}`),
    );
    expect(bar.at(-1)).toBe('… 120 more -> /en/');
    // The open folder's 20 pages are whole (20 is the limit), the current one marked.
    expect(bar.filter((line) => line.startsWith('  '))).toHaveLength(20);
    expect(bar).toContain('  Title section-120/page-3 *');
    // At the ends the window stays full: the first and last sections show 20 siblings, counted on one side only.
    expect(outline(tree.sidebar('section-0/page-0')).filter((line) => line.startsWith('…'))).toEqual(['… 230 more -> /en/']);
    expect(outline(tree.sidebar('section-249')).filter((line) => line.startsWith('…'))).toEqual(['… 230 more -> /en/']);
    expect(outline(tree.sidebar('section-249'))).toContain('[Title section-249] * (open)');
    // The home page shows the first 20 sections.
    expect(outline(tree.sidebar('')).slice(0, 3)).toEqual(['Title home *', '[Title section-0]', '[Title section-1]']);

    // Bounded whatever the size: every page of a 250-folder and a 1,000-folder site has the same most links.
    const bound = 1 + (SIDEBAR_LEVEL_LIMIT + 2) * 2;
    for (const folders of [250, 1000]) {
      const big = buildNavTree(generate(folders));
      expect(Math.max(...big.sequence.map((p) => countLinks(big.sidebar(p.slug)))), `${folders} folders`).toBeLessThanOrEqual(bound);
    }
  });

  it('counts left-out entries of a folder without an index page as text, with nothing to link to', () => {
    const tree = buildNavTree([page('', 0), ...Array.from({ length: 60 }, (_, p) => page(`notes/page-${String(p).padStart(2, '0')}`, p))]);
    const bar = outline(tree.sidebar('notes/page-30'));
    expect(bar.filter((line) => line.includes('more'))).toEqual(['  … 20 more', '  … 20 more']);
    expect(bar.filter((line) => line.startsWith('  Title'))).toHaveLength(SIDEBAR_LEVEL_LIMIT);
    expect(bar).toContain('  Title notes/page-30 *');
  });

  it('windows a level around its focus, full at the ends', () => {
    expect(sidebarWindow(5, 3, 10)).toEqual({ start: 0, end: 5 });
    expect(sidebarWindow(100, 50, 10)).toEqual({ start: 45, end: 55 });
    expect(sidebarWindow(100, 2, 10)).toEqual({ start: 0, end: 10 });
    expect(sidebarWindow(100, 99, 10)).toEqual({ start: 90, end: 100 });
  });
});
