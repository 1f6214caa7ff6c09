/**
 * The frontmatter every page has, in every locale.
 *
 * A translation also records where it came from, as Microsoft's localization
 * system does with `ms.openlocfilehash` and `ms.translationtype`: the content
 * hash of the source file it was made from (so the translation checker can tell
 * when the source moved on) and whether a person or a machine translated it.
 */
import { z } from 'astro/zod';
import { CORE_SCHEMA, load } from 'js-yaml';
import { isHeadingId } from '../markdown/headingIds.ts';

/** A section key of a translation record: a heading id the slug rule can produce, `_intro` or `_meta`. */
const sectionId = z.string().refine((id) => id === '_intro' || id === '_meta' || isHeadingId(id), 'a heading id (as the page\'s heading gives it), _intro or _meta');

export const translationSchema = z
  .object({
    /** `sha256:` + the first 16 hex digits of the source file's hash when this was translated; `npm run i18n:stamp` writes it. */
    source: z.string().regex(/^sha256:[0-9a-f]{16,64}$/, 'write "sha256:" and the hex hash that `npm run i18n:stamp` prints'),
    /** `human` (translated by a person) or `machine` (machine-translated; the page shows a notice). */
    method: z.enum(['human', 'machine']),
    /** Whether a person has reviewed a machine translation (`npm run i18n:stamp -- --reviewed`); human translations count as reviewed. */
    reviewed: z.boolean().optional(),
    /** Sections (heading ids, `_intro`, `_meta`) machine-translated in a page a person otherwise translated; none are reviewed yet (`i18n:stamp --machine-section`, cleared by `--reviewed`). */
    machineSections: z.array(sectionId).optional(),
    /** A fingerprint of each source section when this was translated (see src/translation/sections.ts); written by `npm run i18n:stamp`. */
    sections: z.record(sectionId, z.string().regex(/^([0-9a-f]{6}|-)(\.([0-9a-f]{6}|-)){3}(@[0-9a-f]{6})?$/, 'write what `npm run i18n:stamp` writes')).optional(),
  })
  .strict();

export const frontmatterSchema = z
  .object({
    title: z.string().trim().min(1),
    /** One or two sentences for search results and link previews. */
    description: z.string().trim().min(20).max(200),
    /** Position in the navigation; the same in every locale. */
    order: z.number().int().min(0),
    /** Shorter title for the navigation, if the full title is long. */
    navTitle: z.string().trim().min(1).optional(),
    translation: translationSchema.optional(),
    /** Last substantive change, used when git history is not available. */
    updated: z.coerce.date().optional(),
  })
  .strict();

export type Frontmatter = z.infer<typeof frontmatterSchema>;

/** Frontmatter keys whose values must be equal in every locale (they are structure, not text). */
export const LOCALE_INVARIANT_KEYS = ['order'] as const;

/** Frontmatter keys whose values are words a translator translates (readers and search see them first). */
export const TRANSLATABLE_KEYS = ['title', 'navTitle', 'description'] as const;

/**
 * Reads a frontmatter block's YAML with the parser Astro reads it with (js-yaml, through
 * `@astrojs/internal-helpers/frontmatter`), so the tools accept the YAML the site does. The YAML 1.2
 * core schema keeps a date the string it was written as (Astro's default schema would make it a
 * Date; the schema above coerces either), so values round-trip as written. Throws js-yaml's error,
 * which carries the line and column, or a FrontmatterAliasError.
 */
export function loadFrontmatterYaml(yaml: string): unknown {
  const value = load(yaml, { schema: CORE_SCHEMA });
  if (!isTree(value)) throw new FrontmatterAliasError();
  return value;
}

/**
 * A frontmatter that reuses a list or map through an alias (`&name` … `*name`). js-yaml hands out the
 * same object again for each alias, so nine lines can stand for a billion values once anything
 * copies them (JSON, a cache, a hash): a page from any contributor must not be able to do that.
 */
export class FrontmatterAliasError extends Error {
  constructor() {
    super('a list or map is reused through an alias (`*name`); frontmatter values are written out');
  }
}

/** Whether no list or map is reached twice: walked once, so the check costs what the value holds. */
function isTree(value: unknown): boolean {
  const seen = new Set<object>();
  const pending = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (next === null || typeof next !== 'object') continue;
    if (seen.has(next)) return false;
    seen.add(next);
    pending.push(...Object.values(next));
  }
  return true;
}
