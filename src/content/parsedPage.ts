/**
 * A page reduced to what the build's content guard and both checkers read:
 * its parse problems, outline (blocks, headings, links, components) and
 * frontmatter, with its YAML to place keys in findings. Plain JSON, so it can be
 * cached by content hash (parseCache.ts): each page is parsed once, whoever
 * asks first.
 */
import { frontmatterLocator, parseMdx, type FrontmatterYaml } from './mdx.ts';
import { buildOutline, type Outline, type Place } from './outline.ts';
import { pagePolicy, type PagePolicy } from './mdxPolicy.ts';
import type { Finding } from '../report/finding.ts';
import { sourceHash } from './sourceHash.ts';
import { sectionFingerprints } from '../translation/sections.ts';

/** A page as the rules see it; plain JSON, so it can be cached. */
export interface ParsedPage {
  /** Path from the repository root: `content/de/guides/x.mdx`. */
  file: string;
  /** Path inside the locale folder: `guides/x.mdx`; pairs a translation with its source. */
  path: string;
  locale: string;
  /** The revision id of this text (see src/content/sourceHash.ts). */
  hash: string;
  problems: Finding[];
  /** Missing when the MDX does not parse. */
  outline?: Outline;
  /** What the page holds that is code, raw HTML or a URL (see mdxPolicy.ts); missing when the MDX does not parse. */
  policy?: PagePolicy;
  frontmatter: Record<string, unknown>;
  /** The frontmatter's YAML, to find where a key is written (frontmatterPlace); missing when the MDX does not parse. */
  frontmatterYaml?: FrontmatterYaml;
  /** A fingerprint per section (see src/translation/sections.ts); empty when the MDX does not parse. */
  sections: Record<string, string>;
}

export function parsePage(file: string, path: string, locale: string, text: string): ParsedPage {
  const result = parseMdx(file, text);
  const page: ParsedPage = { file, path, locale, hash: sourceHash(text), problems: result.problems, frontmatter: {}, sections: {} };
  if (!result.ok) return page;
  page.outline = buildOutline(result.doc.tree);
  page.policy = pagePolicy(file, result.doc.tree);
  page.frontmatter = result.doc.rawFrontmatter;
  page.sections = sectionFingerprints(result.doc.tree, result.doc.rawFrontmatter);
  page.frontmatterYaml = result.doc.frontmatterYaml;
  return page;
}

const locators = new WeakMap<ParsedPage, ReturnType<typeof frontmatterLocator>>();

/**
 * Where a frontmatter key is written (`order`, `translation.source`), for a finding about it. Placed
 * only when asked, since few pages have such a finding and placing needs a second YAML parse.
 */
export function frontmatterPlace(page: ParsedPage, key: string): Place | undefined {
  if (!page.frontmatterYaml) return undefined;
  let locator = locators.get(page);
  if (!locator) locators.set(page, (locator = frontmatterLocator(page.frontmatterYaml.text, page.frontmatterYaml.line)));
  return locator.positionOf(key.split('.'));
}

