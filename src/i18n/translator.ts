/**
 * UI strings through i18next, at build time only: pages are static HTML, so no
 * i18next code reaches the browser.
 *
 * Each locale folder holds its namespaces as JSON (`content/de/ui.json`,
 * `content/de/tables.json`). A key missing in a locale falls back to the source
 * locale's text, so a new locale renders before it is fully translated.
 */
import i18next, { type TFunction } from 'i18next';
import { registry } from './siteRegistry.ts';

/** Namespaces a locale folder may hold; `ui` is the default. */
export const NAMESPACES = ['ui', 'tables'] as const;
export type Namespace = (typeof NAMESPACES)[number];

// Vite bundles these at build time and reloads them in `astro dev`.
const files = import.meta.glob<Record<string, unknown>>('/content/*/*.json', { eager: true, import: 'default' });

function resourcesFromFiles() {
  const resources: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [path, value] of Object.entries(files)) {
    const [, , locale, file] = path.split('/');
    const namespace = file?.replace(/\.json$/, '');
    if (!locale || !namespace || !(NAMESPACES as readonly string[]).includes(namespace)) continue;
    (resources[locale] ??= {})[namespace] = value;
  }
  return resources;
}

const instance = i18next.createInstance();
await instance.init({
  resources: resourcesFromFiles(),
  lng: registry.source.code,
  fallbackLng: registry.source.code,
  supportedLngs: [...registry.codes],
  ns: [...NAMESPACES],
  defaultNS: 'ui',
  initAsync: false,
  // Astro escapes what it renders; escaping here would double-escape. So a string from here is text, never
  // markup: it goes into `{…}` expressions (escaped for text or attribute), never `set:html`, and the search
  // dialog's strings reach Pagefind as JSON, which sets them as text (tests/xss.test.ts holds both to it).
  interpolation: { escapeValue: false },
  returnEmptyString: false,
  // Registry codes (and so resource keys) are lowercase; without this i18next canonicalizes `pt-br` to `pt-BR`
  // and `qps-ploc` to `qps-Ploc` (a four-letter subtag reads as a script), misses the resources and shows
  // every string in the fallback language. The pseudo-locale's browser test found it.
  lowerCaseLng: true,
});

const fixedByLocale = new Map<string, TFunction>();

/**
 * The `t` function for one locale and namespace. Every page asks for the same
 * few dozen labels, so a string without options is resolved once per locale
 * and remembered: on a site of thousands of pages this takes i18next's lookup
 * and interpolation machinery out of the per-page cost.
 */
export function useTranslations(locale: string, namespace: Namespace = 'ui'): TFunction {
  const id = `${locale}\u0000${namespace}`;
  let t = fixedByLocale.get(id);
  if (!t) {
    const fixed = instance.getFixedT(locale, namespace) as unknown as (...args: unknown[]) => unknown;
    const plain = new Map<string, unknown>();
    t = ((key: unknown, ...rest: unknown[]) => {
      if (rest.length > 0 || typeof key !== 'string') return fixed(key, ...rest);
      if (!plain.has(key)) plain.set(key, fixed(key));
      return plain.get(key);
    }) as unknown as TFunction;
    fixedByLocale.set(id, t);
  }
  return t;
}

/**
 * Whether a locale has its own string for a key (not i18next's fallback to the source): a label shown
 * from the source carries the source's `lang` (src/model/status.ts, `missingLabel`, decides that a
 * missing label falls back).
 */
export function hasOwnString(locale: string, key: string, namespace: Namespace = 'ui'): boolean {
  const value: unknown = instance.getResource(locale, namespace, key);
  return typeof value === 'string' && value.trim() !== '';
}
