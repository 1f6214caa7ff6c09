/**
 * The search dialog's labels for one locale (`/search/<locale>.json`),
 * fetched only when a reader opens search, so pages do not carry them.
 * From i18next at build time, like every UI string.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { registry } from '../../i18n/siteRegistry.ts';
import { PAGEFIND_STRINGS } from '../../i18n/searchStrings.ts';
import { useTranslations } from '../../i18n/translator.ts';

export const getStaticPaths = (() => registry.locales.map((locale) => ({ params: { locale: locale.code } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const t = useTranslations(params.locale!);
  const strings = Object.fromEntries(PAGEFIND_STRINGS.map((key) => [key, t(`search.pagefind.${key}`)]));
  return new Response(JSON.stringify(strings), { headers: { 'content-type': 'application/json' } });
};
