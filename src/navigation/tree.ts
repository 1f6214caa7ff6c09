/**
 * The navigation of one locale as a tree: folders are sections, nested to any
 * depth, and a folder's index page (slug = the folder's path) titles and
 * introduces its section.
 *
 * Built once per locale per build from the locale's pages; every question a
 * page asks (its sidebar, breadcrumbs, previous/next, a section's contents) is
 * then a Map lookup plus work bounded by the depth of the page and the size of
 * the folders on its path, never by the size of the site. That is what keeps a
 * page's HTML flat as the site grows: the sidebar shows the top-level sections,
 * the sections on the path to the current page with their pages and
 * sub-sections, and nothing below a section the reader is not in; and each
 * level lists at most SIDEBAR_LEVEL_LIMIT entries (a window around the
 * reader's place, the rest counted), so a folder of 250 sections costs every
 * page no more than one of 20.
 *
 * Pure: no Astro, no file system. The pages come from the routes (or the
 * content model), already localized.
 */

export interface NavInput {
  /** '' for the home page, `a/b` for a page; a folder's index page has the folder's path. */
  slug: string;
  url: string;
  title: string;
  navTitle?: string | undefined;
  description?: string | undefined;
  order: number;
  /** The language the page is written in when it is not the locale's (a fallback), for `lang`. */
  lang?: string | undefined;
}

export interface NavPage {
  kind: 'page';
  slug: string;
  url: string;
  /** What navigation shows: `navTitle`, else the title. */
  label: string;
  title: string;
  description: string | undefined;
  order: number;
  lang: string | undefined;
  /** The section the page sits in (for an index page: the section above the one it introduces). */
  parent: NavSection;
}

export interface NavSection {
  kind: 'section';
  /** The folder's path within the locale ('' for the root). */
  slug: string;
  label: string;
  order: number;
  /** The folder's index page, if it has one. */
  index: NavPage | undefined;
  /** Pages and sub-sections in navigation order (the index page is not among them). */
  children: (NavPage | NavSection)[];
  parent: NavSection | undefined;
  /** Where a link to the section goes: its index page, else its first page. */
  url: string | undefined;
  /** Language of the label when it comes from a fallback index page. */
  lang: string | undefined;
}

export type SidebarItem =
  | { kind: 'page'; page: NavPage; current: boolean }
  | { kind: 'section'; section: NavSection; current: boolean; onPath: boolean; items: SidebarItem[] | undefined }
  /**
   * Entries of `section` the sidebar leaves out (before or after the window it shows), counted; `url` is the
   * section's index page, whose contents list names every entry (undefined when the folder has no index page).
   */
  | { kind: 'more'; section: NavSection; count: number; url: string | undefined };

/**
 * The most entries one level of the sidebar lists. Every page carries its sidebar, so a level may not
 * grow with the site: beyond this, a level shows this many entries around the reader's place and counts
 * the rest, linking to the section's index page, which lists them all. 20 keeps a folder of the bench's
 * size (and every folder of the guides) whole.
 */
export const SIDEBAR_LEVEL_LIMIT = 20;

/**
 * Which of `total` entries a level shows: all of them up to `limit`, else `limit` entries with the one at
 * `focus` (the reader's page or the section they are in) in the middle, or as near it as the ends allow.
 */
export function sidebarWindow(total: number, focus: number, limit = SIDEBAR_LEVEL_LIMIT): { start: number; end: number } {
  if (total <= limit) return { start: 0, end: total };
  const start = Math.max(0, Math.min(focus - Math.floor(limit / 2), total - limit));
  return { start, end: start + limit };
}

export interface Crumb {
  label: string;
  url: string | undefined;
  lang: string | undefined;
}

export interface NavTree {
  root: NavSection;
  page(slug: string): NavPage | undefined;
  section(slug: string): NavSection | undefined;
  /** The section a page is about: the one it is the index of, else the folder it sits in. */
  sectionOf(slug: string): NavSection | undefined;
  /** The sidebar for the page at `slug`: top level, plus each section on its path opened one level. */
  sidebar(slug: string): SidebarItem[];
  /** Home, each section on the path, the page itself (last, without URL). */
  breadcrumbs(slug: string): Crumb[];
  /** Previous and next page in reading order (depth first: a section's index, then its contents). */
  neighbours(slug: string): { previous: NavPage | undefined; next: NavPage | undefined };
  /** Every page in reading order. */
  readonly sequence: readonly NavPage[];
}

/** `lead-management` → `Lead management`: the label of a section without an index page. */
export function labelFromFolder(segment: string): string {
  const words = segment.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const parentSlug = (slug: string) => (slug.includes('/') ? slug.slice(0, slug.lastIndexOf('/')) : '');

export function buildNavTree(inputs: readonly NavInput[]): NavTree {
  const sections = new Map<string, NavSection>();
  const pages = new Map<string, NavPage>();

  const sectionAt = (slug: string): NavSection => {
    let section = sections.get(slug);
    if (section) return section;
    const parent = slug === '' ? undefined : sectionAt(parentSlug(slug));
    section = {
      kind: 'section',
      slug,
      label: labelFromFolder(slug.split('/').at(-1) ?? ''),
      order: Number.POSITIVE_INFINITY,
      index: undefined,
      children: [],
      parent,
      url: undefined,
      lang: undefined,
    };
    sections.set(slug, section);
    parent?.children.push(section);
    return section;
  };

  // Every folder on any page's path is a section.
  for (const input of inputs) if (input.slug !== '') sectionAt(parentSlug(input.slug));

  for (const input of inputs) {
    const introduces = input.slug === '' ? sectionAt('') : sections.get(input.slug);
    const parent = introduces ? (introduces.parent ?? introduces) : sectionAt(parentSlug(input.slug));
    const page: NavPage = {
      kind: 'page',
      slug: input.slug,
      url: input.url,
      label: input.navTitle ?? input.title,
      title: input.title,
      description: input.description,
      order: input.order,
      lang: input.lang,
      parent,
    };
    pages.set(input.slug, page);
    if (introduces) {
      introduces.index = page;
      introduces.label = page.label;
      introduces.lang = page.lang;
      introduces.order = page.order;
      introduces.url = page.url;
    } else {
      parent.children.push(page);
    }
  }

  // Order sections without an index by their first child; then sort every level (order, then slug, so ties are stable).
  const settle = (section: NavSection): number => {
    let first = Number.POSITIVE_INFINITY;
    for (const child of section.children) first = Math.min(first, child.kind === 'section' ? settle(child) : child.order);
    if (!section.index) section.order = first;
    section.children.sort((a, b) => a.order - b.order || a.slug.localeCompare(b.slug));
    return section.order;
  };
  const root = sectionAt('');
  settle(root);

  const sequence: NavPage[] = [];
  const walk = (section: NavSection) => {
    if (section.index) sequence.push(section.index);
    for (const child of section.children) {
      if (child.kind === 'section') walk(child);
      else sequence.push(child);
    }
  };
  walk(root);
  const position = new Map(sequence.map((page, index) => [page.slug, index]));
  // Where each entry sits among its section's children, so a sidebar finds its window without scanning a folder.
  const positionInParent = new Map<NavPage | NavSection, number>();
  for (const section of sections.values()) section.children.forEach((child, index) => positionInParent.set(child, index));
  // A section without an index page links to its first page.
  for (const section of sections.values()) {
    if (section.url !== undefined) continue;
    let first: NavPage | NavSection | undefined = section.children[0];
    while (first?.kind === 'section' && !first.index) first = first.children[0];
    section.url = first?.url;
  }

  const sectionOf = (slug: string) => sections.get(slug) ?? pages.get(slug)?.parent;

  const pathTo = (section: NavSection): NavSection[] => {
    const path: NavSection[] = [];
    for (let at: NavSection | undefined = section; at; at = at.parent) path.unshift(at);
    return path;
  };

  const sidebar = (slug: string): SidebarItem[] => {
    const current = sectionOf(slug) ?? root;
    const onPath = new Set(pathTo(current));
    // Each section on the path and its entry the reader is at or in: what its level's window centres on.
    const focusIn = new Map<NavSection, NavPage | NavSection>();
    for (let at: NavPage | NavSection | undefined = sections.get(slug) ?? pages.get(slug); at?.parent; at = at.parent)
      focusIn.set(at.parent, at);
    const itemsOf = (section: NavSection): SidebarItem[] => {
      const { children } = section;
      const focused = focusIn.get(section);
      const { start, end } = sidebarWindow(children.length, focused ? (positionInParent.get(focused) ?? 0) : 0);
      const more = (count: number): SidebarItem[] => (count > 0 ? [{ kind: 'more', section, count, url: section.index?.url }] : []);
      return [
        ...more(start),
        ...children.slice(start, end).map((child): SidebarItem =>
          child.kind === 'page'
            ? { kind: 'page', page: child, current: child.slug === slug }
            : {
                kind: 'section',
                section: child,
                current: child.index?.slug === slug,
                onPath: onPath.has(child),
                items: onPath.has(child) ? itemsOf(child) : undefined,
              },
        ),
        ...more(children.length - end),
      ];
    };
    const items = itemsOf(root);
    return root.index ? [{ kind: 'page', page: root.index, current: root.index.slug === slug }, ...items] : items;
  };

  const breadcrumbs = (slug: string): Crumb[] => {
    const page = pages.get(slug);
    if (!page) return [];
    if (page === root.index) return [{ label: root.label, url: undefined, lang: root.lang }];
    const crumbs: Crumb[] = pathTo(page.parent).map((section) => ({ label: section.label, url: section.index?.url, lang: section.lang }));
    const own = sections.get(slug);
    if (own) crumbs.push({ label: own.label, url: undefined, lang: own.lang });
    else if (!own) crumbs.push({ label: page.label, url: undefined, lang: page.lang });
    return crumbs;
  };

  return {
    root,
    page: (slug) => pages.get(slug),
    section: (slug) => sections.get(slug),
    sectionOf,
    sidebar,
    breadcrumbs,
    neighbours: (slug) => {
      const at = position.get(slug);
      return at === undefined ? { previous: undefined, next: undefined } : { previous: sequence[at - 1], next: sequence[at + 1] };
    },
    sequence,
  };
}

/** How many links a sidebar renders (sections count once, their open items too; a count of left-out entries once). */
export function countLinks(items: readonly SidebarItem[]): number {
  return items.reduce((sum, item) => sum + 1 + (item.kind === 'section' && item.items ? countLinks(item.items) : 0), 0);
}
