/**
 * The locale registry: `content/locales.json` is the one list of languages.
 *
 * Astro's i18n config, the routes, the language picker, the build's content
 * guard and the checkers all read it through this module, so adding a locale is
 * one entry here plus a `content/<code>/` folder.
 */
import { join } from 'node:path';
import { z } from 'astro/zod';
import { readJson } from '../content/json.ts';
import { ContentError, type Finding } from '../report/finding.ts';

export const REGISTRY_FILE = 'content/locales.json';

/** A well-formed language tag that Intl (which formats dates and language names from it) accepts. */
function isLanguageTag(tag: string): boolean {
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

const localeSchema = z
  .object({
    /** BCP 47 tag used in URLs and folder names, such as `de` or `pt-br`. */
    code: z.string().regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/, 'use a lowercase BCP 47 tag such as "de" or "pt-br"'),
    /** The language's name in that language, as the picker shows it. */
    name: z.string().min(1),
    dir: z.enum(['ltr', 'rtl']),
    /** `complete`: every page must be translated. `partial`: missing pages fall back to the source. */
    status: z.enum(['complete', 'partial']),
    /**
     * Language tag for `<html lang>` and `hreflang`, such as `de-DE`; defaults to `code`. A well-formed
     * BCP 47 tag (letters, digits, hyphens): it lands in attributes, the sitemap and Intl, so nothing else may.
     */
    hreflang: z.string().refine(isLanguageTag, 'use a BCP 47 tag such as "de-DE" or "pt-BR"').optional(),
    /**
     * A pseudo-locale (`npm run i18n:pseudo`): generated from the source to test
     * the site, never a language readers get. Its pages are `noindex`, out of
     * the sitemap and never another page's hreflang alternate (`isIndexed`).
     */
    pseudo: z.boolean().optional(),
  })
  .strict();

const registrySchema = z
  .object({
    /** The locale every other one is translated from. */
    source: z.string(),
    locales: z.array(localeSchema).min(1),
  })
  .strict()
  .superRefine((registry, ctx) => {
    const seen = new Set<string>();
    registry.locales.forEach((locale, index) => {
      if (seen.has(locale.code))
        ctx.addIssue({ code: 'custom', path: ['locales', index, 'code'], message: `"${locale.code}" is listed twice` });
      seen.add(locale.code);
    });
    const sourceIndex = registry.locales.findIndex((locale) => locale.code === registry.source);
    if (registry.locales[sourceIndex]?.pseudo)
      ctx.addIssue({ code: 'custom', path: ['locales', sourceIndex, 'pseudo'], message: 'the source locale cannot be a pseudo-locale' });
    if (!seen.has(registry.source))
      ctx.addIssue({ code: 'custom', path: ['source'], message: `the source locale "${registry.source}" is not in "locales"` });
  });

export type Locale = Omit<z.infer<typeof localeSchema>, 'hreflang'> & { hreflang: string };

export interface LocaleRegistry {
  source: Locale;
  locales: readonly Locale[];
  /** Codes in registry order, the source first. */
  codes: readonly string[];
  get(code: string): Locale | undefined;
  /** Every locale but the source: the ones translators work on. */
  translations: readonly Locale[];
}

/** Whether a locale's pages are for search engines: every locale but a pseudo-locale. The sitemap, hreflang and `noindex` ask this. */
export function isIndexed(locale: Pick<Locale, 'pseudo'> | undefined): boolean {
  return locale?.pseudo !== true;
}

/** Validates registry JSON; returns problems located in `content/locales.json` (by `positionOf`, the nearest place of a path). */
export function parseRegistry(
  value: unknown,
  positionOf: (path: readonly (string | number)[]) => { line: number; column: number } | undefined = () => undefined,
): LocaleRegistry | Finding[] {
  const result = registrySchema.safeParse(value);
  if (!result.success) {
    return result.error.issues.map((issue) => ({
      file: REGISTRY_FILE,
      ...(positionOf(issue.path as (string | number)[]) ?? {}),
      rule: 'config',
      severity: 'error',
      message: `Invalid locale registry at ${issue.path.join('.') || '(root)'}: ${issue.message}.`,
      hint: 'Each locale needs code, name, dir ("ltr" or "rtl") and status ("complete" or "partial").',
    }));
  }
  const locales = result.data.locales.map((locale) => ({ ...locale, hreflang: locale.hreflang ?? locale.code }));
  // The source leads, so every list (picker, hreflang, checks) starts from it.
  locales.sort((a, b) => Number(b.code === result.data.source) - Number(a.code === result.data.source));
  const byCode = new Map(locales.map((locale) => [locale.code, locale]));
  return {
    source: byCode.get(result.data.source)!,
    locales,
    codes: locales.map((locale) => locale.code),
    get: (code) => byCode.get(code),
    translations: locales.filter((locale) => locale.code !== result.data.source),
  };
}

/** Reads `content/locales.json` under `root`; throws a ContentError naming the file and line. */
export function loadRegistry(root: string): LocaleRegistry {
  const json = readJson(REGISTRY_FILE, join(root, REGISTRY_FILE));
  if (!json.ok) throw new ContentError(json.problems);
  const registry = parseRegistry(json.doc.value, json.doc.nearestPositionOf);
  if (Array.isArray(registry)) throw new ContentError(registry);
  return registry;
}
